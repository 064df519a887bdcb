package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.policy.Position;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.ClauseQuotes;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules use each field of the city format, found by asking the rules themselves rather than
 * keeping a list: a synthetic city is checked with every field filled (three variants of values)
 * and with every field empty, and each field in turn is emptied (or filled); a rule uses the field
 * when any of its findings changes. New fields of the format and new rules are picked up with no
 * edit here, as long as the loader maps the field to a fact.
 *
 * <p>Only rules a plain check evaluates are found: the baseline-mode rules (PROC-APPROVAL,
 * EMP-RATE-EMPLOYER-STABLE) compare two versions of a file and are not tied to single fields.
 */
public final class FieldRules {
  /** One rule that uses a field: its id, clause, the catalogue's summary and a short quote of the clause. */
  public record Use(String ruleId, String clause, String summary, String quote) {}

  private final Map<String, List<Use>> byField;

  private FieldRules(Map<String, List<Use>> byField) {
    this.byField = Collections.unmodifiableMap(byField);
  }

  /**
   * The rules that use a field, in catalogue order; empty for a field no rule reads. Indices of a
   * list are ignored ({@code classes[3].deductible} is {@code classes[*].deductible}).
   */
  public List<Use> of(String path) {
    return byField.getOrDefault(path.replaceAll("\\[\\d+]", "[*]"), List.of());
  }

  /** Every field read by at least one rule, in the format's order, with its rules. */
  public Map<String, List<Use>> all() {
    return byField;
  }

