package cn.liaoning.ybj.policycheck.regulation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The provincial parameter files ({@code rules/parameters/*.yaml}), OpenFisca style: every
 * threshold, guideline ratio, deadline and clause text, each value keyed by the date from which it
 * holds, with the clause it comes from. {@link #factsAt(LocalDate)} gives the values in force.
 */
public final class Parameters {
  /**
   * A source document, e.g. {@code 2号} = 辽医保规〔2025〕2号.
   *
   * @param inForce the day from which its texts apply (its date when the file gives none)
   */
  public record Document(String key, String number, String title, LocalDate date, String file, LocalDate inForce) {}

  /** The verbatim text of one clause. */
  public record Clause(String ref, String text) {}

  /**
   * One parameter with its history. Values are Double, LocalDate, String or Map tier→Double.
   *
   * @param note what the value rests on besides the clause, e.g. that it is a reading of the text
   *     (左右) rather than a figure the text gives; null when none
   */
  public record Parameter(String key, String description, String unit, String clause, NavigableMap<LocalDate, Object> values,
      String note) {
    /** The value in force on {@code date}, or null when none had yet taken effect. */
    public Object valueAt(LocalDate date) {
      Map.Entry<LocalDate, Object> e = values.floorEntry(date);
      return e == null ? null : e.getValue();
    }

    /** The date from which the value in force on {@code date} holds. */
    public LocalDate effectiveFrom(LocalDate date) {
      return values.floorKey(date);
    }

    /** The value in force on {@code date}; before the first value takes effect, that first value. */
    public Object valueOrFirst(LocalDate date) {
      Object v = valueAt(date);
      return v != null || values.isEmpty() ? v : values.firstEntry().getValue();
    }
  }

  private final Map<String, Document> documents;
  /** The document the tool checks against ({@code regulation:} in the files). */
  private final Document regulation;
  private final Map<String, Clause> clauses;
  private final Map<String, Parameter> parameters;
  /** Clauses that apply from another day than their document (7号 二(三): “自2025年起”). */
  private final Map<String, LocalDate> clausesInForce;

  private Parameters(Document regulation, Map<String, Document> documents, Map<String, Clause> clauses,
      Map<String, Parameter> parameters, Map<String, LocalDate> clausesInForce) {
    this.regulation = regulation;
    this.documents = Collections.unmodifiableMap(documents);
    this.clauses = Collections.unmodifiableMap(clauses);
    this.parameters = Collections.unmodifiableMap(parameters);
    this.clausesInForce = Collections.unmodifiableMap(clausesInForce);
  }

  private static Parameters loaded;

  /**
   * The parameter files on the classpath, read once per process: they ship inside the jar and
   * do not change while it runs, and both the catalogue (to render its summaries) and the
   * checker need them.
   */
  public static synchronized Parameters load() {
    if (loaded == null) {
      loaded = parse(RuleResources.list("rules/parameters", ".yaml"));
    }
    return loaded;
  }

  @SuppressWarnings("unchecked")
  private static Parameters parse(List<RuleResources.Resource> files) {
    Map<String, Document> docs = new LinkedHashMap<>();
    Map<String, Clause> clauses = new LinkedHashMap<>();
    Map<String, Parameter> params = new LinkedHashMap<>();
    Map<String, LocalDate> inForce = new LinkedHashMap<>();
    Map<String, String> regulation = new LinkedHashMap<>();
    for (RuleResources.Resource file : files) {
      Map<String, Object> root = RulesYaml.readMap(file.name(), new String(file.bytes(), StandardCharsets.UTF_8));
      if (root.get("regulation") != null) {
        put(regulation, "regulation", root.get("regulation").toString());
      }
      Map<String, Map<String, Object>> d = (Map<String, Map<String, Object>>) root.getOrDefault("documents", Map.of());
      d.forEach((k, v) -> put(docs, k, new Document(k, (String) v.get("number"), (String) v.get("title"), date(v.get("date")),
          (String) v.get("file"), date(v.containsKey("in_force") ? v.get("in_force") : v.get("date")))));
      Map<String, Object> f = (Map<String, Object>) root.getOrDefault("clauses_in_force", Map.of());
      f.forEach((k, v) -> put(inForce, k, date(v)));
      Map<String, Object> c = (Map<String, Object>) root.getOrDefault("clauses", Map.of());
      c.forEach((k, v) -> put(clauses, k, new Clause(k, ((String) v).strip())));
      Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) root.getOrDefault("parameters", Map.of());
      p.forEach((k, v) -> {
        NavigableMap<LocalDate, Object> values = new TreeMap<>();
        ((Map<Object, Object>) v.get("values")).forEach((date, value) -> values.put(date(date), value(value)));
        put(params, k, new Parameter(k, (String) v.get("description"), (String) v.get("unit"), (String) v.get("clause"), values,
            (String) v.get("note")));
      });
    }
    for (Parameter p : params.values()) {
      for (String ref : p.clause() == null ? new String[0] : p.clause().split(";")) {
        if (!clauses.containsKey(ref.strip())) {
          throw new IllegalStateException("parameter " + p.key() + " cites clause " + ref.strip() + " which has no text");
        }
      }
    }
    Document main = docs.get(regulation.get("regulation"));
    if (main == null) {
      throw new IllegalStateException("the parameter files name no regulation among their documents (regulation: "
          + regulation.get("regulation") + ")");
    }
    Parameters out = new Parameters(main, docs, clauses, params, inForce);
    for (String ref : inForce.keySet()) {
      if (!clauses.containsKey(ref)) {
        throw new IllegalStateException("clauses_in_force names " + ref + ", which has no text");
      }
    }
    return out;
  }

  /**
   * The day from which a clause ({@code 7号 二(三)}) applies: its own date where the parameter
   * files give one ({@code clauses_in_force}), otherwise its document's; for a compound reference
   * ("a; b"), the earliest of its parts. Throws for a document the files do not list.
   */
  public LocalDate inForce(String ref) {
    LocalDate earliest = null;
    for (String part : ref.split(";")) {
      String r = part.strip();
      LocalDate d = clausesInForce.get(r);
      if (d == null) {
        Document doc = documents.get(r.split(" ")[0]);
        if (doc == null || doc.inForce() == null) {
          throw new IllegalStateException("no document or in-force date for clause " + r);
        }
        d = doc.inForce();
      }
      if (earliest == null || d.isBefore(earliest)) {
        earliest = d;
      }
    }
    return earliest;
  }

  /** The parts of a (compound) clause reference already in force on {@code date}; the whole reference when none is. */
  public String clauseInForce(String ref, LocalDate date) {
    if (ref == null || ref.indexOf(';') < 0) {
      return ref;
    }
    List<String> parts = new ArrayList<>();
    String[] all = ref.split(";");
    for (String part : all) {
      if (!inForce(part).isAfter(date)) {
        parts.add(part.strip());
      }
    }
    return parts.isEmpty() || parts.size() == all.length ? ref : String.join("; ", parts);
  }

  private static <V> void put(Map<String, V> m, String k, V v) {
    if (m.putIfAbsent(k, v) != null) {
      throw new IllegalStateException("defined twice in rules/parameters: " + k);
    }
  }

  private static LocalDate date(Object o) {
    if (o instanceof LocalDate d) {
      return d;
    }
    return o == null ? null : LocalDate.parse(o.toString());
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof LocalDate) {
      return o;
    }
    if (o instanceof Map<?, ?> m) {
      Map<Integer, Double> tiers = new TreeMap<>();
      ((Map<Object, Object>) m).forEach((k, v) -> tiers.put(Integer.parseInt(k.toString().replace("tier", "")), ((Number) v).doubleValue()));
      return tiers;
    }
    return o == null ? null : o.toString();
  }

  /**
   * These parameters with some replaced (a proposed adjustment: see the impact package): the same
   * documents and clauses, each replacement in the place of the parameter with its key, which must
   * exist. Nothing else changes.
   */
  public Parameters replacing(List<Parameter> replacements) {
    Map<String, Parameter> params = new LinkedHashMap<>(parameters);
    for (Parameter p : replacements) {
      if (params.replace(p.key(), p) == null || p.clause() != null && !clauses.containsKey(p.clause())) {
        throw new IllegalArgumentException("cannot replace parameter " + p.key());
      }
    }
    return new Parameters(regulation, documents, clauses, params, clausesInForce);
  }

  /** The parameters in force on {@code asOf}, as facts for the rules. */
  @SuppressWarnings("unchecked")
  public List<Param> factsAt(LocalDate asOf) {
    List<Param> out = new ArrayList<>();
    for (Parameter p : parameters.values()) {
      Object v = p.valueAt(asOf);
      if (v instanceof Double d) {
        out.add(new Param(p.key(), 0, d, null));
      } else if (v instanceof Map<?, ?> m) {
        ((Map<Integer, Double>) m).forEach((tier, d) -> out.add(new Param(p.key(), tier, d, null)));
      } else if (v instanceof String s) {
        out.add(new Param(p.key(), 0, null, s));
      }
    }
    return out;
  }

  /** A date parameter in force on {@code asOf} (e.g. {@code deadline.standard}); null if none. */
  public LocalDate date(String key, LocalDate asOf) {
    Parameter p = parameters.get(key);
    return p != null && p.valueAt(asOf) instanceof LocalDate d ? d : null;
  }

  public Map<String, Parameter> parameters() {
    return parameters;
  }

  public Map<String, Clause> clauses() {
    return clauses;
  }

  public Map<String, Document> documents() {
    return documents;
  }

  /**
   * The regulation the cities are checked against (the files' {@code regulation:}): its number
   * and title head the reports and summaries, so that no code names it.
   */
  public Document regulation() {
    return regulation;
  }

  /** The clause text for a reference like {@code 2号 二(一)2}; for a compound reference ("a; b"), each part's. */
  public String clauseText(String ref) {
    if (ref == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String r : ref.split(";")) {
      Clause c = clauses.get(r.strip());
      if (c != null) {
        parts.add(c.text());
      }
    }
    return parts.isEmpty() ? null : String.join("\n", parts);
  }
}
