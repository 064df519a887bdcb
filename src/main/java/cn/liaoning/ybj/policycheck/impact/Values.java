package cn.liaoning.ybj.policycheck.impact;

import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** How a parameter's value reads in the impact outputs: "87%", "三级 87%、二级 84%", "2026-12-31". */
final class Values {
  private Values() {}

  /** The path whose Schema words name a guideline tier ("三级" for 3). */
  private static final String TIER = "employee.inpatient.classes[*].tier";

  /** The Chinese name of a guideline tier. */
  static String tier(int tier) {
    return Schema.choiceLabel(TIER, Integer.toString(tier));
  }

  /** A value with its unit; "无" for none. Per-tier values from the highest tier down, as the files write them. */
  static String describe(Object v, String unit) {
    if (v == null) {
      return "无";
    }
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(m).descendingMap().forEach((t, d) -> parts.add(tier((Integer) t) + " " + describe(d, unit)));
      return String.join("、", parts);
    }
    if (v instanceof Double d) {
      return Hints.fmt(d) + suffix(unit);
    }
    return v.toString();
  }

  /**
   * The change from {@code before} to {@code after}: for per-tier values only the tiers that
   * change ("三级 80% → 87%；二级、一级及以下不变").
   */
  static String change(Object before, Object after, String unit) {
    if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
      List<String> changed = new ArrayList<>();
      List<String> same = new ArrayList<>();
      TreeMap<Object, Object> tiers = new TreeMap<>(b);
      a.forEach((k, v) -> tiers.putIfAbsent(k, v));
      for (Object t : tiers.descendingKeySet()) {
        if (Objects.equals(b.get(t), a.get(t))) {
          same.add(tier((Integer) t));
        } else {
          changed.add(tier((Integer) t) + " " + describe(b.get(t), unit) + " → " + describe(a.get(t), unit));
        }
      }
      return String.join("，", changed) + (same.isEmpty() || changed.isEmpty() ? "" : "；" + String.join("、", same) + "不变");
    }
    return describe(before, unit) + " → " + describe(after, unit);
  }

  /** A finding's actual value as the check's text output shows it: 86, 8.6, 是/否, "未填" for none. */
  static String actual(Object v) {
    if (v == null) {
      return "未填";
    }
    if (v instanceof Double d) {
      return Hints.fmt(d);
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    return v.toString();
  }

  /** How a value of this parameter is written, for messages: its latest value in the file's own form. */
  static String example(Parameter p) {
    Object v = p.values().lastEntry().getValue();
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(m).descendingMap().forEach((tier, d) -> parts.add("tier" + tier + ": " + Hints.fmt((Double) d)));
      return "{ " + String.join(", ", parts) + " }";
    }
    return v instanceof Double d ? Hints.fmt(d) : String.valueOf(v);
  }

  static String tierNames(Set<?> tiers) {
    return String.join("、", tiers.stream().map(t -> (Integer) t).sorted().map(t -> "tier" + t).toList());
  }

  /** "%" follows a number directly; other units after a space ("300 元"); dates and text have none. */
  private static String suffix(String unit) {
    if (unit == null || unit.isEmpty() || unit.equals("date") || unit.equals("文本")) {
      return "";
    }
    return unit.equals("%") ? "%" : " " + unit;
  }
}
