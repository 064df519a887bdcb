package cn.liaoning.ybj.policycheck.baseline;

import static cn.liaoning.ybj.policycheck.baseline.ProcessRulesTest.against;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.compliant;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.compliantWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EMP-RATE-EMPLOYER-STABLE (2号 一(一)4): a city at 8% keeps it; only in baseline mode. */
class EmployerRateStableTest {
  static final String RULE = "EMP-RATE-EMPLOYER-STABLE";
  static final String RATE = "employee.contribution.employer_rate_pct";
  static final String COMBINED = "employee.contribution.employer_combined_rate_pct";

  /** The compliant city with the employer's medical rate and the matching combined rate (maternity 0.8%). */
  static String atRate(double rate, Object... more) {
    Object[] pairs = new Object[4 + more.length];
    pairs[0] = RATE;
    pairs[1] = rate;
    pairs[2] = COMBINED;
    pairs[3] = Math.round((rate + 0.8) * 100) / 100.0;
    System.arraycopy(more, 0, pairs, 4, more.length);
    return compliantWith(pairs);
  }

  static Finding stable(CityResult r) {
    return TestSupport.only(r, RULE);
  }

  @Test
  void leavingEightPercentIsAViolation() {
    Finding f = stable(against(atRate(8), atRate(7.5)));
    assertEquals(Status.VIOLATION, f.status());
    assertEquals(RATE, f.path());
    assertEquals("7.5%", f.actual());
    assertTrue(f.message().contains("基线公布的单位医保费率 8%"), f.message());
  }

  @Test
  void nearestValueBelowEightFails() {
    assertEquals(Status.VIOLATION, stable(against(atRate(8), atRate(7.99))).status());
  }

  @Test
  void keepingEightWhileChangingMaternityPasses() {
    // 8% + 0.8% → 8% + 0.6%: the rate fields changed, the medical rate stays at 8%.
    Finding f = stable(against(atRate(8), compliantWith(RATE, 8, COMBINED, 8.6, "maternity.rate_pct", 0.6)));
    assertEquals(Status.PASS, f.status());
    assertEquals("8%", f.actual());
  }

  @Test
  void untouchedRatePasses() {
    Finding f = stable(against(atRate(8), atRate(8, "employee.annual_cap", 90000)));
    assertEquals(Status.PASS, f.status());
    assertEquals("未调整", f.actual());
  }

  @Test
  void aCityNotAtEightMayMove() {
    Finding f = stable(against(atRate(7.5), atRate(8)));
    assertEquals(Status.NOT_APPLICABLE, f.status());
    assertTrue(f.message().contains("7.5%"), f.message());
  }

  @Test
  void waiverMakesItWaived() {
    Finding f = stable(against(atRate(8), atRate(7.5, "waivers", List.of(Map.of("rule", RULE, "reason", "基金结余充足，报批降费",
        "approval_ref", "辽医保函〔2026〕20号", "expires", "2027-12-31")))));
    assertEquals(Status.WAIVED, f.status());
    assertEquals("辽医保函〔2026〕20号", f.waiver());
  }

  @Test
  void baselineRateUnknownAndTheNewRateUnsourcedIsIndeterminate() {
    // No source listed: the new rate is not a data entry but a change, from a rate nobody knew.
    Finding f = stable(against(compliantWith(RATE, null, COMBINED, null, "sources", List.of()),
        atRate(7.5, "sources", List.of())));
    assertEquals(Status.INDETERMINATE, f.status());
    assertEquals(RATE, f.path());
  }

  @Test
  void enteringTheUnknownRateWithItsSourceDoesNotChangeIt() {
    // The fixture's one source names every value: 7.5% recorded where the baseline had nothing.
    Finding f = stable(against(compliantWith(RATE, null, COMBINED, null), atRate(7.5)));
    assertEquals(Status.PASS, f.status());
    assertEquals("未调整", f.actual());
    assertTrue(f.message().contains("录入"), f.message());
  }

  @Test
  void baselineWithOnlyACombinedRateIsIndeterminate() {
    // Combined 8.6% with the maternity rate unknown: the medical rate lies in 7.6%–8.6%.
    String base = compliantWith(RATE, null, COMBINED, 8.6, "maternity.rate_pct", null);
    Finding f = stable(against(base, compliantWith(RATE, null, COMBINED, 8.4, "maternity.rate_pct", null)));
    assertEquals(Status.INDETERMINATE, f.status());
    assertEquals(RATE, f.path());
    assertTrue(f.message().contains("7.6%–8.6%"), f.message());
  }

  @Test
  void proposalDroppingTheRateIsIndeterminate() {
    Finding f = stable(against(atRate(8), compliantWith(RATE, null, COMBINED, null)));
    assertEquals(Status.INDETERMINATE, f.status());
    assertEquals(RATE, f.path());
  }

  @Test
  void newFileIsNotApplicable() {
    assertEquals(Status.NOT_APPLICABLE, stable(against(null, atRate(8))).status());
  }

  @Test
  void plainCheckHasNoFinding() {
    assertEquals(List.of(), TestSupport.findings(TestSupport.check(atRate(7.5)), RULE));
    assertEquals(List.of(), TestSupport.findings(TestSupport.check(compliant()), RULE));
  }
}
