package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.BaselineCheck;
import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;

/** One-paragraph Chinese texts of a finding for the CI formats (SARIF, JUnit, GitHub annotations). */
final class Messages {
  private Messages() {}

  /** "［新增］［一级及以下］message　实际 100　要求 ≥ 300 元/年　条款 …　期限 …". */
  static String finding(Finding f, CityDiff.Entry entry) {
    Delta delta = entry == null ? null : entry.delta();
    StringBuilder sb = new StringBuilder();
    if (delta != null) {
      sb.append("［").append(delta.label).append("］");
    }
    if (f.subject() != null) {
      sb.append("［").append(f.subject()).append("］");
    }
    sb.append(f.message());
    if (f.status() == Status.INDETERMINATE) {
      sb.append("　缺少或不确定：").append(f.path() == null ? "（无）" : f.path());
    } else {
      sb.append("　实际 ").append(TextReport.value(f.actual()));
    }
    if (f.expected() != null) {
      sb.append("　要求 ").append(f.expected());
    }
    if (entry != null && entry.valueChanged()) {
      Finding before = entry.other();
      sb.append("　基线 ").append(TextReport.value(before.actual())).append("（").append(before.status().label).append("）");
    }
    sb.append("　条款 ").append(f.clause()).append("（").append(f.strength().label).append("）");
    if (f.deadline() != null) {
      long d = f.daysLeft();
      sb.append("　期限 ").append(f.deadline()).append("（").append(DaysLeft.text(d)).append("）");
    } else if (BaselineCheck.isProcess(f.rule()) && (f.status() == Status.VIOLATION || f.status() == Status.WARNING)) {
      sb.append("　期限 ").append(TextReport.BEFORE_MERGE);
    }
    if (f.waiver() != null) {
      sb.append("　豁免 ").append(f.waiver());
    }
    return Echo.line(sb.toString());
  }

  /** A baseline problem the change fixes: "［已修复］基线违规：message　现在 通过，实际 300". */
  static String fixed(CityDiff.Entry e) {
    Finding f = e.finding();
    Finding now = e.other();
    StringBuilder sb = new StringBuilder("［").append(Delta.FIXED.label).append("］");
    if (f.subject() != null) {
      sb.append("［").append(f.subject()).append("］");
    }
    sb.append("基线").append(f.status().label).append("：").append(f.message());
    sb.append("　现在 ").append(now == null ? "无此结论" : now.status().label + "，实际 " + TextReport.value(now.actual()));
    sb.append("　条款 ").append(f.clause());
    return Echo.line(sb.toString());
  }
}
