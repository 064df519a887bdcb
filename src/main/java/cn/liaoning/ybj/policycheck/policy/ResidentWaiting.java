package cn.liaoning.ybj.policycheck.policy;

/** {@code resident.waiting}: waiting periods for late or interrupted enrolment (7号). */
public record ResidentWaiting(
    Integer fixedMonths,
    Integer variableMonthsPerLapseYear,
    Integer repairMonthsPerPaidYear,
    Integer longLapseMinTotalMonths) {}
