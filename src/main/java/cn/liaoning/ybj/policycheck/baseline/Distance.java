package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.policy.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a finding's value lies from what its rule requires: what tells a violation made worse
 * ({@link Delta#WORSENED}) from the same violation. The requirement is read from the finding's
 * own "要求" text, which the rules write from the provincial parameters in force:
 *
 * <ul>
 *   <li>{@code ≥ N} / {@code > N} (or 不低于 N): the compliant side is N and up; a value below lies N − value away.
 *   <li>{@code ≤ N} / {@code < N} (or 不高于, 不超过 N): N and down; a value above lies value − N away.
 *   <li>{@code = N}, or a single number with no comparison ("不设起付标准（0 元）"): |value − N|.
 *   <li>{@code A–B} ("7%–8%") and {@code N ± d} ("80% ± 5 个百分点"): the interval; 0 inside it,
 *       else the distance to its nearer end.
 * </ul>
 *
 * <p>A value is a number, or a published interval ("7.6%–8.6%": the distance of its nearer end).
 * An enumerated value (the benefit-start timings) lies as many places from the required one as
 * the field's choices, which the format lists in order (earliest first), set them apart; the
 * requirement names the required code in brackets ("自缴费到账之日起（payment_day）").
 *
 * <p>Anything else has no distance: a requirement stated relative to another field ("≤ 在职 + 3
 * 个百分点"), a requirement about several classes at once ("按医院级别差异化设置"), booleans, free
 * text and lists. Such a finding is never "worsened"; a change of its value is still a change
 * that needs an approval ({@code PROC-APPROVAL}).
 */
final class Distance {
  private Distance() {}

  private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
  private static final String COMPARATOR = "(≥|>|≤|<|=|不低于|不少于|不高于|不超过)";
  private static final Pattern COMPARISON = Pattern.compile(COMPARATOR + "\\s*" + NUM);
  private static final Pattern ANY_COMPARATOR = Pattern.compile(COMPARATOR);
  private static final Pattern INTERVAL = Pattern.compile(NUM + "\\s*%?\\s*[–~～]\\s*" + NUM);
  private static final Pattern PLUS_MINUS = Pattern.compile(NUM + "\\s*%?\\s*(?:左右)?\\s*[（(]?\\s*±\\s*" + NUM);
  private static final Pattern ANY_NUMBER = Pattern.compile(NUM);
  private static final Pattern VALUE = Pattern.compile("\\s*" + NUM + "\\s*%?\\s*");
  private static final Pattern VALUE_INTERVAL = Pattern.compile("\\s*" + NUM + "\\s*%?\\s*[–~～]\\s*" + NUM + "\\s*%?\\s*");
  private static final Pattern CODE = Pattern.compile("[（(]([a-z_]+)[）)]");

  /** The compliant set as an interval [lo, hi] (either end open-ended as ±∞). */
  record Requirement(double lo, double hi) {
    double from(double v) {
      return v < lo ? lo - v : v > hi ? v - hi : 0;
    }

    double from(double a, double b) {
      return Math.min(from(Math.min(a, b)), from(Math.max(a, b)));
    }
  }

  /**
   * Whether {@code now} lies further from the requirement than {@code before}, both measured
   * against the requirement as {@code expected} states it now. False whenever either value or the
   * requirement has no distance.
   */
  static boolean further(Object before, Object now, String expected, String path) {
    Double a = of(before, expected, path);
    Double b = of(now, expected, path);
    return a != null && b != null && b > a;
  }

  /** The distance of a value from the requirement, or null when it has none (see the class comment). */
  static Double of(Object value, String expected, String path) {
    if (value == null || expected == null) {
      return null;
    }
    if (value instanceof String s && !s.isEmpty() && s.chars().allMatch(c -> c == '_' || c >= 'a' && c <= 'z')) {
      return ordinal(s, expected, path);
    }
    Requirement r = requirement(expected);
    if (r == null) {
      return null;
    }
    if (value instanceof Number n) {
      return r.from(n.doubleValue());
    }
    if (value instanceof String s) {
      Matcher one = VALUE.matcher(s);
      if (one.matches()) {
        return r.from(Double.parseDouble(one.group(1)));
      }
      Matcher two = VALUE_INTERVAL.matcher(s);
      if (two.matches()) {
        return r.from(Double.parseDouble(two.group(1)), Double.parseDouble(two.group(2)));
      }
    }
    return null;
  }

  /** The requirement stated in a "要求" text, or null when it states no number of its own. */
  static Requirement requirement(String expected) {
    Matcher pm = PLUS_MINUS.matcher(expected);
    if (pm.find()) {
      double mid = Double.parseDouble(pm.group(1));
      double d = Double.parseDouble(pm.group(2));
      return new Requirement(mid - d, mid + d);
    }
    List<Requirement> found = new ArrayList<>();
    Matcher c = COMPARISON.matcher(expected);
    while (c.find()) {
      double n = Double.parseDouble(c.group(2));
      found.add(switch (c.group(1)) {
        case "≥", ">", "不低于", "不少于" -> new Requirement(n, Double.POSITIVE_INFINITY);
        case "≤", "<", "不高于", "不超过" -> new Requirement(Double.NEGATIVE_INFINITY, n);
        default -> new Requirement(n, n);
      });
    }
    int comparators = 0;
    for (Matcher any = ANY_COMPARATOR.matcher(expected); any.find(); ) {
      comparators++;
    }
    if (comparators != found.size()) {
      return null; // a bound relative to another value ("≤ 在职 + 3 个百分点")
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (!found.isEmpty()) {
      return null; // several bounds: not one requirement this can read
    }
    Matcher i = INTERVAL.matcher(expected);
    if (i.find()) {
      double a = Double.parseDouble(i.group(1));
      double b = Double.parseDouble(i.group(2));
      return i.find() ? null : new Requirement(Math.min(a, b), Math.max(a, b));
    }
    Matcher any = ANY_NUMBER.matcher(expected);
    if (any.find()) {
      double n = Double.parseDouble(any.group(1));
      return any.find() ? null : new Requirement(n, n);
    }
    return null;
  }

  /** Places between an enumerated value and the required one, in the field's order of choices. */
  private static Double ordinal(String code, String expected, String path) {
    Schema.Scalar s = path == null ? null : Schema.scalarAt(path);
    if (s == null || s.kind() != Schema.Kind.ENUM) {
      return null;
    }
    List<String> order = s.values();
    Matcher m = CODE.matcher(expected);
    String required = null;
    while (m.find()) {
      if (order.contains(m.group(1))) {
        if (required != null && !required.equals(m.group(1))) {
          return null; // the requirement names several codes
        }
        required = m.group(1);
      }
    }
    int at = order.indexOf(code);
    return required == null || at < 0 ? null : (double) Math.abs(at - order.indexOf(required));
  }
}
