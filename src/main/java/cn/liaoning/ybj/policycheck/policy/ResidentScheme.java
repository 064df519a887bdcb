package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.RatioFactor;
import java.time.MonthDay;
import java.util.List;

/** Scalar resident-insurance fields ({@code resident.*}). End months 1–2 mean the next year. */
public record ResidentScheme(
    Integer collectionStartMonth,
    Integer collectionEndMonth,
    MonthDay subsidyDisbursedBy,
    List<RatioFactor> ratiosVaryBy,
    Double annualCap,
    Double highValueDrugDeductible,
    Double chronicDrugDeductible,
    Double chronicDrugRatioPct,
    Double inpatientOverallRatioPct,
    Double outpatientAnnualCap) {}
