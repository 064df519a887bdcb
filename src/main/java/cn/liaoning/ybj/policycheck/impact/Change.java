package cn.liaoning.ybj.policycheck.impact;

import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import java.util.List;
import java.util.Objects;

/**
 * One finding of one city that the overlay changes: the finding without the overlay and with it
 * (either may be null when the rule's findings themselves differ), and the overlay's parameters
 * that cause the change.
 *
 * @param causes keys of the overlay's parameters that bring this change about by themselves; all
 *     the parameters in force when only their combination does
 */
public record Change(Kind kind, Finding before, Finding after, List<String> causes) {
  public Change {
    causes = List.copyOf(causes);
  }

  /** What changes, most serious first. */
  public enum Kind {
    BECOMES_VIOLATION("becomes_violation", "变为违规"),
    STOPS_VIOLATION("stops_violation", "不再违规"),
    DEADLINE("deadline", "期限改变"),
    STATUS("status", "结论改变"),
    /** The same status and deadline; the requirement, value or explanation reads differently. */
    REQUIREMENT("requirement", "要求改变、结论不变");

    public final String key;
    public final String label;

    Kind(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /** How a finding changes, or null when it does not. */
  static Kind classify(Finding before, Finding after) {
    Status b = before == null ? null : before.status();
    Status a = after == null ? null : after.status();
    if (a == Status.VIOLATION && b != Status.VIOLATION) {
      return Kind.BECOMES_VIOLATION;
    }
    if (b == Status.VIOLATION && a != Status.VIOLATION) {
      return Kind.STOPS_VIOLATION;
    }
    if (a != b) {
      return Kind.STATUS;
    }
    if (!Objects.equals(before.deadline(), after.deadline())) {
      return Kind.DEADLINE;
    }
    if (!Objects.equals(before.expected(), after.expected()) || !Objects.equals(before.message(), after.message())
        || !Objects.equals(String.valueOf(before.actual()), String.valueOf(after.actual()))) {
      return Kind.REQUIREMENT;
    }
    return null;
  }

  /** The finding as it stands with the overlay (or, when the overlay removes it, as it stood). */
  public Finding shown() {
    return after != null ? after : before;
  }
}
