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
}
