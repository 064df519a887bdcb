package cn.liaoning.ybj.policycheck.engine;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.checkWith;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.regulation.Strength;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalogue section A (职工医保筹资): each rule id with a compliant case, a failing case, the
 * boundary and missing data. The compliant fixture has employer 7.5% + maternity 0.8% = combined
 * 8.3%; cases that change one rate change or null the others so that the file still loads.
 */
class EmployeeFinancingRulesTest {
  private static final String C = "employee.contribution.";

  /** The single finding of {@code id} for the compliant fixture with some fields changed. */
  private static Finding find(String id, Object... pathValuePairs) {
    return only(checkWith(pathValuePairs), id);
  }

  /** Employer, combined and maternity rates together (null = not published). */
  private static Object[] rates(Double employer, Double combined, Double maternity) {
    return new Object[] {C + "employer_rate_pct", employer, C + "employer_combined_rate_pct", combined, "maternity.rate_pct", maternity};
  }

  private static Object[] concat(Object[] a, Object... b) {
    Object[] out = new Object[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void assertViolation(Finding f, String path, Object actual) {
    assertEquals(Status.VIOLATION, f.status(), f::toString);
    assertEquals(path, f.path(), f::toString);
    assertEquals(actual, f.actual(), f::toString);
  }

  private static void assertIndeterminate(Finding f, String path) {
    assertEquals(Status.INDETERMINATE, f.status(), f::toString);
    assertEquals(path, f.path(), f::toString);
  }

  // ------------------------------------------------------------------ EMP-BASE-CEILING

  @Nested
  class BaseCeiling {
    static final String ID = "EMP-BASE-CEILING";
    static final String PATH = C + "base_ceiling_pct";

    @Test
    void exactly300Passes() {
      Finding f = find(ID, PATH, 300);
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(PATH, f.path());
    }

    @ParameterizedTest
    @ValueSource(doubles = {299, 299.9, 300.1, 301, 250, 400})
    void anyOtherValueFails(double v) {
      assertViolation(find(ID, PATH, v), PATH, v);
    }

    @Test
    void violationMessageShowsFoundAndRequired() {
      Finding f = find(ID, PATH, 250);
      assertTrue(f.message().contains("250%") && f.message().contains("300%"), f.message());
      assertEquals("= 300%", f.expected());
    }

    @Test
    void missingIsIndeterminate() {
      assertIndeterminate(find(ID, PATH, null), PATH);
      assertIndeterminate(find(ID, PATH, TestSupport.DELETE), PATH);
    }
  }

  // ------------------------------------------------------------------ EMP-BASE-FLOOR

  @Nested
  class BaseFloor {
    static final String ID = "EMP-BASE-FLOOR";
    static final String PATH = C + "base_floor_pct";

    @Test
    void exactly60Passes() {
      assertEquals(Status.PASS, find(ID, PATH, 60).status());
    }

    @ParameterizedTest
    @ValueSource(doubles = {59, 59.9, 60.1, 61, 70})
    void anyOtherValueFails(double v) {
      assertViolation(find(ID, PATH, v), PATH, v);
    }

    @Test
    void missingIsIndeterminate() {
      assertIndeterminate(find(ID, PATH, null), PATH);
    }
  }

  // ------------------------------------------------------------------ EMP-BASE-FLEXIBLE

  @Nested
  class BaseFlexible {
    static final String ID = "EMP-BASE-FLEXIBLE";
    static final String PATH = C + "flexible_base_pct";

    @Test
    void exactly100Passes() {
      assertEquals(Status.PASS, find(ID, PATH, 100).status());
    }

    @ParameterizedTest
    @ValueSource(doubles = {60, 99, 100.1, 101, 300})
    void anyOtherValueFails(double v) {
      assertViolation(find(ID, PATH, v), PATH, v);
    }

    @Test
    void aRangeOfChoiceFails() {
      Map<String, Object> range = new LinkedHashMap<>();
      range.put("min", 60);
      range.put("max", 300);
      Finding f = find(ID, PATH, range);
      assertViolation(f, PATH, "60–300");
      assertTrue(f.message().contains("60%–300%"), f.message());
    }

    @Test
    void missingIsIndeterminate() {
      assertIndeterminate(find(ID, PATH, null), PATH);
    }
  }

  // ------------------------------------------------------------------ EMP-RATE-INDIVIDUAL

  @Nested
  class RateIndividual {
    static final String ID = "EMP-RATE-INDIVIDUAL";
    static final String PATH = C + "individual_rate_pct";

    @Test
    void exactly2Passes() {
      assertEquals(Status.PASS, find(ID, PATH, 2).status());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.9, 2.1, 1, 3, 0})
    void anyOtherValueFails(double v) {
      assertViolation(find(ID, PATH, v), PATH, v);
    }

    @Test
    void missingIsIndeterminate() {
      assertIndeterminate(find(ID, PATH, null), PATH);
    }
  }

  // ------------------------------------------------------------------ EMP-RATE-EMPLOYER-BAND

  @Nested
  class EmployerBand {
    static final String ID = "EMP-RATE-EMPLOYER-BAND";
    static final String EMPLOYER = C + "employer_rate_pct";
    static final String COMBINED = C + "employer_combined_rate_pct";

    @Test
    void compliantFixturePasses() {
      Finding f = find(ID);
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(EMPLOYER, f.path());
      assertEquals("7.5%", f.actual());
    }

    @ParameterizedTest
    @ValueSource(doubles = {7, 8})
    void publishedRateAtEitherEndPasses(double v) {
      Finding f = find(ID, rates(v, null, 0.8));
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(EMPLOYER, f.path());
    }

    @Test
    void publishedRateJustBelowFails() {
      Finding f = find(ID, rates(6.9, null, 0.8));
      assertViolation(f, EMPLOYER, "6.9%");
      assertTrue(f.message().contains("低于 7%"), f.message());
    }

    @Test
    void publishedRateJustAboveFails() {
      Finding f = find(ID, rates(8.1, null, 0.8));
      assertViolation(f, EMPLOYER, "8.1%");
      assertTrue(f.message().contains("高于 8%"), f.message());
    }

    @Test
    void publishedRateWithMatchingCombinedRateIsJudgedOnTheEmployerRate() {
      assertEquals(Status.PASS, find(ID, rates(8.0, 8.8, 0.8)).status());
      assertEquals(Status.VIOLATION, find(ID, rates(6.5, 7.3, 0.8)).status());
    }

    // Combined only: the employer medical rate lies in [combined − 1, combined].

    @Test
    void combinedOnly86IsIndeterminateAndNamesTheMaternityRateThatWouldComply() {
      Finding f = find(ID, rates(null, 8.6, null));
      assertIndeterminate(f, EMPLOYER);
      assertEquals("7.6%–8.6%", f.actual());
      assertTrue(f.message().contains("0.6%–1%"), f.message());
    }

    @Test
    void combinedOnly69IsACertainViolation() {
      Finding f = find(ID, rates(null, 6.9, null));
      assertViolation(f, EMPLOYER, "5.9%–6.9%");
    }

    @Test
    void combinedOnly91IsACertainViolation() {
      Finding f = find(ID, rates(null, 9.1, null));
      assertViolation(f, EMPLOYER, "8.1%–9.1%");
    }

    @Test
    void combinedOnly80PassesForEveryLawfulMaternityRate() {
      Finding f = find(ID, rates(null, 8.0, null));
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals("7%–8%", f.actual());
    }

    @Test
    void combinedOnly90IsIndeterminateCompliantOnlyAtMaternity1() {
      Finding f = find(ID, rates(null, 9.0, null));
      assertIndeterminate(f, EMPLOYER);
      assertTrue(f.message().contains("生育费率为 1% 时合规"), f.message());
    }

    @Test
    void combinedOnly70IsIndeterminate() {
      Finding f = find(ID, rates(null, 7.0, null));
      assertIndeterminate(f, EMPLOYER);
      assertEquals("6%–7%", f.actual());
      assertTrue(f.message().contains("生育费率为 0% 时合规"), f.message());
    }

    /** Combined only, from 0% to 12%: a certain violation below 7% and above 9%, a pass only at 8%. */
    @Test
    void combinedOnlyOverTheWholeRange() {
      for (int i = 0; i <= 120; i++) {
        double c = i / 10.0;
        Status expected = c < 7 || c > 9 ? Status.VIOLATION : c == 8 ? Status.PASS : Status.INDETERMINATE;
        Finding f = find(ID, rates(null, c, null));
        assertEquals(expected, f.status(), "combined " + c + ": " + f);
      }
    }

    @Test
    void combinedMinusPublishedMaternityIsExact() {
      Finding f = find(ID, rates(null, 8.3, 0.3));
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(COMBINED, f.path());
      assertEquals("8%", f.actual());
    }

    @Test
    void combinedMinusPublishedMaternityAbove8Fails() {
      Finding f = find(ID, rates(null, 8.6, 0.5));
      assertViolation(f, COMBINED, "8.1%");
    }

    @Test
    void combinedMinusPublishedMaternityBelow7Fails() {
      assertViolation(find(ID, rates(null, 7.7, 0.8)), COMBINED, "6.9%");
    }

    @Test
    void neitherRateIsIndeterminate() {
      assertIndeterminate(find(ID, rates(null, null, 0.8)), EMPLOYER);
      assertIndeterminate(find(ID, rates(null, null, null)), EMPLOYER);
    }
  }

  // ------------------------------------------------------------------ EMP-RATE-EMPLOYER-RISK

  @Nested
  class EmployerRisk {
    static final String ID = "EMP-RATE-EMPLOYER-RISK";
    static final String EMPLOYER = C + "employer_rate_pct";

    private Finding at(String fund, Object... rates) {
      return find(ID, concat(rates, "fund.employee", fund));
    }

    @Test
    void fundAtRiskBelow8Fails() {
      Finding f = at("risk", rates(7.5, null, 0.8));
      assertViolation(f, EMPLOYER, "7.5%");
      assertEquals("≥ 8%", f.expected());
    }

    @Test
    void fundAtRiskAt8Passes() {
      assertEquals(Status.PASS, at("risk", rates(8.0, null, 0.8)).status());
    }

    @Test
    void fundAtRiskJustBelow8Fails() {
      assertEquals(Status.VIOLATION, at("risk", rates(7.9, null, 0.8)).status());
    }

    @Test
    void fundStableAt7Passes() {
      Finding f = at("stable", rates(7.0, null, 0.8));
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals("fund.employee", f.path());
    }

    @Test
    void fundUnknownBelow8IsIndeterminateOnTheFundStatus() {
      assertIndeterminate(at("unknown", rates(7.5, null, 0.8)), "fund.employee");
      assertIndeterminate(find(ID, "fund.employee", TestSupport.DELETE), "fund.employee");
    }

    @Test
    void fundUnknownAt8Passes() {
      assertEquals(Status.PASS, at("unknown", rates(8.0, null, 0.8)).status());
    }

    @Test
    void fundAtRiskWithCombinedOnlyStraddling8IsIndeterminate() {
      Finding f = at("risk", rates(null, 8.6, null));
      assertIndeterminate(f, EMPLOYER);
      assertEquals("7.6%–8.6%", f.actual());
    }

    @Test
    void fundAtRiskWithCombinedOnlyCertainlyBelow8Fails() {
      assertEquals(Status.VIOLATION, at("risk", rates(null, 7.9, null)).status());
    }

    @Test
    void fundAtRiskWithCombinedOnlyCertainlyAt8OrMorePasses() {
      assertEquals(Status.PASS, at("risk", rates(null, 9.0, null)).status());
    }

    @Test
    void fundAtRiskWithNoRateIsIndeterminate() {
      assertIndeterminate(at("risk", rates(null, null, 0.8)), EMPLOYER);
    }
  }

  // ------------------------------------------------------------------ EMP-RATE-FLEXIBLE-BAND

  @Nested
  class FlexibleBand {
    static final String ID = "EMP-RATE-FLEXIBLE-BAND";
    static final String PATH = C + "flexible_rate_pct";

    /** Keeps the account rate consistent, so only this rule is under test. */
    private Finding flex(Object v, Object... more) {
      return find(ID, concat(new Object[] {PATH, v, C + "flexible_account_scheme", false}, more));
    }

    @ParameterizedTest
    @ValueSource(doubles = {5, 6, 7})
    void withinBandPasses(double v) {
      assertEquals(Status.PASS, flex(v).status());
    }

    @ParameterizedTest
    @ValueSource(doubles = {4.9, 7.1})
    void justOutsideFails(double v) {
      Finding f = flex(v);
      assertViolation(f, PATH, v);
      assertEquals(Strength.IN_PRINCIPLE, f.strength());
    }

    @Test
    void validWaiverMakesTheFailureWaived() {
      Finding f = flex(7.1, "waivers", List.of(waiver("辽医保函〔2026〕3号", "2027-12-31")));
      assertEquals(Status.WAIVED, f.status(), f::toString);
      assertEquals("辽医保函〔2026〕3号", f.waiver());
      assertNull(f.deadline());
    }

    @Test
    void expiredWaiverDoesNotExcuse() {
      Finding f = flex(7.1, "waivers", List.of(waiver("辽医保函〔2026〕3号", "2026-01-31")));
      assertEquals(Status.VIOLATION, f.status(), f::toString);
    }

    @Test
    void waiverWithoutApprovalDoesNotExcuse() {
      Finding f = flex(7.1, "waivers", List.of(waiver(null, "2027-12-31")));
      assertEquals(Status.VIOLATION, f.status(), f::toString);
    }

    @Test
    void missingIsIndeterminate() {
      assertIndeterminate(flex(null), PATH);
    }

    private Map<String, Object> waiver(String ref, String expires) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("rule", ID);
      w.put("reason", "测试");
      w.put("approval_ref", ref);
      w.put("expires", expires);
      return w;
    }
  }

