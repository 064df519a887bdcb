package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Shared, compiled-once rule base for tests, and helpers to check a YAML snippet. */
public final class TestSupport {
  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static Catalogue catalogue;
  private static Parameters parameters;
  private static RuleEngine engine;
  private static Checker checker;

  private TestSupport() {}

  public static synchronized Catalogue catalogue() {
    if (catalogue == null) {
      catalogue = Catalogue.load();
    }
    return catalogue;
  }

  public static synchronized Parameters parameters() {
    if (parameters == null) {
      parameters = Parameters.load();
    }
    return parameters;
  }

  public static synchronized RuleEngine engine() {
    if (engine == null) {
      engine = RuleEngine.fromClasspath();
    }
    return engine;
  }

  public static synchronized Checker checker() {
    if (checker == null) {
      checker = new Checker(catalogue(), parameters(), engine());
    }
    return checker;
  }

  public static CityPolicy load(String yaml) {
    PolicyLoader.Loaded l = new PolicyLoader(catalogue().entries().keySet()).load("test.yaml", yaml);
    if (!l.ok()) {
      throw new AssertionError("fixture does not load:\n" + l.diagnostics().stream().map(d -> d.format()).collect(Collectors.joining("\n")));
    }
    return l.policy();
  }

  public static CityResult check(String yaml) {
    return checker().check(load(yaml), AS_OF);
  }

  public static CityResult check(String yaml, LocalDate asOf) {
    return checker().check(load(yaml), asOf);
  }

  /** The findings of one rule. */
  public static List<Finding> findings(CityResult r, String ruleId) {
    return r.findings().stream().filter(f -> f.rule().equals(ruleId)).toList();
  }

  /** The single finding of a city-wide rule. */
  public static Finding only(CityResult r, String ruleId) {
    List<Finding> f = findings(r, ruleId);
    if (f.size() != 1) {
      throw new AssertionError("expected exactly one finding of " + ruleId + ", got " + f);
    }
    return f.get(0);
  }
}
