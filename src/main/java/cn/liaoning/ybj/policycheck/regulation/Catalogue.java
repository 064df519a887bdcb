package cn.liaoning.ybj.policycheck.regulation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule catalogue ({@code rules/catalogue.yaml}): every rule id with its area, strength,
 * clause and a one-line Chinese summary. The ids are the public contract.
 *
 * <p>A strength belongs to the text that sets it, so it is dated like a parameter: an entry lists
 * the clause (or clauses) that set its strength, and each applies from the day its text is in
 * force ({@link Parameters#inForce}). Before the first of them the rule is not applicable.
 *
 * <p>Summaries name no threshold, date or document by literal: they hold placeholders
 * ({@link SummaryText}) that are filled in from the parameters in force at a date.
 */
public final class Catalogue {
  /** One area of the regulation (A–H), with the DRL file that encodes it. */
  public record Area(String code, String title, String drl) {}

  /**
   * A text that sets a rule's strength: the clause and the strength it gives. A null clause means
   * the entry's own clause (an entry whose strength never changed).
   */
  public record StrengthText(String clause, Strength strength) {}

  /** A strength in force from a day, with the clause that set it. */
  public record InForce(LocalDate from, Strength strength, String clause) {}

  /**
   * One checkable requirement.
   *
   * @param strength the strength of the latest text (the one in force once every text is)
   * @param summary the summary, its placeholders filled in at the date the catalogue was rendered for
   * @param strengths the texts that set the strength, in the order they came into force
   * @param summaryTemplate the summary as written in the catalogue, with its placeholders
   */
  public record Entry(String id, String area, Strength strength, String clause, String summary, boolean perClass, String mode,
      List<StrengthText> strengths, String summaryTemplate) {
    /** Rules evaluated only in baseline (diff) mode. */
    public boolean baselineOnly() {
      return "baseline".equals(mode);
    }

    /**
     * The strengths of this rule by the day each came into force, earliest first. An entry with
     * one undated strength has it from the day the earliest part of its clause is in force.
     */
    public List<InForce> history(Parameters p) {
      List<InForce> out = new ArrayList<>();
      for (StrengthText t : strengths) {
        String clause = t.clause() == null ? earliestParts(p) : t.clause();
        out.add(new InForce(p.inForce(clause), t.strength(), clause));
      }
      out.sort(Comparator.comparing(InForce::from));
      return List.copyOf(out);
    }

    /** The strength in force on {@code date} and the text that set it; null before the rule's texts apply. */
    public InForce inForceAt(Parameters p, LocalDate date) {
      InForce at = null;
      for (InForce f : history(p)) {
        if (!f.from().isAfter(date)) {
          at = f;
        }
      }
      return at;
    }

    /** The summary with the parameters in force on {@code date}. */
    public String summaryAt(Parameters p, LocalDate date) {
      return SummaryText.render(summaryTemplate, p, date);
    }

    /** The parts of this entry's clause that come into force first ("3号 二(一)2" of "2号 一(一)4; 3号 二(一)2"). */
    private String earliestParts(Parameters p) {
      LocalDate first = p.inForce(clause);
      List<String> parts = new ArrayList<>();
      for (String part : clause.split(";")) {
        if (p.inForce(part).equals(first)) {
          parts.add(part.strip());
        }
      }
      return String.join("; ", parts);
    }
  }

  private final Map<String, Area> areas;
  private final Map<String, Entry> entries;

  private Catalogue(Map<String, Area> areas, Map<String, Entry> entries) {
    this.areas = Collections.unmodifiableMap(areas);
    this.entries = Collections.unmodifiableMap(entries);
  }

  /**
   * The catalogue with its summaries filled in from the parameters in force today (the default
   * as-of date of every command); {@link #at} gives them for another day.
   */
  public static Catalogue load() {
    return parse(new String(RuleResources.read("rules/catalogue.yaml"), StandardCharsets.UTF_8)).at(Parameters.load(), LocalDate.now());
  }

  /** The same catalogue with its summaries filled in from the parameters in force on {@code date}. */
  public Catalogue at(Parameters p, LocalDate date) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Entry e : entries.values()) {
      out.put(e.id(), new Entry(e.id(), e.area(), e.strength(), e.clause(), e.summaryAt(p, date), e.perClass(), e.mode(),
          e.strengths(), e.summaryTemplate()));
    }
    return new Catalogue(new LinkedHashMap<>(areas), out);
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
      List<StrengthText> strengths = new ArrayList<>();
      Object s = r.get("strength");
      if (s instanceof Map<?, ?> dated) {
        ((Map<String, Object>) dated).forEach((clause, strength) -> strengths.add(new StrengthText(clause, Strength.of((String) strength))));
      } else {
        strengths.add(new StrengthText(null, Strength.of((String) s)));
      }
      if (strengths.isEmpty()) {
        throw new IllegalStateException("catalogue: rule " + id + " has no strength");
      }
      String summary = (String) r.get("summary");
      entries.put(id, new Entry(id, area, strengths.get(strengths.size() - 1).strength(), (String) r.get("clause"), summary,
          Boolean.TRUE.equals(r.get("per_class")), (String) r.getOrDefault("mode", "always"), List.copyOf(strengths), summary));
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
