package cn.liaoning.ybj.policycheck.regulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reading of the DRL sources ({@code rules/*.drl}) for explanations: which DRL rules encode a
 * rule id, in which file, and which provincial parameters they compare with.
 */
public final class DrlIndex {
  /** One DRL rule as written. */
  public record DrlRule(String name, String file, String ruleId, Set<String> params) {}

  private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"(.*?)^end\\b", Pattern.DOTALL);
  private static final Pattern RULE_ID = Pattern.compile("@ruleId\\(\"([^\"]+)\"\\)");
  private static final Pattern PARAM = Pattern.compile("Param\\(\\s*key\\s*==\\s*\"([^\"]+)\"");

  private final List<DrlRule> rules;

  private DrlIndex(List<DrlRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static DrlIndex load() {
    List<DrlRule> out = new ArrayList<>();
    for (RuleResources.Resource r : RuleResources.list("rules", ".drl")) {
      Matcher m = RULE.matcher(new String(r.bytes(), StandardCharsets.UTF_8));
      while (m.find()) {
        Matcher id = RULE_ID.matcher(m.group(2));
        Set<String> params = new LinkedHashSet<>();
        Matcher p = PARAM.matcher(m.group(2));
        while (p.find()) {
          params.add(p.group(1));
        }
        out.add(new DrlRule(m.group(1), r.name(), id.find() ? id.group(1) : null, params));
      }
    }
    return new DrlIndex(out);
  }

  public List<DrlRule> rules() {
    return rules;
  }

  public List<DrlRule> forRule(String ruleId) {
    return rules.stream().filter(r -> ruleId.equals(r.ruleId())).toList();
  }

  /** Every parameter key the DRL rules of {@code ruleId} compare with, in order of first use. */
  public Set<String> paramsOf(String ruleId) {
    Set<String> s = new LinkedHashSet<>();
    forRule(ruleId).forEach(r -> s.addAll(r.params()));
    return s;
  }
}
