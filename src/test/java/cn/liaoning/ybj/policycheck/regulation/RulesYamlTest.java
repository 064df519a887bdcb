package cn.liaoning.ybj.policycheck.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader of the rules/ YAML files gives the plain values the catalogue and parameters expect. */
class RulesYamlTest {
  @Test
  void scalarsBecomeTheirJavaValues() {
    Map<String, Object> m = RulesYaml.readMap("t.yaml", """
        text: 辽医保规〔2025〕2号
        quoted: "300"
        whole: 300
        big: 10000000000
        fraction: 8.5
        yes: true
        none: null
        empty:
        date: 2026-12-31
        list: [a, 1]
        nested: {k: v}
        """);
    assertEquals("辽医保规〔2025〕2号", m.get("text"));
    assertEquals("300", m.get("quoted"));
    assertEquals(300, m.get("whole"));
    assertEquals(10_000_000_000L, m.get("big"));
    assertEquals(8.5, m.get("fraction"));
    assertEquals(Boolean.TRUE, m.get("yes"));
    assertNull(m.get("none"));
    assertTrue(m.containsKey("empty"));
    assertNull(m.get("empty"));
    assertEquals(LocalDate.of(2026, 12, 31), m.get("date"));
    assertEquals(List.of("a", 1), m.get("list"));
    assertEquals(Map.of("k", "v"), m.get("nested"));
    assertEquals(List.of("text", "quoted", "whole", "big", "fraction", "yes", "none", "empty", "date", "list", "nested"),
        List.copyOf(m.keySet()), "file order");
  }

  @Test
  void aKeyWrittenTwiceIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RulesYaml.readMap("rules/catalogue.yaml", "a: 1\nb: 2\na: 3\n"));
    assertEquals("rules/catalogue.yaml:3: key a is written twice", e.getMessage());
  }

  @Test
  void aNumberOrDateInAnotherYamlFormIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RulesYaml.readMap("rules/parameters/x.yaml", "a: 1\nb: 0x1F\n"));
    assertEquals("rules/parameters/x.yaml:2: cannot read 0x1F as a int; write it as a plain number or a date YYYY-MM-DD",
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> RulesYaml.readMap("t.yaml", "d: 2026-12-31 10:00:00\n"));
  }

  @Test
  void anEmptyDocumentIsAnEmptyMap() {
    assertEquals(Map.of(), RulesYaml.readMap("t.yaml", "# only a comment\n"));
  }

  @Test
  void theShippedParametersKeepTheirDatesAndNumbers() {
    Parameters p = Parameters.load();
    assertEquals(LocalDate.of(2026, 12, 31), p.date("deadline.standard", LocalDate.of(2026, 11, 22)));
    assertEquals(LocalDate.of(2027, 12, 31), p.date("deadline.extended", LocalDate.of(2026, 11, 22)));
    assertTrue(p.factsAt(LocalDate.of(2026, 11, 22)).stream().anyMatch(f -> f.value() != null && f.value() == 300.0),
        "the 300-yuan outpatient deductible is a number");
  }
}
