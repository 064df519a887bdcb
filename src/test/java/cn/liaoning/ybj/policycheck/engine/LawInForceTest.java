package cn.liaoning.ybj.policycheck.engine;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.compliantWith;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Strength;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The law in force at the as-of date: the strength of the text in force, not applicable before any
 * text of a rule is, and a deadline on every violation and warning at every date.
 */
class LawInForceTest {
  private static final String C = "employee.contribution.";

  /** Every violation and warning carries a deadline, at every as-of date from 2024-09-01 to 2028-12-31. */
  @Test
  void everyViolationAndWarningHasADeadlineAtEveryDate() throws Exception {
    List<CityPolicy> cities = new ArrayList<>();
    cities.add(TestSupport.load(TestSupport.everythingWrong()));
    cities.add(TestSupport.load(compliantWith("extension", Map.of("approved", true, "approval_ref", "辽医保函〔2026〕9号"),
        C + "base_ceiling_pct", 250, "employee.ratios_vary_by", List.of("age"))));
    PolicyLoader loader = new PolicyLoader(TestSupport.catalogue().entries().keySet());
    try (Stream<Path> files = Files.list(Path.of("city-policies"))) {
      files.sorted().forEach(p -> cities.add(loader.load(p).policy()));
    }
    int violations = 0;
    for (LocalDate d = LocalDate.of(2024, 9, 1); !d.isAfter(LocalDate.of(2028, 12, 31)); d = d.plusDays(11)) {
      for (CityPolicy city : cities) {
        for (Finding f : TestSupport.checker().check(city, d).findings()) {
          if (f.status() == Status.VIOLATION || f.status() == Status.WARNING) {
            violations++;
            assertNotNull(f.deadline(), d + " " + city.city() + ": " + f);
            assertNotNull(f.daysLeft(), d + ": " + f);
          } else {
            assertNull(f.deadline(), d + ": " + f);
          }
        }
      }
    }
    assertTrue(violations > 1000, "violations seen: " + violations);
  }

  @Test
  void everyRuleOfTheEverythingWrongCityFailsOrHasAReason() {
    CityResult r = TestSupport.check(TestSupport.everythingWrong());
    long failing = r.findings().stream().filter(f -> f.status() == Status.VIOLATION || f.status() == Status.WARNING).map(Finding::rule).distinct().count();
    assertTrue(failing >= 55, "rules failing: " + failing);
  }

  /** Before 3号 only the rules 26号 already set apply; every other rule is not applicable, with no deadline and no path. */
  @Test
  void beforeAnyTextIsInForceTheRulesAreNotApplicable() {
    CityResult r = TestSupport.check(TestSupport.everythingWrong(), LocalDate.of(2024, 8, 8));
    for (Catalogue.Entry e : TestSupport.catalogue().entries().values()) {
      if (e.baselineOnly()) {
        continue;
      }
      List<Finding> fs = TestSupport.findings(r, e.id());
      boolean from26 = e.clause().contains("26号");
      if (from26) {
        fs.forEach(f -> assertEquals(Status.VIOLATION, f.status(), f.toString()));
      } else {
        assertEquals(1, fs.size(), e.id() + ": " + fs);
        Finding f = fs.get(0);
        assertEquals(Status.NOT_APPLICABLE, f.status(), f.toString());
        assertNull(f.deadline());
        assertTrue(f.message().contains("尚未施行"), f.message());
      }
    }
  }

  @Test
  void beforeA2haoRuleIsInForceNothingIsReportedMissingForIt() {
    CityResult r = TestSupport.check(compliantWith(C + "base_ceiling_pct", null), LocalDate.of(2025, 1, 1));
    Finding f = only(r, "EMP-BASE-CEILING");
    assertEquals(Status.NOT_APPLICABLE, f.status(), f.toString());
    assertTrue(f.message().contains("2号 一(一)3 自 2025-06-30 起施行"), f.message());
  }

  @Test
  void theEmployerBandIsInPrincipleUnder3haoAndMandatoryUnder2hao() {
    String city = compliantWith(C + "employer_rate_pct", 6.5, C + "employer_combined_rate_pct", null);
    Finding before = only(TestSupport.check(city, LocalDate.of(2025, 6, 29)), "EMP-RATE-EMPLOYER-BAND");
    assertEquals(Strength.IN_PRINCIPLE, before.strength());
    assertEquals("3号 二(一)2", before.clause(), "only the text in force is cited");
    assertEquals(LocalDate.of(2024, 8, 9), before.deadline());
    Finding after = only(TestSupport.check(city, LocalDate.of(2025, 6, 30)), "EMP-RATE-EMPLOYER-BAND");
    assertEquals(Strength.MANDATORY, after.strength());
    assertEquals("2号 一(一)4; 3号 二(一)2", after.clause());
    assertEquals(LocalDate.of(2026, 12, 31), after.deadline());
  }