  /** The fields whose values the rules may read: scalars and lists of words, outside the file's bookkeeping. */
  public static List<String> inputs() {
    List<String> out = new ArrayList<>();
    for (Schema.Field f : Schema.fields()) {
      String p = f.path();
      boolean value = f.type() instanceof Scalar || f.type() instanceof NumberOrRange
          || f.type() instanceof ListOf l && l.element() instanceof Scalar;
      String leaf = p.substring(p.lastIndexOf('.') + 1);
      if (value && !p.endsWith("[*]") && !p.startsWith("sources") && !p.startsWith("approvals")
          && !p.startsWith("waivers") && !p.contains(Schema.VALUE_SOURCES) && !leaf.equals("source")
          && !leaf.equals("note") && !p.endsWith("classes[*].name") && !List.of("format", "city", "code").contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Derives the uses with the rules and parameters in force on {@code asOf}. */
  public static FieldRules derive(Checker checker, LocalDate asOf) {
    List<String> inputs = inputs();
    Map<String, Set<String>> uses = new HashMap<>();
    List<Map<String, Object>> bases = new ArrayList<>();
    for (int v = 0; v < VARIANTS; v++) {
      bases.add(full(inputs, v));
    }
    bases.add(empty());
    PolicyLoader loader = new PolicyLoader(Set.of());
    for (Map<String, Object> base : bases) {
      Map<String, Object> ok = loadable(loader, base);
      if (ok == null) {
        continue;
      }
      Map<String, List<String>> before = signature(checker.check(loader.map(doc(ok)).policy(), asOf));
      for (String field : inputs) {
        Map<String, Object> variant = toggled(ok, field);
        if (variant == null) {
          continue;
        }
        PolicyLoader.Loaded l = loader.map(doc(variant));
        if (!l.ok()) {
          continue; // a value that conflicts with another field: that pair is tried in another base
        }
        Map<String, List<String>> after = signature(checker.check(l.policy(), asOf));
        Set<String> rules = new HashSet<>(before.keySet());
        rules.addAll(after.keySet());
        for (String r : rules) {
          if (!before.getOrDefault(r, List.of()).equals(after.getOrDefault(r, List.of()))) {
            uses.computeIfAbsent(field, k -> new HashSet<>()).add(r);
          }
        }
      }
    }
    Catalogue catalogue = checker.catalogue();
    Parameters parameters = checker.parameters();
    Map<String, List<Use>> out = new LinkedHashMap<>();
    for (String field : inputs) {
      Set<String> rules = uses.get(field);
      if (rules == null) {
        continue;
      }
      List<Use> list = new ArrayList<>();
      for (Catalogue.Entry e : catalogue.entries().values()) {
        if (rules.contains(e.id())) {
          list.add(new Use(e.id(), e.clause(), e.summary(), ClauseQuotes.quote(parameters, e.clause(), e.summary())));
        }
      }
      out.put(field, List.copyOf(list));
    }
    return new FieldRules(out);
  }

  // ---------------------------------------------------------------------------------------------
  // The synthetic city. Values are typed as the reader stores them, by field path.

  private static final int VARIANTS = 3;
  private static final int CLASSES = 3;
  private static final List<String> CLASS_LISTS = List.of("employee.inpatient.classes", "employee.outpatient.classes",
      "resident.inpatient.classes", "resident.outpatient.classes");
  private static final String SIZE = "#size:";

  /** Every input filled; each class list with one class per tier. */
  private static Map<String, Object> full(List<String> inputs, int v) {
    Map<String, Object> m = empty();
    for (String f : inputs) {
      put(m, f, v);
    }
    return m;
  }

  /** Only the city's name, and in each class list three classes with only their names. */
  private static Map<String, Object> empty() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("city", "合成市");
    for (String list : CLASS_LISTS) {
      m.put(SIZE + list, CLASSES);
      for (int i = 0; i < CLASSES; i++) {
        m.put(list + "[" + i + "].name", "类别" + (i + 1));
      }
    }
    return m;
  }

  /** Sets a field (in every class, for a class field) to the sample value of variant {@code v}. */
  private static void put(Map<String, Object> m, String field, int v) {
    int star = field.indexOf("[*]");
    if (star >= 0) {
      String list = field.substring(0, star);
      for (int i = 0; i < CLASSES; i++) {
        Object value = sample(Schema.at(field), v, i + 1);
        if (value != null) {
          m.put(list + "[" + i + "]" + field.substring(star + 3), value);
        }
      }
      return;
    }
    Schema.Type t = Schema.at(field);
    if (t instanceof ListOf l && l.element() instanceof Scalar s) {
      List<String> codes = s.values();
      int n = v == 0 ? 0 : v == 1 ? Math.min(1, codes.size()) : codes.size();
      m.put(SIZE + field, n);
      for (int i = 0; i < n; i++) {
        m.put(field + "[" + i + "]", codes.get(i));
      }
      return;
    }
    Object value = sample(t, v, 0);
    if (value != null) {
      m.put(field, value);
    }
  }

  private static void remove(Map<String, Object> m, String field) {
    int star = field.indexOf("[*]");
    if (star >= 0) {
      String list = field.substring(0, star);
      for (int i = 0; i < CLASSES; i++) {
        m.remove(list + "[" + i + "]" + field.substring(star + 3));
      }
      return;
    }
    m.remove(field);
    if (m.remove(SIZE + field) != null) {
      m.keySet().removeIf(k -> k.startsWith(field + "["));
    }
  }

  private static boolean has(Map<String, Object> m, String field) {
    int star = field.indexOf("[*]");
    if (star >= 0) {
      return m.containsKey(field.substring(0, star) + "[0]" + field.substring(star + 3));
    }
    return m.containsKey(field) || m.containsKey(SIZE + field);
  }

  /** The base with the field emptied when it is filled, or filled when it is empty. */
  private static Map<String, Object> toggled(Map<String, Object> base, String field) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    if (has(base, field)) {
      remove(m, field);
    } else {
      put(m, field, 0);
    }
    return m.equals(base) ? null : m;
  }

  /**
   * A value of the type for variant {@code v} (0 middling, 1 high, 2 low); {@code tier} 1–3 for a
   * hospital class (its own tier, and values that differ between classes), 0 elsewhere.
   */
  private static Object sample(Schema.Type t, int v, int tier) {
    Scalar s = t instanceof NumberOrRange nr ? nr.number() : t instanceof Scalar x ? x : null;
    if (s == null) {
      return null;
    }
    if (!s.choices().isEmpty() && s.kind() == Kind.INTEGER && tier > 0) {
      return tier; // the class's tier
    }
    switch (s.kind()) {
      case NUMBER, INTEGER -> {
        double[] at = {0.5, 0.95, 0.02};
        double x = s.min() + (s.max() - s.min()) * at[v] * (tier == 0 ? 1 : 1 - 0.1 * (tier - 1));
        if (s.kind() == Kind.INTEGER) {
          return (int) Math.max(s.min(), Math.min(s.max(), Math.round(x)));
        }
        return x;
      }
      case BOOLEAN -> {
        return v % 2 == 0;
      }
      case DATE -> {
        return LocalDate.of(2025, 1, 1).plusDays(v);
      }
      case MONTH_DAY -> {
        return v == 0 ? MonthDay.of(12, 31) : v == 1 ? MonthDay.of(1, 31) : MonthDay.of(6, 30);
      }
      case ENUM, STRING -> {
        List<String> codes = s.values();
        return codes.isEmpty() ? "合成值" : codes.get((v + tier) % codes.size());
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * The base, with the fields the loader's cross-field checks refuse emptied (a synthetic sum that
   * does not add up); null when it still does not load.
   */
  private static Map<String, Object> loadable(PolicyLoader loader, Map<String, Object> base) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    for (int attempt = 0; attempt < 10; attempt++) {
      Synthetic s = new Synthetic(m);
      PolicyLoader.Loaded l = loader.map(s.doc);
      if (l.ok()) {
        return m;
      }
      boolean removed = false;
      for (Diagnostic d : l.diagnostics()) {
        String p = d.isError() ? s.pathAtLine(d.line()) : null;
        if (p != null && !p.equals("city")) {
          m.remove(p);
          removed = true;
        }
      }
      if (!removed) {
        return null;
      }
    }
    return null;
  }

  private static Doc doc(Map<String, Object> m) {
    return new Synthetic(m).doc;
  }

  /** A Doc of the values, each on a line of its own, so that a loader error names its field. */
  private static final class Synthetic {
    final Doc doc;
    final List<String> paths = new ArrayList<>();

    Synthetic(Map<String, Object> m) {
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, Integer> sizes = new HashMap<>();
      Map<String, Position> positions = new HashMap<>();
      Set<String> written = new LinkedHashSet<>();
      for (Map.Entry<String, Object> e : m.entrySet()) {
        String path = e.getKey();
        if (path.startsWith(SIZE)) {
          path = path.substring(SIZE.length());
          sizes.put(path, (Integer) e.getValue());
        } else {
          values.put(path, e.getValue());
        }
        written.add(path);
        paths.add(path);
        positions.put(path, new Position(paths.size(), 1));
      }
      List<String> lines = Collections.nCopies(paths.size(), "");
      doc = new Doc("synthetic.yaml", values, sizes, positions, written, lines);
    }

    String pathAtLine(int line) {
      return line >= 1 && line <= paths.size() ? paths.get(line - 1) : null;
    }
  }

  /** What a rule concluded, as text per finding: any difference means the rule saw the change. */
  private static Map<String, List<String>> signature(CityResult r) {
    Map<String, List<String>> out = new HashMap<>();
    for (Finding f : r.findings()) {
      out.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f.status() + "|" + f.subject() + "|" + f.path() + "|"
          + f.actual() + "|" + f.expected() + "|" + f.message());
    }
    return out;
  }

}
