package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.PaymentInterval;
import java.time.MonthDay;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * {@code employee.contribution}: contribution bases (percent of 全口径平均工资) and rates (percent).
 * {@code flexibleBasePct} is null when the base is offered as a range; the range is then in
 * {@code flexibleBaseMinPct}/{@code flexibleBaseMaxPct}. {@code flexibleAccountScheme} is false where the
 * city has no personal-account scheme for flexible workers (then the account rule does not apply).
 */
@ClassReactive
public record EmployeeContribution(
    Double baseFloorPct,
    Double baseCeilingPct,
    Double flexibleBasePct,
    boolean flexibleBaseIsRange,
    Double flexibleBaseMinPct,
    Double flexibleBaseMaxPct,
    Double individualRatePct,
    Double employerRatePct,
    Double employerCombinedRatePct,
    Double flexibleRatePct,
    Double flexibleWithAccountRatePct,
    Boolean flexibleAccountScheme,
    PaymentInterval paymentInterval,
    MonthDay contributionYearStart) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof EmployeeContribution o
        && Objects.equals(baseFloorPct, o.baseFloorPct)
        && Objects.equals(baseCeilingPct, o.baseCeilingPct)
        && Objects.equals(flexibleBasePct, o.flexibleBasePct)
        && flexibleBaseIsRange == o.flexibleBaseIsRange
        && Objects.equals(flexibleBaseMinPct, o.flexibleBaseMinPct)
        && Objects.equals(flexibleBaseMaxPct, o.flexibleBaseMaxPct)
        && Objects.equals(individualRatePct, o.individualRatePct)
        && Objects.equals(employerRatePct, o.employerRatePct)
        && Objects.equals(employerCombinedRatePct, o.employerCombinedRatePct)
        && Objects.equals(flexibleRatePct, o.flexibleRatePct)
        && Objects.equals(flexibleWithAccountRatePct, o.flexibleWithAccountRatePct)
        && Objects.equals(flexibleAccountScheme, o.flexibleAccountScheme)
        && Objects.equals(paymentInterval, o.paymentInterval)
        && Objects.equals(contributionYearStart, o.contributionYearStart);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseFloorPct, baseCeilingPct, flexibleBasePct, flexibleBaseIsRange,
        flexibleBaseMinPct, flexibleBaseMaxPct, individualRatePct, employerRatePct, employerCombinedRatePct,
        flexibleRatePct, flexibleWithAccountRatePct, flexibleAccountScheme,
        paymentInterval, contributionYearStart);
  }
}
