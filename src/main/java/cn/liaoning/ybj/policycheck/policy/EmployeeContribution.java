package cn.liaoning.ybj.policycheck.policy;

/**
 * {@code employee.contribution}: contribution bases (percent of 全口径平均工资) and rates (percent).
 * {@code flexibleBasePct} is null when the base is offered as a range; the range is then in
 * {@code flexibleBaseMinPct}/{@code flexibleBaseMaxPct}. {@code flexibleAccountScheme} is false where the
 * city has no personal-account scheme for flexible workers (then the account rule does not apply).
 */
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
    Boolean flexibleAccountScheme) {}
