package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything the checker found for one city file. */
public record CityResult(
    String city,
    String code,
    String file,
    List<Finding> findings,
    List<WaiverUse> waivers,
    List<Diagnostic> warnings) {

  public Map<Status, Integer> counts() {
    Map<Status, Integer> m = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      m.put(s, 0);
    }
    findings.forEach(f -> m.merge(f.status(), 1, Integer::sum));
    return m;
  }

  public boolean has(Status s) {
    return findings.stream().anyMatch(f -> f.status() == s);
  }

  /** The worst status among the findings (PASS when there are none). */
  public Status worst() {
    return findings.stream().map(Finding::status).min(java.util.Comparator.comparingInt(s -> s.rank)).orElse(Status.PASS);
  }
}
