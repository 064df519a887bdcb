package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.regulation.RuleResources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;

/** The compiled rules ({@code rules/*.drl}) and a way to run them over one city's facts. */
public final class RuleEngine {
  /** Metadata of one DRL rule. */
  public record RuleInfo(String name, String file, String ruleId, String clause) {}

  private final KieBase kieBase;
  private final List<RuleInfo> rules;

  private RuleEngine(KieBase kieBase) {
    this.kieBase = kieBase;
    List<RuleInfo> list = new ArrayList<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      for (Rule r : p.getRules()) {
        Object id = r.getMetaData().get("ruleId");
        Object clause = r.getMetaData().get("clause");
        if (id == null && clause == null && isQuery(p, r)) {
          continue;
        }
        list.add(new RuleInfo(r.getName(), r.getPackageName(), id == null ? null : id.toString(), clause == null ? null : clause.toString()));
      }
    }
    this.rules = List.copyOf(list);
  }

  private static boolean isQuery(KiePackage p, Rule r) {
    return p.getQueries().stream().anyMatch(q -> q.getName().equals(r.getName()));
  }

  /**
   * The executable model that kie-maven-plugin generated from {@code rules/*.drl} at build time:
   * this file names the generated model classes, one a line after a version header.
   */
  static final String MODEL_INDEX = "META-INF/kie/cn.liaoning.ybj/policy-check/drools-model";

  /**
   * Loads the rules compiled at build time (the executable model generated from the DRL files
   * under {@code rules/}); no DRL is parsed or compiled at run time.
   */
  public static RuleEngine fromClasspath() {
    ClassLoader loader = RuleEngine.class.getClassLoader();
    List<Model> models = new ArrayList<>();
    for (String line : new String(RuleResources.read(MODEL_INDEX), StandardCharsets.UTF_8).split("\\R")) {
      String name = line.strip();
      if (name.isEmpty() || name.contains(":")) {
        continue; // blank line or the "Drools-Model-Version:" header
      }
      try {
        models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("executable rule model " + name + " cannot be loaded (rebuild with mvn package)", e);
      }
    }
    if (models.isEmpty()) {
      throw new IllegalStateException(MODEL_INDEX + " names no rule model (rebuild with mvn package)");
    }
    // Internal Drools API (org.drools.modelcompiler, org.drools.core.impl): kept to these two
    // calls, covered by tests. KieServices.get() is not used: its implementation lives in the
    // DRL compiler, which is not on the run-time class path.
    return new RuleEngine(KieBaseBuilder.createKieBaseFromModel(models, RuleBaseFactory.newKnowledgeBaseConfiguration()));
  }

  /** Runs every rule over the given facts (parameters and one city's records) and returns the checks. */
  public List<Check> evaluate(Collection<?> facts) {
    KieSession session = kieBase.newKieSession();
    try {
      for (Object f : facts) {
        session.insert(f);
      }
      session.fireAllRules();
      List<Check> out = new ArrayList<>();
      QueryResults rows = session.getQueryResults("checks");
      for (QueryResultsRow row : rows) {
        out.add((Check) row.get("$check"));
      }
      return out;
    } finally {
      session.dispose();
    }
  }

  /** Every DRL rule with its metadata (queries excluded). */
  public List<RuleInfo> rules() {
    return rules;
  }

  /** The catalogue ids that at least one DRL rule encodes. */
  public Set<String> ruleIds() {
    Set<String> ids = new TreeSet<>();
    for (RuleInfo r : rules) {
      if (r.ruleId() != null) {
        ids.add(r.ruleId());
      }
    }
    return ids;
  }
}
