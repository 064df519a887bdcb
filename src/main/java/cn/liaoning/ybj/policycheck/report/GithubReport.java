package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.BaselineCheck;
import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request's
 * lines. GitHub shows at most 10 error and 10 warning annotations of a step, so the commands keep
 * within that: one annotation per line of a file and kind, naming each field on the line in
 * Chinese; the most important first; at most {@value #MAX_PER_KIND} of each kind, and what is left
 * over counted in one notice that points to the job summary.
 *
 * <ul>
 *   <li>{@code ::error}: files that cannot be read; what fails the gate — new violations of the
 *       regulation's rules, then violations made worse, then changes without an approval
 *       ({@code PROC-*}), then the rest that fails (all violations without a baseline).
 *   <li>{@code ::warning}: new warnings, warnings made worse, approvals dated after the as-of
 *       date, then violations and warnings already in the baseline (or come to light by data entry).
 *   <li>{@code ::notice}: new indeterminate findings (missing data), what the change fixes, approval
 *       entries that list a field the change does not touch.
 * </ul>
 *
 * Indeterminate findings as in the baseline and data entries are left out (they are in the job
 * summary, the text and the JSON). Values are escaped as the Actions toolkit does.
 */
public final class GithubReport {
  /** Annotations of one kind GitHub shows per step. */
  static final int MAX_PER_KIND = 10;

  /** The catalogue as given; its summaries are rendered again at each run's as-of date. */
  private final Catalogue rules;
  private final Parameters parameters;
  /** The catalogue with its summaries at the as-of date of the run being written (set by {@code write}). */
  private Catalogue catalogue;
  private final Gate gate;

  public GithubReport(Catalogue catalogue, Parameters parameters, Gate gate) {
    this.rules = catalogue;
    this.parameters = parameters;
    this.gate = gate;
  }

  enum Kind { error, warning, notice }

  /** One annotation in the making: everything of one kind on one line of one file. */
  private static final class Annotation {
    final Kind kind;
    final String file;
    final Integer line;
    final String city;
    Integer column;
    int rank = Integer.MAX_VALUE;
    final List<String> titles = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    Annotation(Kind kind, String file, Integer line, String city) {
      this.kind = kind;
      this.file = file;
      this.line = line;
      this.city = city;
    }

    void add(int rank, Integer column, String title, String text) {
      if (rank < this.rank) {
        this.rank = rank;
      }
      if (this.column == null || column != null && column < this.column) {
        this.column = column;
      }
      titles.add(title);
      texts.add(text);
    }
  }

  public String write(RunResult run, Comparison cmp) {
    catalogue = rules.at(parameters, run.asOf());
    Map<List<Object>, Annotation> all = new LinkedHashMap<>();
    for (Diagnostic d : run.errors()) {
      at(all, Kind.error, d.file(), d.line() > 0 ? d.line() : null, null)
          .add(0, d.column() > 0 ? d.column() : null, "无法读取城市文件", d.message());
    }
    for (CityResult c : run.cities()) {
      CityDiff diff = cmp == null ? null : cmp.diff(c);
      for (Finding f : c.findings()) {
        CityDiff.Entry e = diff == null ? null : diff.entryOf(f);
        Delta delta = e == null ? null : e.delta();
        Kind kind;
        int rank;
        if (gate.fails(f.status(), delta)) {
          kind = Kind.error;
          // New violations of the regulation's rules, then worse ones, then unapproved changes (PROC-*).
          rank = delta == Delta.WORSENED ? 2 : delta == null || delta == Delta.NEW ? (BaselineCheck.isProcess(f.rule()) ? 3 : 1) : 4;
        } else if (f.status() == Status.VIOLATION || f.status() == Status.WARNING) {
          kind = Kind.warning;
          rank = delta == null || delta == Delta.NEW ? 0 : delta == Delta.WORSENED ? 1 : 3;
        } else if (f.status() == Status.INDETERMINATE && (delta == null || delta == Delta.NEW)) {
          kind = Kind.notice;
          rank = 0;
        } else {
          continue;
        }
        at(all, kind, c.file(), f.line(), c.city()).add(rank, f.column(), title(f, delta), text(f, e));
      }
      if (diff != null) {
        for (CityDiff.Entry e : diff.fixed()) {
          at(all, Kind.notice, c.file(), e.line(), c.city())
              .add(1, e.column(), title(e.finding(), Delta.FIXED), field(e.finding().path()) + Messages.fixed(e));
        }
        for (CityDiff.Note n : diff.notes()) {
          Kind kind = n.level() == CityDiff.Level.WARNING ? Kind.warning : Kind.notice;
          at(all, kind, c.file(), n.line(), c.city()).add(2, n.column(), "省级批准（approvals）", n.message());
        }
      }
    }

    StringBuilder sb = new StringBuilder();
    Map<Kind, Integer> left = new EnumMap<>(Kind.class);
    List<Annotation> sorted = new ArrayList<>(all.values());
    sorted.sort(Comparator.comparingInt((Annotation a) -> a.rank)
        .thenComparing(a -> FilePaths.relative(a.file))
        .thenComparing(a -> a.line == null ? 0 : a.line));
    for (Kind k : Kind.values()) {
      List<Annotation> of = sorted.stream().filter(a -> a.kind == k).toList();
      int room = MAX_PER_KIND;
      if (k == Kind.notice) {
        int over = left.values().stream().mapToInt(Integer::intValue).sum();
        room = over > 0 || of.size() > MAX_PER_KIND ? MAX_PER_KIND - 1 : MAX_PER_KIND; // keep one for the count
      }
      for (int i = 0; i < of.size(); i++) {
        if (i < room) {
          command(sb, k.name(), of.get(i));
        }
      }
      left.put(k, Math.max(0, of.size() - room));
    }
    int over = left.values().stream().mapToInt(Integer::intValue).sum();
    if (over > 0) {
      String text = "另有 " + left.get(Kind.error) + " 条错误、" + left.get(Kind.warning) + " 条警告、" + left.get(Kind.notice)
          + " 条提示未在此逐条标注（GitHub 每个步骤最多显示 " + MAX_PER_KIND + " 条错误和 " + MAX_PER_KIND
          + " 条警告，上面按重要程度先列新增违规和恶化）。全部结论见本次运行的作业摘要（Summary），以及构建产物中的报告文件";
      sb.append("::notice title=").append(escapeProperty("policy-check：另有 " + over + " 条未标注"))
          .append("::").append(escapeData(text)).append('\n');
    }
    return sb.toString();
  }

  private static Annotation at(Map<List<Object>, Annotation> all, Kind kind, String file, Integer line, String city) {
    List<Object> key = java.util.Arrays.asList(kind, file, line);
    return all.computeIfAbsent(key, k -> new Annotation(kind, file, line, city));
  }

  private String title(Finding f, Delta delta) {
    return f.rule() + (delta == null ? "" : "（" + delta.label + "）");
  }

  /** "［职工门诊医院类别 · 起付标准］" — the field in Chinese — then the finding's text. */
  private static String text(Finding f, CityDiff.Entry e) {
    return field(f.path()) + Messages.finding(f, e);
  }

  private static String field(String path) {
    return path == null ? "" : "【" + Schema.label(path) + "】";
  }

  private void command(StringBuilder sb, String kind, Annotation a) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("file", Echo.line(FilePaths.relative(a.file)));
    if (a.line != null) {
      props.put("line", a.line.toString());
      if (a.column != null) {
        props.put("col", a.column.toString());
      }
    }
    props.put("title", Echo.line(title(a)));
    sb.append("::").append(kind);
    String sep = " ";
    for (Map.Entry<String, String> p : props.entrySet()) {
      sb.append(sep).append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
      sep = ",";
    }
    StringBuilder message = new StringBuilder();
    for (String t : a.texts) {
      message.append(message.length() == 0 ? "" : "\n").append(a.texts.size() > 1 ? "• " : "").append(Echo.line(t));
    }
    sb.append("::").append(escapeData(message.toString())).append('\n');
  }

  /** "沈阳市 PROC-APPROVAL（新增）：summary", or for several findings on a line "沈阳市 第 60 行：PROC-APPROVAL（新增）×5". */
  private String title(Annotation a) {
    String who = a.city == null ? "" : a.city + " ";
    if (a.titles.size() == 1) {
      String rule = a.titles.get(0).split("（", 2)[0];
      Catalogue.Entry e = catalogue.get(rule);
      return who + a.titles.get(0) + (e == null ? "" : "：" + e.summary());
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    a.titles.forEach(t -> counts.merge(t, 1, Integer::sum));
    StringBuilder sb = new StringBuilder(who).append(a.line == null ? "" : "第 " + a.line + " 行：");
    int n = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (n++ == 3) {
        sb.append(" 等");
        break;
      }
      sb.append(n > 1 ? "、" : "").append(e.getKey()).append(e.getValue() > 1 ? "×" + e.getValue() : "");
    }
    return sb.toString();
  }

  /** As the Actions toolkit's escapeData: %, CR and LF. */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** As the Actions toolkit's escapeProperty: also ":" and ",", which separate properties. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
