package cn.liaoning.ybj.policycheck.engine;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.DELETE;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.checkWith;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.findings;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * E. 居民医保待遇. The compliant fixture lists resident inpatient classes 一级 (tier 1, 100 元, 80%),
 * 二级 (tier 2, 300 元, 75%), 三级 (tier 3, 600 元, 70%), one outpatient class 基层 (55%), and employee
 * inpatient classes 一级 92%, 二级 88%, 三级 84% in service.
 */
class ResidentBenefitsRulesTest {
  private static final String IN = "resident.inpatient.classes";
  private static final String OUT = "resident.outpatient.classes";

  /** The single finding of a per-class rule for one class. */
  static Finding forClass(CityResult r, String ruleId, String subject) {
    List<Finding> f = findings(r, ruleId).stream().filter(x -> subject.equals(x.subject())).toList();
    if (f.size() != 1) {
      throw new AssertionError("expected exactly one finding of " + ruleId + " for " + subject + ", got " + findings(r, ruleId));
    }
    return f.get(0);
  }

  static Map<String, Object> residentClass(String name, Integer tier, Object deductible, Object ratio) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name);
    m.put("tier", tier);
    m.put("deductible", deductible);
    m.put("ratio_pct", ratio);
    return m;
  }

  static Map<String, Object> employeeClass(String name, int tier, Object deductible, Object inService, Object retired) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name);
    m.put("tier", tier);
    m.put("deductible", deductible);
    m.put("in_service_pct", inService);
    m.put("retired_pct", retired);
    return m;
  }

  @Nested
  class NoTenureAgeRatios {
    private static final String ID = "RES-NO-TENURE-AGE-RATIOS";
    private static final String PATH = "resident.ratios_vary_by";

    @Test
    void noFactorPasses() {
      Finding f = only(checkWith(PATH, List.of()), ID);
      assertEquals(Status.PASS, f.status());
      assertEquals(PATH, f.path());
    }

    @Test
    void varyingByAgeIsAViolation() {
      Finding f = only(checkWith(PATH, List.of("age")), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(PATH, f.path());
      assertEquals("[age]", f.actual());
      assertTrue(f.message().contains("年龄"), f.message());
    }

    @Test
    void varyingByEnrolmentYearsOrCostIsAViolation() {
      Finding f = only(checkWith(PATH, List.of("enrolment_years", "cost_amount")), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals("[enrolment_years, cost_amount]", f.actual());
      assertTrue(f.message().contains("参保年限、医疗费用"), f.message());
    }

    @Test
    void aWaiverMakesItWaived() {
      Map<String, Object> waiver = Map.of("rule", ID, "reason", "过渡期", "approval_ref", "辽医保函〔2026〕2号", "expires", "2027-12-31");
      assertEquals(Status.WAIVED, only(checkWith(PATH, List.of("age"), "waivers", List.of(waiver)), ID).status());
    }

    @Test
    void unknownIsIndeterminate() {
      Finding f = only(checkWith(PATH, null), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(PATH, f.path());
      assertEquals(Status.INDETERMINATE, only(checkWith(PATH, DELETE), ID).status());
    }
  }

  @Nested
  class InpatientDeductTiered {
    private static final String ID = "RES-INPATIENT-DEDUCT-TIERED";

    @Test
    void differentDeductiblesPass() {
      Finding f = only(checkWith(), ID);
      assertEquals(Status.PASS, f.status());
      assertEquals(IN, f.path());
    }

    @Test
    void allEqualIsAViolation() {
      Finding f = only(checkWith(IN + "[0].deductible", 300, IN + "[2].deductible", 300), ID);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(IN, f.path());
      assertEquals(300.0, f.actual());
    }

    @Test
    void oneDeductibleDifferingByOneYuanIsTheBoundaryAndPasses() {
      assertEquals(Status.PASS, only(checkWith(IN + "[0].deductible", 300, IN + "[2].deductible", 301), ID).status());
    }

    @Test
    void aMissingDeductibleIsIndeterminateAtThatClass() {
      Finding f = only(checkWith(IN + "[1].deductible", null), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(IN + "[1].deductible", f.path());
    }

    @Test
    void aMissingTierIsIndeterminateAtThatClass() {
      Finding f = only(checkWith(IN + "[2].tier", null, IN + "[1].deductible", null), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(IN + "[1].deductible", f.path(), "the first incomplete class decides the path");
      Finding g = only(checkWith(IN + "[2].tier", null), ID);
      assertEquals(IN + "[2].tier", g.path());
    }

    @Test
    void fewerThanTwoTiersIsIndeterminate() {
      Finding one = only(checkWith(IN, List.of(residentClass("三级", 3, 600, 70))), ID);
      assertEquals(Status.INDETERMINATE, one.status());
      assertEquals(IN, one.path());
      Finding sameTier = only(checkWith(IN, List.of(residentClass("三级", 3, 600, 70), residentClass("特大型三级", 3, 900, 68))), ID);
      assertEquals(Status.INDETERMINATE, sameTier.status());
      Finding none = only(checkWith(IN, List.of()), ID);
      assertEquals(Status.INDETERMINATE, none.status());
      assertEquals(IN, none.path());
    }
  }

  @Nested
  class DrugDeductibles {
    @Test
    void highValueDrugs() {
      String id = "RES-HIGHVALUE-DRUG-DEDUCT";
      String path = "resident.high_value_drug_deductible";
      assertEquals(Status.PASS, only(checkWith(path, 0), id).status());
      Finding f = only(checkWith(path, 1), id);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(path, f.path());
      assertEquals(1.0, f.actual());
      Finding u = only(checkWith(path, null), id);
      assertEquals(Status.INDETERMINATE, u.status());
      assertEquals(path, u.path());
    }

    @Test
    void hypertensionAndDiabetesMedication() {
      String id = "RES-CHRONIC-DRUG-DEDUCT";
      String path = "resident.chronic_drug_deductible";
      assertEquals(Status.PASS, only(checkWith(path, 0), id).status());
      Finding f = only(checkWith(path, 1), id);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(path, f.path());
      assertEquals(1.0, f.actual());
      Finding u = only(checkWith(path, DELETE), id);
      assertEquals(Status.INDETERMINATE, u.status());
      assertEquals(path, u.path());
    }
  }

  @Nested
  class Minimums {
    private void boundary(String id, String path, Number atMin, Number below) {
      Finding ok = only(checkWith(path, atMin), id);
      assertEquals(Status.PASS, ok.status(), id + " at " + atMin);
      assertEquals(path, ok.path());
      Finding bad = only(checkWith(path, below), id);
      assertEquals(Status.VIOLATION, bad.status(), id + " at " + below);
      assertEquals(path, bad.path());
      assertEquals(below.doubleValue(), bad.actual());
      Finding unknown = only(checkWith(path, null), id);
      assertEquals(Status.INDETERMINATE, unknown.status());
      assertEquals(path, unknown.path());
    }

    @Test
    void annualCapAtLeast80000() {
      boundary("RES-CAP-MIN", "resident.annual_cap", 80000, 79999);
    }

    @Test
    void outpatientCapAtLeast500() {
      boundary("RES-OUTPATIENT-CAP-MIN", "resident.outpatient.annual_cap", 500, 499);
    }

    @Test
    void chronicDrugRatioAtLeast60() {
      boundary("RES-CHRONIC-DRUG-RATIO-MIN", "resident.chronic_drug_ratio_pct", 60, 59.9);
    }
  }

  @Nested
  class OutpatientRatioMin {
    private static final String ID = "RES-OUTPATIENT-RATIO-MIN";

    @Test
    void fiftyIsTheBoundaryAndPasses() {
      Finding f = forClass(checkWith(OUT + "[0].ratio_pct", 50), ID, "基层");
      assertEquals(Status.PASS, f.status());
      assertEquals(OUT + "[0].ratio_pct", f.path());
    }

    @Test
    void belowFiftyIsAViolation() {
      Finding f = forClass(checkWith(OUT + "[0].ratio_pct", 49.9), ID, "基层");
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(OUT + "[0].ratio_pct", f.path());
      assertEquals(49.9, f.actual());
    }

    @Test
    void everyClassIsJudged() {
      CityResult r = checkWith(OUT, List.of(residentClass("基层", 1, 0, 55), residentClass("二级", 2, 200, 45)));
      assertEquals(2, findings(r, ID).size());
      assertEquals(Status.PASS, forClass(r, ID, "基层").status());
      assertEquals(Status.VIOLATION, forClass(r, ID, "二级").status());
    }

    @Test
    void missingRatioIsIndeterminate() {
      Finding f = forClass(checkWith(OUT + "[0].ratio_pct", null), ID, "基层");
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(OUT + "[0].ratio_pct", f.path());
    }

    @Test
    void noClassesIsOneIndeterminate() {
      Finding f = only(checkWith(OUT, List.of()), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(OUT, f.path());
      assertEquals(Status.INDETERMINATE, only(checkWith(OUT, DELETE), ID).status());
    }
  }

  @Nested
  class EmployeeGap {
    private static final String ID = "RES-EMP-GAP";

    @Test
    void belowTheEmployeeRatioAtEveryClassPasses() {
      CityResult r = checkWith();
      assertEquals(3, findings(r, ID).size());
      findings(r, ID).forEach(f -> assertEquals(Status.PASS, f.status(), f.toString()));
    }

    @Test
    void justBelowTheEmployeeRatioPasses() {
      Finding f = forClass(checkWith(IN + "[2].ratio_pct", 83.9), ID, "三级");
      assertEquals(Status.PASS, f.status());
    }

    @Test
    void equalToTheEmployeeRatioWarns() {
      Finding f = forClass(checkWith(IN + "[2].ratio_pct", 84), ID, "三级");
      assertEquals(Status.WARNING, f.status());
      assertEquals(IN + "[2].ratio_pct", f.path());
      assertEquals(84.0, f.actual());
      assertTrue(f.message().contains("84%"), f.message());
    }

    @Test
    void severalEmployeeClassesOfTheTierCompareWithTheLowest() {
      Object emp = List.of(
          employeeClass("一级", 1, 200, 92, 95),
          employeeClass("二级", 2, 400, 88, 91),
          employeeClass("三级", 3, 800, 84, 87),
          employeeClass("特大型三级", 3, 1200, 82, 85));
      Finding warn = forClass(checkWith("employee.inpatient.classes", emp, IN + "[2].ratio_pct", 82), ID, "三级");
      assertEquals(Status.WARNING, warn.status());
      assertTrue(warn.message().contains("特大型三级"), warn.message());
      assertTrue(warn.message().contains("2 个类别中最低"), warn.message());
      Finding pass = forClass(checkWith("employee.inpatient.classes", emp, IN + "[2].ratio_pct", 81.9), ID, "三级");
      assertEquals(Status.PASS, pass.status());
      assertTrue(pass.message().contains("特大型三级"), pass.message());
    }

    @Test
    void noEmployeeClassOfTheTierIsIndeterminate() {
      Object emp = List.of(employeeClass("二级", 2, 400, 88, 91), employeeClass("三级", 3, 800, 84, 87));
      CityResult r = checkWith("employee.inpatient.classes", emp);
      Finding f = forClass(r, ID, "一级");
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals("employee.inpatient.classes", f.path());
      assertEquals(Status.PASS, forClass(r, ID, "二级").status());
    }

    @Test
    void missingEmployeeRatioIsIndeterminate() {
      Finding f = forClass(checkWith("employee.inpatient.classes[1].in_service_pct", null), ID, "二级");
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals("employee.inpatient.classes[1].in_service_pct", f.path());
    }

    @Test
    void missingResidentRatioOrTierIsIndeterminate() {
      Finding ratio = forClass(checkWith(IN + "[1].ratio_pct", null), ID, "二级");
      assertEquals(Status.INDETERMINATE, ratio.status());
      assertEquals(IN + "[1].ratio_pct", ratio.path());
      Finding tier = forClass(checkWith(IN + "[1].tier", null), ID, "二级");
      assertEquals(Status.INDETERMINATE, tier.status());
      assertEquals(IN + "[1].tier", tier.path());
    }
  }

  @Nested
  class InpatientOverall {
    private static final String ID = "RES-INPATIENT-OVERALL";
    private static final String PATH = "resident.inpatient.overall_ratio_pct";

    @Test
    void withinFivePointsOfSeventyPasses() {
      assertEquals(Status.PASS, only(checkWith(PATH, 70), ID).status());
      assertEquals(Status.PASS, only(checkWith(PATH, 65), ID).status());
      assertEquals(Status.PASS, only(checkWith(PATH, 75), ID).status());
    }

    @Test
    void beyondFivePointsWarns() {
      Finding low = only(checkWith(PATH, 64.9), ID);
      assertEquals(Status.WARNING, low.status());
      assertEquals(PATH, low.path());
      assertEquals(64.9, low.actual());
      Finding high = only(checkWith(PATH, 75.1), ID);
      assertEquals(Status.WARNING, high.status());
    }

    @Test
    void unpublishedIsIndeterminate() {
      Finding f = only(checkWith(PATH, null), ID);
      assertEquals(Status.INDETERMINATE, f.status());
      assertEquals(PATH, f.path());
    }
  }

  @Nested
  class InpatientGuideline {
    private static final String ID = "RES-INPATIENT-GUIDELINE";

    @Test
    void theGuidelineOfEachTierIsTheBoundary() {
      CityResult atGuideline = checkWith(IN + "[0].ratio_pct", 75, IN + "[1].ratio_pct", 70, IN + "[2].ratio_pct", 65);
      assertEquals(3, findings(atGuideline, ID).size());
      findings(atGuideline, ID).forEach(f -> assertEquals(Status.PASS, f.status(), f.toString()));
      CityResult below = checkWith(IN + "[0].ratio_pct", 74.9, IN + "[1].ratio_pct", 69.9, IN + "[2].ratio_pct", 64.9);
      findings(below, ID).forEach(f -> assertEquals(Status.VIOLATION, f.status(), f.toString()));
      Finding tier3 = forClass(below, ID, "三级");
      assertEquals(IN + "[2].ratio_pct", tier3.path());
      assertEquals(64.9, tier3.actual());
      assertEquals("≥ 65%", tier3.expected());
      assertEquals("≥ 75%", forClass(below, ID, "一级").expected());
    }

    @Test
    void missingRatioOrTierIsIndeterminate() {
      Finding ratio = forClass(checkWith(IN + "[0].ratio_pct", null), ID, "一级");
      assertEquals(Status.INDETERMINATE, ratio.status());
      assertEquals(IN + "[0].ratio_pct", ratio.path());
      Finding tier = forClass(checkWith(IN + "[0].tier", null), ID, "一级");
      assertEquals(Status.INDETERMINATE, tier.status());
      assertEquals(IN + "[0].tier", tier.path());
    }
  }

  @Nested
  class AboveGuidelineRisk {
    private static final String ID = "RES-ABOVE-GUIDELINE-RISK";

    @Test
    void aboveWithTheFundStablePasses() {
      CityResult r = checkWith("fund.resident", "stable");
      assertEquals(3, findings(r, ID).size());
      findings(r, ID).forEach(f -> assertEquals(Status.PASS, f.status(), f.toString()));
    }

    @Test
    void aboveWithTheFundAtRiskIsAViolation() {
      Finding f = forClass(checkWith("fund.resident", "risk", IN + "[2].ratio_pct", 65.1), ID, "三级");
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(IN + "[2].ratio_pct", f.path());
      assertEquals(65.1, f.actual());
    }

    @Test
    void atTheGuidelineWithTheFundAtRiskPasses() {
      Finding f = forClass(checkWith("fund.resident", "risk", IN + "[2].ratio_pct", 65), ID, "三级");
      assertEquals(Status.PASS, f.status());
    }

    @Test
    void aboveWithTheFundUnknownIsIndeterminateAtTheFund() {
      CityResult r = checkWith("fund.resident", "unknown", IN + "[2].ratio_pct", 65);
      Finding above = forClass(r, ID, "一级");
      assertEquals(Status.INDETERMINATE, above.status());
      assertEquals("fund.resident", above.path());
      assertEquals(Status.PASS, forClass(r, ID, "三级").status());
      assertEquals(Status.INDETERMINATE, forClass(checkWith("fund.resident", DELETE), ID, "二级").status());
    }

    @Test
    void missingRatioOrTierIsIndeterminate() {
      Finding ratio = forClass(checkWith("fund.resident", "risk", IN + "[1].ratio_pct", null), ID, "二级");
      assertEquals(Status.INDETERMINATE, ratio.status());
      assertEquals(IN + "[1].ratio_pct", ratio.path());
      Finding tier = forClass(checkWith(IN + "[1].tier", null), ID, "二级");
      assertEquals(Status.INDETERMINATE, tier.status());
      assertEquals(IN + "[1].tier", tier.path());
    }
  }

  @Test
  void withoutAnyResidentDataEveryRuleIsIndeterminateWithAPath() {
    CityResult r = checkWith("resident", DELETE);
    for (String id : List.of("RES-NO-TENURE-AGE-RATIOS", "RES-INPATIENT-DEDUCT-TIERED", "RES-HIGHVALUE-DRUG-DEDUCT",
        "RES-CHRONIC-DRUG-DEDUCT", "RES-CAP-MIN", "RES-OUTPATIENT-CAP-MIN", "RES-EMP-GAP", "RES-INPATIENT-OVERALL",
        "RES-OUTPATIENT-RATIO-MIN", "RES-CHRONIC-DRUG-RATIO-MIN", "RES-INPATIENT-GUIDELINE", "RES-ABOVE-GUIDELINE-RISK",
        "RES-COLLECTION-PERIOD", "RES-SUBSIDY-DISBURSED")) {
      Finding f = only(r, id);
      assertEquals(Status.INDETERMINATE, f.status(), f.toString());
      assertTrue(f.path() != null && f.path().startsWith("resident."), f.toString());
    }
  }
}
