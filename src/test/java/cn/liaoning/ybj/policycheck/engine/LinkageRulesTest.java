package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Catalogue G (筹资与待遇衔接): 2号 三(一), 三(二); 7号 二(三). */
class LinkageRulesTest {
  private static final String L = "employee.linkage.";
  private static final String CI = "resident.critical_illness.";
  private static final String W = "resident.waiting.";

  private static Finding finding(String id, Object... pathValuePairs) {
    return TestSupport.only(TestSupport.checkWith(pathValuePairs), id);
  }

  private static Finding assertStatus(Finding f, Status status, String path) {
    assertEquals(status, f.status(), f.toString());
    assertEquals(path, f.path(), f.toString());
    if (status == Status.VIOLATION) {
      assertNotNull(f.deadline(), f.toString());
    }
    return f;
  }

  private static Finding pass(String id, String path, Object... pathValuePairs) {
    return assertStatus(finding(id, pathValuePairs), Status.PASS, path);
  }

  private static Finding violation(String id, String path, Object... pathValuePairs) {
    return assertStatus(finding(id, pathValuePairs), Status.VIOLATION, path);
  }

  private static Finding indeterminate(String id, String path, Object... pathValuePairs) {
    return assertStatus(finding(id, pathValuePairs), Status.INDETERMINATE, path);
  }

  private static double asDouble(Object o) {
    return ((Number) o).doubleValue();
  }

  // ---------------------------------------------------------------- LINK-EMP-FIRST-ENROLL

  @Test
  void firstEnrolmentFromThePaymentDayPasses() {
    Finding f = pass("LINK-EMP-FIRST-ENROLL", L + "first_enrolment_benefit_start");
    assertEquals("payment_day", f.actual());
  }

  @Test
  void firstEnrolmentFromTheNextMonthIsAViolation() {
    Finding f = violation("LINK-EMP-FIRST-ENROLL", L + "first_enrolment_benefit_start", L + "first_enrolment_benefit_start", "next_month");
    assertEquals("next_month", f.actual());
    assertTrue(f.message().contains("自缴费到账之日起"), f.message());
  }

  @Test
  void firstEnrolmentAfterAWaitingPeriodIsAViolation() {
    Finding f = violation("LINK-EMP-FIRST-ENROLL", L + "first_enrolment_benefit_start", L + "first_enrolment_benefit_start", "after_waiting");
    assertEquals("after_waiting", f.actual());
    assertTrue(f.message().contains("自缴费到账之日起"), f.message());
  }

  @Test
  void firstEnrolmentFromThePaymentMonthIsAViolation() {
    violation("LINK-EMP-FIRST-ENROLL", L + "first_enrolment_benefit_start", L + "first_enrolment_benefit_start", "payment_month");
  }

  @Test
  void firstEnrolmentUnknownIsIndeterminate() {
    indeterminate("LINK-EMP-FIRST-ENROLL", L + "first_enrolment_benefit_start", L + "first_enrolment_benefit_start", null);
  }

  // ---------------------------------------------------------------- LINK-FLEX-WAITING-MAX

  @Test
  void flexibleWaitingOfExactlyThreeMonthsPasses() {
    Finding f = pass("LINK-FLEX-WAITING-MAX", L + "flexible_waiting_months", L + "flexible_waiting_months", 3);
    assertEquals(3.0, asDouble(f.actual()));
  }

  @Test
  void noFlexibleWaitingPeriodPasses() {
    Finding f = pass("LINK-FLEX-WAITING-MAX", L + "flexible_waiting_months", L + "flexible_waiting_months", 0);
    assertTrue(f.message().contains("不设待遇等待期"), f.message());
  }

  @Test
  void flexibleWaitingOfFourMonthsIsAViolation() {
    Finding f = violation("LINK-FLEX-WAITING-MAX", L + "flexible_waiting_months", L + "flexible_waiting_months", 4);
    assertEquals(4.0, asDouble(f.actual()));
    assertEquals("≤ 3 个月", f.expected());
  }

  @Test
  void flexibleWaitingUnknownIsIndeterminate() {
    indeterminate("LINK-FLEX-WAITING-MAX", L + "flexible_waiting_months", L + "flexible_waiting_months", null);
  }

  // ---------------------------------------------------------------- LINK-EMP-INTERRUPTION

  @Test
  void suspendAndRestoreFromTheNextMonthPasses() {
    pass("LINK-EMP-INTERRUPTION", L + "interruption_suspend_from");
  }

  @Test
  void suspendingInTheSameMonthIsAViolation() {
    Finding f = violation("LINK-EMP-INTERRUPTION", L + "interruption_suspend_from", L + "interruption_suspend_from", "same_month");
    assertEquals("same_month", f.actual());
  }

