package cn.liaoning.ybj.policycheck.policy;

/** {@code resident.critical_illness}: 大病保险 cap and incentives (辽医保发〔2024〕7号). */
public record CriticalIllness(
    Double annualCap,
    Integer continuityAfterYears,
    Double continuityPerYear,
    Double zeroClaimBonus,
    Double incentiveLimitPct) {}
