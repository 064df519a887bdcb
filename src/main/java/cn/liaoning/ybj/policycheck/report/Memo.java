package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.report.ReportModel.DeadlineTotal;
import cn.liaoning.ybj.policycheck.report.ReportModel.Item;
import cn.liaoning.ybj.policycheck.report.ReportModel.NoData;
import cn.liaoning.ybj.policycheck.report.ReportModel.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 摘要: one paragraph of plain Chinese an auditor can paste into a memo — how many
 * jurisdictions were checked, which violate what and by when, which lack which data, and which
 * could not be read. Collected city by city while the model is built.
 */
final class Memo {
  /** Most cities named in one list; past that, "等 N 个". */
  static final int MAX_NAMED = 10;

  private final Catalogue catalogue;
  private final List<String> unreadable = new ArrayList<>();
  private final List<String> violating = new ArrayList<>();
  private final List<String> warned = new ArrayList<>();
  private final List<String> partial = new ArrayList<>();
  private final List<String> compliant = new ArrayList<>();
  private int violatingCount;
  private int warnedCount;
  private long warnings;
  private int partialCount;

  Memo(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  void unreadable(Item item) {
    if (unreadable.size() < MAX_NAMED) {
      unreadable.add(item.name() + "（" + Unreadable.location(item.unreadable().errors().get(0)) + "）");
    }
  }

  /** A city with data; {@code due} are its violations and warnings, in report order. */
  void city(CityResult c, List<Finding> due, boolean noData) {
    List<Finding> v = due.stream().filter(f -> f.status() == Status.VIOLATION).toList();
    if (!v.isEmpty()) {
      violatingCount++;
      if (violating.size() < MAX_NAMED) {
        violating.add(c.city() + " " + v.size() + " 项（" + byRule(v) + "）");
      }
    }
    long w = due.size() - v.size();
    if (w > 0) {
      warnedCount++;
      warnings += w;
      if (warned.size() < MAX_NAMED) {
        warned.add(c.city() + " " + w + " 项");
      }
    }
    long waiting = c.findings().stream().filter(f -> f.status() == Status.INDETERMINATE).map(Finding::rule).distinct().count();
    long fields = c.findings().stream().filter(f -> f.status() == Status.INDETERMINATE)
        .map(f -> f.path() == null ? f.rule() : f.path()).distinct().count();
    if (waiting > 0 && !noData) {
      partialCount++;
      if (partial.size() < MAX_NAMED) {
        partial.add(c.city() + "缺 " + fields + " 项数据，" + waiting + " 项规则待定");
      }
    }
    if (v.isEmpty() && waiting == 0 && compliant.size() < MAX_NAMED) {
      compliant.add(c.city());
    }
  }

  /** "普通门诊统筹起付标准原则上不低于300元/年（2 个医院类别）；…": each rule once, in report order. */
  private String byRule(List<Finding> fs) {
    Map<String, List<Finding>> rules = new LinkedHashMap<>();
    fs.forEach(f -> rules.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
    List<String> parts = new ArrayList<>();
    rules.forEach((rule, list) -> {
      Catalogue.Entry e = catalogue.get(rule);
      String what = e == null ? rule : e.summary();
      long classes = list.stream().filter(f -> f.subject() != null).count();
      parts.add(what + (classes > 1 ? "，" + classes + " 个医院类别" : list.size() > 1 ? "，" + list.size() + " 项" : ""));
    });
    return String.join("；", parts);
  }

  String text(Summary s, NoData noData, String asOf, String regulation) {
    StringBuilder b = new StringBuilder();
    b.append("基准日 ").append(asOf).append("，按").append(regulation).append("对 ").append(s.files())
        .append(" 个统筹区的基本医疗保险政策文件逐条检查（每个统筹区评估 ").append(s.rules()).append(" 项规则）。");
    if (s.unreadable() > 0) {
      b.append(list(unreadable, s.unreadable())).append("的政策文件有误，未能检查，本次结果不完整，以下结论不含").append(s.unreadable() == 1 ? "该统筹区" : "这些统筹区").append("。");
    }
    if (violatingCount > 0) {
      b.append(violatingCount).append(" 个统筹区有违规：").append(list(violating, violatingCount)).append("；");
      b.append(due(s.deadlineTotals())).append("。");
    } else {
      b.append(s.unreadable() > 0 ? "已检查的统筹区中" : "").append("未发现违规");
      b.append(s.missingData() > 0 ? "，但这不等于合规：缺数据的规则尚未判定" : "").append("。");
    }
    if (warnedCount > 0) {
      b.append(warnedCount).append(" 个统筹区有指导性警告共 ").append(warnings).append(" 项（").append(list(warned, warnedCount)).append("）。");
    }
    if (!noData.empty()) {
      b.append(noData.cities().size()).append(" 个统筹区（").append(list(names(noData), noData.cities().size()))
          .append("）的政策文件尚无数据，").append(noData.rules()).append(" 项规则均无法判定，须补充 ").append(noData.fields())
          .append(" 项数据（见“尚无数据的统筹区”一节）。");
    }
    if (partialCount > 0) {
      b.append(list(partial, partialCount)).append("。");
    }
    if (s.compliant() > 0) {
      b.append(s.compliant()).append(" 个统筹区合规（").append(list(compliant, s.compliant())).append("）。");
    } else {
      b.append("没有统筹区可判定为完全合规。");
    }
    return b.toString();
  }

  private static List<String> names(NoData noData) {
    return noData.cities().stream().limit(MAX_NAMED).map(ReportModel.NoDataCity::name).toList();
  }

  /** The names joined, with "等 N 个" when more exist than are named. */
  private static String list(List<String> named, int total) {
    String s = String.join("；", named);
    if (named.stream().noneMatch(n -> n.contains("；") || n.contains("（"))) {
      s = String.join("、", named);
    }
    return total > named.size() ? s + " 等 " + total + " 个" : s;
  }

  private static String due(List<DeadlineTotal> totals) {
    if (totals.isEmpty()) {
      return "整改期限未定";
    }
    if (totals.size() == 1) {
      DeadlineTotal t = totals.get(0);
      return "须在 " + t.deadline() + " 前整改到位（" + t.daysText() + "）";
    }
    List<String> parts = new ArrayList<>();
    for (DeadlineTotal t : totals) {
      parts.add(t.deadline() + " 前 " + (t.violations() + t.warnings()) + " 项（" + t.daysText() + "）");
    }
    return "须分别在 " + String.join("、", parts) + "整改到位";
  }
}
