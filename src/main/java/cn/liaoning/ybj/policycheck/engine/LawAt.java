package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.regulation.Strength;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What the law asks of each rule on one as-of date: whether its texts apply yet, the strength the
 * text in force gives it, and by when a city must comply. Computed once per date (the same for
 * every city).
 *
 * <p>The deadline is 2号 四(一)'s ({@code deadline.standard}, or {@code deadline.extended} for a
 * city with the approved hardship extension) where that parameter is in force; before it, a
 * requirement already in force was due from the day its own text took effect, so a violation is
 * never without a deadline: it is shown as overdue since then, with the clause that set it.
 */
final class LawAt {
  /** A deadline and the text that sets it. */
  record Deadline(LocalDate date, String clause, boolean fromRuleText) {}

  /**
   * One rule on the day.
   *
   * @param now the strength in force and the text that set it; null before the rule's texts apply
   * @param firstInForce the day the rule's first text applies
   * @param firstClause the clause of that first text
   */
  record Rule(Catalogue.InForce now, LocalDate firstInForce, String firstClause, Deadline standard, Deadline extended) {
    boolean inForce() {
      return now != null;
    }

    Strength strength() {
      return now.strength();
    }

    Deadline deadline(boolean extendedCity) {
      return extendedCity ? extended : standard;
    }
  }

  private final Map<String, Rule> rules = new HashMap<>();

  LawAt(Catalogue catalogue, Parameters parameters, LocalDate asOf) {
    Deadline standard = deadline(parameters, "deadline.standard", asOf);
    Deadline extended = deadline(parameters, "deadline.extended", asOf);
    for (Catalogue.Entry e : catalogue.entries().values()) {
      var history = e.history(parameters);
      Catalogue.InForce now = e.inForceAt(parameters, asOf);
      Catalogue.InForce first = history.get(0);
      Deadline own = now == null ? null : new Deadline(now.from(), now.clause(), true);
      rules.put(e.id(), new Rule(now, first.from(), first.clause(), standard == null ? own : standard, extended == null ? own : extended));
    }
  }

  private static Deadline deadline(Parameters parameters, String key, LocalDate asOf) {
    LocalDate d = parameters.date(key, asOf);
    Parameters.Parameter p = parameters.parameters().get(key);
    return d == null ? null : new Deadline(d, p.clause(), false);
  }

  /** The rule with this id; null for an id not in the catalogue. */
  Rule rule(String id) {
    return rules.get(id);
  }
}
