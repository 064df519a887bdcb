package cn.liaoning.ybj.policycheck.engine;

import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * A rule's raw conclusion, inserted by a DRL consequence. The rule id and clause come from the
 * rule's own metadata ({@code @ruleId}, {@code @clause}).
 *
 * @param subject the hospital class the conclusion is about, or null for a city-wide rule
 * @param path the YAML field path that decides it
 * @param actual the value found (number, text, or null when missing)
 * @param expected what the regulation requires, in words
 */
@ClassReactive
public record Check(
    String ruleId,
    String clause,
    Outcome outcome,
    String subject,
    String path,
    Object actual,
    String expected,
    String message) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Check o
        && Objects.equals(ruleId, o.ruleId)
        && Objects.equals(clause, o.clause)
        && Objects.equals(outcome, o.outcome)
        && Objects.equals(subject, o.subject)
        && Objects.equals(path, o.path)
        && Objects.equals(actual, o.actual)
        && Objects.equals(expected, o.expected)
        && Objects.equals(message, o.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ruleId, clause, outcome, subject, path, actual, expected, message);
  }
}
