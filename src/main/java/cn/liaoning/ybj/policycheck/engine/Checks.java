package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.HospitalClass;
import cn.liaoning.ybj.policycheck.policy.Schema;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Builds {@link Check}s in DRL consequences. Each method reads the firing rule's
 * {@code @ruleId} and {@code @clause}, so a consequence is a single {@code insert}.
 */
public final class Checks {
  private Checks() {}

  public static Check pass(RuleContext k, String path, Object actual, String expected, String message) {
    return make(k, Outcome.PASS, null, path, actual, expected, message);
  }

  public static Check fail(RuleContext k, String path, Object actual, String expected, String message) {
    return make(k, Outcome.FAIL, null, path, actual, expected, message);
  }

  public static Check warn(RuleContext k, String path, Object actual, String expected, String message) {
    return make(k, Outcome.WARN, null, path, actual, expected, message);
  }

  public static Check indeterminate(RuleContext k, String path, String expected, String message) {
    return make(k, Outcome.INDETERMINATE, null, path, null, expected, message);
  }

  public static Check indeterminate(RuleContext k, String path, Object actual, String expected, String message) {
    return make(k, Outcome.INDETERMINATE, null, path, actual, expected, message);
  }

  public static Check notApplicable(RuleContext k, String path, String message) {
    return make(k, Outcome.NOT_APPLICABLE, null, path, null, null, message);
  }

  // Per hospital class: the subject is the class name, the path is the class's field.

  public static Check pass(RuleContext k, HospitalClass c, String field, Object actual, String expected, String message) {
    return make(k, Outcome.PASS, c.name(), c.path(field), actual, expected, message);
  }

  public static Check fail(RuleContext k, HospitalClass c, String field, Object actual, String expected, String message) {
    return make(k, Outcome.FAIL, c.name(), c.path(field), actual, expected, message);
  }

  public static Check warn(RuleContext k, HospitalClass c, String field, Object actual, String expected, String message) {
    return make(k, Outcome.WARN, c.name(), c.path(field), actual, expected, message);
  }

  public static Check indeterminate(RuleContext k, HospitalClass c, String field, String expected, String message) {
    return make(k, Outcome.INDETERMINATE, c.name(), c.path(field), null, expected, message);
  }

  /**
   * Per hospital class, when what decides it lies outside the class (the fund status, another
   * scheme's classes): the subject is the class name, the path is the given one.
   */
  public static Check indeterminateAt(RuleContext k, HospitalClass c, String path, String expected, String message) {
    return make(k, Outcome.INDETERMINATE, c.name(), path, null, expected, message);
  }

  private static Check make(RuleContext k, Outcome o, String subject, String path, Object actual, String expected, String message) {
    Map<String, Object> meta = k.getRule().getMetaData();
    Object id = meta.get("ruleId");
    Object clause = meta.get("clause");
    if (id == null || clause == null) {
      throw new IllegalStateException("DRL rule \"" + k.getRule().getName() + "\" lacks @ruleId or @clause");
    }
    return new Check(id.toString(), clause.toString(), o, subject, path, actual, expected, message);
  }

  /** A number as people write it: 300, 8.6, 0.5. */
  public static String n(Number d) {
    if (d == null) {
      return "未填";
    }
    double v = d.doubleValue();
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v); // whole numbers (most amounts): same text, no BigDecimal
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** A percentage: 8.6%. */
  public static String pct(Number d) {
    return d == null ? "未填" : n(d) + "%";
  }

  /** Money: 80000 元. */
  public static String yuan(Number d) {
    return d == null ? "未填" : n(d) + " 元";
  }

  /**
   * Money in the unit the city format gives the field at {@code path} ({@code 300 元/年} for an
   * employee outpatient deductible, counted per year); {@code 元} when the format names none.
   */
  public static String yuan(Number d, String path) {
    return d == null ? "未填" : n(d) + " " + MONEY_UNITS.computeIfAbsent(path, Checks::moneyUnit);
  }

  /**
   * The money unit by field path, looked up once: rules word amounts on every firing (a sweep fires
   * them for each combination). Bounded: the paths are those of the format, with at most 50
   * classes per list.
   */
  private static final Map<String, String> MONEY_UNITS = new ConcurrentHashMap<>();

  private static String moneyUnit(String path) {
    String unit = Schema.unit(path);
    return unit.startsWith("元") ? unit : "元";
  }

  /**
   * a − b in decimal, so that 8.3 − 0.3 is 8. Exact, not rounded: the values are the decimals the
   * city file wrote (at most 15 significant digits, which {@code BigDecimal.valueOf} gives back),
   * so a difference of 3.0000001 is not taken for 3 (rounding it would let a failing value pass).
   */
  public static Double minus(Double a, Double b) {
    if (a == null || b == null) {
      return null;
    }
    return BigDecimal.valueOf(a).subtract(BigDecimal.valueOf(b)).doubleValue();
  }

  /** a + b in decimal, exact (see {@link #minus}). */
  public static Double plus(Double a, Double b) {
    if (a == null || b == null) {
      return null;
    }
    return BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).doubleValue();
  }

  /** The larger of two numbers. */
  public static Double max(Double a, Double b) {
    return Math.max(a, b);
  }

  /** The smaller of two numbers. */
  public static Double min(Double a, Double b) {
    return Math.min(a, b);
  }

  /** A range of numbers as text: "0.6%–1%". */
  public static String pctRange(Double lo, Double hi) {
    return lo.equals(hi) ? pct(lo) : n(lo) + "%–" + n(hi) + "%";
  }
}
