package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.Status;
import java.util.Set;

/**
 * What makes the check fail (exit 1): which statuses, and whether problems already in the
 * baseline count. Without a baseline every problem counts (the delta is null). A problem made
 * worse counts like a new one: an approval covers a change, it does not make a worse violation
 * acceptable.
 *
 * @param failing the statuses that fail: violation, and warning with {@code --fail-on warning}
 * @param failOnExisting whether problems the proposal did not bring fail too ({@code --fail-on-existing}):
 *     those already in the baseline and those that data entry brought to light
 */
public record Gate(Set<Status> failing, boolean failOnExisting) {
  /** Violations fail; problems already in the baseline do not. */
  public static final Gate DEFAULT = new Gate(Set.of(Status.VIOLATION), false);

  public boolean fails(Status status, Delta delta) {
    if (!failing.contains(status)) {
      return false;
    }
    if (delta == null || delta == Delta.NEW || delta == Delta.WORSENED) {
      return true;
    }
    return failOnExisting && (delta == Delta.UNCHANGED || delta == Delta.ENTERED);
  }
}
