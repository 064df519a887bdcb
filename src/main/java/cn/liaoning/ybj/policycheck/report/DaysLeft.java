package cn.liaoning.ybj.policycheck.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How far a deadline is from the as-of date, in words: "还剩 N 天", or "已逾期 N 天" once it has
 * passed. The one wording for every writer (text, the reviewer's lines, the report's summary,
 * deadlines and rectification lists, the impact of a parameter change); the deadline day itself
 * reads "还剩 0 天".
 */
public final class DaysLeft {
  private DaysLeft() {}

  /** The words for a deadline {@code days} days after the as-of date (negative when overdue). */
  public static String text(long days) {
    return days >= 0 ? "还剩 " + days + " 天" : "已逾期 " + (-days) + " 天";
  }

  /** The same, or null where there is no deadline. */
  static String ofNullable(Long days) {
    return days == null ? null : text(days);
  }

  /** Days from the as-of date to the deadline, negative when overdue. */
  public static long between(LocalDate asOf, LocalDate deadline) {
    return ChronoUnit.DAYS.between(asOf, deadline);
  }
}
