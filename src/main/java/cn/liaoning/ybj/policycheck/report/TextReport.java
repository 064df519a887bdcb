package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.BaselineCheck;
import cn.liaoning.ybj.policycheck.baseline.Change;
import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.WaiverUse;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human-readable report: Chinese, grouped by city, violations first; each finding with its
 * clause, value found against value required, deadline and days left. Colour only when asked
 * (the CLI asks on a terminal).
 */
public final class TextReport {
  /** The catalogue as given; its summaries are rendered again at each run's as-of date. */
  private final Catalogue rules;
  private final Parameters parameters;
  /** The catalogue with its summaries at the as-of date of the run being written (set by {@code write}). */
  private Catalogue catalogue;
  private final boolean color;
  private final boolean showPass;
  private final boolean onlyChanged;

  public TextReport(Catalogue catalogue, Parameters parameters, boolean color, boolean showPass) {
    this(catalogue, parameters, color, showPass, false);
  }

  /**
   * @param onlyChanged with a baseline: list only what the proposal changes — new, worsened,
   *     entered and fixed findings (problems as in the baseline are counted, not listed)
   */
  public TextReport(Catalogue catalogue, Parameters parameters, boolean color, boolean showPass, boolean onlyChanged) {
    this.rules = catalogue;
    this.parameters = parameters;
    this.color = color;
    this.showPass = showPass;
    this.onlyChanged = onlyChanged;
  }

  public String write(RunResult run) {
    return write(run, null);
  }

  /**
   * @param cmp the comparison with a baseline, or null: then each problem is marked 新增 or 既有,
   *     and the problems the change fixes are listed per city
   */
  public String write(RunResult run, Comparison cmp) {
    catalogue = rules.at(parameters, run.asOf());
    StringBuilder sb = new StringBuilder();
    sb.append(bold(parameters.regulation().number() + " 合规检查")).append("　基准日 ").append(run.asOf());
    if (cmp != null) {
      sb.append("　基线 ").append(cmp.ref());
    }
    sb.append('\n');
    List<CityResult> cities = new java.util.ArrayList<>(run.cities());
    cities.sort(Comparator.comparing((CityResult c) -> ReportModel.codeKey(c.code())).thenComparing(CityResult::file));
    for (CityResult c : cities) {
      CityDiff diff = cmp == null ? null : cmp.diff(c);
      if (diff != null && diff.unchanged() && !showPass) {
        unchangedCity(sb, c, diff);
      } else {
        city(sb, c, diff);
      }
    }
    summary(sb, run, cmp);
    if (cmp != null) {
      baselineSummary(sb, cmp);
    }
    return sb.toString();
  }

