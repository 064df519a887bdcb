package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * What makes a run fail (exit 1): which statuses, and whether problems already in the baseline
 * count. The one home of that decision for every command ({@code check}, {@code report},
 * {@code sweep}) and every writer that says whether the gate passes (the job summary, JUnit,
 * GitHub annotations). Without a baseline every problem counts (the delta is null). A problem made
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

  /** The levels {@code --fail-on} takes, named as they are typed. */
  public enum Level { violation, warning }

  /** The gate for {@code --fail-on LEVEL} and {@code --fail-on-existing}. */
  public static Gate of(Level level, boolean failOnExisting) {
    Set<Status> failing = level == Level.warning ? EnumSet.of(Status.VIOLATION, Status.WARNING) : EnumSet.of(Status.VIOLATION);
    return new Gate(Set.copyOf(failing), failOnExisting);
  }

  /** Whether warnings fail too ({@code --fail-on warning}): what the messages call 违规或警告. */
  public boolean warningsFail() {
    return failing.contains(Status.WARNING);
  }

  /** Whether one finding fails the gate; {@code delta} is null without a baseline. */
  public boolean fails(Status status, Delta delta) {
    if (!failing.contains(status)) {
      return false;
    }
    if (delta == null || delta == Delta.NEW || delta == Delta.WORSENED) {
      return true;
    }
    return failOnExisting && (delta == Delta.UNCHANGED || delta == Delta.ENTERED);
  }

  /** Whether the run fails: any of its findings that the gate counts; {@code cmp} is null without a baseline. */
  public boolean fails(RunResult run, Comparison cmp) {
    for (CityResult city : run.cities()) {
      for (Finding f : city.findings()) {
        if (fails(f.status(), Comparison.deltaOf(cmp, city, f))) {
          return true;
        }
      }
    }
    return false;
  }
}