  @Test
  void restoringAfterAWaitingPeriodIsAViolation() {
    Finding f = violation("LINK-EMP-INTERRUPTION", L + "resumption_restore_from", L + "resumption_restore_from", "after_waiting");
    assertEquals("after_waiting", f.actual());
  }

  @Test
  void bothWrongReportsTheSuspensionFirst() {
    violation("LINK-EMP-INTERRUPTION", L + "interruption_suspend_from",
        L + "interruption_suspend_from", "same_month", L + "resumption_restore_from", "same_month");
  }

  @Test
  void aWrongResumptionFailsEvenIfTheSuspensionIsUnknown() {
    violation("LINK-EMP-INTERRUPTION", L + "resumption_restore_from",
        L + "interruption_suspend_from", null, L + "resumption_restore_from", "same_month");
  }

  @Test
  void interruptionUnknownIsIndeterminateWithTheMissingField() {
    indeterminate("LINK-EMP-INTERRUPTION", L + "interruption_suspend_from", L + "interruption_suspend_from", null);
    indeterminate("LINK-EMP-INTERRUPTION", L + "resumption_restore_from", L + "resumption_restore_from", null);
    indeterminate("LINK-EMP-INTERRUPTION", L + "interruption_suspend_from",
        L + "interruption_suspend_from", null, L + "resumption_restore_from", null);
  }

  // ---------------------------------------------------------------- LINK-EMP-TRANSFER

  @Test
  void transferWithinThreeMonthsFromThePaymentMonthPasses() {
    Finding f = pass("LINK-EMP-TRANSFER", L + "transfer_grace_months");
    assertEquals(3.0, asDouble(f.actual()));
  }

  @Test
  void transferGraceOtherThanThreeMonthsIsAViolation() {
    violation("LINK-EMP-TRANSFER", L + "transfer_grace_months", L + "transfer_grace_months", 2);
    violation("LINK-EMP-TRANSFER", L + "transfer_grace_months", L + "transfer_grace_months", 4);
  }

  @Test
  void transferWithinGraceFromTheNextMonthIsAViolation() {
    Finding f = violation("LINK-EMP-TRANSFER", L + "transfer_within_grace_start", L + "transfer_within_grace_start", "next_month");
    assertEquals("next_month", f.actual());
  }

  @Test
  void transferAfterGraceFromThePaymentMonthIsAViolation() {
    Finding f = violation("LINK-EMP-TRANSFER", L + "transfer_after_grace_start", L + "transfer_after_grace_start", "payment_month");
    assertEquals("payment_month", f.actual());
  }

  @Test
  void transferReportsTheFirstWrongField() {
    violation("LINK-EMP-TRANSFER", L + "transfer_grace_months",
        L + "transfer_grace_months", 6, L + "transfer_within_grace_start", "next_month", L + "transfer_after_grace_start", "after_waiting");
    violation("LINK-EMP-TRANSFER", L + "transfer_within_grace_start",
        L + "transfer_within_grace_start", "next_month", L + "transfer_after_grace_start", "after_waiting");
    violation("LINK-EMP-TRANSFER", L + "transfer_after_grace_start",
        L + "transfer_grace_months", null, L + "transfer_within_grace_start", null, L + "transfer_after_grace_start", "after_waiting");
  }

  @Test
  void transferUnknownIsIndeterminateWithTheFirstMissingField() {
    indeterminate("LINK-EMP-TRANSFER", L + "transfer_grace_months", L + "transfer_grace_months", null);
    indeterminate("LINK-EMP-TRANSFER", L + "transfer_within_grace_start", L + "transfer_within_grace_start", null);
    indeterminate("LINK-EMP-TRANSFER", L + "transfer_after_grace_start", L + "transfer_after_grace_start", null);
    indeterminate("LINK-EMP-TRANSFER", L + "transfer_within_grace_start",
        L + "transfer_within_grace_start", null, L + "transfer_after_grace_start", null);
  }

  // ---------------------------------------------------------------- RES-CRITICAL-CAP

  @Test
  void criticalIllnessCapOfExactly400000Passes() {
    Finding f = pass("RES-CRITICAL-CAP", CI + "annual_cap", CI + "annual_cap", 400000);
    assertEquals(400000.0, asDouble(f.actual()));
  }

  @Test
  void criticalIllnessCapBelow400000IsAViolation() {
    Finding f = violation("RES-CRITICAL-CAP", CI + "annual_cap", CI + "annual_cap", 399999);
    assertEquals(399999.0, asDouble(f.actual()));
    assertTrue(f.message().contains("低于"), f.message());
    assertTrue(f.message().contains("高于或低于均不符合"), f.message());
  }