  private void city(StringBuilder sb, CityResult c, CityDiff diff) {
    Map<Status, Integer> n = c.counts();
    sb.append('\n').append(bold("━━ " + Echo.line(c.city()) + (c.code() == null ? "" : "（" + Echo.line(c.code()) + "）")))
        .append("　").append(Echo.line(c.file())).append('\n');
    sb.append("   ");
    for (Status s : Status.values()) {
      String part = s.label + " " + n.get(s);
      sb.append(n.get(s) > 0 ? paint(s, part) : part).append("　");
    }
    sb.append('\n');
    if (diff != null) {
      sb.append("   ").append(diff.note() != null ? paint(Status.WARNING, Echo.line(diff.note())) : "基线 " + Echo.line(diff.baseline())).append('\n');
    }

    List<Finding> shown = c.findings().stream()
        .filter(f -> showPass || f.status() != Status.PASS && f.status() != Status.NOT_APPLICABLE)
        .filter(f -> !onlyChanged || diff == null || changed(diff.deltaOf(f)))
        .sorted(Comparator.comparingInt((Finding f) -> f.status().rank)
            .thenComparingInt(f -> diff == null ? 0 : order(diff.deltaOf(f))))
        .toList();
    for (Finding f : shown) {
      finding(sb, c, f, diff == null ? null : diff.entryOf(f));
    }
    if (diff != null) {
      if (onlyChanged) {
        long hidden = diff.current().stream().filter(e -> e.delta() == Delta.UNCHANGED).count();
        if (hidden > 0) {
          sb.append("  （另有 ").append(hidden).append(" 项与基线相同的问题未列出，去掉 --only changed 可查看）\n");
        }
      }
      for (CityDiff.Entry e : diff.fixed()) {
        fixed(sb, c, e);
      }
      if (!showPass) {
        entered(sb, c, diff);
      }
      for (CityDiff.Note note : diff.notes()) {
        boolean warning = note.level() == CityDiff.Level.WARNING;
        sb.append("  ").append(paint(warning ? Status.WARNING : Status.NOT_APPLICABLE, (warning ? "⚠ " : "ℹ ") + note.level().label + " 批准"))
            .append(' ').append(c.file());
        if (note.line() != null) {
          sb.append(':').append(note.line()).append(':').append(note.column() == null ? 1 : note.column());
        }
        sb.append(": ").append(note.message()).append('\n');
      }
    }
    if (!showPass && !(onlyChanged && diff != null)) {
      // A rule is "passed" only when none of its findings is a problem (a rule judged per class
      // or per change may pass for some and not for others: it is listed with its problems).
      java.util.Set<String> problems = c.findings().stream()
          .filter(f -> f.status() != Status.PASS && f.status() != Status.NOT_APPLICABLE).map(Finding::rule)
          .collect(Collectors.toSet());
      List<String> passed = c.findings().stream().filter(f -> f.status() == Status.PASS)
          .map(Finding::rule).filter(r -> !problems.contains(r)).distinct().toList();
      if (!passed.isEmpty()) {
        sb.append("  ").append(paint(Status.PASS, "✓ 通过")).append(" ").append(passed.size()).append(" 项规则：")
            .append(String.join(", ", passed)).append('\n');
      }
    }
    for (WaiverUse w : c.waivers()) {
      sb.append("  ").append(w.state() == WaiverUse.State.HONOURED ? "◇ 豁免 " : "◆ 豁免 ")
          .append(w.rule()).append("：").append(w.state().label).append(" — ").append(Echo.line(w.message()));
      if (w.line() != null) {
        sb.append("（").append(c.file()).append(':').append(w.line()).append('）');
      }
      sb.append('\n');
    }
    for (Diagnostic d : c.warnings()) {
      sb.append("  ").append(paint(Status.WARNING, "⚠ 输入")).append(' ').append(d.file()).append(':')
          .append(d.line()).append(':').append(d.column()).append(": ").append(Echo.line(d.message())).append('\n');
    }
  }

  /** Whether a delta is something the proposal changed: new, worse, entered (fixed ones are listed apart). */
  private static boolean changed(Delta d) {
    return d == Delta.NEW || d == Delta.WORSENED || d == Delta.ENTERED;
  }

  /** Within a status: new and worsened first, then entered, then those as in the baseline. */
  private static int order(Delta d) {
    return d == null ? 0 : switch (d) {
      case NEW, WORSENED -> 0;
      case ENTERED -> 1;
      default -> 2;
    };
  }

  /** A city the proposal does not touch, on one line: its counts, all as in the baseline. */
  private void unchangedCity(StringBuilder sb, CityResult c, CityDiff diff) {
    Map<Status, Integer> n = c.counts();
    sb.append('\n').append(bold("━━ " + c.city() + (c.code() == null ? "" : "（" + c.code() + "）")))
        .append("　").append(c.file()).append("　与基线相同");
    for (Status s : List.of(Status.VIOLATION, Status.WARNING, Status.INDETERMINATE)) {
      if (n.get(s) > 0) {
        sb.append("　").append(paint(s, s.label + " " + n.get(s)));
      }
    }
    sb.append(n.get(Status.VIOLATION) + n.get(Status.WARNING) + n.get(Status.INDETERMINATE) > 0 ? "（均为既有）" : "　没有问题").append('\n');
    for (Diagnostic d : c.warnings()) {
      sb.append("  ").append(paint(Status.WARNING, "⚠ 输入")).append(' ').append(d.file()).append(':')
          .append(d.line()).append(':').append(d.column()).append(": ").append(d.message()).append('\n');
    }
  }

  /** The fields the proposal enters (unknown → a value with its source): data entry, not a policy change. */
  private void entered(StringBuilder sb, CityResult c, CityDiff diff) {
    List<CityDiff.Entry> entries = diff.current().stream()
        .filter(e -> e.delta() == Delta.ENTERED && e.finding().status() == Status.PASS).toList();
    if (entries.isEmpty()) {
      return;
    }
    sb.append("  ").append(paint(Status.PASS, "＋ " + Delta.ENTERED.label)).append(" 现行政策 ").append(entries.size())
        .append(" 项（基线中未知，现注明来源录入；不是政策调整，无须报批）：\n");
    for (CityDiff.Entry e : entries) {
      Finding f = e.finding();
      Change ch = diff.change(f.path());
      sb.append("       ").append(Schema.label(f.path())).append(" ").append(value(f.actual()))
          .append("　位置 ").append(c.file());
      if (f.line() != null) {
        sb.append(':').append(f.line());
      }
      sb.append(' ').append(f.path());
      if (ch != null && ch.source() != null) {
        sb.append("　来源 ").append(ch.source());
      }
      sb.append('\n');
    }
  }

