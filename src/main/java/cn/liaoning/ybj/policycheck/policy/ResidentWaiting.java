package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.RepairPrice;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** {@code resident.waiting}: waiting periods for late or interrupted enrolment (7号). */
@ClassReactive
public record ResidentWaiting(
    Integer fixedMonths,
    Integer variableMonthsPerLapseYear,
    Integer repairMonthsPerPaidYear,
    Integer longLapseMinTotalMonths,
    Boolean newbornExempt,
    RepairPrice repairPriceBasis) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof ResidentWaiting o
        && Objects.equals(fixedMonths, o.fixedMonths)
        && Objects.equals(variableMonthsPerLapseYear, o.variableMonthsPerLapseYear)
        && Objects.equals(repairMonthsPerPaidYear, o.repairMonthsPerPaidYear)
        && Objects.equals(longLapseMinTotalMonths, o.longLapseMinTotalMonths)
        && Objects.equals(newbornExempt, o.newbornExempt)
        && Objects.equals(repairPriceBasis, o.repairPriceBasis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fixedMonths, variableMonthsPerLapseYear, repairMonthsPerPaidYear,
        longLapseMinTotalMonths,
        newbornExempt, repairPriceBasis);
  }
}