  @Test
  void criticalIllnessCapAbove400000IsAlsoAViolation() {
    Finding f = violation("RES-CRITICAL-CAP", CI + "annual_cap", CI + "annual_cap", 400001);
    assertTrue(f.message().contains("高于全省统一"), f.message());
    assertTrue(f.message().contains("高于或低于均不符合"), f.message());
    assertEquals("= 400000 元", f.expected());
  }

  @Test
  void criticalIllnessCapUnknownIsIndeterminate() {
    indeterminate("RES-CRITICAL-CAP", CI + "annual_cap", CI + "annual_cap", null);
  }

  // ---------------------------------------------------------------- RES-CRITICAL-CONTINUITY

  @Test
  void continuityAfterFourYearsPlus4000Passes() {
    Finding f = pass("RES-CRITICAL-CONTINUITY", CI + "continuity_per_year");
    assertEquals(4000.0, asDouble(f.actual()));
  }

  @Test
  void continuityStartingAfterAnotherNumberOfYearsIsAViolation() {
    violation("RES-CRITICAL-CONTINUITY", CI + "continuity_after_years", CI + "continuity_after_years", 3);
    Finding f = violation("RES-CRITICAL-CONTINUITY", CI + "continuity_after_years", CI + "continuity_after_years", 5);
    assertEquals(5.0, asDouble(f.actual()));
  }

  @Test
  void continuityAmountOtherThan4000IsAViolation() {
    Finding f = violation("RES-CRITICAL-CONTINUITY", CI + "continuity_per_year", CI + "continuity_per_year", 3999);
    assertEquals(3999.0, asDouble(f.actual()));
    violation("RES-CRITICAL-CONTINUITY", CI + "continuity_per_year", CI + "continuity_per_year", 4001);
  }

  @Test
  void continuityReportsTheYearsBeforeTheAmount() {
    violation("RES-CRITICAL-CONTINUITY", CI + "continuity_after_years",
        CI + "continuity_after_years", 2, CI + "continuity_per_year", 1000);
    violation("RES-CRITICAL-CONTINUITY", CI + "continuity_per_year",
        CI + "continuity_after_years", null, CI + "continuity_per_year", 1000);
  }

  @Test
  void continuityUnknownIsIndeterminate() {
    indeterminate("RES-CRITICAL-CONTINUITY", CI + "continuity_after_years", CI + "continuity_after_years", null);
    indeterminate("RES-CRITICAL-CONTINUITY", CI + "continuity_per_year", CI + "continuity_per_year", null);
  }

  // ---------------------------------------------------------------- RES-CRITICAL-ZERO-CLAIM

  @Test
  void zeroClaimBonusOf4000Passes() {
    pass("RES-CRITICAL-ZERO-CLAIM", CI + "zero_claim_bonus", CI + "zero_claim_bonus", 4000);
  }

  @Test
  void zeroClaimBonusOtherThan4000IsAViolation() {
    Finding f = violation("RES-CRITICAL-ZERO-CLAIM", CI + "zero_claim_bonus", CI + "zero_claim_bonus", 3999);
    assertEquals(3999.0, asDouble(f.actual()));
    violation("RES-CRITICAL-ZERO-CLAIM", CI + "zero_claim_bonus", CI + "zero_claim_bonus", 4001);
  }

  @Test
  void zeroClaimBonusUnknownIsIndeterminate() {
    indeterminate("RES-CRITICAL-ZERO-CLAIM", CI + "zero_claim_bonus", CI + "zero_claim_bonus", null);
  }

  // ---------------------------------------------------------------- RES-CRITICAL-INCENTIVE-LIMIT

  @Test
  void incentiveLimitOfExactly20PercentPasses() {
    pass("RES-CRITICAL-INCENTIVE-LIMIT", CI + "incentive_limit_pct", CI + "incentive_limit_pct", 20);
    pass("RES-CRITICAL-INCENTIVE-LIMIT", CI + "incentive_limit_pct", CI + "incentive_limit_pct", 10);
  }

  @Test
  void incentiveLimitAbove20PercentIsAViolation() {
    Finding f = violation("RES-CRITICAL-INCENTIVE-LIMIT", CI + "incentive_limit_pct", CI + "incentive_limit_pct", 20.1);
    assertEquals(20.1, asDouble(f.actual()));
    assertEquals("≤ 20%", f.expected());
    violation("RES-CRITICAL-INCENTIVE-LIMIT", CI + "incentive_limit_pct", CI + "incentive_limit_pct", 21);
  }