  private void finding(StringBuilder sb, CityResult c, Finding f, CityDiff.Entry entry) {
    Catalogue.Entry e = catalogue.get(f.rule());
    String icon = switch (f.status()) {
      case VIOLATION -> "✗";
      case WARNING -> "!";
      case INDETERMINATE -> "?";
      case WAIVED -> "◇";
      case PASS -> "✓";
      case NOT_APPLICABLE -> "-";
    };
    sb.append("  ").append(paint(f.status(), icon + " " + f.status().label));
    if (entry != null && entry.delta() != null) {
      sb.append(" ［").append(entry.delta().label).append("］");
    }
    sb.append("  ").append(bold(f.rule()));
    if (e != null) {
      sb.append("　").append(e.summary());
    }
    sb.append('\n');
    String indent = "       ";
    sb.append(indent);
    if (f.subject() != null) {
      sb.append("［").append(Echo.line(f.subject())).append("］");
    }
    sb.append(Echo.line(f.message())).append('\n');
    if (f.status() == Status.INDETERMINATE) {
      sb.append(indent).append("缺少或不确定：").append(f.path() == null ? "（无）" : f.path());
      if (f.expected() != null) {
        sb.append("　要求 ").append(f.expected());
      }
      sb.append('\n');
    } else {
      sb.append(indent).append("实际 ").append(value(f.actual())).append("　要求 ").append(f.expected() == null ? "—" : f.expected());
      if (entry != null && entry.valueChanged()) {
        Finding before = entry.other();
        sb.append("　基线 ").append(value(before.actual())).append("（").append(before.status().label).append("）");
      }
      sb.append('\n');
    }
    sb.append(indent).append("条款 ").append(f.clause()).append("（").append(f.strength().label).append("）");
    if (f.path() != null) {
      sb.append("　位置 ").append(c.file());
      if (f.line() != null) {
        sb.append(':').append(f.line());
      }
      sb.append(" ").append(f.path());
    }
    sb.append('\n');
    if (f.source() != null && f.status() != Status.INDETERMINATE) {
      sb.append(indent).append("来源 ").append(Echo.line(f.source())).append('\n');
    }
    if (f.deadline() != null) {
      long d = f.daysLeft();
      String when = DaysLeft.text(d);
      sb.append(indent).append("期限 ").append(f.deadline()).append("（")
          .append(d < 0 ? paint(Status.VIOLATION, when) : when).append("）").append('\n');
    } else if (BaselineCheck.isProcess(f.rule()) && (f.status() == Status.VIOLATION || f.status() == Status.WARNING)) {
      sb.append(indent).append("期限 ").append(BEFORE_MERGE).append('\n');
    }
    if (f.waiver() != null) {
      sb.append(indent).append("豁免 ").append(Echo.line(f.waiver())).append('\n');
    }
  }

  /** A baseline problem that the change fixes: what it was, and what stands there now. */
  private void fixed(StringBuilder sb, CityResult c, CityDiff.Entry entry) {
    Finding f = entry.finding();
    Catalogue.Entry e = catalogue.get(f.rule());
    sb.append("  ").append(paint(Status.PASS, "✓ " + Delta.FIXED.label)).append("  ").append(bold(f.rule()));
    if (e != null) {
      sb.append("　").append(e.summary());
    }
    sb.append('\n');
    String indent = "       ";
    sb.append(indent).append("基线").append(f.status().label).append("：");
    if (f.subject() != null) {
      sb.append("［").append(Echo.line(f.subject())).append("］");
    }
    sb.append(Echo.line(f.message())).append('\n');
    Finding now = entry.other();
    sb.append(indent).append("现在 ").append(now == null ? "无此结论" : now.status().label + "，实际 " + value(now.actual()));
    if (f.path() != null) {
      sb.append("　位置 ").append(c.file());
      if (entry.line() != null) {
        sb.append(':').append(entry.line());
      }
      sb.append(" ").append(f.path());
    }
    sb.append('\n');
  }

  /** What a process finding ({@code PROC-*}) is due by: before the proposal is merged. */
  static final String BEFORE_MERGE = "合并前（须在合并前列明省级批准或撤回改动）";

