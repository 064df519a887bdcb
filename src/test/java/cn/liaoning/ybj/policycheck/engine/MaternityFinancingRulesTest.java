package cn.liaoning.ybj.policycheck.engine;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.checkWith;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Catalogue section C (生育保险筹资). The compliant fixture has employer 7.5% + maternity 0.8% =
 * combined 8.3%; a case that changes the maternity rate changes or nulls the combined rate too.
 */
class MaternityFinancingRulesTest {
  private static final String EMPLOYER = "employee.contribution.employer_rate_pct";
  private static final String COMBINED = "employee.contribution.employer_combined_rate_pct";
  private static final String RATE = "maternity.rate_pct";

  private static Finding find(String id, Object... pathValuePairs) {
    return only(checkWith(pathValuePairs), id);
  }

  /** Employer, combined and maternity rates together (null = not published). */
  private static Finding cap(Double employer, Double combined, Double maternity) {
    return find("MAT-RATE-CAP", EMPLOYER, employer, COMBINED, combined, RATE, maternity);
  }

  // ------------------------------------------------------------------ MAT-RATE-CAP

  @Nested
  class RateCap {
    @Test
    void compliantFixturePasses() {
      Finding f = find("MAT-RATE-CAP");
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(RATE, f.path());
      assertEquals(0.8, f.actual());
    }

    @Test
    void exactly1Passes() {
      Finding f = cap(7.5, 8.5, 1.0);
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals("≤ 1%", f.expected());
    }

    @Test
    void exactly1PassesWithoutCombinedRate() {
      assertEquals(Status.PASS, cap(7.5, null, 1.0).status());
    }

    @Test
    void justAbove1Fails() {
      Finding f = cap(7.5, 8.6, 1.1);
      assertEquals(Status.VIOLATION, f.status(), f::toString);
      assertEquals(RATE, f.path());
      assertEquals(1.1, f.actual());
      assertTrue(f.message().contains("1.1%") && f.message().contains("1%"), f.message());
    }

    @Test
    void zeroPasses() {
      assertEquals(Status.PASS, cap(7.5, 7.5, 0.0).status());
    }

    @Test
    void derivedFromCombinedMinusEmployerPasses() {
      Finding f = cap(7.5, 8.3, null);
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(COMBINED, f.path());
      assertEquals(0.8, f.actual());
    }

    @Test
    void derivedExactly1Passes() {
      Finding f = cap(7.2, 8.2, null);
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(1.0, f.actual());
    }

    @Test
    void derivedAbove1Fails() {
      Finding f = cap(7.0, 8.2, null);
      assertEquals(Status.VIOLATION, f.status(), f::toString);
      assertEquals(COMBINED, f.path());
      assertEquals(1.2, f.actual());
      assertTrue(f.message().contains("8.2%") && f.message().contains("7%"), f.message());
    }

    @Test
    void onlyCombinedIsIndeterminate() {
      Finding f = cap(null, 8.6, null);
      assertEquals(Status.INDETERMINATE, f.status(), f::toString);
      assertEquals(RATE, f.path());
    }

    @Test
    void onlyEmployerIsIndeterminate() {
      Finding f = cap(7.5, null, null);
      assertEquals(Status.INDETERMINATE, f.status(), f::toString);
      assertEquals(RATE, f.path());
    }

    @Test
    void nothingPublishedIsIndeterminate() {
      Finding f = find("MAT-RATE-CAP", EMPLOYER, null, COMBINED, null, RATE, TestSupport.DELETE);
      assertEquals(Status.INDETERMINATE, f.status(), f::toString);
      assertEquals(RATE, f.path());
    }

    @Test
    void before2haoTakesEffectTheCapIsIndeterminate() {
      CityResult r = TestSupport.check(TestSupport.compliantWith(EMPLOYER, 7.5, COMBINED, 8.7, RATE, 1.2), LocalDate.of(2025, 1, 1));
      Finding f = only(r, "MAT-RATE-CAP");
      assertEquals(Status.INDETERMINATE, f.status(), f::toString);
      assertTrue(f.message().contains("没有适用的省级参数"), f.message());
    }

    @Test
    void violationCarriesTheDeadline() {
      Finding f = cap(7.5, 8.6, 1.1);
      assertEquals(LocalDate.of(2026, 12, 31), f.deadline());
      assertEquals(184L, f.daysLeft());
    }
  }

  // ------------------------------------------------------------------ MAT-BASE-ALIGNED

  @Nested
  class BaseAligned {
    static final String ID = "MAT-BASE-ALIGNED";
    static final String PATH = "maternity.base_same_as_employee";

    @Test
    void sameBasePasses() {
      Finding f = find(ID, PATH, true);
      assertEquals(Status.PASS, f.status(), f::toString);
      assertEquals(PATH, f.path());
    }

    @Test
    void differentBaseFails() {
      Finding f = find(ID, PATH, false);
      assertEquals(Status.VIOLATION, f.status(), f::toString);
      assertEquals(PATH, f.path());
      assertEquals(false, f.actual());
      assertEquals(LocalDate.of(2026, 12, 31), f.deadline());
    }

    @Test
    void unstatedIsIndeterminate() {
      for (Object missing : new Object[] {null, TestSupport.DELETE}) {
        Finding f = find(ID, PATH, missing);
        assertEquals(Status.INDETERMINATE, f.status(), f::toString);
        assertEquals(PATH, f.path());
      }
    }
  }
}
