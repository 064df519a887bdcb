package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.regulation.Param;
import org.junit.jupiter.api.Test;

/** Catalogue F (生育待遇): 2号 二(三), 26号 二(五). */
class MaternityBenefitsRulesTest {
  private static final String COMPLIANT_BASIS = "employer_prev_year_avg_monthly_wage";

  private static Finding finding(String id, Object... pathValuePairs) {
    return TestSupport.only(TestSupport.checkWith(pathValuePairs), id);
  }

  private static void assertStatus(Finding f, Status status, String path) {
    assertEquals(status, f.status(), f.toString());
    assertEquals(path, f.path(), f.toString());
  }

  // ---------------------------------------------------------------- MAT-CHILDBIRTH-TIER-STANDARD

  @Test
  void childbirthFollowingTheTierStandardPasses() {
    Finding f = finding("MAT-CHILDBIRTH-TIER-STANDARD");
    assertStatus(f, Status.PASS, "maternity.childbirth_follows_tier_standard");
    assertEquals(true, f.actual());
  }

  @Test
  void childbirthNotFollowingTheTierStandardIsAViolation() {
    Finding f = finding("MAT-CHILDBIRTH-TIER-STANDARD", "maternity.childbirth_follows_tier_standard", false);
    assertStatus(f, Status.VIOLATION, "maternity.childbirth_follows_tier_standard");
    assertEquals(false, f.actual());
    assertTrue(f.message().contains("相应等级医疗机构待遇标准"), f.message());
  }

  @Test
  void childbirthTierStandardUnknownIsIndeterminate() {
    assertStatus(finding("MAT-CHILDBIRTH-TIER-STANDARD", "maternity.childbirth_follows_tier_standard", null),
        Status.INDETERMINATE, "maternity.childbirth_follows_tier_standard");
    assertStatus(finding("MAT-CHILDBIRTH-TIER-STANDARD", "maternity.childbirth_follows_tier_standard", TestSupport.DELETE),
        Status.INDETERMINATE, "maternity.childbirth_follows_tier_standard");
  }

  // ---------------------------------------------------------------- MAT-ALLOWANCE-BASIS

  @Test
  void allowanceBasisIsAProvincialTextParameter() {
    Param p = TestSupport.parameters().factsAt(TestSupport.AS_OF).stream()
        .filter(x -> x.key().equals("mat.allowance.basis")).findFirst().orElseThrow();
    assertEquals(0, p.tier());
    assertNull(p.value());
    assertEquals(COMPLIANT_BASIS, p.text());
  }

  @Test
  void allowanceOnTheEmployersPreviousYearAverageWagePasses() {
    Finding f = finding("MAT-ALLOWANCE-BASIS");
    assertStatus(f, Status.PASS, "maternity.allowance_basis");
    assertEquals(COMPLIANT_BASIS, f.actual());
    assertEquals(COMPLIANT_BASIS, f.expected());
    assertTrue(f.message().contains("÷ 30"), f.message());
  }

  @Test
  void allowanceOnAnotherBasisIsAViolation() {
    Finding f = finding("MAT-ALLOWANCE-BASIS", "maternity.allowance_basis", "individual_wage");
    assertStatus(f, Status.VIOLATION, "maternity.allowance_basis");
    assertEquals("individual_wage", f.actual());
    assertEquals(COMPLIANT_BASIS, f.expected());
    assertTrue(f.message().contains("individual_wage"), f.message());
  }

  @Test
  void allowanceBasisNearlyRightIsStillAViolation() {
    Finding f = finding("MAT-ALLOWANCE-BASIS", "maternity.allowance_basis", "employer_current_year_avg_monthly_wage");
    assertStatus(f, Status.VIOLATION, "maternity.allowance_basis");
  }

  @Test
  void allowanceBasisUnknownIsIndeterminate() {
    assertStatus(finding("MAT-ALLOWANCE-BASIS", "maternity.allowance_basis", null), Status.INDETERMINATE, "maternity.allowance_basis");
    assertStatus(finding("MAT-ALLOWANCE-BASIS", "maternity.allowance_basis", TestSupport.DELETE),
        Status.INDETERMINATE, "maternity.allowance_basis");
  }

  // ---------------------------------------------------------------- MAT-ALLOWANCE-RETIREES

  @Test
  void noAllowanceForRetireesPasses() {
    Finding f = finding("MAT-ALLOWANCE-RETIREES");
    assertStatus(f, Status.PASS, "maternity.allowance_for_retirees");
    assertEquals(false, f.actual());
  }

  @Test
  void allowanceForRetireesIsAViolation() {
    Finding f = finding("MAT-ALLOWANCE-RETIREES", "maternity.allowance_for_retirees", true);
    assertStatus(f, Status.VIOLATION, "maternity.allowance_for_retirees");
    assertEquals(true, f.actual());
    assertTrue(f.message().contains("退休人员不享受生育津贴"), f.message());
  }

  @Test
  void allowanceForRetireesUnknownIsIndeterminate() {
    assertStatus(finding("MAT-ALLOWANCE-RETIREES", "maternity.allowance_for_retirees", null),
        Status.INDETERMINATE, "maternity.allowance_for_retirees");
  }
}
