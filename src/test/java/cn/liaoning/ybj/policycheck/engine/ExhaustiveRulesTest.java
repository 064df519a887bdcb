package cn.liaoning.ybj.policycheck.engine;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.checkWith;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules over whole ranges and every combination of their fields: one conclusion each time, the
 * one the catalogue's reading gives. The single cases an auditor reads are in rules/tests/*.yaml;
 * these sweep what a list of cases cannot.
 */
class ExhaustiveRulesTest {
  private static final String C = "employee.contribution.";
  private static final String L = "employee.linkage.";

  private static Finding finding(String id, Object... pathValuePairs) {
    return only(checkWith(pathValuePairs), id);
  }

  /** Combined rate only, 0% to 12%: a certain violation below 7% and above 9%, a pass only at 8%. */
  @Test
  void employerBandOverTheWholeRangeOfCombinedRates() {
    for (int i = 0; i <= 120; i++) {
      double c = i / 10.0;
      Status expected = c < 7 || c > 9 ? Status.VIOLATION : c == 8 ? Status.PASS : Status.INDETERMINATE;
      Finding f = finding("EMP-RATE-EMPLOYER-BAND", C + "employer_rate_pct", null, C + "employer_combined_rate_pct", c, "maternity.rate_pct", null);
      assertEquals(expected, f.status(), "combined " + c + ": " + f);
      if (c > 9) {
        assertTrue(f.message().contains("MAT-RATE-CAP") && f.message().contains("EMP-RATE-EMPLOYER-BAND"), f.message());
      }
    }
  }

  /** Fund at risk, published rate 5% to 10%: at or below 7% a violation, between 7% and 8% a warning, from 8% a pass. */
  @Test
  void employerRiskOverTheWholeRangeOfRates() {
    for (int i = 500; i <= 1000; i += 5) {
      double r = i / 100.0;
      Status expected = r <= 7 ? Status.VIOLATION : r < 8 ? Status.WARNING : Status.PASS;
      Finding f = finding("EMP-RATE-EMPLOYER-RISK", "fund.employee", "risk",
          C + "employer_rate_pct", r, C + "employer_combined_rate_pct", null);
      assertEquals(expected, f.status(), "rate " + r + ": " + f);
      for (String fund : List.of("stable", "unknown")) {
        Finding g = finding("EMP-RATE-EMPLOYER-RISK", "fund.employee", fund,
            C + "employer_rate_pct", r, C + "employer_combined_rate_pct", null);
        Status other = r >= 8 || fund.equals("stable") ? Status.PASS : Status.INDETERMINATE;
        assertEquals(other, g.status(), fund + " " + r + ": " + g);
      }
    }
  }

  private static final Object[] TIMINGS = {null, "payment_day", "payment_month", "same_month", "next_month", "after_waiting"};

  @Test
  void everyInterruptionCombinationConcludesExactlyOnce() {
    for (Object suspend : TIMINGS) {
      for (Object restore : TIMINGS) {
        Finding f = finding("LINK-EMP-INTERRUPTION", L + "interruption_suspend_from", suspend, L + "resumption_restore_from", restore);
        assertNotNull(f.path(), f.toString());
        boolean ok = "next_month".equals(suspend) && "next_month".equals(restore);
        boolean wrong = (suspend != null && !"next_month".equals(suspend)) || (restore != null && !"next_month".equals(restore));
        assertEquals(ok ? Status.PASS : wrong ? Status.VIOLATION : Status.INDETERMINATE, f.status(), suspend + "/" + restore);
      }
    }
  }

  @Test
  void everyTransferCombinationConcludesExactlyOnce() {
    for (Object grace : new Object[] {null, 3, 4}) {
      for (Object within : TIMINGS) {
        for (Object after : TIMINGS) {
          Finding f = finding("LINK-EMP-TRANSFER",
              L + "transfer_grace_months", grace, L + "transfer_within_grace_start", within, L + "transfer_after_grace_start", after);
          assertNotNull(f.path(), f.toString());
          boolean ok = Integer.valueOf(3).equals(grace) && "payment_month".equals(within) && "next_month".equals(after);
          boolean wrong = Integer.valueOf(4).equals(grace)
              || (within != null && !"payment_month".equals(within)) || (after != null && !"next_month".equals(after));
          assertEquals(ok ? Status.PASS : wrong ? Status.VIOLATION : Status.INDETERMINATE, f.status(), grace + "/" + within + "/" + after);
        }
      }
    }
  }