  private void baselineSummary(StringBuilder sb, Comparison cmp) {
    sb.append("   与基线 ").append(cmp.ref()).append(" 相比：")
        .append("新增违规 ").append(cmp.count(Status.VIOLATION, Delta.NEW)).append(" 项，")
        .append("恶化 ").append(cmp.count(Status.VIOLATION, Delta.WORSENED) + cmp.count(Status.WARNING, Delta.WORSENED)).append(" 项，")
        .append("既有违规 ").append(cmp.count(Status.VIOLATION, Delta.UNCHANGED)).append(" 项，")
        .append("新增警告 ").append(cmp.count(Status.WARNING, Delta.NEW)).append(" 项，")
        .append("新增待定 ").append(cmp.count(Status.INDETERMINATE, Delta.NEW)).append(" 项，")
        .append("录入 ").append(cmp.count(Status.PASS, Delta.ENTERED)).append(" 项，")
        .append(cmp.count(Status.VIOLATION, Delta.ENTERED) > 0
            ? "录入后显现的违规 " + cmp.count(Status.VIOLATION, Delta.ENTERED) + " 项，" : "")
        .append("已修复 ").append(cmp.fixedCount()).append(" 项").append('\n');
  }

  private void summary(StringBuilder sb, RunResult run, Comparison cmp) {
    long deleted = cmp == null ? 0 : cmp.diffs().values().stream().filter(CityDiff::deletedFile).count();
    sb.append('\n').append(bold("合计")).append("　").append(run.cities().size() - deleted).append(" 个统筹区已检查");
    if (deleted > 0) {
      sb.append("，").append(paint(Status.VIOLATION, deleted + " 个城市文件已删除"));
    }
    List<Unreadable> bad = Unreadable.of(run);
    if (!bad.isEmpty()) {
      // Never a clean count while a city is missing: the line says which could not be checked.
      sb.append("，").append(paint(Status.VIOLATION, bad.size() + " 个统筹区无法检查（文件有误："
          + String.join("、", bad.stream().map(u -> Echo.line(u.name() + " " + u.file())).toList()) + "，见标准错误输出），结果不完整"));
    }
    sb.append('\n');
    long violating = run.citiesWith(Status.VIOLATION);
    long missing = run.cities().stream().filter(c -> !c.has(Status.VIOLATION) && c.has(Status.INDETERMINATE)).count();
    sb.append("   ").append(bad.isEmpty() ? "" : "已检查的统筹区中：").append("有违规的 ").append(violating).append(" 个，")
        .append("缺数据（无违规、有待定）的 ").append(missing).append(" 个，")
        .append("合规的 ").append(run.cities().stream().filter(c -> !c.has(Status.VIOLATION) && !c.has(Status.INDETERMINATE)).count())
        .append(" 个；")
        .append(Status.VIOLATION.label).append(' ').append(run.count(Status.VIOLATION)).append(" 项，")
        .append(Status.WARNING.label).append(' ').append(run.count(Status.WARNING)).append(" 项，")
        .append(Status.INDETERMINATE.label).append(' ').append(run.count(Status.INDETERMINATE)).append(" 项，")
        .append(Status.WAIVED.label).append(' ').append(run.count(Status.WAIVED)).append(" 项，")
        .append(Status.PASS.label).append(' ').append(run.count(Status.PASS)).append(" 项").append('\n');
    Map<java.time.LocalDate, Long> deadlines = run.cities().stream().flatMap(c -> c.findings().stream())
        .filter(f -> f.status() == Status.VIOLATION && f.deadline() != null)
        .collect(Collectors.groupingBy(Finding::deadline, java.util.TreeMap::new, Collectors.counting()));
    deadlines.forEach((d, k) -> {
      long days = DaysLeft.between(run.asOf(), d);
      sb.append("   ").append(k).append(" 项违规须在 ").append(d).append(" 前整改（")
          .append(DaysLeft.text(days)).append("）\n");
    });
  }

  static String value(Object v) {
    if (v == null) {
      return "未填";
    }
    if (v instanceof String s) {
      return Echo.line(s);
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    return v.toString();
  }

  private String bold(String s) {
    return color ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private String paint(Status s, String text) {
    if (!color) {
      return text;
    }
    String code = switch (s) {
      case VIOLATION -> "31";
      case WARNING -> "33";
      case INDETERMINATE -> "35";
      case WAIVED -> "36";
      case PASS -> "32";
      case NOT_APPLICABLE -> "90";
    };
    return "\u001b[" + code + "m" + text + "\u001b[0m";
  }
}
