package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.regulation.RuleResources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;
import org.kie.internal.utils.KieHelper;

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

  /** Compiles the DRL files that ship under {@code rules/}. */
  public static RuleEngine fromClasspath() {
    KieHelper helper = new KieHelper();
    for (RuleResources.Resource r : RuleResources.list("rules", ".drl")) {
      helper.addContent(new String(r.bytes(), StandardCharsets.UTF_8), "cn/liaoning/ybj/policycheck/" + r.name());
    }
    Results results = helper.verify();
    if (results.hasMessages(Message.Level.ERROR)) {
      StringBuilder sb = new StringBuilder("DRL compilation failed:");
      for (Message m : results.getMessages(Message.Level.ERROR)) {
        sb.append("\n  ").append(m.getPath()).append(':').append(m.getLine()).append(": ").append(m.getText());
      }
      throw new IllegalStateException(sb.toString());
    }
    return new RuleEngine(helper.build());
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