  @Test
  void incentiveLimitUnknownIsIndeterminate() {
    indeterminate("RES-CRITICAL-INCENTIVE-LIMIT", CI + "incentive_limit_pct", CI + "incentive_limit_pct", null);
  }

  // ---------------------------------------------------------------- RES-WAITING-FIXED

  @Test
  void fixedWaitingOfThreeMonthsPasses() {
    pass("RES-WAITING-FIXED", W + "fixed_months", W + "fixed_months", 3);
  }

  @Test
  void fixedWaitingOtherThanThreeMonthsIsAViolation() {
    Finding f = violation("RES-WAITING-FIXED", W + "fixed_months", W + "fixed_months", 2);
    assertEquals(2.0, asDouble(f.actual()));
    violation("RES-WAITING-FIXED", W + "fixed_months", W + "fixed_months", 4);
  }

  @Test
  void fixedWaitingUnknownIsIndeterminate() {
    indeterminate("RES-WAITING-FIXED", W + "fixed_months", W + "fixed_months", null);
  }

  // ---------------------------------------------------------------- RES-WAITING-VARIABLE

  @Test
  void oneMonthPerLapseYearAndPerRepaidYearPasses() {
    pass("RES-WAITING-VARIABLE", W + "variable_months_per_lapse_year");
  }

  @Test
  void anotherIncrementPerLapseYearIsAViolation() {
    violation("RES-WAITING-VARIABLE", W + "variable_months_per_lapse_year", W + "variable_months_per_lapse_year", 2);
    violation("RES-WAITING-VARIABLE", W + "variable_months_per_lapse_year", W + "variable_months_per_lapse_year", 0);
  }

  @Test
  void anotherReductionPerRepaidYearIsAViolation() {
    Finding f = violation("RES-WAITING-VARIABLE", W + "repair_months_per_paid_year", W + "repair_months_per_paid_year", 2);
    assertEquals(2.0, asDouble(f.actual()));
    violation("RES-WAITING-VARIABLE", W + "repair_months_per_paid_year", W + "repair_months_per_paid_year", 0);
  }

  @Test
  void variableWaitingReportsTheLapseIncrementFirst() {
    violation("RES-WAITING-VARIABLE", W + "variable_months_per_lapse_year",
        W + "variable_months_per_lapse_year", 2, W + "repair_months_per_paid_year", 2);
    violation("RES-WAITING-VARIABLE", W + "repair_months_per_paid_year",
        W + "variable_months_per_lapse_year", null, W + "repair_months_per_paid_year", 2);
  }

  @Test
  void variableWaitingUnknownIsIndeterminate() {
    indeterminate("RES-WAITING-VARIABLE", W + "variable_months_per_lapse_year", W + "variable_months_per_lapse_year", null);
    indeterminate("RES-WAITING-VARIABLE", W + "repair_months_per_paid_year", W + "repair_months_per_paid_year", null);
  }

  // ---------------------------------------------------------------- RES-WAITING-LONG-LAPSE

  @Test
  void longLapseMinimumOfSixMonthsPasses() {
    pass("RES-WAITING-LONG-LAPSE", W + "long_lapse_min_total_months", W + "long_lapse_min_total_months", 6);
    pass("RES-WAITING-LONG-LAPSE", W + "long_lapse_min_total_months", W + "long_lapse_min_total_months", 7);
  }

  @Test
  void longLapseMinimumOfFiveMonthsIsAViolation() {
    Finding f = violation("RES-WAITING-LONG-LAPSE", W + "long_lapse_min_total_months", W + "long_lapse_min_total_months", 5);
    assertEquals(5.0, asDouble(f.actual()));
    assertEquals("≥ 6 个月", f.expected());
    assertTrue(f.message().contains("4 年及以上"), f.message());
  }

  @Test
  void longLapseMinimumUnknownIsIndeterminate() {
    indeterminate("RES-WAITING-LONG-LAPSE", W + "long_lapse_min_total_months", W + "long_lapse_min_total_months", null);
  }

  // ---------------------------------------------------------------- exactly one conclusion per combination

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

  // ---------------------------------------------------------------- parameters in force

  @Test
  void beforeThe7号RulesTookEffectTheCriticalIllnessChecksDoNotConclude() {
    CityResult r = TestSupport.check(TestSupport.compliant(), LocalDate.of(2024, 12, 31));
    Finding f = TestSupport.only(r, "RES-CRITICAL-CAP");
    assertEquals(Status.INDETERMINATE, f.status(), f.toString());
  }
}
