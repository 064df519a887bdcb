package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import java.time.LocalDate;
import java.util.List;

/**
 * One run of the checker over a set of files: the results of the files that could be read, and
 * the problems of those that could not (a bad file never stops the others from being checked).
 */
public record RunResult(LocalDate asOf, List<CityResult> cities, List<Diagnostic> errors) {
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public long count(Status s) {
    return cities.stream().mapToLong(c -> c.counts().get(s)).sum();
  }

  public long citiesWith(Status s) {
    return cities.stream().filter(c -> c.has(s)).count();
  }
}
