package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import java.util.Map;

/**
 * A run of the checker over proposed files, each compared with its baseline.
 *
 * @param ref the baseline as the user named it: a directory or a git revision
 * @param run the proposal's results, as in a plain check (plus the baseline-mode rules)
 * @param diffs each city's comparison, keyed by {@link CityResult#file()}
 */
public record Comparison(String ref, RunResult run, Map<String, CityDiff> diffs) {
  public CityDiff diff(CityResult c) {
    return diffs.get(c.file());
  }

  /** Current findings of a status with a delta (NEW, UNCHANGED), or baseline findings now FIXED. */
  public long count(Status s, Delta d) {
    long n = 0;
    for (CityDiff diff : diffs.values()) {
      for (CityDiff.Entry e : d == Delta.FIXED ? diff.fixed() : diff.current()) {
        if (e.finding().status() == s && e.delta() == d) {
          n++;
        }
      }
    }
    return n;
  }

  /** Every baseline problem the proposal fixes. */
  public long fixedCount() {
    return diffs.values().stream().mapToLong(d -> d.fixed().size()).sum();
  }

  /** The delta of one of the run's findings, or null (not a problem, or no comparison). */
  public static Delta deltaOf(Comparison c, CityResult city, Finding f) {
    if (c == null) {
      return null;
    }
    CityDiff d = c.diff(city);
    return d == null ? null : d.deltaOf(f);
  }
}
