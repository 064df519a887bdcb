package cn.liaoning.ybj.policycheck.baseline;

import org.kie.api.definition.type.ClassReactive;

/**
 * A derived fact: the employer's medical-insurance rate in the baseline file, as an interval
 * [lo, hi] (lo == hi when known exactly). Inserted by the derivation rules in
 * {@code rules/employee-financing-baseline.drl}, as {@code RateEstimate} is for the proposal.
 *
 * @param basis how it was derived, in words, for the finding's message
 */
@ClassReactive
public record BaselineRate(Double lo, Double hi, String basis) {
  public boolean exact() {
    return lo != null && lo.equals(hi);
  }
}
