package cn.liaoning.ybj.policycheck.regulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Fills in the placeholders of a text that states thresholds, dates or document names (a
 * catalogue summary): the figures come from the parameters in force at a date, never from the
 * text itself. Placeholders:
 *
 * <ul>
 *   <li>{@code {emp.outpatient.deductible_min}} — a parameter's value ({@code 300});
 *   <li>{@code {emp.inpatient.guideline_pct.tier3}} — one tier of a per-tier parameter ({@code 80});
 *   <li>{@code {res.subsidy.disbursed_by|月日}} — a month-day text as words ({@code 12月31日});
 *   <li>{@code {doc:2号}} — a document's number ({@code 辽医保规〔2025〕2号}).
 * </ul>
 *
 * Before a parameter's first value takes effect, that first value is shown: a summary describes
 * the text as enacted, and the rule itself is not applicable then.
 */
public final class SummaryText {
  private SummaryText() {}

  /** The text with every placeholder filled in; an unknown placeholder is an error in the rules files. */
  public static String render(String template, Parameters p, LocalDate date) {
    if (template == null || template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalStateException("unclosed placeholder in: " + template);
      }
      out.append(template, i, open).append(value(template.substring(open + 1, close), p, date, template));
      i = close + 1;
    }
    return out.toString();
  }

  private static String value(String placeholder, Parameters p, LocalDate date, String template) {
    if (placeholder.startsWith("doc:")) {
      Parameters.Document d = p.documents().get(placeholder.substring(4));
      if (d == null) {
        throw new IllegalStateException("unknown document in {" + placeholder + "} of: " + template);
      }
      return d.number();
    }
    String format = null;
    int bar = placeholder.indexOf('|');
    if (bar >= 0) {
      format = placeholder.substring(bar + 1);
      placeholder = placeholder.substring(0, bar);
    }
    String key = placeholder;
    Integer tier = null;
    int t = placeholder.lastIndexOf(".tier");
    if (t >= 0 && !p.parameters().containsKey(placeholder)) {
      key = placeholder.substring(0, t);
      tier = Integer.parseInt(placeholder.substring(t + 5));
    }
    Parameters.Parameter param = p.parameters().get(key);
    if (param == null) {
      throw new IllegalStateException("unknown parameter in {" + placeholder + "} of: " + template);
    }
    Object v = param.valueOrFirst(date);
    if (tier != null) {
      v = v instanceof Map<?, ?> m ? m.get(tier) : null;
    }
    if (v == null) {
      throw new IllegalStateException("no value for {" + placeholder + "} of: " + template);
    }
    if ("月日".equals(format)) {
      String[] md = v.toString().split("-");
      return Integer.parseInt(md[0]) + "月" + Integer.parseInt(md[1]) + "日";
    }
    if (format != null) {
      throw new IllegalStateException("unknown format |" + format + " in: " + template);
    }
    return v instanceof Double d ? number(d) : v.toString();
  }

  /** A number as people write it: 300, 8.6. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