  @Test
  void everyFlexibleTransferCombinationConcludesExactlyOnce() {
    for (Object grace : new Object[] {null, 2, 3, 4}) {
      for (Object within : TIMINGS) {
        Finding f = finding("LINK-FLEX-TRANSFER", L + "flexible_transfer_grace_months", grace, L + "flexible_transfer_within_grace_start", within);
        boolean ok = Integer.valueOf(3).equals(grace) && "payment_month".equals(within);
        boolean wrong = grace != null && !Integer.valueOf(3).equals(grace) || within != null && !"payment_month".equals(within);
        assertEquals(ok ? Status.PASS : wrong ? Status.VIOLATION : Status.INDETERMINATE, f.status(), grace + "/" + within);
      }
    }
  }

  @Test
  void everyPaymentCombinationConcludesExactlyOnce() {
    for (Object interval : new Object[] {null, "monthly", "quarterly", "yearly"}) {
      for (Object start : new Object[] {null, "01-01", "01-02", "07-01", "12-31"}) {
        Finding f = finding("EMP-PAYMENT-MONTHLY", C + "payment_interval", interval, C + "contribution_year_start", start);
        boolean ok = "monthly".equals(interval) && "01-01".equals(start);
        boolean wrong = interval != null && !"monthly".equals(interval) || start != null && !"01-01".equals(start);
        assertEquals(ok ? Status.PASS : wrong ? Status.VIOLATION : Status.INDETERMINATE, f.status(), interval + "/" + start);
      }
    }
  }

  @Test
  void everyMaternityTransferCombinationConcludesExactlyOnce() {
    Object[] sides = {null, "receiving", "original"};
    for (Object before : sides) {
      for (Object after : sides) {
        Finding f = finding("MAT-ALLOWANCE-TRANSFER", "maternity.transfer_before_birth_paid_by", before,
            "maternity.transfer_after_birth_paid_by", after);
        boolean ok = "receiving".equals(before) && "original".equals(after);
        boolean wrong = "original".equals(before) || "receiving".equals(after);
        assertEquals(ok ? Status.PASS : wrong ? Status.VIOLATION : Status.INDETERMINATE, f.status(), before + "/" + after);
      }
    }
  }

  /** Inpatient deductibles of three tiers over a grid: all equal fails, adjacent equal or inverted warns, else passes. */
  @Test
  void deductibleTieringOverAGrid() {
    int[] values = {100, 200, 300};
    for (int a : values) {
      for (int b : values) {
        for (int c : values) {
          Status expected = a == b && b == c ? Status.VIOLATION : a >= b || b >= c ? Status.WARNING : Status.PASS;
          String in = "employee.inpatient.classes";
          assertEquals(expected, finding("EMP-INPATIENT-DEDUCT-TIERED", in + "[0].deductible", a, in + "[1].deductible", b,
              in + "[2].deductible", c).status(), a + "/" + b + "/" + c);
          String res = "resident.inpatient.classes";
          assertEquals(expected, finding("RES-INPATIENT-DEDUCT-TIERED", res + "[0].deductible", a, res + "[1].deductible", b,
              res + "[2].deductible", c).status(), "resident " + a + "/" + b + "/" + c);
        }
      }
    }
  }

  @Test
  void withoutAnyResidentDataEveryResidentRuleIsIndeterminateWithAPath() {
    CityResult r = checkWith("resident", TestSupport.DELETE);
    for (String id : List.of("RES-NO-TENURE-AGE-RATIOS", "RES-INPATIENT-DEDUCT-TIERED", "RES-HIGHVALUE-DRUG-DEDUCT",
        "RES-CHRONIC-DRUG-DEDUCT", "RES-CAP-MIN", "RES-OUTPATIENT-CAP-MIN", "RES-EMP-GAP", "RES-INPATIENT-OVERALL",
        "RES-OUTPATIENT-RATIO-MIN", "RES-CHRONIC-DRUG-RATIO-MIN", "RES-INPATIENT-GUIDELINE", "RES-ABOVE-GUIDELINE-RISK",
        "RES-COLLECTION-PERIOD", "RES-SUBSIDY-DISBURSED", "RES-PAYMENT-ANNUAL", "RES-CRITICAL-CAP", "RES-CRITICAL-ZERO-CLAIM-RESET",
        "RES-CRITICAL-CONTINUITY-RESET", "RES-WAITING-EXEMPT", "RES-WAITING-REPAIR-PRICE")) {
      Finding f = only(r, id);
      assertEquals(Status.INDETERMINATE, f.status(), f.toString());
      assertTrue(f.path() != null && f.path().startsWith("resident."), f.toString());
    }
  }
}
