package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.Checks;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Param;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a city's 整改清单: what must change, from the value found to the nearest compliant
 * value. The compliant value is the bound the rule itself stated (its requirement, which the DRL
 * builds from the provincial parameters in force) and is accepted only when it is one of the
 * values the rule's parameters hold at the as-of date; a requirement with no single value (a
 * relation between fields, a choice of wording, a tiering) is given as the text requires it.
 *
 * @param from the value found, in words with its unit ("200 元/年", "次月起"); null when none was written
 * @param to the nearest compliant value in words ("300 元/年"), or null when there is no single one
 * @param requirement the requirement in words ("≥ 300 元/年"), always present
 */
record Remedy(String from, String to, String requirement) {

  private static final String NUM = "(\\d+(?:\\.\\d+)?)";
  private static final String UNIT = "\\s*(%|元/年|元/次|元|个月|年)?";
  private static final Pattern MIN = Pattern.compile("^(?:在职、退休均 |基金有风险时 )?≥ " + NUM + UNIT + "$");
  private static final Pattern MAX = Pattern.compile("^(?:≤ |基金有风险时不高于 )" + NUM + UNIT + "$");
  private static final Pattern EQ = Pattern.compile("^= " + NUM + UNIT + "$");
  private static final Pattern BAND = Pattern.compile("^" + NUM + "%–" + NUM + "%$");
  private static final Pattern AROUND = Pattern.compile("^" + NUM + "%(?: 左右（)? ?± ?" + NUM + " 个百分点）?$");
  private static final Pattern CODE_IN_PARENS = Pattern.compile("（([a-z][a-z0-9_]*)）");

  /**
   * @param params the parameters in force at the as-of date that the finding's rule compares with
   *     (all tiers); a number in the requirement that none of them holds is not offered as a target
   */
  static Remedy of(Finding f, Collection<Param> params) {
    String from = Wording.actual(f);
    String requirement = Wording.requirement(f);
    String expected = f.expected() == null ? "" : f.expected().strip();
    Double actual = Wording.number(f.actual());
    String unit = Wording.unit(f.path());

    Matcher m;
    Double target = null;
    if ((m = MIN.matcher(expected)).matches() || (m = MAX.matcher(expected)).matches() || (m = EQ.matcher(expected)).matches()) {
      double bound = Double.parseDouble(m.group(1));
      if (holds(params, bound)) {
        target = bound;
        unit = unit.isEmpty() && m.group(2) != null ? m.group(2) : unit;
      }
    } else if ((m = BAND.matcher(expected)).matches()) {
      double lo = Double.parseDouble(m.group(1));
      double hi = Double.parseDouble(m.group(2));
      if (holds(params, lo) && holds(params, hi) && actual != null) {
        target = actual < lo ? lo : actual > hi ? hi : null;
      }
    } else if ((m = AROUND.matcher(expected)).matches()) {
      double mid = Double.parseDouble(m.group(1));
      double tolerance = Double.parseDouble(m.group(2));
      if (holds(params, mid) && holds(params, tolerance) && actual != null) {
        double lo = Checks.minus(mid, tolerance);
        double hi = Checks.plus(mid, tolerance);
        target = actual < lo ? lo : actual > hi ? hi : null;
      }
    }
    if (target != null) {
      return new Remedy(from, Wording.withUnit(Checks.n(target), unit), requirement);
    }
    String choice = requiredChoice(f.path(), expected);
    return new Remedy(from, choice, requirement);
  }

  /** For an enumerated field whose requirement names exactly one of its codes: that code's words. */
  private static String requiredChoice(String path, String expected) {
    Schema.Scalar field = path == null ? null : Schema.scalarAt(path);
    if (field == null || field.kind() != Schema.Kind.ENUM && field.kind() != Schema.Kind.STRING || field.choices().isEmpty()) {
      return null;
    }
    if (field.values().contains(expected)) {
      return field.choiceLabel(expected);
    }
    Matcher m = CODE_IN_PARENS.matcher(expected);
    String found = null;
    while (m.find()) {
      if (field.values().contains(m.group(1))) {
        if (found != null) {
          return null;
        }
        found = m.group(1);
      }
    }
    return found == null ? null : field.choiceLabel(found);
  }

  private static boolean holds(Collection<Param> params, double v) {
    for (Param p : params) {
      if (p.value() != null && Math.abs(p.value() - v) < 1e-9) {
        return true;
      }
    }
    return false;
  }

  /** The parameters in force among {@code facts} whose keys are in {@code keys}. */
  static List<Param> among(List<Param> facts, Collection<String> keys) {
    return facts.stream().filter(p -> keys.contains(p.key())).toList();
  }
}
