package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.yamledit.YamlScalars;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Values as the change list shows them: 150000 元, 8.6%, 次月起, 是, 未填. */
final class Show {
  private Show() {}

  static String value(String path, Object v) {
    if (v == null) {
      return "未填";
    }
    Schema.Type t = Schema.at(path.replaceAll("\\[\\d+]", "[*]"));
    Scalar s = t instanceof NumberOrRange nr ? nr.number() : t instanceof Scalar x ? x
        : t instanceof ListOf l && l.element() instanceof Scalar e ? e : null;
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        return Cells.NONE_WORD;
      }
      List<String> words = new ArrayList<>();
      list.forEach(o -> words.add(s == null ? o.toString() : s.choiceLabel(o.toString())));
      return String.join("、", words);
    }
    if (v instanceof Doc.Range r) {
      return Cells.range(r.min(), r.max()) + (s == null ? "" : s.unit());
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (v instanceof java.time.LocalDate d) {
      return d.toString();
    }
    if (v instanceof MonthDay md) {
      return String.format(Locale.ROOT, "%02d-%02d", md.getMonthValue(), md.getDayOfMonth());
    }
    if (v instanceof Number n && s != null && !s.choices().isEmpty()) {
      return s.choiceLabel(String.valueOf(n.intValue()));
    }
    if (v instanceof Number n) {
      String unit = s == null ? "" : s.unit();
      String num = YamlScalars.number(new BigDecimal(n.toString()));
      return unit.isEmpty() ? num : unit.equals("%") ? num + "%" : num + " " + unit;
    }
    if (s != null && !s.choices().isEmpty()) {
      return s.choiceLabel(v.toString());
    }
    return "“" + Hints.clip(v.toString()) + "”";
  }

  /**
   * A value as one plain text, equal for equal values (300 and 300.0 alike): what the workbook
   * records of each value as it was when the workbook was made ("" for unknown).
   */
  static String canonical(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      return YamlScalars.number(new BigDecimal(n.toString()));
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(o -> parts.add(canonical(o)));
      return "[" + String.join(",", parts) + "]";
    }
    if (v instanceof Doc.Range r) {
      return canonical(r.min()) + "~" + canonical(r.max());
    }
    if (v instanceof MonthDay md) {
      return String.format(Locale.ROOT, "%02d-%02d", md.getMonthValue(), md.getDayOfMonth());
    }
    return v.toString();
  }

  static String range(Doc.Range r) {
    return "{ min: " + YamlScalars.format(r.min(), true) + ", max: " + YamlScalars.format(r.max(), true) + " }";
  }

  static String flowMap(Map<String, Object> m) {
    StringBuilder sb = new StringBuilder("{ ");
    boolean first = true;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey()).append(": ").append(YamlScalars.format(e.getValue(), true));
      first = false;
    }
    return sb.append(" }").toString();
  }
}
