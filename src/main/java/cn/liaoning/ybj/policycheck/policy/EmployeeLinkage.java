package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.Timing;

/** {@code employee.linkage}: when benefits start, stop and resume relative to payment. */
public record EmployeeLinkage(
    Timing firstEnrolmentBenefitStart,
    Integer flexibleWaitingMonths,
    Timing interruptionSuspendFrom,
    Timing resumptionRestoreFrom,
    Integer transferGraceMonths,
    Timing transferWithinGraceStart,
    Timing transferAfterGraceStart) {}
