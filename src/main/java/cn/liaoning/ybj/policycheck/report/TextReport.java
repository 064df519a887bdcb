package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.WaiverUse;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
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
  private final Catalogue catalogue;
  private final boolean color;
  private final boolean showPass;

  public TextReport(Catalogue catalogue, boolean color, boolean showPass) {
    this.catalogue = catalogue;
    this.color = color;
    this.showPass = showPass;
  }

  public String write(RunResult run) {
    return write(run, null);
  }

  /**
   * @param cmp the comparison with a baseline, or null: then each problem is marked 新增 or 既有,
   *     and the problems the change fixes are listed per city
   */
  public String write(RunResult run, Comparison cmp) {
    StringBuilder sb = new StringBuilder();
    sb.append(bold("辽医保规〔2025〕2号 合规检查")).append("　基准日 ").append(run.asOf());
    if (cmp != null) {
      sb.append("　基线 ").append(cmp.ref());
    }
    sb.append('\n');
    for (CityResult c : run.cities()) {
      city(sb, c, cmp == null ? null : cmp.diff(c));
    }
    summary(sb, run, cmp);
    if (cmp != null) {
      baselineSummary(sb, cmp);
    }
    return sb.toString();
  }

  private void city(StringBuilder sb, CityResult c, CityDiff diff) {
    Map<Status, Integer> n = c.counts();
    sb.append('\n').append(bold("━━ " + c.city() + (c.code() == null ? "" : "（" + c.code() + "）")))
        .append("　").append(c.file()).append('\n');
    sb.append("   ");
    for (Status s : Status.values()) {
      String part = s.label + " " + n.get(s);
      sb.append(n.get(s) > 0 ? paint(s, part) : part).append("　");
    }
    sb.append('\n');
    if (diff != null) {
      sb.append("   ").append(diff.note() != null ? paint(Status.WARNING, diff.note()) : "基线 " + diff.baseline()).append('\n');
    }

    List<Finding> shown = c.findings().stream()
        .filter(f -> showPass || f.status() != Status.PASS && f.status() != Status.NOT_APPLICABLE)
        .sorted(Comparator.comparingInt((Finding f) -> f.status().rank)
            .thenComparingInt(f -> diff != null && diff.deltaOf(f) == Delta.UNCHANGED ? 1 : 0))
        .toList();
    for (Finding f : shown) {
      finding(sb, c, f, diff == null ? null : diff.entryOf(f));
    }
    if (diff != null) {
      for (CityDiff.Entry e : diff.fixed()) {
        fixed(sb, c, e);
      }
    }
    if (!showPass) {
      List<String> passed = c.findings().stream().filter(f -> f.status() == Status.PASS)
          .map(Finding::rule).distinct().toList();
      if (!passed.isEmpty()) {
        sb.append("  ").append(paint(Status.PASS, "✓ 通过")).append(" ").append(passed.size()).append(" 项规则：")
            .append(String.join(", ", passed)).append('\n');
      }
    }
    for (WaiverUse w : c.waivers()) {
      sb.append("  ").append(w.state() == WaiverUse.State.HONOURED ? "◇ 豁免 " : "◆ 豁免 ")
          .append(w.rule()).append("：").append(w.state().label).append(" — ").append(w.message());
      if (w.line() != null) {
        sb.append("（").append(c.file()).append(':').append(w.line()).append('）');
      }
      sb.append('\n');
    }
    for (Diagnostic d : c.warnings()) {
      sb.append("  ").append(paint(Status.WARNING, "⚠ 输入")).append(' ').append(d.file()).append(':')
          .append(d.line()).append(':').append(d.column()).append(": ").append(d.message()).append('\n');
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
      sb.append("［").append(f.subject()).append("］");
    }
    sb.append(f.message()).append('\n');
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
      sb.append(indent).append("来源 ").append(f.source()).append('\n');
    }
    if (f.deadline() != null) {
      long d = f.daysLeft();
      String when = d >= 0 ? "还剩 " + d + " 天" : "已逾期 " + (-d) + " 天";
      sb.append(indent).append("期限 ").append(f.deadline()).append("（")
          .append(d < 0 ? paint(Status.VIOLATION, when) : when).append("）").append('\n');
    }
    if (f.waiver() != null) {
      sb.append(indent).append("豁免 ").append(f.waiver()).append('\n');
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
      sb.append("［").append(f.subject()).append("］");
    }
    sb.append(f.message()).append('\n');
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

  private void baselineSummary(StringBuilder sb, Comparison cmp) {
    sb.append("   与基线 ").append(cmp.ref()).append(" 相比：")
        .append("新增违规 ").append(cmp.count(Status.VIOLATION, Delta.NEW)).append(" 项，")
        .append("既有违规 ").append(cmp.count(Status.VIOLATION, Delta.UNCHANGED)).append(" 项，")
        .append("新增警告 ").append(cmp.count(Status.WARNING, Delta.NEW)).append(" 项，")
        .append("新增待定 ").append(cmp.count(Status.INDETERMINATE, Delta.NEW)).append(" 项，")
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
          + String.join("、", bad.stream().map(u -> u.name() + " " + u.file()).toList()) + "，见标准错误输出），结果不完整"));
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
      long days = java.time.temporal.ChronoUnit.DAYS.between(run.asOf(), d);
      sb.append("   ").append(k).append(" 项违规须在 ").append(d).append(" 前整改（")
          .append(days >= 0 ? "还剩 " + days + " 天" : "已逾期 " + (-days) + " 天").append("）\n");
    });
  }

  static String value(Object v) {
    if (v == null) {
      return "未填";
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
