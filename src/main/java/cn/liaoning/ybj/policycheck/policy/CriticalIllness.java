package cn.liaoning.ybj.policycheck.policy;

import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** {@code resident.critical_illness}: 大病保险 cap and incentives (辽医保发〔2024〕7号). */
@ClassReactive
public record CriticalIllness(
    Double annualCap,
    Integer continuityAfterYears,
    Double continuityPerYear,
    Double zeroClaimBonus,
    Double incentiveLimitPct,
    Boolean zeroClaimResetOnClaim,
    Boolean continuityResetOnLapse) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof CriticalIllness o
        && Objects.equals(annualCap, o.annualCap)
        && Objects.equals(continuityAfterYears, o.continuityAfterYears)
        && Objects.equals(continuityPerYear, o.continuityPerYear)
        && Objects.equals(zeroClaimBonus, o.zeroClaimBonus)
        && Objects.equals(incentiveLimitPct, o.incentiveLimitPct)
        && Objects.equals(zeroClaimResetOnClaim, o.zeroClaimResetOnClaim)
        && Objects.equals(continuityResetOnLapse, o.continuityResetOnLapse);
  }

  @Override
  public int hashCode() {
    return Objects.hash(annualCap, continuityAfterYears, continuityPerYear, zeroClaimBonus,
        incentiveLimitPct,
        zeroClaimResetOnClaim, continuityResetOnLapse);
  }
}
