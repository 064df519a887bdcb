package cn.liaoning.ybj.policycheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Changes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A value may name its own source where its mapping's values come from different documents. */
class ValueSourcesTest {
  static final String FILE = """
      city: 测试市
      sources:
        - { id: a, title: 指南 }
        - { id: b, title: 通知 }
      employee:
        source: a
        value_sources: { annual_cap: b }
        annual_cap: 150000
        high_value_drug_deductible: 0
      """;

  static PolicyLoader.Loaded load(String text) {
    return new PolicyLoader(Set.of()).load("t.yaml", text);
  }

  @Test
  void aValuesOwnSourceComesBeforeItsMappings() {
    PolicyLoader.Loaded l = load(FILE);
    assertTrue(l.ok(), l.diagnostics().toString());
    assertEquals("b", l.policy().sourceOf("employee.annual_cap").id());
    assertEquals("a", l.policy().sourceOf("employee.high_value_drug_deductible").id());
  }

  @Test
  void anUnknownIdOrKeyIsAnErrorWhereItIsWritten() {
    PolicyLoader.Loaded l = load(FILE.replace("{ annual_cap: b }", "{ annual_cap: c }"));
    assertFalse(l.ok());
    Diagnostic d = l.diagnostics().get(0);
    assertEquals(7, d.line());
    assertTrue(d.message().contains("来源“c”未在 sources 中列出"), d.message());
    PolicyLoader.Loaded k = load(FILE.replace("{ annual_cap: b }", "{ anual_cap: b }"));
    assertFalse(k.ok());
    assertTrue(k.diagnostics().get(0).message().contains("是否想写“annual_cap”"), k.diagnostics().toString());
  }

  @Test
  void namingASourceIsNotAPolicyChange() {
    Doc before = load(FILE.replace("  value_sources: { annual_cap: b }\n", "")).policy().doc();
    Doc after = load(FILE).policy().doc();
    assertEquals(List.of(), Changes.between(before, after));
    assertFalse(Changes.isParameter("employee.value_sources.annual_cap"));
  }
}