  @Test
  void aWaiverOfTheEmployerBandHoldsUnder3haoAndIsNotWaivableUnder2hao() {
    String city = compliantWith(C + "employer_rate_pct", 6.5, C + "employer_combined_rate_pct", null,
        "waivers", List.of(Map.of("rule", "EMP-RATE-EMPLOYER-BAND", "reason", "测试", "approval_ref", "辽医保函〔2025〕5号",
            "expires", "2026-12-31")));
    CityResult before = TestSupport.check(city, LocalDate.of(2025, 3, 1));
    assertEquals(Status.WAIVED, only(before, "EMP-RATE-EMPLOYER-BAND").status());
    assertEquals(WaiverUse.State.HONOURED, before.waivers().get(0).state());
    CityResult after = TestSupport.check(city, LocalDate.of(2026, 3, 1));
    assertEquals(Status.VIOLATION, only(after, "EMP-RATE-EMPLOYER-BAND").status());
    WaiverUse w = after.waivers().get(0);
    assertEquals(WaiverUse.State.NOT_WAIVABLE, w.state());
    assertTrue(w.message().contains("强制"), w.message());
  }

  @Test
  void aWaiverCannotExcuseAMandatoryRule() {
    CityResult r = TestSupport.check(compliantWith(C + "individual_rate_pct", 1.5, "waivers", List.of(Map.of("rule", "EMP-RATE-INDIVIDUAL",
        "reason", "测试", "approval_ref", "辽医保函〔2026〕3号", "expires", "2027-12-31"))));
    assertEquals(Status.VIOLATION, only(r, "EMP-RATE-INDIVIDUAL").status());
    assertEquals(WaiverUse.State.NOT_WAIVABLE, r.waivers().get(0).state());
  }

  @Test
  void aWaiverForAPassingRuleIsUnused() {
    CityResult r = TestSupport.check(compliantWith("waivers", List.of(Map.of("rule", "EMP-OUTPATIENT-DEDUCT-MIN",
        "reason", "测试", "approval_ref", "辽医保函〔2026〕1号", "expires", "2027-12-31"))));
    assertEquals(WaiverUse.State.UNUSED, r.waivers().get(0).state());
  }

  @Test
  void theGuidelinesAreInPrincipleAndAWaiverHolds() {
    for (String id : List.of("EMP-INPATIENT-GUIDELINE", "RES-INPATIENT-GUIDELINE")) {
      Catalogue.Entry e = TestSupport.catalogue().get(id);
      assertEquals(Strength.IN_PRINCIPLE, e.inForceAt(TestSupport.parameters(), TestSupport.AS_OF).strength(), id);
    }
  }

  @Test
  void daysLeftCountFromTheAsOfDate() {
    Finding f = only(TestSupport.check(compliantWith(C + "base_ceiling_pct", 250)), "EMP-BASE-CEILING");
    assertEquals(LocalDate.of(2026, 12, 31), f.deadline());
    assertEquals(184L, f.daysLeft());
    Finding extended = only(TestSupport.check(compliantWith(C + "base_ceiling_pct", 250,
        "extension", Map.of("approved", true, "approval_ref", "辽医保函〔2026〕9号"))), "EMP-BASE-CEILING");
    assertEquals(LocalDate.of(2027, 12, 31), extended.deadline());
    assertEquals(549L, extended.daysLeft());
    Finding overdue = only(TestSupport.check(compliantWith(C + "base_ceiling_pct", 250), LocalDate.of(2027, 1, 10)), "EMP-BASE-CEILING");
    assertEquals(-10L, overdue.daysLeft());
    Finding pass = only(TestSupport.check(TestSupport.compliant()), "EMP-BASE-CEILING");
    assertNull(pass.deadline());
    assertNull(pass.daysLeft());
  }

  /** Before 2号 四(一) the deadline is the rule's own effective date, overdue since, with the clause that set it. */
  @Test
  void before2haoTheDeadlineIsTheRulesOwnEffectiveDate() {
    Finding f = only(TestSupport.check(compliantWith("resident.critical_illness.annual_cap", 300000), LocalDate.of(2025, 3, 1)),
        "RES-CRITICAL-CAP");
    assertEquals(Status.VIOLATION, f.status());
    assertEquals(LocalDate.of(2025, 1, 1), f.deadline());
    assertEquals(-59L, f.daysLeft());
    assertTrue(f.message().contains("7号 二(三) 自 2025-01-01 起施行") && f.message().contains("2号 四(一) 的整改期限尚未施行"), f.message());
  }

  @Test
  void strengthHistoriesAreListedInTheOrderTheyCameIntoForce() {
    for (Catalogue.Entry e : TestSupport.catalogue().entries().values()) {
      List<Catalogue.InForce> h = e.history(TestSupport.parameters());
      assertEquals(e.strengths().size(), h.size(), e.id());
      for (int i = 0; i < h.size(); i++) {
        Catalogue.StrengthText t = e.strengths().get(i);
        assertEquals(t.strength(), h.get(i).strength(), e.id() + " lists its strengths out of order");
      }
      assertEquals(e.strength(), h.get(h.size() - 1).strength(), e.id());
    }
  }
}
