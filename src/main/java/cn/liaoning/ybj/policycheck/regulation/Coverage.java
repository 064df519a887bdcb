package cn.liaoning.ybj.policycheck.regulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The clause-coverage matrix ({@code rules/coverage.yaml}): each numbered item of 2号 with the
 * rule ids that encode it, or the reason it cannot be checked from policy data.
 */
public record Coverage(String document, List<Item> items) {
  /** One numbered item of the regulation. */
  public record Item(String item, String title, List<String> rules, String reason, String note) {
    public boolean checkable() {
      return !rules.isEmpty();
    }
  }

  @SuppressWarnings("unchecked")
  public static Coverage load() {
    Map<String, Object> root = RulesYaml.readMap("rules/coverage.yaml",
        new String(RuleResources.read("rules/coverage.yaml"), StandardCharsets.UTF_8));
    List<Item> items = new ArrayList<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) root.get("items")) {
      items.add(new Item(m.get("item").toString(), (String) m.get("title"),
          List.copyOf((List<String>) m.getOrDefault("rules", List.of())), (String) m.get("reason"), (String) m.get("note")));
    }
    return new Coverage((String) root.get("document"), List.copyOf(items));
  }
}
