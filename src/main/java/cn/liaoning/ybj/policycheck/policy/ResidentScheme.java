package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.RatioFactor;
import java.time.MonthDay;
import java.util.List;
import cn.liaoning.ybj.policycheck.policy.Facts.PaymentInterval;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * Scalar resident-insurance fields ({@code resident.*}). End months 1–2 mean the next year;
 * {@code subsidyDisbursedNextYear} says that {@code subsidyDisbursedBy} falls in the next year
 * ({@code resident.subsidy_disbursed_next_year}, default false).
 */
@ClassReactive
public record ResidentScheme(
    Integer collectionStartMonth,
    Integer collectionEndMonth,
    MonthDay subsidyDisbursedBy,
    boolean subsidyDisbursedNextYear,
    List<RatioFactor> ratiosVaryBy,
    Double annualCap,
    Double highValueDrugDeductible,
    Double chronicDrugDeductible,
    Double chronicDrugRatioPct,
    Double inpatientOverallRatioPct,
    Double outpatientAnnualCap,
    PaymentInterval paymentInterval) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof ResidentScheme o
        && Objects.equals(collectionStartMonth, o.collectionStartMonth)
        && Objects.equals(collectionEndMonth, o.collectionEndMonth)
        && Objects.equals(subsidyDisbursedBy, o.subsidyDisbursedBy)
        && subsidyDisbursedNextYear == o.subsidyDisbursedNextYear
        && Objects.equals(ratiosVaryBy, o.ratiosVaryBy)
        && Objects.equals(annualCap, o.annualCap)
        && Objects.equals(highValueDrugDeductible, o.highValueDrugDeductible)
        && Objects.equals(chronicDrugDeductible, o.chronicDrugDeductible)
        && Objects.equals(chronicDrugRatioPct, o.chronicDrugRatioPct)
        && Objects.equals(inpatientOverallRatioPct, o.inpatientOverallRatioPct)
        && Objects.equals(outpatientAnnualCap, o.outpatientAnnualCap)
        && Objects.equals(paymentInterval, o.paymentInterval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(collectionStartMonth, collectionEndMonth, subsidyDisbursedBy,
        subsidyDisbursedNextYear, ratiosVaryBy, annualCap, highValueDrugDeductible, chronicDrugDeductible,
        chronicDrugRatioPct, inpatientOverallRatioPct, outpatientAnnualCap,
        paymentInterval);
  }
}
