package cn.liaoning.ybj.policycheck.yamledit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Edits in place: the changed characters change, every other byte stays. */
class YamlTextTest {
  static List<Path> cities() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("city-policies"))) {
      return s.sorted().toList();
    }
  }

  static PolicyLoader.Loaded load(String text) {
    return new PolicyLoader(Set.of()).load("edited.yaml", text);
  }

  @Test
  void noEditLeavesEveryCityFileAsItWas() throws IOException {
    for (Path p : cities()) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      YamlText y = YamlText.of(text);
      assertEquals(text, y.apply(), p.toString());
    }
  }

  @Test
  void aValueIsReplacedInItsPlaceInEveryCityFile() throws IOException {
    for (Path p : cities()) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      YamlText y = YamlText.of(text);
      y.setScalar("employee.annual_cap", "90000");
      y.setScalar("resident.collection_period.end_month", "12");
      String out = y.apply();
      List<String> a = text.lines().toList();
      List<String> b = out.lines().toList();
      assertEquals(a.size(), b.size());
      int differ = 0;
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) {
          differ++;
          assertTrue(b.get(i).contains("annual_cap: 90000") || b.get(i).contains("end_month: 12 }"), b.get(i));
        }
      }
      assertEquals(2, differ, p.toString());
      PolicyLoader.Loaded l = load(out);
      assertTrue(l.ok(), l.diagnostics().toString());
      assertEquals(90000.0, l.policy().doc().number("employee.annual_cap"));
      assertEquals(12, l.policy().doc().integer("resident.collection_period.end_month"));
    }
  }

  @Test
  void keysGoInTheFormatsOrderWithTheMappingsIndentationOrInsideAFlowMapping() {
    String text = """
        employee:
          contribution:
            # the floor
            base_floor_pct: 60
            individual_rate_pct: 2   # 2%
          annual_cap: null
        resident:
          collection_period: { start_month: 9, end_month: 12 }
        """;
    YamlText y = YamlText.of(text);
    y.addKey("employee.contribution", "source", "sy-guide", List.of("base_floor_pct", "individual_rate_pct"));
    y.addKey("employee.contribution", "flexible_account_scheme", "true", List.of());
    y.addKey("resident.collection_period", "source", "x", List.of("start_month"));
    assertEquals("""
        employee:
          contribution:
            source: sy-guide
            # the floor
            base_floor_pct: 60
            individual_rate_pct: 2   # 2%
            flexible_account_scheme: true
          annual_cap: null
        resident:
          collection_period: { start_month: 9, end_month: 12, source: x }
        """, y.apply());
  }

  @Test
  void anEmptyListBecomesABlockListAndAnotherItemFollowsTheStyleOfTheLast() {
    String text = "a:\n  classes: []\n  sources:\n    - id: s1\n      title: t\nb: 1\n";
    YamlText y = YamlText.of(text);
    Map<String, String> item = new LinkedHashMap<>();
    item.put("name", "三级");
    item.put("tier", "3");
    y.appendItems("a.classes", List.of(item, Map.of("name", "二级")), YamlText.ItemStyle.FLOW, List.of("备注", ""));
    Map<String, String> src = new LinkedHashMap<>();
    src.put("id", "s2");
    src.put("title", "u");
    y.appendItems("a.sources", List.of(src), YamlText.ItemStyle.FLOW);
    assertEquals("a:\n  classes:\n    - { name: 三级, tier: 3 }  # 备注\n    - { name: 二级 }\n"
        + "  sources:\n    - id: s1\n      title: t\n    - id: s2\n      title: u\nb: 1\n", y.apply());
  }

  @Test
  void anItemIsRemovedWithItsLine() {
    String text = "l:\n  - { name: a }  # first\n  - { name: b }\n  - { name: c }\nz: 0\n";
    YamlText y = YamlText.of(text);
    y.removeItem("l", 1);
    assertEquals("l:\n  - { name: a }  # first\n  - { name: c }\nz: 0\n", y.apply());
  }

  @Test
  void lineCommentsAreAddedReplacedAndRemovedOutsideQuotes() {
    String text = "a: 1\nb: \"x # not a comment\"   # real\nc: 'y#z'\n";
    YamlText y = YamlText.of(text);
    assertEquals("real", y.lineComment("b"));
    assertEquals("", y.lineComment("c"));
    y.setLineComment("a", "新注释");
    y.setLineComment("b", "换了");
    y.setLineComment("c", "");
    assertEquals("a: 1  # 新注释\nb: \"x # not a comment\"   # 换了\nc: 'y#z'\n", y.apply());
    YamlText z = YamlText.of("b: 2   # gone\n");
    z.setLineComment("b", "");
    assertEquals("b: 2\n", z.apply());
  }

  @Test
  void windowsLineEndingsAndTheLastLineWithoutANewlineAreKept() {
    String text = "a:\r\n  b: null\r\n  c: 1";
    YamlText y = YamlText.of(text);
    y.setScalar("a.b", "5");
    y.addKey("a", "d", "2", List.of());
    assertEquals("a:\r\n  b: 5\r\n  c: 1\r\n  d: 2", y.apply());
  }

  @Test
  void textIsQuotedWhereYamlWouldReadItAsSomethingElse() {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (String s : List.of("2102", "true", "null", "~", "a: b", "#x", "- x", " lead", "trail ", "8%", "12-31",
        "2026-01-01", "0300", "沈医保发〔2024〕28号", "“引号”", "a\"b\\c", "line\nbreak", "{x}", "[1, 2]", "yes", "@x", "1e3")) {
      for (boolean flow : List.of(false, true)) {
        String written = YamlScalars.text(s, flow);
        Object back = ((Map<?, ?>) yaml.load(flow ? "k: { v: " + written + " }" : "k: " + written)).get("k");
        Object v = flow ? ((Map<?, ?>) back).get("v") : back;
        assertEquals(s, v, "written as " + written);
      }
    }
    assertEquals("沈医保发〔2024〕28号", YamlScalars.text("沈医保发〔2024〕28号", false));
    assertEquals("\"2102\"", YamlScalars.text("2102", false));
    assertEquals("150000", YamlScalars.format(150000.0, false));
    assertEquals("8.6", YamlScalars.format(8.6, false));
    assertEquals("[enrolment_years, age]", YamlScalars.format(List.of("enrolment_years", "age"), false));
  }
}
