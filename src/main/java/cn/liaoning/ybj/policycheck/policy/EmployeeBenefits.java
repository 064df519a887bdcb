package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.DeductibleBasis;
import cn.liaoning.ybj.policycheck.policy.Facts.RatioFactor;
import java.util.List;

/** Scalar employee-benefit fields ({@code employee.*}, {@code employee.inpatient.*}, {@code employee.outpatient.*}). */
public record EmployeeBenefits(
    List<RatioFactor> ratiosVaryBy,
    Double annualCap,
    Double highValueDrugDeductible,
    Double childbirthDeductible,
    Double inpatientOverallRatioPct,
    DeductibleBasis outpatientDeductibleBasis,
    Double outpatientAnnualCap) {}
