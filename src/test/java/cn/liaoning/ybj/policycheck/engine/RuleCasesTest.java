package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.liaoning.ybj.policycheck.baseline.BaselineCheck;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.DrlIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rule tests an auditor can read and add to: {@code rules/tests/*.yaml}, one file per area,
 * each case a Chinese sentence with the edits it makes to the compliant fixture and the findings
 * it expects (format in docs/law-encoding.md). Every case runs as a named test; a second test
 * checks that every rule id of the catalogue has its cases.
 */
class RuleCasesTest {
  static final Path DIR = Path.of("rules", "tests");

  /** One case of a file. */
  record Case(String file, int number, String name, LocalDate asOf, boolean boundary, Map<String, Object> edits,
      Map<String, Object> baseline, List<Expect> expect) {}

  /** One expected finding: the rule, its status, and optionally the class, value, deadline, path and words of its message. */
  record Expect(String rule, Status status, String subject, boolean hasSubject, Object actual, boolean hasActual,
      LocalDate deadline, boolean hasDeadline, String path, String message) {}

  static final Set<String> CASE_KEYS = Set.of("name", "as_of", "boundary", "edits", "baseline", "expect");
  static final Set<String> EXPECT_KEYS = Set.of("rule", "status", "class", "actual", "deadline", "path", "message");

  @TestFactory
  Stream<DynamicNode> ruleCases() {
    return files().stream().map(f -> DynamicContainer.dynamicContainer(f.getFileName().toString(),
        read(f).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)))));
  }

  /** Every rule id has a passing and a failing case, a boundary case where it has a threshold, and a case with data missing. */
  @Test
  void everyRuleIdHasItsCases() {
    Map<String, Set<String>> kinds = new TreeMap<>();
    for (Path f : files()) {
      for (Case c : read(f)) {
        for (Expect e : c.expect()) {
          Set<String> k = kinds.computeIfAbsent(e.rule(), x -> new TreeSet<>());
          k.add(switch (e.status()) {
            case PASS -> "pass";
            case VIOLATION, WARNING, WAIVED -> "fail";
            case INDETERMINATE -> "missing";
            case NOT_APPLICABLE -> "not_applicable";
          });
          if (c.boundary()) {
            k.add("boundary");
          }
        }
      }
    }
    DrlIndex drl = DrlIndex.load();
    List<String> lacking = new ArrayList<>();
    for (Catalogue.Entry e : TestSupport.catalogue().entries().values()) {
      Set<String> k = kinds.getOrDefault(e.id(), Set.of());
      List<String> need = new ArrayList<>(List.of("pass", "fail"));
      if (!e.baselineOnly()) {
        need.add("missing");
      }
      if (hasThreshold(e.id(), drl)) {
        need.add("boundary");
      }
      need.removeAll(k);
      if (!need.isEmpty()) {
        lacking.add(e.id() + " " + need);
      }
    }
    assertEquals(List.of(), lacking, "rule ids without their cases in rules/tests/");
  }

  /** Rules whose parameters are names or message text only, not a threshold that has a boundary. */
  static final Set<String> NO_THRESHOLD = Set.of("MAT-ALLOWANCE-BASIS");

  /** A rule has a threshold when its DRL compares with a provincial parameter. */
  static boolean hasThreshold(String id, DrlIndex drl) {
    return !NO_THRESHOLD.contains(id) && !drl.paramsOf(id).isEmpty();
  }

  @Test
  void caseFilesAreReadAsWritten() {
    List<Case> all = new ArrayList<>();
    files().forEach(f -> all.addAll(read(f)));
    assertTrue(all.size() > 150, "cases: " + all.size());
    Set<String> names = new TreeSet<>();
    for (Case c : all) {
      assertTrue(names.add(c.file() + ": " + c.name()), "two cases with the same name in " + c.file() + ": " + c.name());
    }
  }

  // ------------------------------------------------------------------------------------------

  static List<Path> files() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Case> read(Path file) {
    String name = file.getFileName().toString();
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(root instanceof List<?> list)) {
      throw new AssertionError(name + ": the file must be a list of cases (each beginning with “- name:”)");
    }
    List<Case> out = new ArrayList<>();
    int n = 0;
    for (Object o : list) {
      n++;
      String where = name + " case " + n;
      if (!(o instanceof Map<?, ?> m)) {
        throw new AssertionError(where + ": a case is a mapping with name, edits and expect");
      }
      for (Object k : m.keySet()) {
        if (!CASE_KEYS.contains(String.valueOf(k))) {
          throw new AssertionError(where + ": unknown key " + k + " (allowed: " + CASE_KEYS + ")");
        }
      }
      String caseName = (String) m.get("name");
      if (caseName == null || caseName.isBlank()) {
        throw new AssertionError(where + ": a case needs a name");
      }
      Object e = m.get("expect");
      if (!(e instanceof List<?> el) || el.isEmpty()) {
        throw new AssertionError(where + " (" + caseName + "): expect must list at least one finding");
      }
      List<Expect> expect = new ArrayList<>();
      for (Object x : el) {
        expect.add(expect(where + " (" + caseName + ")", (Map<String, Object>) x));
      }
      Object edits = m.get("edits");
      Object baseline = m.get("baseline");
      out.add(new Case(name, n, caseName, m.containsKey("as_of") ? date(m.get("as_of")) : TestSupport.AS_OF,
          Boolean.TRUE.equals(m.get("boundary")),
          edits == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) edits),
          m.containsKey("baseline") ? (baseline == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) baseline)) : null,
          List.copyOf(expect)));
    }
    return out;
  }

  private static Expect expect(String where, Map<String, Object> m) {
    for (String k : m.keySet()) {
      if (!EXPECT_KEYS.contains(k)) {
        throw new AssertionError(where + ": unknown key " + k + " in expect (allowed: " + EXPECT_KEYS + ")");
      }
    }
    String rule = (String) m.get("rule");
    if (rule == null || TestSupport.catalogue().get(rule) == null) {
      throw new AssertionError(where + ": expect names no rule of the catalogue: " + rule);
    }
    Status status = null;
    for (Status s : EnumSet.allOf(Status.class)) {
      if (s.key.equals(m.get("status"))) {
        status = s;
      }
    }
    if (status == null) {
      throw new AssertionError(where + ": status must be one of pass, violation, warning, waived, indeterminate, not_applicable: " + m.get("status"));
    }
    return new Expect(rule, status, (String) m.get("class"), m.containsKey("class"), m.get("actual"), m.containsKey("actual"),
        m.get("deadline") == null ? null : date(m.get("deadline")), m.containsKey("deadline"), (String) m.get("path"),
        (String) m.get("message"));
  }

  private static LocalDate date(Object o) {
    if (o instanceof Date d) {
      return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(String.valueOf(o));
  }

  // ------------------------------------------------------------------------------------------

  static void run(Case c) {
    String yaml = TestSupport.compliantWith(pairs(c.edits()));
    CityPolicy policy = TestSupport.load(yaml);
    CityResult r;
    if (c.baseline() == null) {
      r = TestSupport.checker().check(policy, c.asOf());
    } else {
      CityPolicy base = TestSupport.load(TestSupport.compliantWith(pairs(c.baseline())));
      r = TestSupport.checker().check(policy, c.asOf(), BaselineCheck.facts("base.yaml", base, policy, c.asOf()));
    }
    for (Expect e : c.expect()) {
      List<Finding> of = r.findings().stream()
          .filter(f -> f.rule().equals(e.rule()) && (!e.hasSubject() || java.util.Objects.equals(e.subject(), f.subject())))
          .toList();
      String context = c.file() + " “" + c.name() + "”: " + e.rule() + (e.hasSubject() ? "［" + e.subject() + "］" : "");
      if (of.isEmpty()) {
        fail(context + ": no such finding; the rule's findings: " + TestSupport.findings(r, e.rule()));
      }
      for (Finding f : of) {
        assertEquals(e.status(), f.status(), () -> context + ": " + f);
        if (e.hasActual()) {
          assertTrue(sameValue(e.actual(), f.actual()), () -> context + ": actual " + f.actual() + ", expected " + e.actual() + ": " + f);
        }
        if (e.hasDeadline()) {
          assertEquals(e.deadline(), f.deadline(), () -> context + ": " + f);
        }
        if (e.path() != null) {
          assertEquals(e.path(), f.path(), () -> context + ": " + f);
        }
        if (e.message() != null) {
          assertTrue(f.message() != null && f.message().contains(e.message()),
              () -> context + ": message should contain “" + e.message() + "”: " + f.message());
        }
      }
    }
  }

  /** The edits as path/value pairs for {@link TestSupport#compliantWith}; the text (删除) removes the key. */
  private static Object[] pairs(Map<String, Object> edits) {
    Object[] out = new Object[edits.size() * 2];
    int i = 0;
    for (Map.Entry<String, Object> e : edits.entrySet()) {
      out[i++] = e.getKey();
      out[i++] = "(删除)".equals(e.getValue()) ? TestSupport.DELETE : e.getValue();
    }
    return out;
  }

  private static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof Number a && actual instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    if (expected == null || actual == null) {
      return expected == actual;
    }
    return String.valueOf(expected).equals(String.valueOf(actual));
  }
}
