package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.Checks;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.policy.Schema;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a finding's field, value and requirement read to an auditor: the field by its Chinese label,
 * an enumerated value by its words ("次月起", not {@code next_month}), a number with its unit
 * ("300%", "200 元"). Labels, words and units all come from the city format's one schema
 * ({@link Schema}); the path is only ever a secondary detail.
 */
final class Wording {
  private Wording() {}

  /** The field's Chinese label ("职工门诊医院类别 · 起付标准"); "" for none. */
  static String field(String path) {
    if (path == null) {
      return "";
    }
    return Schema.label(path);
  }

  /** The unit a value of this field is written in ("%", "元", "个月"; "" for none). */
  static String unit(String path) {
    return path == null ? "" : Schema.unit(path);
  }

  /**
   * The value found, for reading: numbers with the field's unit, enumerated codes and yes/no in
   * words; null when the file gives none (the page then says 未填).
   */
  static String actual(Finding f) {
    return value(f.path(), f.actual());
  }

  static String value(String path, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return withUnit(Checks.n(n), unit(path));
    }
    if (v instanceof Boolean b) {
      String words = path == null ? null : Schema.choiceLabel(path, b.toString());
      return words == null || words.equals(b.toString()) ? (b ? "是" : "否") : words;
    }
    String s = v.toString();
    return path == null ? s : Schema.choiceLabel(path, s);
  }

  /** The number alone, when the value is one (for a spreadsheet cell); else null. */
  static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  /** A number and its unit as written in Chinese: "300%" (no space for %), "200 元". */
  static String withUnit(String number, String unit) {
    if (unit == null || unit.isEmpty()) {
      return number;
    }
    return unit.equals("%") ? number + "%" : number + " " + unit;
  }

  private static final Pattern CODE_IN_PARENS = Pattern.compile("（([a-z][a-z0-9_]*)）");

  /**
   * The requirement as a sentence can start: "= 100%" reads "等于 100%" (a leading {@code =}, like
   * {@code + - @}, would make a spreadsheet take the cell for a formula); an enumerated code is
   * given in words, and a code repeated in brackets after its words is dropped
   * ("自缴费到账之日起（payment_day）" → "自缴费到账之日起"). "—" when the rule states none.
   */
  static String requirement(Finding f) {
    return requirement(f.path(), f.expected());
  }

  static String requirement(String path, String expected) {
    if (expected == null || expected.isBlank()) {
      return "—";
    }
    String s = expected.strip();
    Schema.Scalar field = path == null ? null : Schema.scalarAt(path);
    if (field != null && !field.choices().isEmpty()) {
      if (field.values().contains(s)) {
        return field.choiceLabel(s);
      }
      Matcher m = CODE_IN_PARENS.matcher(s);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, field.values().contains(m.group(1)) ? "" : Matcher.quoteReplacement(m.group()));
      }
      m.appendTail(b);
      s = b.toString();
    }
    if (s.startsWith("=")) {
      s = "等于 " + s.substring(1).strip();
    } else if (s.startsWith("+") || s.startsWith("-") || s.startsWith("@")) {
      s = "要求 " + s;
    }
    return s;
  }
}
