package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import org.junit.jupiter.api.Test;

class RuleMetadataTest {
  @Test
  void everyDrlRuleNamesACatalogueIdWithItsClause() {
    RuleEngine engine = TestSupport.engine();
    Catalogue cat = TestSupport.catalogue();
    assertTrue(engine.rules().size() > 10, "rules compiled: " + engine.rules().size());
    for (RuleEngine.RuleInfo r : engine.rules()) {
      assertNotNull(r.clause(), "rule without @clause: " + r.name());
      if (r.ruleId() == null) {
        assertTrue(r.name().startsWith("derive "), "rule without @ruleId must be a derivation: " + r.name());
        continue;
      }
      Catalogue.Entry e = cat.get(r.ruleId());
      assertNotNull(e, "rule " + r.name() + " names " + r.ruleId() + ", not in the catalogue");
      assertEquals(e.clause(), r.clause(), "clause of " + r.name());
      assertTrue(r.name().startsWith(r.ruleId() + " "), "rule name should start with its id: " + r.name());
    }
  }

  @Test
  void everyCatalogueIdHasAtLeastOneDrlRule() {
    java.util.Set<String> missing = new java.util.TreeSet<>(TestSupport.catalogue().entries().keySet());
    missing.removeAll(TestSupport.engine().ruleIds());
    assertEquals(java.util.Set.of(), missing, "catalogue ids without a DRL rule");
  }

  @Test
  void everyAreaHasItsOwnDrlFile() {
    java.util.Set<String> files = new java.util.HashSet<>();
    cn.liaoning.ybj.policycheck.regulation.DrlIndex.load().rules().forEach(r -> files.add(r.file()));
    for (Catalogue.Area a : TestSupport.catalogue().areas().values()) {
      assertTrue(files.contains("rules/" + a.drl()), "area " + a.code() + " has no rules/" + a.drl());
    }
    for (cn.liaoning.ybj.policycheck.regulation.DrlIndex.DrlRule r : cn.liaoning.ybj.policycheck.regulation.DrlIndex.load().rules()) {
      if (r.ruleId() != null) {
        String drl = TestSupport.catalogue().areas().get(TestSupport.catalogue().get(r.ruleId()).area()).drl();
        assertTrue(r.file().equals("rules/" + drl) || r.file().startsWith("rules/" + drl.replace(".drl", "-")),
            r.name() + " is in " + r.file() + ", not in its area's file rules/" + drl);
      }
    }
  }
}
