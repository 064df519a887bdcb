package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.DeductibleBasis;
import cn.liaoning.ybj.policycheck.policy.Facts.RatioFactor;
import java.util.List;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** Scalar employee-benefit fields ({@code employee.*}, {@code employee.inpatient.*}, {@code employee.outpatient.*}). */
@ClassReactive
public record EmployeeBenefits(
    List<RatioFactor> ratiosVaryBy,
    Double annualCap,
    Double highValueDrugDeductible,
    Double childbirthDeductible,
    Double inpatientOverallRatioPct,
    DeductibleBasis outpatientDeductibleBasis,
    Double outpatientAnnualCap) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof EmployeeBenefits o
        && Objects.equals(ratiosVaryBy, o.ratiosVaryBy)
        && Objects.equals(annualCap, o.annualCap)
        && Objects.equals(highValueDrugDeductible, o.highValueDrugDeductible)
        && Objects.equals(childbirthDeductible, o.childbirthDeductible)
        && Objects.equals(inpatientOverallRatioPct, o.inpatientOverallRatioPct)
        && Objects.equals(outpatientDeductibleBasis, o.outpatientDeductibleBasis)
        && Objects.equals(outpatientAnnualCap, o.outpatientAnnualCap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ratiosVaryBy, annualCap, highValueDrugDeductible, childbirthDeductible,
        inpatientOverallRatioPct, outpatientDeductibleBasis, outpatientAnnualCap);
  }
}
