package cn.liaoning.ybj.policycheck.regulation;

import cn.liaoning.ybj.policycheck.policy.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules use which field of a city file, read from the DRL sources ({@code rules/*.drl}), so
 * that the format documentation and the workbook name the rules behind a field without a list
 * kept by hand. A DRL rule uses a field when its text names the field's path: as a string literal
 * ({@code "employee.annual_cap"}); as a hospital-class field ({@code $c, "deductible"},
 * {@code $c.path("tier")}) in a rule that matches that scheme and setting
 * ({@code Scheme.EMPLOYEE}, {@code Setting.OUTPATIENT}); as the fact property of a field whose name
 * (of two or more words) no other field has ({@code subsidyDisbursedNextYear} for
 * {@code resident.subsidy_disbursed_next_year}); or through a derived fact
 * ({@code RateEstimate(kind == Kind.MATERNITY)}) whose derivation rules ({@code @derives}) name the
 * paths it comes from. Field paths are patterns, with {@code [*]} for any list item.
 */
public final class FieldRules {
  private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"(.*?)^end\\b", Pattern.DOTALL);
  private static final Pattern RULE_ID = Pattern.compile("@ruleId\\(\"([^\"]+)\"\\)");
  private static final Pattern DERIVES = Pattern.compile("@derives\\(\"([^\"]+)\"\\)");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern PATH_LIKE = Pattern.compile("[a-z_][a-z0-9_]*(?:\\[(?:\\d+|\\*)])?(?:\\.[a-z_][a-z0-9_]*(?:\\[(?:\\d+|\\*)])?)*");
  private static final Pattern SCHEME = Pattern.compile("\\bScheme\\.([A-Z_]+)");
  private static final Pattern SETTING = Pattern.compile("\\bSetting\\.([A-Z_]+)");
  private static final Pattern KIND = Pattern.compile("\\bKind\\.([A-Z_]+)");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

  /**
   * Fact property name → field, for the fields whose last key has two or more words and belongs to
   * no other field: {@code subsidyDisbursedNextYear} → {@code resident.subsidy_disbursed_next_year}.
   */
  private static final Map<String, String> UNIQUE_PROPERTIES = uniqueProperties();

  private static Map<String, String> uniqueProperties() {
    Map<String, List<String>> byLeaf = new LinkedHashMap<>();
    for (Schema.Field f : Schema.fields()) {
      String leaf = f.path().substring(f.path().lastIndexOf('.') + 1);
      if (leaf.contains("_") && !leaf.endsWith("]")) {
        byLeaf.computeIfAbsent(leaf, k -> new ArrayList<>()).add(f.path());
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    byLeaf.forEach((leaf, paths) -> {
      if (paths.size() == 1) {
        StringBuilder camel = new StringBuilder();
        for (String w : leaf.split("_")) {
          camel.append(camel.length() == 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        out.put(camel.toString(), paths.get(0));
      }
    });
    return out;
  }

  /** Field pattern → rule ids, in the order the DRL files (sorted by name) first name them. */
  private final Map<String, List<String>> byField;

  private FieldRules(Map<String, List<String>> byField) {
    this.byField = byField;
  }

  /** Reads the DRL files that ship with the rules. */
  public static FieldRules load() {
    List<String> texts = new ArrayList<>();
    for (RuleResources.Resource r : RuleResources.list("rules", ".drl")) {
      texts.add(new String(r.bytes(), StandardCharsets.UTF_8));
    }
    return read(texts);
  }

  /** Reads the given DRL texts. */
  static FieldRules read(List<String> drlTexts) {
    List<String[]> rules = new ArrayList<>(); // {rule id or null, derived type or null, text}
    for (String text : drlTexts) {
      Matcher m = RULE.matcher(text);
      while (m.find()) {
        String body = m.group(2);
        Matcher id = RULE_ID.matcher(body);
        Matcher derives = DERIVES.matcher(body);
        rules.add(new String[] {id.find() ? id.group(1) : null, derives.find() ? derives.group(1) : null, body});
      }
    }
    // What each derived fact of a kind comes from: "RateEstimate/MATERNITY" → its derivation rules' fields.
    Map<String, Set<String>> derived = new LinkedHashMap<>();
    for (String[] r : rules) {
      if (r[1] != null) {
        Set<String> fields = fields(r[2]);
        Matcher kind = KIND.matcher(r[2]);
        while (kind.find()) {
          derived.computeIfAbsent(r[1] + "/" + kind.group(1), k -> new LinkedHashSet<>()).addAll(fields);
        }
      }
    }
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String[] r : rules) {
      if (r[0] == null) {
        continue;
      }
      Set<String> fields = fields(r[2]);
      for (Map.Entry<String, Set<String>> d : derived.entrySet()) {
        String[] typeKind = d.getKey().split("/", 2);
        if (Pattern.compile("\\b" + Pattern.quote(typeKind[0]) + "\\(\\s*kind\\s*==\\s*Kind\\." + typeKind[1] + "\\b")
            .matcher(r[2]).find()) {
          fields.addAll(d.getValue());
        }
      }
      for (String f : fields) {
        out.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(r[0]);
      }
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new FieldRules(Collections.unmodifiableMap(frozen));
  }

  /** The fields one DRL rule names: literal paths, and hospital-class fields of the classes it matches. */
  private static Set<String> fields(String body) {
    Set<String> schemes = tokens(SCHEME, body);
    Set<String> settings = tokens(SETTING, body);
    List<String> classLists = new ArrayList<>();
    if (!schemes.isEmpty() || !settings.isEmpty()) {
      for (String scheme : schemes.isEmpty() ? Set.of("employee", "resident") : schemes) {
        for (String setting : settings.isEmpty() ? Set.of("inpatient", "outpatient") : settings) {
          classLists.add(scheme + "." + setting + ".classes[*]");
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, String> p : UNIQUE_PROPERTIES.entrySet()) {
      if (Pattern.compile("\\b" + p.getKey() + "\\b").matcher(body).find()) {
        out.add(p.getValue());
      }
    }
    Matcher lit = LITERAL.matcher(body);
    while (lit.find()) {
      String s = lit.group(1);
      if (!PATH_LIKE.matcher(s).matches()) {
        continue;
      }
      String pattern = pattern(s);
      if (Schema.at(pattern) != null) {
        out.add(pattern);
      } else if (s.indexOf('.') < 0) {
        for (String list : classLists) {
          if (Schema.at(list + "." + s) != null) {
            out.add(list + "." + s);
          }
        }
      }
    }
    return out;
  }

  private static Set<String> tokens(Pattern p, String body) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(body);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** A field path as a pattern: list indexes as {@code [*]}. */
  public static String pattern(String path) {
    return INDEX.matcher(path).replaceAll("[*]");
  }

  /**
   * The ids of the rules that use a field, in DRL order: {@code employee.outpatient.classes[*].deductible}
   * (a concrete index such as {@code [3]} is read as {@code [*]}); empty when no rule names it.
   */
  public List<String> ruleIds(String path) {
    return byField.getOrDefault(pattern(path), List.of());
  }

  /** Every field some rule uses, with the rules' ids. */
  public Map<String, List<String>> byField() {
    return byField;
  }
}
