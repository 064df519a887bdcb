package cn.liaoning.ybj.policycheck.impact;

import cn.liaoning.ybj.policycheck.engine.Finding;
import java.util.List;

/**
 * What the overlay changes for one city.
 *
 * @param changes the findings that change, in the order of the city's findings
 * @param undetermined findings, with the overlay, of rules that compare with a parameter the overlay
 *     changes, which are indeterminate (data missing): the adjustment's effect there cannot be told
 */
public record CityImpact(String city, String code, String file, List<Change> changes, List<Finding> undetermined) {
  public CityImpact {
    changes = List.copyOf(changes);
    undetermined = List.copyOf(undetermined);
  }

  public long count(Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** Whether anything but the wording of a requirement changes. */
  public boolean affected() {
    return changes.stream().anyMatch(c -> c.kind() != Change.Kind.REQUIREMENT);
  }
}
