package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one wording of the days to a deadline. */
class DaysLeftTest {
  @Test
  void beforeOnAndAfterTheDeadline() {
    LocalDate deadline = LocalDate.of(2026, 12, 31);
    assertEquals("还剩 184 天", DaysLeft.text(DaysLeft.between(LocalDate.of(2026, 6, 30), deadline)));
    assertEquals("还剩 0 天", DaysLeft.text(DaysLeft.between(deadline, deadline)));
    assertEquals("已逾期 1 天", DaysLeft.text(DaysLeft.between(LocalDate.of(2027, 1, 1), deadline)));
    assertNull(DaysLeft.ofNullable(null));
  }
}
