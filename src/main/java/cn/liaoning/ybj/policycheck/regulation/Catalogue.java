package cn.liaoning.ybj.policycheck.regulation;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule catalogue ({@code rules/catalogue.yaml}): every rule id with its area, strength,
 * clause and a one-line Chinese summary. The ids are the public contract.
 */
public final class Catalogue {
  /** One area of the regulation (A–H), with the DRL file that encodes it. */
  public record Area(String code, String title, String drl) {}

  /** One checkable requirement. */
  public record Entry(String id, String area, Strength strength, String clause, String summary, boolean perClass, String mode) {
    /** Rules evaluated only in baseline (diff) mode. */
    public boolean baselineOnly() {
      return "baseline".equals(mode);
    }
  }

  private final Map<String, Area> areas;
  private final Map<String, Entry> entries;

  private Catalogue(Map<String, Area> areas, Map<String, Entry> entries) {
    this.areas = Collections.unmodifiableMap(areas);
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static Catalogue load() {
    return parse(new String(RuleResources.read("rules/catalogue.yaml"), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  static Catalogue parse(String yaml) {
    Map<String, Object> root = RulesYaml.readMap("rules/catalogue.yaml", yaml);
    Map<String, Area> areas = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) root.get("areas")).forEach((code, a) ->
        areas.put(code, new Area(code, (String) a.get("title"), (String) a.get("drl"))));
    Map<String, Entry> entries = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) root.get("rules")).forEach((id, r) -> {
      String area = (String) r.get("area");
      if (!areas.containsKey(area)) {
        throw new IllegalStateException("catalogue: rule " + id + " names unknown area " + area);
      }
      entries.put(id, new Entry(id, area, Strength.of((String) r.get("strength")), (String) r.get("clause"),
          (String) r.get("summary"), Boolean.TRUE.equals(r.get("per_class")), (String) r.getOrDefault("mode", "always")));
    });
    return new Catalogue(areas, entries);
  }

  public Map<String, Area> areas() {
    return areas;
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public Entry get(String id) {
    return entries.get(id);
  }

  public List<Entry> inArea(String area) {
    return entries.values().stream().filter(e -> e.area().equals(area)).toList();
  }
}
