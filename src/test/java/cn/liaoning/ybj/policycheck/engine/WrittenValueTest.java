package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decisions are taken on the value as written, and a value shown never makes a failing value look
 * compliant; a range that says nothing is missing data, and a range of one value is that value.
 */
class WrittenValueTest {
  static Finding one(CityResult r, String rule, String path) {
    List<Finding> f = TestSupport.findings(r, rule).stream().filter(x -> path.equals(x.path())).toList();
    assertEquals(1, f.size(), rule + " " + path + ": " + f);
    return f.get(0);
  }

  @Test
  void aValueJustBelowTheMinimumFailsAndIsShownAsWritten() {
    String path = "employee.outpatient.classes[0].deductible";
    CityResult r = TestSupport.checkWith(path, 299.999999999999); // 15 significant digits: read exactly
    Finding f = one(r, "EMP-OUTPATIENT-DEDUCT-MIN", path);
    assertNotEquals(Status.PASS, f.status(), f.toString());
    String text = new cn.liaoning.ybj.policycheck.report.TextReport(TestSupport.catalogue(), TestSupport.parameters(), false, false)
        .write(new RunResult(TestSupport.AS_OF, List.of(r), List.of()));
    assertTrue(text.contains("实际 299.999999999999　要求 ≥ 300"), "shown as written, not as 300:\n" + text);
    assertEquals("299.999999999999", Checks.n((Number) f.actual()));
  }

  @Test
  void moreDigitsThanCanBeComparedExactlyIsRefused() {
    String yaml = TestSupport.compliant().replaceFirst("deductible: 200", "deductible: 299.99999999999999999");
    assertTrue(yaml.contains("299.99999999999999999"));
    PolicyLoader.Loaded l = new PolicyLoader(TestSupport.catalogue().entries().keySet()).load("t.yaml", yaml);
    assertFalse(l.ok(), "once read as 300, it passed “≥ 300”");
    assertTrue(l.diagnostics().get(0).message().contains("有 20 位有效数字"), l.diagnostics().toString());
  }

  /**
   * A tilt 4.0000001 points above in-service is more than the 3 points and the 1-point 左右
   * tolerance allow, though it rounds to 4 at six decimals. (In-service is 92% in the fixture.)
   */
  @Test
  void differencesAreExactNotRounded() {
    CityResult r = TestSupport.checkWith("employee.inpatient.classes[0].retired_pct", 96.0000001);
    Finding f = one(r, "EMP-RETIREE-INPATIENT-TILT", "employee.inpatient.classes[0].retired_pct");
    assertEquals(Status.WARNING, f.status(), f.toString());
    assertTrue(f.message().contains("4.0000001"), f.message());
    CityResult exact = TestSupport.checkWith("employee.inpatient.classes[0].retired_pct", 96);
    assertEquals(Status.PASS, one(exact, "EMP-RETIREE-INPATIENT-TILT", "employee.inpatient.classes[0].retired_pct").status());
    assertEquals(1.0, Checks.minus(8.3, 7.3));
    assertEquals(8.6, Checks.plus(7.6, 1.0));
  }

  @Test
  void anEmptyRangeIsMissingDataNotAViolation() {
    String path = "employee.contribution.flexible_base_pct";
    for (Object empty : List.of(Map.of(), nulls())) {
      Finding f = TestSupport.only(TestSupport.checkWith(path, empty), "EMP-BASE-FLEXIBLE");
      assertEquals(Status.INDETERMINATE, f.status(), empty + ": " + f);
      assertFalse(f.message().contains("未填%–未填%"), f.message());
    }
  }

  @Test
  void aRangeOfOneValueIsThatValue() {
    String path = "employee.contribution.flexible_base_pct";
    Finding f = TestSupport.only(TestSupport.checkWith(path, Map.of("min", 100, "max", 100)), "EMP-BASE-FLEXIBLE");
    assertEquals(Status.PASS, f.status(), f.toString());
    Finding range = TestSupport.only(TestSupport.checkWith(path, Map.of("min", 60, "max", 300)), "EMP-BASE-FLEXIBLE");
    assertEquals(Status.VIOLATION, range.status(), "a real range is still one");
  }

  private static Map<String, Object> nulls() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("min", null);
    m.put("max", null);
    return m;
  }
}
