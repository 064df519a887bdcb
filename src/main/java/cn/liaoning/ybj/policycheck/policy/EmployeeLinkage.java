package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.Timing;
import cn.liaoning.ybj.policycheck.policy.Facts.BenefitEnd;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** {@code employee.linkage}: when benefits start, stop and resume relative to payment. */
@ClassReactive
public record EmployeeLinkage(
    Timing firstEnrolmentBenefitStart,
    Integer flexibleWaitingMonths,
    Timing interruptionSuspendFrom,
    Timing resumptionRestoreFrom,
    Integer transferGraceMonths,
    Timing transferWithinGraceStart,
    Timing transferAfterGraceStart,
    Timing flexibleInterruptionSuspendFrom,
    BenefitEnd transferOutBenefitEnd,
    Integer flexibleTransferGraceMonths,
    Timing flexibleTransferWithinGraceStart) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof EmployeeLinkage o
        && Objects.equals(firstEnrolmentBenefitStart, o.firstEnrolmentBenefitStart)
        && Objects.equals(flexibleWaitingMonths, o.flexibleWaitingMonths)
        && Objects.equals(interruptionSuspendFrom, o.interruptionSuspendFrom)
        && Objects.equals(resumptionRestoreFrom, o.resumptionRestoreFrom)
        && Objects.equals(transferGraceMonths, o.transferGraceMonths)
        && Objects.equals(transferWithinGraceStart, o.transferWithinGraceStart)
        && Objects.equals(transferAfterGraceStart, o.transferAfterGraceStart)
        && Objects.equals(flexibleInterruptionSuspendFrom, o.flexibleInterruptionSuspendFrom)
        && Objects.equals(transferOutBenefitEnd, o.transferOutBenefitEnd)
        && Objects.equals(flexibleTransferGraceMonths, o.flexibleTransferGraceMonths)
        && Objects.equals(flexibleTransferWithinGraceStart, o.flexibleTransferWithinGraceStart);
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstEnrolmentBenefitStart, flexibleWaitingMonths, interruptionSuspendFrom,
        resumptionRestoreFrom, transferGraceMonths, transferWithinGraceStart, transferAfterGraceStart,
        flexibleInterruptionSuspendFrom, transferOutBenefitEnd, flexibleTransferGraceMonths, flexibleTransferWithinGraceStart);
  }
}