  @Test
  void aWaiverCannotExcuseAMandatoryRule() {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("rule", "EMP-RATE-INDIVIDUAL");
    w.put("reason", "测试");
    w.put("approval_ref", "辽医保函〔2026〕3号");
    w.put("expires", "2027-12-31");
    CityResult r = checkWith(C + "individual_rate_pct", 1.5, "waivers", List.of(w));
    assertEquals(Status.VIOLATION, only(r, "EMP-RATE-INDIVIDUAL").status());
    assertEquals(WaiverUse.State.NOT_WAIVABLE, r.waivers().get(0).state());
  }

  // ------------------------------------------------------------------ EMP-RATE-FLEXIBLE-ACCOUNT

  @Nested
  class FlexibleAccount {
    static final String ID = "EMP-RATE-FLEXIBLE-ACCOUNT";
    static final String ACCOUNT = C + "flexible_with_account_rate_pct";
    static final String FLEX = C + "flexible_rate_pct";

    @Test
    void flexiblePlusIndividualPasses() {
      Finding f = find(ID, FLEX, 6, ACCOUNT, 8);
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(ACCOUNT, f.path());
      assertEquals("≥ 8%", f.expected());
    }

    @Test
    void aboveTheSumPasses() {
      assertEquals(Status.PASS, find(ID, FLEX, 6, ACCOUNT, 9).status());
    }

