package cn.liaoning.ybj.policycheck.policy;

/** {@code maternity}: maternity-insurance rate and benefits. */
public record Maternity(
    Double ratePct,
    Boolean baseSameAsEmployee,
    Boolean childbirthFollowsTierStandard,
    String allowanceBasis,
    Boolean allowanceForRetirees) {}
