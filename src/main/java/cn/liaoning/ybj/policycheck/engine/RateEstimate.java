package cn.liaoning.ybj.policycheck.engine;

import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * A derived fact: what the published figures tell about a contribution rate, as an interval
 * [lo, hi] (lo == hi when the rate is known exactly). Inserted by the derivation rules in
 * {@code rules/employee-financing.drl} and {@code rules/maternity-financing.drl}.
 *
 * @param kind which rate
 * @param basis how it was derived, in words, for the finding's message
 * @param path the field that would decide it exactly
 */
@ClassReactive
public record RateEstimate(Kind kind, Double lo, Double hi, String basis, String path) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof RateEstimate o
        && Objects.equals(kind, o.kind)
        && Objects.equals(lo, o.lo)
        && Objects.equals(hi, o.hi)
        && Objects.equals(basis, o.basis)
        && Objects.equals(path, o.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, lo, hi, basis, path);
  }

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
