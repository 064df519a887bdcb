package cn.liaoning.ybj.policycheck.engine;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.DELETE;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.checkWith;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.findings;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.WaiverUse.State;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Area D, 职工医保待遇 (2号 二(一)): every rule passes, fails at its boundary, and is indeterminate without data. */
class EmployeeBenefitsRulesTest {
  private static final String IN = "employee.inpatient.classes";
  private static final String OUT = "employee.outpatient.classes";

  /** The single finding of a per-class rule for the class at {@code classPath} (e.g. employee.outpatient.classes[2]). */
  private static Finding ofClass(CityResult r, String ruleId, String classPath) {
    List<Finding> f = findings(r, ruleId).stream().filter(x -> x.path() != null && x.path().startsWith(classPath + ".")).toList();
    assertEquals(1, f.size(), "findings of " + ruleId + " for " + classPath + ": " + f);
    return f.get(0);
  }

  private static void assertFinding(Finding f, Status status, String path) {
    assertEquals(status, f.status(), f.toString());
    assertEquals(path, f.path(), f.toString());
  }

  private static Map<String, Object> cls(String name, Integer tier, Number deductible, Number inService, Number retired) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("tier", tier);
    m.put("deductible", deductible);
    m.put("in_service_pct", inService);
    m.put("retired_pct", retired);
    return m;
  }

  private static Map<String, Object> waiver(String rule, String approvalRef, String expires) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", rule);
    m.put("reason", "基层门诊起付标准暂维持现行水平");
    m.put("approval_ref", approvalRef);
    m.put("expires", expires);
    return m;
  }

  @Test
  void compliantCityPassesEveryAreaDRuleForEveryClass() {
    CityResult r = TestSupport.check(TestSupport.compliant());
    for (Catalogue.Entry e : TestSupport.catalogue().inArea("D")) {
      List<Finding> f = findings(r, e.id());
      assertEquals(e.perClass() ? 3 : 1, f.size(), e.id() + ": " + f);
      f.forEach(x -> assertEquals(Status.PASS, x.status(), x.toString()));
    }
  }

  @Nested
  class NoTenureRatios {
    @Test
    void noFactorsPass() {
      assertFinding(only(checkWith(), "EMP-NO-TENURE-RATIOS"), Status.PASS, "employee.ratios_vary_by");
    }

    @Test
    void ageAlonePasses() {
      assertEquals(Status.PASS, only(checkWith("employee.ratios_vary_by", List.of("age")), "EMP-NO-TENURE-RATIOS").status());
    }

    @Test
    void enrolmentYearsIsAViolation() {
      Finding f = only(checkWith("employee.ratios_vary_by", List.of("enrolment_years")), "EMP-NO-TENURE-RATIOS");
      assertFinding(f, Status.VIOLATION, "employee.ratios_vary_by");
      assertTrue(f.message().contains("参保年限"), f.message());
    }

    @Test
    void costAmountIsAViolation() {
      Finding f = only(checkWith("employee.ratios_vary_by", List.of("age", "cost_amount")), "EMP-NO-TENURE-RATIOS");
      assertFinding(f, Status.VIOLATION, "employee.ratios_vary_by");
      assertTrue(f.message().contains("医疗费用"), f.message());
    }

    @Test
    void unknownIsIndeterminate() {
      assertFinding(only(checkWith("employee.ratios_vary_by", null), "EMP-NO-TENURE-RATIOS"), Status.INDETERMINATE, "employee.ratios_vary_by");
    }
  }

  @Nested
  class InpatientDeductTiered {
    @Test
    void risingDeductiblesPass() {
      assertFinding(only(checkWith(), "EMP-INPATIENT-DEDUCT-TIERED"), Status.PASS, IN);
    }

    @Test
    void allEqualIsAViolation() {
      Finding f = only(checkWith(IN + "[0].deductible", 500, IN + "[1].deductible", 500, IN + "[2].deductible", 500),
          "EMP-INPATIENT-DEDUCT-TIERED");
      assertFinding(f, Status.VIOLATION, IN);
      assertTrue(f.message().contains("相同"), f.message());
    }

    @Test
    void lowerTierEqualToAHigherTierPasses() {
      // 400 / 400 / 800: not all equal, and no lower tier above a higher one.
      assertEquals(Status.PASS, only(checkWith(IN + "[0].deductible", 400), "EMP-INPATIENT-DEDUCT-TIERED").status());
    }

    @Test
    void lowerTierAboveAHigherTierIsAWarningNamingTheClasses() {
      Finding f = only(checkWith(IN + "[0].deductible", 401), "EMP-INPATIENT-DEDUCT-TIERED");
      assertFinding(f, Status.WARNING, IN);
      assertTrue(f.message().contains("一级") && f.message().contains("二级") && f.message().contains("401"), f.message());
      assertTrue(!f.message().contains("三级"), "only the inverted pair is listed: " + f.message());
    }

    @Test
    void severalInversionsStillGiveOneFinding() {
      Finding f = only(checkWith(IN + "[0].deductible", 900), "EMP-INPATIENT-DEDUCT-TIERED");
      assertEquals(Status.WARNING, f.status());
      assertTrue(f.message().contains("二级") && f.message().contains("三级"), f.message());
    }

    @Test
    void missingDeductibleIsIndeterminateAtThatField() {
      assertFinding(only(checkWith(IN + "[1].deductible", null), "EMP-INPATIENT-DEDUCT-TIERED"),
          Status.INDETERMINATE, IN + "[1].deductible");
    }

    @Test
    void missingTierIsIndeterminateAtTheFirstIncompleteClass() {
      assertFinding(only(checkWith(IN + "[2].tier", null, IN + "[1].deductible", DELETE), "EMP-INPATIENT-DEDUCT-TIERED"),
          Status.INDETERMINATE, IN + "[1].deductible");
      assertFinding(only(checkWith(IN + "[2].tier", null), "EMP-INPATIENT-DEDUCT-TIERED"), Status.INDETERMINATE, IN + "[2].tier");
    }

    @Test
    void oneTierOnlyIsIndeterminate() {
      assertFinding(only(checkWith(IN + "[0].tier", 2, IN + "[2].tier", 2), "EMP-INPATIENT-DEDUCT-TIERED"), Status.INDETERMINATE, IN);
    }

    @Test
    void noClassesIsIndeterminate() {
      assertFinding(only(checkWith(IN, List.of()), "EMP-INPATIENT-DEDUCT-TIERED"), Status.INDETERMINATE, IN);
    }
  }

  @Nested
  class ChildbirthDeduct {
    @Test
    void zeroPasses() {
      assertFinding(only(checkWith(), "EMP-CHILDBIRTH-DEDUCT"), Status.PASS, "employee.inpatient.childbirth_deductible");
    }

    @Test
    void anyDeductibleIsAViolation() {
      Finding f = only(checkWith("employee.inpatient.childbirth_deductible", 1), "EMP-CHILDBIRTH-DEDUCT");
      assertFinding(f, Status.VIOLATION, "employee.inpatient.childbirth_deductible");
      assertEquals(1.0, f.actual());
    }

    @Test
    void unknownIsIndeterminate() {
      assertFinding(only(checkWith("employee.inpatient.childbirth_deductible", null), "EMP-CHILDBIRTH-DEDUCT"),
          Status.INDETERMINATE, "employee.inpatient.childbirth_deductible");
    }
  }

  @Nested
  class OutpatientDeductAnnual {
    @Test
    void perYearPasses() {
      assertFinding(only(checkWith(), "EMP-OUTPATIENT-DEDUCT-ANNUAL"), Status.PASS, "employee.outpatient.deductible_basis");
    }

    @Test
    void perVisitIsAViolation() {
      assertFinding(only(checkWith("employee.outpatient.deductible_basis", "per_visit"), "EMP-OUTPATIENT-DEDUCT-ANNUAL"),
          Status.VIOLATION, "employee.outpatient.deductible_basis");
    }

    @Test
    void unknownIsIndeterminate() {
      assertFinding(only(checkWith("employee.outpatient.deductible_basis", null), "EMP-OUTPATIENT-DEDUCT-ANNUAL"),
          Status.INDETERMINATE, "employee.outpatient.deductible_basis");
    }
  }

  @Nested
  class OutpatientDeductMin {
    @Test
    void threeHundredPasses() {
      CityResult r = checkWith(OUT + "[2].deductible", 300);
      assertEquals(3, findings(r, "EMP-OUTPATIENT-DEDUCT-MIN").size());
      Finding f = ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[2]");
      assertFinding(f, Status.PASS, OUT + "[2].deductible");
      assertEquals("一级及以下", f.subject());
    }

    @Test
    void twoNinetyNineIsAViolationForThatClassOnly() {
      CityResult r = checkWith(OUT + "[2].deductible", 299);
      Finding f = ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[2]");
      assertFinding(f, Status.VIOLATION, OUT + "[2].deductible");
      assertEquals(299.0, f.actual());
      assertEquals(Status.PASS, ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[0]").status());
      assertEquals(Status.PASS, ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[1]").status());
    }

    @Test
    void unknownDeductibleIsIndeterminate() {
      assertFinding(ofClass(checkWith(OUT + "[1].deductible", null), "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[1]"),
          Status.INDETERMINATE, OUT + "[1].deductible");
    }

    @Test
    void noClassesIsOneIndeterminate() {
      Finding f = only(checkWith(OUT, List.of()), "EMP-OUTPATIENT-DEDUCT-MIN");
      assertFinding(f, Status.INDETERMINATE, OUT);
      assertNull(f.subject());
    }

    @Test
    void validWaiverTurnsTheViolationIntoWaived() {
      CityResult r = checkWith(OUT + "[2].deductible", 200,
          "waivers", List.of(waiver("EMP-OUTPATIENT-DEDUCT-MIN", "辽医保函〔2026〕1号", "2027-12-31")));
      Finding f = ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[2]");
      assertEquals(Status.WAIVED, f.status());
      assertEquals("辽医保函〔2026〕1号", f.waiver());
      assertNull(f.deadline());
      assertEquals(1, r.waivers().size());
      assertEquals(State.HONOURED, r.waivers().get(0).state());
      assertTrue(!r.has(Status.VIOLATION), r.findings().toString());
    }

    @Test
    void expiredWaiverLeavesTheViolation() {
      CityResult r = checkWith(OUT + "[2].deductible", 200,
          "waivers", List.of(waiver("EMP-OUTPATIENT-DEDUCT-MIN", "辽医保函〔2026〕1号", TestSupport.AS_OF.minusDays(1).toString())));
      assertEquals(Status.VIOLATION, ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[2]").status());
      assertEquals(State.EXPIRED, r.waivers().get(0).state());
    }

    @Test
    void waiverExpiringOnTheAsOfDateStillHolds() {
      CityResult r = checkWith(OUT + "[2].deductible", 200,
          "waivers", List.of(waiver("EMP-OUTPATIENT-DEDUCT-MIN", "辽医保函〔2026〕1号", TestSupport.AS_OF.toString())));
      assertEquals(Status.WAIVED, ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[2]").status());
      assertEquals(State.HONOURED, r.waivers().get(0).state());
    }

    @Test
    void waiverWithoutApprovalLeavesTheViolation() {
      CityResult r = checkWith(OUT + "[2].deductible", 200,
          "waivers", List.of(waiver("EMP-OUTPATIENT-DEDUCT-MIN", null, "2027-12-31")));
      assertEquals(Status.VIOLATION, ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[2]").status());
      assertEquals(State.NO_APPROVAL, r.waivers().get(0).state());
    }

    @Test
    void waiverOnAMandatoryRuleIsNotWaivable() {
      CityResult r = checkWith("employee.annual_cap", 79999,
          "waivers", List.of(waiver("EMP-CAP-MIN", "辽医保函〔2026〕1号", "2027-12-31")));
      assertEquals(Status.VIOLATION, only(r, "EMP-CAP-MIN").status());
      assertEquals(State.NOT_WAIVABLE, r.waivers().get(0).state());
    }

    @Test
    void waiverForAPassingRuleIsUnused() {
      CityResult r = checkWith("waivers", List.of(waiver("EMP-OUTPATIENT-DEDUCT-MIN", "辽医保函〔2026〕1号", "2027-12-31")));
      findings(r, "EMP-OUTPATIENT-DEDUCT-MIN").forEach(f -> assertEquals(Status.PASS, f.status()));
      assertEquals(State.UNUSED, r.waivers().get(0).state());
    }
  }

  @Nested
  class HighValueDrugDeduct {
    @Test
    void zeroPasses() {
      assertFinding(only(checkWith(), "EMP-HIGHVALUE-DRUG-DEDUCT"), Status.PASS, "employee.high_value_drug_deductible");
    }

    @Test
    void anyDeductibleIsAViolation() {
      Finding f = only(checkWith("employee.high_value_drug_deductible", 1), "EMP-HIGHVALUE-DRUG-DEDUCT");
      assertFinding(f, Status.VIOLATION, "employee.high_value_drug_deductible");
      assertEquals(1.0, f.actual());
    }

    @Test
    void unknownIsIndeterminate() {
      assertFinding(only(checkWith("employee.high_value_drug_deductible", null), "EMP-HIGHVALUE-DRUG-DEDUCT"),
          Status.INDETERMINATE, "employee.high_value_drug_deductible");
    }
  }

  @Nested
  class CapMin {
    @Test
    void eightyThousandPasses() {
      assertFinding(only(checkWith("employee.annual_cap", 80000), "EMP-CAP-MIN"), Status.PASS, "employee.annual_cap");
    }

    @Test
    void belowIsAViolation() {
      Finding f = only(checkWith("employee.annual_cap", 79999), "EMP-CAP-MIN");
      assertFinding(f, Status.VIOLATION, "employee.annual_cap");
      assertEquals(79999.0, f.actual());
      assertEquals("≥ 80000 元", f.expected());
      assertEquals(TestSupport.parameters().date("deadline.standard", TestSupport.AS_OF), f.deadline());
    }

    @Test
    void unknownIsIndeterminate() {
      assertFinding(only(checkWith("employee.annual_cap", null), "EMP-CAP-MIN"), Status.INDETERMINATE, "employee.annual_cap");
    }
  }

  @Nested
  class OutpatientCapMin {
    @Test
    void threeThousandPasses() {
      assertFinding(only(checkWith("employee.outpatient.annual_cap", 3000), "EMP-OUTPATIENT-CAP-MIN"),
          Status.PASS, "employee.outpatient.annual_cap");
    }

    @Test
    void belowIsAViolation() {
      Finding f = only(checkWith("employee.outpatient.annual_cap", 2999), "EMP-OUTPATIENT-CAP-MIN");
      assertFinding(f, Status.VIOLATION, "employee.outpatient.annual_cap");
      assertEquals(2999.0, f.actual());
    }

    @Test
    void unknownIsIndeterminate() {
      assertFinding(only(checkWith("employee.outpatient.annual_cap", DELETE), "EMP-OUTPATIENT-CAP-MIN"),
          Status.INDETERMINATE, "employee.outpatient.annual_cap");
    }
  }

  @Nested
  class InpatientRatioTiered {
    @Test
    void fallingRatiosPass() {
      assertFinding(only(checkWith(), "EMP-INPATIENT-RATIO-TIERED"), Status.PASS, IN);
    }

    @Test
    void allEqualIsAViolation() {
      Finding f = only(checkWith(IN + "[0].in_service_pct", 90, IN + "[1].in_service_pct", 90, IN + "[2].in_service_pct", 90),
          "EMP-INPATIENT-RATIO-TIERED");
      assertFinding(f, Status.VIOLATION, IN);
    }

    @Test
    void lowerTierEqualToAHigherTierPasses() {
      // 88 / 88 / 84: not all equal, and no lower tier paying less than a higher one.
      assertEquals(Status.PASS, only(checkWith(IN + "[0].in_service_pct", 88), "EMP-INPATIENT-RATIO-TIERED").status());
    }

    @Test
    void lowerTierPayingLessIsAWarning() {
      Finding f = only(checkWith(IN + "[0].in_service_pct", 87.9), "EMP-INPATIENT-RATIO-TIERED");
      assertFinding(f, Status.WARNING, IN);
      assertTrue(f.message().contains("一级") && f.message().contains("87.9%") && f.message().contains("二级"), f.message());
    }

    @Test
    void missingRatioIsIndeterminateAtThatField() {
      assertFinding(only(checkWith(IN + "[2].in_service_pct", null), "EMP-INPATIENT-RATIO-TIERED"),
          Status.INDETERMINATE, IN + "[2].in_service_pct");
    }

    @Test
    void missingTierIsIndeterminate() {
      assertFinding(only(checkWith(IN + "[0].tier", null), "EMP-INPATIENT-RATIO-TIERED"), Status.INDETERMINATE, IN + "[0].tier");
    }

    @Test
    void oneTierOnlyIsIndeterminate() {
      assertFinding(only(checkWith(IN + "[0].tier", 3, IN + "[1].tier", 3), "EMP-INPATIENT-RATIO-TIERED"), Status.INDETERMINATE, IN);
    }

    @Test
    void noClassesIsIndeterminate() {
      assertFinding(only(checkWith(IN, List.of()), "EMP-INPATIENT-RATIO-TIERED"), Status.INDETERMINATE, IN);
    }
  }

  @Nested
  class InpatientOverall {
    @Test
    void withinFivePointsPasses() {
      for (double v : new double[] {75, 80, 85}) {
        assertFinding(only(checkWith("employee.inpatient.overall_ratio_pct", v), "EMP-INPATIENT-OVERALL"),
            Status.PASS, "employee.inpatient.overall_ratio_pct");
      }
    }

    @Test
    void furtherIsAWarning() {
      for (double v : new double[] {74.9, 85.1}) {
        Finding f = only(checkWith("employee.inpatient.overall_ratio_pct", v), "EMP-INPATIENT-OVERALL");
        assertFinding(f, Status.WARNING, "employee.inpatient.overall_ratio_pct");
        assertEquals(v, f.actual());
      }
    }

    @Test
    void unpublishedIsIndeterminate() {
      assertFinding(only(checkWith("employee.inpatient.overall_ratio_pct", null), "EMP-INPATIENT-OVERALL"),
          Status.INDETERMINATE, "employee.inpatient.overall_ratio_pct");
    }
  }

  @Nested
  class OutpatientRatioMin {
    @Test
    void fiftyPasses() {
      CityResult r = checkWith(OUT + "[0].in_service_pct", 50, OUT + "[0].retired_pct", 50);
      assertEquals(3, findings(r, "EMP-OUTPATIENT-RATIO-MIN").size());
      assertEquals(Status.PASS, ofClass(r, "EMP-OUTPATIENT-RATIO-MIN", OUT + "[0]").status());
    }

    @Test
    void inServiceBelowIsAViolation() {
      Finding f = ofClass(checkWith(OUT + "[0].in_service_pct", 49.9), "EMP-OUTPATIENT-RATIO-MIN", OUT + "[0]");
      assertFinding(f, Status.VIOLATION, OUT + "[0].in_service_pct");
      assertEquals(49.9, f.actual());
    }

    @Test
    void retiredBelowIsAViolation() {
      Finding f = ofClass(checkWith(OUT + "[0].retired_pct", 49.9), "EMP-OUTPATIENT-RATIO-MIN", OUT + "[0]");
      assertFinding(f, Status.VIOLATION, OUT + "[0].retired_pct");
    }

    @Test
    void bothBelowIsOneViolationAtTheInServiceRatio() {
      assertFinding(ofClass(checkWith(OUT + "[0].in_service_pct", 40, OUT + "[0].retired_pct", 45), "EMP-OUTPATIENT-RATIO-MIN", OUT + "[0]"),
          Status.VIOLATION, OUT + "[0].in_service_pct");
    }

    @Test
    void oneMissingIsIndeterminateUnlessTheOtherFails() {
      assertFinding(ofClass(checkWith(OUT + "[1].retired_pct", null), "EMP-OUTPATIENT-RATIO-MIN", OUT + "[1]"),
          Status.INDETERMINATE, OUT + "[1].retired_pct");
      assertFinding(ofClass(checkWith(OUT + "[1].in_service_pct", null), "EMP-OUTPATIENT-RATIO-MIN", OUT + "[1]"),
          Status.INDETERMINATE, OUT + "[1].in_service_pct");
      assertFinding(ofClass(checkWith(OUT + "[1].in_service_pct", null, OUT + "[1].retired_pct", 49), "EMP-OUTPATIENT-RATIO-MIN", OUT + "[1]"),
          Status.VIOLATION, OUT + "[1].retired_pct");
    }

    @Test
    void noClassesIsIndeterminate() {
      assertFinding(only(checkWith(OUT, List.of()), "EMP-OUTPATIENT-RATIO-MIN"), Status.INDETERMINATE, OUT);
    }
  }

  @Nested
  class RetireeInpatientTilt {
    @Test
    void threePointsPass() {
      CityResult r = checkWith(IN + "[2].in_service_pct", 84, IN + "[2].retired_pct", 87);
      assertEquals(3, findings(r, "EMP-RETIREE-INPATIENT-TILT").size());
      assertFinding(ofClass(r, "EMP-RETIREE-INPATIENT-TILT", IN + "[2]"), Status.PASS, IN + "[2].retired_pct");
    }

    @Test
    void moreIsAWarning() {
      Finding f = ofClass(checkWith(IN + "[2].retired_pct", 87.1), "EMP-RETIREE-INPATIENT-TILT", IN + "[2]");
      assertFinding(f, Status.WARNING, IN + "[2].retired_pct");
      assertTrue(f.message().contains("3.1"), f.message());
    }

    @Test
    void retireesBelowInServicePass() {
      assertEquals(Status.PASS, ofClass(checkWith(IN + "[2].retired_pct", 84), "EMP-RETIREE-INPATIENT-TILT", IN + "[2]").status());
    }

    @Test
    void missingRatioIsIndeterminate() {
      assertFinding(ofClass(checkWith(IN + "[1].retired_pct", null), "EMP-RETIREE-INPATIENT-TILT", IN + "[1]"),
          Status.INDETERMINATE, IN + "[1].retired_pct");
      assertFinding(ofClass(checkWith(IN + "[1].in_service_pct", null), "EMP-RETIREE-INPATIENT-TILT", IN + "[1]"),
          Status.INDETERMINATE, IN + "[1].in_service_pct");
    }

    @Test
    void noClassesIsIndeterminate() {
      assertFinding(only(checkWith(IN, List.of()), "EMP-RETIREE-INPATIENT-TILT"), Status.INDETERMINATE, IN);
    }
  }

  @Nested
  class RetireeOutpatientTilt {
    @Test
    void fivePointsPass() {
      // In binary floating point 64.4 − 59.4 is 5.000000000000007; decimal subtraction gives 5.
      CityResult r = checkWith(OUT + "[0].in_service_pct", 59.4, OUT + "[0].retired_pct", 64.4);
      assertFinding(ofClass(r, "EMP-RETIREE-OUTPATIENT-TILT", OUT + "[0]"), Status.PASS, OUT + "[0].retired_pct");
    }

    @Test
    void moreIsAWarning() {
      assertFinding(ofClass(checkWith(OUT + "[0].retired_pct", 60.1), "EMP-RETIREE-OUTPATIENT-TILT", OUT + "[0]"),
          Status.WARNING, OUT + "[0].retired_pct");
    }

    @Test
    void missingRatioIsIndeterminate() {
      assertFinding(ofClass(checkWith(OUT + "[2].retired_pct", null), "EMP-RETIREE-OUTPATIENT-TILT", OUT + "[2]"),
          Status.INDETERMINATE, OUT + "[2].retired_pct");
    }

    @Test
    void noClassesIsIndeterminate() {
      assertFinding(only(checkWith(OUT, List.of()), "EMP-RETIREE-OUTPATIENT-TILT"), Status.INDETERMINATE, OUT);
    }
  }

  @Nested
  class InpatientGuideline {
    @Test
    void tierThreeAtEightyPassesAndBelowFails() {
      assertEquals(Status.PASS, ofClass(checkWith(IN + "[2].in_service_pct", 80, IN + "[2].retired_pct", 80), "EMP-INPATIENT-GUIDELINE", IN + "[2]").status());
      Finding f = ofClass(checkWith(IN + "[2].in_service_pct", 79.9), "EMP-INPATIENT-GUIDELINE", IN + "[2]");
      assertFinding(f, Status.VIOLATION, IN + "[2].in_service_pct");
      assertEquals(79.9, f.actual());
      assertEquals("≥ 80%", f.expected());
    }

    @Test
    void tierTwoAtEightyFourPassesAndBelowFails() {
      assertEquals(Status.PASS, ofClass(checkWith(IN + "[1].in_service_pct", 84), "EMP-INPATIENT-GUIDELINE", IN + "[1]").status());
      assertFinding(ofClass(checkWith(IN + "[1].in_service_pct", 83.9), "EMP-INPATIENT-GUIDELINE", IN + "[1]"),
          Status.VIOLATION, IN + "[1].in_service_pct");
    }

    @Test
    void tierOneAtEightyEightPassesAndBelowFails() {
      assertEquals(Status.PASS, ofClass(checkWith(IN + "[0].in_service_pct", 88), "EMP-INPATIENT-GUIDELINE", IN + "[0]").status());
      assertFinding(ofClass(checkWith(IN + "[0].in_service_pct", 87.9), "EMP-INPATIENT-GUIDELINE", IN + "[0]"),
          Status.VIOLATION, IN + "[0].in_service_pct");
    }

    @Test
    void retiredBelowIsAViolation() {
      assertFinding(ofClass(checkWith(IN + "[2].retired_pct", 79.9), "EMP-INPATIENT-GUIDELINE", IN + "[2]"),
          Status.VIOLATION, IN + "[2].retired_pct");
    }

    @Test
    void bothBelowIsOneViolation() {
      assertFinding(ofClass(checkWith(IN + "[2].in_service_pct", 70, IN + "[2].retired_pct", 73), "EMP-INPATIENT-GUIDELINE", IN + "[2]"),
          Status.VIOLATION, IN + "[2].in_service_pct");
    }

    @Test
    void missingTierOrRatioIsIndeterminate() {
      assertFinding(ofClass(checkWith(IN + "[1].tier", null), "EMP-INPATIENT-GUIDELINE", IN + "[1]"), Status.INDETERMINATE, IN + "[1].tier");
      assertFinding(ofClass(checkWith(IN + "[1].in_service_pct", null), "EMP-INPATIENT-GUIDELINE", IN + "[1]"),
          Status.INDETERMINATE, IN + "[1].in_service_pct");
      assertFinding(ofClass(checkWith(IN + "[1].retired_pct", null), "EMP-INPATIENT-GUIDELINE", IN + "[1]"),
          Status.INDETERMINATE, IN + "[1].retired_pct");
    }

    @Test
    void noClassesIsIndeterminate() {
      assertFinding(only(checkWith(IN, List.of()), "EMP-INPATIENT-GUIDELINE"), Status.INDETERMINATE, IN);
    }
  }

  @Nested
  class AboveGuidelineRisk {
    @Test
    void aboveWithTheFundStablePasses() {
      CityResult r = checkWith();
      assertEquals(3, findings(r, "EMP-ABOVE-GUIDELINE-RISK").size());
      findings(r, "EMP-ABOVE-GUIDELINE-RISK").forEach(f -> assertEquals(Status.PASS, f.status(), f.toString()));
    }

    @Test
    void retiredAboveWithTheFundStablePassesAtTheRetiredRatioNotAtAMissingOne() {
      CityResult r = checkWith(IN + "[2].in_service_pct", null);
      Finding f = ofClass(r, "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]");
      assertFinding(f, Status.PASS, IN + "[2].retired_pct");
      assertEquals(87.0, f.actual());
      r = checkWith(IN + "[2].in_service_pct", 80);
      assertFinding(ofClass(r, "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]"), Status.PASS, IN + "[2].retired_pct");
    }

    @Test
    void aboveWithTheFundAtRiskIsAViolation() {
      Finding f = ofClass(checkWith("fund.employee", "risk"), "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]");
      assertFinding(f, Status.VIOLATION, IN + "[2].in_service_pct");
      assertEquals(84.0, f.actual());
      assertTrue(f.message().contains("直至达到最低指导线"), f.message());
    }

    @Test
    void atTheGuidelineWithTheFundAtRiskPasses() {
      CityResult r = checkWith("fund.employee", "risk", IN + "[2].in_service_pct", 80, IN + "[2].retired_pct", 80);
      assertEquals(Status.PASS, ofClass(r, "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]").status());
    }

    @Test
    void retiredAboveWithTheFundAtRiskIsAViolationAtTheRetiredRatio() {
      CityResult r = checkWith("fund.employee", "risk", IN + "[2].in_service_pct", 80, IN + "[2].retired_pct", 80.1);
      assertFinding(ofClass(r, "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]"), Status.VIOLATION, IN + "[2].retired_pct");
    }

    @Test
    void aboveWithTheFundUnknownIsIndeterminateAtTheFundStatus() {
      CityResult r = checkWith("fund.employee", "unknown");
      List<Finding> f = findings(r, "EMP-ABOVE-GUIDELINE-RISK");
      assertEquals(3, f.size());
      f.forEach(x -> assertFinding(x, Status.INDETERMINATE, "fund.employee"));
      assertEquals(java.util.Set.of("一级", "二级", "三级"), java.util.Set.copyOf(f.stream().map(Finding::subject).toList()));
    }

    @Test
    void atTheGuidelineWithTheFundUnknownPasses() {
      CityResult r = checkWith("fund.employee", "unknown", IN + "[2].in_service_pct", 80, IN + "[2].retired_pct", 80);
      assertFinding(ofClass(r, "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]"), Status.PASS, IN + "[2].in_service_pct");
    }

    @Test
    void missingDataIsIndeterminate() {
      assertFinding(ofClass(checkWith(IN + "[0].tier", null), "EMP-ABOVE-GUIDELINE-RISK", IN + "[0]"), Status.INDETERMINATE, IN + "[0].tier");
      CityResult r = checkWith("fund.employee", "risk", IN + "[2].in_service_pct", null, IN + "[2].retired_pct", 80);
      assertFinding(ofClass(r, "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]"), Status.INDETERMINATE, IN + "[2].in_service_pct");
      r = checkWith("fund.employee", "risk", IN + "[2].in_service_pct", 79, IN + "[2].retired_pct", null);
      assertFinding(ofClass(r, "EMP-ABOVE-GUIDELINE-RISK", IN + "[2]"), Status.INDETERMINATE, IN + "[2].retired_pct");
    }

    @Test
    void noClassesIsIndeterminate() {
      assertFinding(only(checkWith(IN, List.of()), "EMP-ABOVE-GUIDELINE-RISK"), Status.INDETERMINATE, IN);
    }
  }

  /** Shenyang's published classes (2025): only the two 200-yuan outpatient deductibles fall short. */
  @Test
  void shenyang() {
    List<Object> inpatient = new ArrayList<>(List.of(
        cls("一级", 1, 200, 94, 97),
        cls("区属二级", 2, 300, 93, 96),
        cls("市属二级", 2, 300, 93, 96),
        cls("三级", 3, 600, 88, 91),
        cls("特大型三级", 3, 1200, 86, 89)));
    List<Object> outpatient = new ArrayList<>(List.of(
        cls("特三级", 3, 600, 50, 55),
        cls("三级", 3, 400, 55, 60),
        cls("二级、三级传染病和精神疾病专科医院", 2, 200, 65, 70),
        cls("一级及以下", 1, 200, 70, 75)));
    CityResult r = checkWith("city", "沈阳市", "code", "2101", "fund.employee", "stable",
        "employee.annual_cap", 150000, IN, inpatient, OUT, outpatient,
        "employee.outpatient.annual_cap", 12000, "employee.outpatient.deductible_basis", "per_year");

    List<Finding> deduct = findings(r, "EMP-OUTPATIENT-DEDUCT-MIN");
    assertEquals(4, deduct.size());
    assertEquals(Status.PASS, ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[0]").status());
    assertEquals(Status.PASS, ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[1]").status());
    for (int i : new int[] {2, 3}) {
      Finding f = ofClass(r, "EMP-OUTPATIENT-DEDUCT-MIN", OUT + "[" + i + "]");
      assertFinding(f, Status.VIOLATION, OUT + "[" + i + "].deductible");
      assertEquals(200.0, f.actual());
    }

    List<Finding> guideline = findings(r, "EMP-INPATIENT-GUIDELINE");
    assertEquals(5, guideline.size());
    guideline.forEach(f -> assertEquals(Status.PASS, f.status(), f.toString()));
    assertFinding(only(r, "EMP-CAP-MIN"), Status.PASS, "employee.annual_cap");

    // Nothing else in area D is amiss.
    for (Catalogue.Entry e : TestSupport.catalogue().inArea("D")) {
      for (Finding f : findings(r, e.id())) {
        if (!f.rule().equals("EMP-OUTPATIENT-DEDUCT-MIN")) {
          assertEquals(Status.PASS, f.status(), f.toString());
        }
      }
    }
  }
}