    @Test
    void justBelowTheSumFails() {
      assertViolation(find(ID, FLEX, 6, ACCOUNT, 7.9), ACCOUNT, 7.9);
    }

    @Test
    void decimalRatesAddExactly() {
      assertEquals(Status.PASS, find(ID, FLEX, 5.1, ACCOUNT, 7.1).status());
      assertEquals(Status.PASS, find(ID, FLEX, 6.1, ACCOUNT, 8.1).status());
    }

    @Test
    void noAccountSchemeIsNotApplicable() {
      Finding f = find(ID, C + "flexible_account_scheme", false, ACCOUNT, null);
      assertEquals(Status.NOT_APPLICABLE, f.status(), f::toString);
      assertEquals(C + "flexible_account_scheme", f.path());
    }

    @Test
    void accountRateMissingIsIndeterminate() {
      assertIndeterminate(find(ID, ACCOUNT, null), ACCOUNT);
      assertIndeterminate(find(ID, ACCOUNT, null, C + "flexible_account_scheme", null), ACCOUNT);
    }

    @Test
    void poolingOnlyRateMissingIsIndeterminate() {
      Finding f = find(ID, FLEX, null, ACCOUNT, 8);
      assertIndeterminate(f, FLEX);
      assertEquals(8.0, f.actual());
    }

