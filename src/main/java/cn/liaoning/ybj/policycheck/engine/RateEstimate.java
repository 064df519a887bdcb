package cn.liaoning.ybj.policycheck.engine;

/**
 * A derived fact: what the published figures tell about a contribution rate, as an interval
 * [lo, hi] (lo == hi when the rate is known exactly). Inserted by the derivation rules in
 * {@code rules/employee-financing.drl} and {@code rules/maternity-financing.drl}.
 *
 * @param kind which rate
 * @param basis how it was derived, in words, for the finding's message
 * @param path the field that would decide it exactly
 */
public record RateEstimate(Kind kind, Double lo, Double hi, String basis, String path) {
  /** Which rate is estimated. */
  public enum Kind {
    /** The employer's medical-insurance rate (without maternity). */
    EMPLOYER_MEDICAL,
    /** The maternity-insurance rate. */
    MATERNITY
  }

  public boolean exact() {
    return lo != null && lo.equals(hi);
  }
}
