package cn.liaoning.ybj.policycheck.engine;

/**
 * A rule's raw conclusion, inserted by a DRL consequence. The rule id and clause come from the
 * rule's own metadata ({@code @ruleId}, {@code @clause}).
 *
 * @param subject the hospital class the conclusion is about, or null for a city-wide rule
 * @param path the YAML field path that decides it
 * @param actual the value found (number, text, or null when missing)
 * @param expected what the regulation requires, in words
 */
public record Check(
    String ruleId,
    String clause,
    Outcome outcome,
    String subject,
    String path,
    Object actual,
    String expected,
    String message) {}