    @Test
    void bothMissingIsIndeterminateOnTheAccountRate() {
      assertIndeterminate(find(ID, FLEX, null, ACCOUNT, null), ACCOUNT);
    }

    @Test
    void schemeUnstatedButAccountRatePublishedIsChecked() {
      assertEquals(Status.VIOLATION, find(ID, C + "flexible_account_scheme", null, FLEX, 6, ACCOUNT, 7.5).status());
    }
  }

  // ------------------------------------------------------------------ as-of and deadlines

  @Nested
  class AsOf {
    static final LocalDate BEFORE_2HAO = LocalDate.of(2025, 1, 1);

    @ParameterizedTest
    @ValueSource(strings = {"EMP-BASE-CEILING", "EMP-BASE-FLOOR", "EMP-BASE-FLEXIBLE", "EMP-RATE-INDIVIDUAL",
        "EMP-RATE-FLEXIBLE-BAND", "EMP-RATE-FLEXIBLE-ACCOUNT"})
    void before2haoTakesEffectTheRulesOnItsParametersAreIndeterminate(String id) {
      CityResult r = TestSupport.check(TestSupport.compliant(), BEFORE_2HAO);
      Finding f = only(r, id);
      assertEquals(Status.INDETERMINATE, f.status(), f::toString);
      assertTrue(f.message().contains("没有适用的省级参数"), f.message());
    }

