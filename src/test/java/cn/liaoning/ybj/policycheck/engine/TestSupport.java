package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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

  /** Marks a key to delete in {@link #compliantWith}. */
  public static final Object DELETE = new Object();

  private static final Pattern STEP = Pattern.compile("([a-z_]+)(?:\\[(\\d+)])?");

  /** The fully compliant fixture ({@code fixtures/compliant.yaml}) as text. */
  public static String compliant() {
    try (InputStream in = TestSupport.class.getResourceAsStream("/fixtures/compliant.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The compliant fixture with some fields changed: pairs of path and value, e.g.
   * {@code compliantWith("employee.outpatient.classes[2].deductible", 299)}. A value of
   * {@code null} writes null (unknown); {@link #DELETE} removes the key.
   */
  @SuppressWarnings("unchecked")
  public static String compliantWith(Object... pathValuePairs) {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(compliant());
    for (int i = 0; i < pathValuePairs.length; i += 2) {
      String path = (String) pathValuePairs[i];
      Object value = pathValuePairs[i + 1];
      String[] steps = path.split("\\.");
      Object node = root;
      for (int s = 0; s < steps.length; s++) {
        Matcher m = STEP.matcher(steps[s]);
        if (!m.matches()) {
          throw new IllegalArgumentException("bad path step " + steps[s]);
        }
        boolean last = s == steps.length - 1;
        Map<String, Object> map = (Map<String, Object>) node;
        if (m.group(2) == null) {
          if (last) {
            if (value == DELETE) {
              map.remove(m.group(1));
            } else {
              map.put(m.group(1), value);
            }
          } else {
            node = map.computeIfAbsent(m.group(1), k -> new java.util.LinkedHashMap<String, Object>());
          }
        } else {
          List<Object> list = (List<Object>) map.get(m.group(1));
          int idx = Integer.parseInt(m.group(2));
          if (last) {
            if (value == DELETE) {
              list.remove(idx);
            } else {
              list.set(idx, value);
            }
          } else {
            node = list.get(idx);
          }
        }
      }
    }
    datesToText(root);
    DumperOptions opts = new DumperOptions();
    opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    opts.setAllowUnicode(true);
    return new Yaml(opts).dump(root);
  }

  /** Checks the compliant fixture with some fields changed (see {@link #compliantWith}). */
  public static CityResult checkWith(Object... pathValuePairs) {
    return check(compliantWith(pathValuePairs));
  }

  /** SafeConstructor reads dates as java.util.Date; write them back as YYYY-MM-DD. */
  @SuppressWarnings("unchecked")
  private static void datesToText(Object node) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        if (e.getValue() instanceof java.util.Date d) {
          e.setValue(d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        } else {
          datesToText(e.getValue());
        }
      }
    } else if (node instanceof List<?> l) {
      l.forEach(TestSupport::datesToText);
    }
  }
}
