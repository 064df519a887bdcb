package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.RatioFactor;
import java.time.MonthDay;
import java.util.List;

/**
 * Scalar resident-insurance fields ({@code resident.*}). End months 1–2 mean the next year;
 * {@code subsidyDisbursedNextYear} says that {@code subsidyDisbursedBy} falls in the next year
 * ({@code resident.subsidy_disbursed_next_year}, default false).
 */
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
    Double outpatientAnnualCap) {}
