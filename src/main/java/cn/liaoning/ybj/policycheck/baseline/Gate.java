package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.Status;
import java.util.Set;

/**
 * What makes the check fail (exit 1): which statuses, and whether problems already in the
 * baseline count. Without a baseline every problem counts (the delta is null).
 *
 * @param failing the statuses that fail: violation, and warning with {@code --fail-on warning}
 * @param failOnExisting whether unchanged problems fail too ({@code --fail-on-existing})
 */
public record Gate(Set<Status> failing, boolean failOnExisting) {
  /** Violations fail; problems already in the baseline do not. */
  public static final Gate DEFAULT = new Gate(Set.of(Status.VIOLATION), false);

  public boolean fails(Status status, Delta delta) {
    if (!failing.contains(status)) {
      return false;
    }
    return delta == null || delta == Delta.NEW || delta == Delta.UNCHANGED && failOnExisting;
  }
}