    @Test
    void before2haoAFailingValueIsNotAViolationEither() {
      CityResult r = TestSupport.check(TestSupport.compliantWith(C + "base_ceiling_pct", 250), BEFORE_2HAO);
      assertEquals(Status.INDETERMINATE, only(r, "EMP-BASE-CEILING").status());
    }

    @Test
    void the3haoEmployerBandWasAlreadyInForce() {
      CityResult r = TestSupport.check(TestSupport.compliant(), BEFORE_2HAO);
      assertEquals(Status.PASS, only(r, "EMP-RATE-EMPLOYER-BAND").status());
      assertEquals(Status.PASS, only(r, "EMP-RATE-EMPLOYER-RISK").status());
    }

    @Test
    void the3haoEmployerBandAlreadyGaveViolations() {
      CityResult r = TestSupport.check(TestSupport.compliantWith(rates(6.5, null, 0.8)), BEFORE_2HAO);
      Finding f = only(r, "EMP-RATE-EMPLOYER-BAND");
      assertEquals(Status.VIOLATION, f.status(), f::toString);
    }

    @Test
    void before2haoACombinedOnlyRateCannotBeSplitAndSaysWhy() {
      CityResult r = TestSupport.check(TestSupport.compliantWith(rates(null, 8.6, null)), BEFORE_2HAO);
      Finding f = only(r, "EMP-RATE-EMPLOYER-BAND");
      assertIndeterminate(f, C + "employer_rate_pct");
      assertTrue(f.message().contains("8.6%"), f.message());
    }

    @Test
    void aViolationIsDueBy2026YearEnd() {
      Finding f = find("EMP-BASE-CEILING", C + "base_ceiling_pct", 250);
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(LocalDate.of(2026, 12, 31), f.deadline());
      assertEquals(184L, f.daysLeft());
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineTo2027YearEnd() {
      Finding f = find("EMP-BASE-CEILING", C + "base_ceiling_pct", 250,
          "extension", Map.of("approved", true, "approval_ref", "辽医保函〔2026〕9号"));
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(LocalDate.of(2027, 12, 31), f.deadline());
      assertEquals(549L, f.daysLeft());
    }

    @Test
    void afterTheDeadlineDaysLeftIsNegative() {
      CityResult r = TestSupport.check(TestSupport.compliantWith(C + "base_ceiling_pct", 250), LocalDate.of(2027, 1, 10));
      Finding f = only(r, "EMP-BASE-CEILING");
      assertEquals(Status.VIOLATION, f.status());
      assertEquals(LocalDate.of(2026, 12, 31), f.deadline());
      assertEquals(-10L, f.daysLeft());
    }

    @Test
    void aPassHasNoDeadline() {
      Finding f = find("EMP-BASE-CEILING");
      assertEquals(Status.PASS, f.status());
      assertNull(f.deadline());
      assertNull(f.daysLeft());
    }
  }

  @Test
  void compliantFixturePassesEveryRuleOfSectionA() {
    CityResult r = TestSupport.check(TestSupport.compliant());
    for (String id : List.of("EMP-BASE-CEILING", "EMP-BASE-FLOOR", "EMP-BASE-FLEXIBLE", "EMP-RATE-INDIVIDUAL",
        "EMP-RATE-EMPLOYER-BAND", "EMP-RATE-EMPLOYER-RISK", "EMP-RATE-FLEXIBLE-BAND", "EMP-RATE-FLEXIBLE-ACCOUNT")) {
      assertEquals(Status.PASS, only(r, id).status(), id);
    }
    assertNotEquals(0, r.findings().size());
  }
}
