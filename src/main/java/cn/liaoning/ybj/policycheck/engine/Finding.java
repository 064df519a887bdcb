package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.regulation.Strength;
import java.time.LocalDate;

/**
 * One evaluated rule for one city (or one hospital class): the result every report writer prints.
 *
 * @param line 1-based line of {@code path} (or of its nearest written ancestor) in the city file
 * @param deadline for violations and warnings: by when the city must (or should) adjust
 * @param daysLeft days from the as-of date to the deadline, negative when overdue
 * @param source where the city's value comes from (source id and title), or null
 * @param waiver the approval reference of the waiver that made this finding {@code waived}
 */
public record Finding(
    String rule,
    Status status,
    Strength strength,
    String clause,
    String subject,
    String path,
    Integer line,
    Integer column,
    Object actual,
    String expected,
    String message,
    LocalDate deadline,
    Long daysLeft,
    String source,
    String waiver) {}
