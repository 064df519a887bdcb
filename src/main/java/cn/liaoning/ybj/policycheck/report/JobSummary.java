package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.BaselineCheck;
import cn.liaoning.ybj.policycheck.baseline.Change;
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
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Markdown summary a reviewer reads first (GitHub's job summary, {@code --summary FILE}):
 * whether the gate passes; counts of new, worsened, fixed, entered and unchanged findings; tables
 * of the new and the worsened findings (city, field in Chinese, old → new value, rule, clause);
 * what was fixed; the fields entered; remarks on approvals; files that could not be read.
 * Without a baseline: counts by status and a table of the violations and warnings.
 *
 * <p>Every text from a city file is escaped for Markdown (and so for the HTML GitHub allows in
 * it): it shows as the characters written, never as markup, a link or a mention. Each table lists
 * at most {@value #MAX_ROWS} rows (GitHub keeps 1 MiB of a step's summary); the rest are counted.
 */
public final class JobSummary {
  /** Rows per table at most; the summary says how many more there are. */
  static final int MAX_ROWS = 200;

  private final Parameters parameters;
  private final Gate gate;

  public JobSummary(Parameters parameters, Gate gate) {
    this.parameters = parameters;
    this.gate = gate;
  }

  /** One row of a findings table: where, what, and the values on both sides. */
  private record Row(CityResult city, Finding finding, String before, String after) {}

  public String write(RunResult run, Comparison cmp) {
    StringBuilder sb = new StringBuilder();
    boolean fails = gate.fails(run, cmp);
    sb.append("## policy-check：").append(parameters.regulation().number()).append(" 合规检查\n\n");
    sb.append("基准日 ").append(run.asOf());
    if (cmp != null) {
      sb.append(" · 基线 `").append(code(cmp.ref())).append('`');
    }
    sb.append(" · ").append(run.cities().size()).append(" 个城市文件\n\n");
    if (run.hasErrors()) {
      sb.append("**❌ 有文件无法读取**（退出状态 2），见文末。\n\n");
    }
    sb.append(fails ? "**❌ 未通过：**" : "**✅ 通过：**");
    if (cmp == null) {
      sb.append(fails ? "有须整改的结论。" : "没有须整改的结论。").append("\n\n");
      plain(sb, run);
      errors(sb, run);
      return sb.toString();
    }
    long failing = failingCount(run, cmp);
    sb.append(fails ? "本次改动带来 " + failing + " 项须处理的问题（新增或恶化）。" : "本次改动没有带来新的违规，也没有使既有违规恶化。")
        .append("\n\n");
    counts(sb, cmp);

    List<Row> added = rows(run, cmp, Delta.NEW);
    List<Row> worse = rows(run, cmp, Delta.WORSENED);
    table(sb, "恶化的问题（值离要求更远，与新增同样导致失败，批准也不能使其合格）", worse);
    table(sb, "新增的问题", added);
    fixed(sb, run, cmp);
    entered(sb, run, cmp);
    notes(sb, run, cmp);
    errors(sb, run);
    return sb.toString();
  }

  private long failingCount(RunResult run, Comparison cmp) {
    long n = 0;
    for (CityResult c : run.cities()) {
      for (Finding f : c.findings()) {
        if (gate.fails(f.status(), Comparison.deltaOf(cmp, c, f))) {
          n++;
        }
      }
    }
    return n;
  }

  private static void counts(StringBuilder sb, Comparison cmp) {
    sb.append("| 分类 | 违规 | 警告 | 待定 | 说明 |\n|---|---:|---:|---:|---|\n");
    row(sb, cmp, Delta.NEW, "本次改动带来的问题");
    row(sb, cmp, Delta.WORSENED, "基线中已有、值离要求更远：视同新增");
    row(sb, cmp, Delta.FIXED, "基线中有、本次改动后没有了");
    row(sb, cmp, Delta.ENTERED, "录入现行政策 " + cmp.count(Status.PASS, Delta.ENTERED)
        + " 个字段（基线中未知，注明来源录入，不是政策调整）；此列为录入后显现的问题");
    row(sb, cmp, Delta.UNCHANGED, "基线中已有，不因本次改动失败");
    sb.append('\n');
  }

  private static void row(StringBuilder sb, Comparison cmp, Delta d, String note) {
    sb.append("| ").append(d.label).append(" | ").append(cmp.count(Status.VIOLATION, d)).append(" | ")
        .append(cmp.count(Status.WARNING, d)).append(" | ").append(cmp.count(Status.INDETERMINATE, d)).append(" | ")
        .append(note).append(" |\n");
  }

  /** The current problems with this delta, worst status first, cities in code order. */
  private static List<Row> rows(RunResult run, Comparison cmp, Delta delta) {
    List<Row> out = new ArrayList<>();
    for (CityResult c : ordered(run)) {
      CityDiff diff = cmp.diff(c);
      if (diff == null) {
        continue;
      }
      for (CityDiff.Entry e : diff.current()) {
        if (e.delta() == delta && e.finding().status() != Status.PASS) {
          Finding f = e.finding();
          Change ch = f.path() == null ? null : diff.change(f.path());
          String before = e.other() != null ? TextReport.value(e.other().actual())
              : ch != null ? TextReport.value(ch.before()) : "—";
          String after = ch != null && e.other() == null ? TextReport.value(ch.after()) : TextReport.value(f.actual());
          out.add(new Row(c, f, before, after));
        }
      }
    }
    // Worst status first; within it the regulation's rules before the approvals (PROC-*), by line.
    out.sort(Comparator.comparingInt((Row r) -> r.finding().status().rank)
        .thenComparing(r -> BaselineCheck.isProcess(r.finding().rule()))
        .thenComparing(r -> ReportModel.codeKey(r.city().code()))
        .thenComparing(r -> r.finding().line() == null ? 0 : r.finding().line()));
    return out;
  }

  private static void table(StringBuilder sb, String title, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    sb.append("### ").append(title).append("（").append(rows.size()).append(" 项）\n\n");
    sb.append("| 城市 | 字段 | 原值 → 新值 | 规则 | 条款 | 结论 |\n|---|---|---|---|---|---|\n");
    int n = 0;
    for (Row r : rows) {
      if (n++ == MAX_ROWS) {
        break;
      }
      Finding f = r.finding();
      sb.append("| ").append(cell(r.city().city())).append(" | ").append(field(r.city(), f.path(), f.line()))
          .append(" | ").append(cell(r.before())).append(" → ").append(cell(r.after()))
          .append(" | ").append(cell(f.rule())).append(" | ").append(cell(f.clause()))
          .append(" | ").append(f.status().label).append("：").append(cell((f.subject() == null ? "" : "［" + f.subject() + "］") + f.message()))
          .append(" |\n");
    }
    more(sb, rows.size());
  }

  private static void fixed(StringBuilder sb, RunResult run, Comparison cmp) {
    List<String> lines = new ArrayList<>();
    for (CityResult c : ordered(run)) {
      CityDiff diff = cmp.diff(c);
      if (diff == null) {
        continue;
      }
      for (CityDiff.Entry e : diff.fixed()) {
        Finding f = e.finding();
        Finding now = e.other();
        lines.add("| " + cell(c.city()) + " | " + field(c, f.path(), e.line()) + " | " + cell(TextReport.value(f.actual()))
            + " → " + (now == null ? "—" : cell(TextReport.value(now.actual()))) + " | " + cell(f.rule()) + " | "
            + cell(f.clause()) + " | 基线" + f.status().label + " → " + (now == null ? "无此结论" : now.status().label) + " |");
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    sb.append("### 已修复（").append(lines.size()).append(" 项）\n\n");
    sb.append("| 城市 | 字段 | 原值 → 现值 | 规则 | 条款 | 结论 |\n|---|---|---|---|---|---|\n");
    lines.stream().limit(MAX_ROWS).forEach(l -> sb.append(l).append('\n'));
    more(sb, lines.size());
  }

  private static void entered(StringBuilder sb, RunResult run, Comparison cmp) {
    List<String> lines = new ArrayList<>();
    for (CityResult c : ordered(run)) {
      CityDiff diff = cmp.diff(c);
      if (diff == null) {
        continue;
      }
      for (CityDiff.Entry e : diff.current()) {
        if (e.delta() == Delta.ENTERED && e.finding().status() == Status.PASS) {
          Change ch = diff.change(e.finding().path());
          lines.add("| " + cell(c.city()) + " | " + field(c, e.finding().path(), e.finding().line()) + " | "
              + cell(TextReport.value(e.finding().actual())) + " | " + cell(ch == null || ch.source() == null ? "—" : ch.source()) + " |");
        }
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    sb.append("### 录入现行政策（").append(lines.size()).append(" 个字段，不是政策调整，无须报批）\n\n");
    sb.append("| 城市 | 字段 | 值 | 来源 |\n|---|---|---|---|\n");
    lines.stream().limit(MAX_ROWS).forEach(l -> sb.append(l).append('\n'));
    more(sb, lines.size());
  }

  private static void notes(StringBuilder sb, RunResult run, Comparison cmp) {
    List<String> lines = new ArrayList<>();
    for (CityResult c : ordered(run)) {
      CityDiff diff = cmp.diff(c);
      if (diff != null) {
        for (CityDiff.Note n : diff.notes()) {
          lines.add("- " + n.level().label + " `" + code(FilePaths.relative(c.file()) + (n.line() == null ? "" : ":" + n.line()))
              + "`：" + cell(n.message()));
        }
      }
    }
    if (!lines.isEmpty()) {
      sb.append("### 省级批准（approvals）提示\n\n");
      lines.stream().limit(MAX_ROWS).forEach(l -> sb.append(l).append('\n'));
      more(sb, lines.size());
    }
  }

  /** Without a baseline: counts by status, then the violations and warnings. */
  private static void plain(StringBuilder sb, RunResult run) {
    sb.append("| 违规 | 警告 | 待定 | 已豁免 | 通过 |\n|---:|---:|---:|---:|---:|\n");
    sb.append("| ").append(run.count(Status.VIOLATION)).append(" | ").append(run.count(Status.WARNING)).append(" | ")
        .append(run.count(Status.INDETERMINATE)).append(" | ").append(run.count(Status.WAIVED)).append(" | ")
        .append(run.count(Status.PASS)).append(" |\n\n");
    List<Row> rows = new ArrayList<>();
    for (CityResult c : ordered(run)) {
      for (Finding f : c.findings()) {
        if (f.status() == Status.VIOLATION || f.status() == Status.WARNING) {
          rows.add(new Row(c, f, "—", TextReport.value(f.actual())));
        }
      }
    }
    rows.sort(Comparator.comparingInt((Row r) -> r.finding().status().rank));
    table(sb, "违规和警告", rows);
  }

  private static void errors(StringBuilder sb, RunResult run) {
    if (run.errors().isEmpty()) {
      return;
    }
    sb.append("### 无法读取的文件\n\n");
    run.errors().stream().limit(MAX_ROWS).forEach(d -> sb.append("- `").append(code(location(d))).append("`：")
        .append(cell(d.message())).append('\n'));
    more(sb, run.errors().size());
  }

  private static String location(Diagnostic d) {
    return FilePaths.relative(d.file()) + (d.line() > 0 ? ":" + d.line() + ":" + Math.max(1, d.column()) : "");
  }

  private static void more(StringBuilder sb, int size) {
    if (size > MAX_ROWS) {
      sb.append("\n另有 ").append(size - MAX_ROWS).append(" 项未列出，见文本报告或 JSON 输出。\n");
    }
    sb.append('\n');
  }

  private static List<CityResult> ordered(RunResult run) {
    List<CityResult> cities = new ArrayList<>(run.cities());
    cities.sort(Comparator.comparing((CityResult c) -> ReportModel.codeKey(c.code())).thenComparing(CityResult::file));
    return cities;
  }

  /** "职工门诊医院类别 · 起付标准 `shenyang.yaml:60`". */
  private static String field(CityResult c, String path, Integer line) {
    String where = FilePaths.relative(c.file()) + (line == null ? "" : ":" + line);
    return (path == null ? "（整个文件）" : cell(Schema.label(path))) + " `" + code(where) + "`";
  }

  /**
   * Text from the input as a Markdown table cell: every ASCII punctuation mark that Markdown or
   * HTML could read as markup (emphasis, code, links and autolinks, HTML tags and entities,
   * mentions, the cell's pipe) is backslash-escaped; line breaks become spaces.
   */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\n' || ch == '\r') {
        sb.append(' ');
      } else if ("\\`*_{}[]<>#+!|~@&:".indexOf(ch) >= 0) {
        sb.append('\\').append(ch);
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** Text inside a code span: no backtick or line break can end it early; a pipe would end the cell. */
  static String code(String s) {
    return s.replace('`', '\'').replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
  }
}
