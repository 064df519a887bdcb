package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A city that fills in every field within the regulation gives nothing to report. */
class CompliantCityTest {
  @Test
  void fullyCompliantCityHasNoViolationWarningOrIndeterminate() {
    CityResult r = TestSupport.check(TestSupport.compliant());
    List<Finding> bad = r.findings().stream()
        .filter(f -> f.status() == Status.VIOLATION || f.status() == Status.WARNING || f.status() == Status.INDETERMINATE)
        .toList();
    assertEquals(List.of(), bad);
    assertFalse(r.findings().isEmpty());
    assertTrue(r.waivers().isEmpty());
  }

  @Test
  void everyImplementedRuleIdConcludesForTheCompliantCity() {
    CityResult r = TestSupport.check(TestSupport.compliant());
    for (String id : TestSupport.engine().ruleIds()) {
      if (TestSupport.catalogue().get(id).baselineOnly()) {
        continue;
      }
      assertFalse(TestSupport.findings(r, id).isEmpty(), "no finding for " + id);
    }
  }

  @Test
  void fixtureEditorChangesOneField() {
    String y = TestSupport.compliantWith("employee.annual_cap", 79999, "maternity.rate_pct", null);
    assertTrue(y.contains("annual_cap: 79999"), y);
    assertTrue(y.contains("rate_pct: null"), y);
  }
}
