package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 本溪's file holds what 本医保发〔2024〕12号 (its forward of 辽医保发〔2024〕7号) states, with that
 * document as the source, and nothing else: its critical-illness and waiting-period rules pass.
 */
class BenxiPolicyTest {
  static CityPolicy benxi() {
    PolicyLoader.Loaded l = new PolicyLoader(TestSupport.catalogue().entries().keySet()).load(Path.of("city-policies/benxi.yaml"));
    assertTrue(l.ok(), l.diagnostics().toString());
    return l.policy();
  }

  @Test
  void theForwardedValuesPassTheirRules() {
    CityResult r = TestSupport.checker().check(benxi(), TestSupport.AS_OF);
    for (String rule : List.of("RES-CRITICAL-CAP", "RES-CRITICAL-CONTINUITY", "RES-CRITICAL-ZERO-CLAIM",
        "RES-CRITICAL-INCENTIVE-LIMIT", "RES-CRITICAL-ZERO-CLAIM-RESET", "RES-CRITICAL-CONTINUITY-RESET",
        "RES-WAITING-FIXED", "RES-WAITING-VARIABLE", "RES-WAITING-LONG-LAPSE", "RES-WAITING-EXEMPT",
        "RES-WAITING-REPAIR-PRICE")) {
      List<Finding> fs = TestSupport.findings(r, rule);
      assertEquals(1, fs.size(), rule);
      assertEquals(Status.PASS, fs.get(0).status(), fs.get(0).toString());
      assertTrue(fs.get(0).source().contains("bx-2024-12"), fs.get(0).toString());
    }
  }

  @Test
  void everyValueComesFromTheForwardAndNothingElseIsFilledIn() {
    CityPolicy p = benxi();
    assertEquals("本医保发〔2024〕12号", p.doc().string("sources[0].number"));
    Map<String, Object> filled = new TreeMap<>();
    p.doc().values().forEach((path, v) -> {
      boolean data = path.startsWith("employee") || path.startsWith("maternity") || path.startsWith("resident");
      if (data && !path.endsWith(".source") && !path.endsWith(".note")) {
        filled.put(path, v);
        assertEquals("bx-2024-12", p.sourceOf(path).id(), path);
      }
    });
    assertEquals(Map.ofEntries(
        Map.entry("resident.critical_illness.annual_cap", 400000.0),
        Map.entry("resident.critical_illness.continuity_after_years", 4),
        Map.entry("resident.critical_illness.continuity_per_year", 4000.0),
        Map.entry("resident.critical_illness.zero_claim_bonus", 4000.0),
        Map.entry("resident.critical_illness.incentive_limit_pct", 20.0),
        Map.entry("resident.waiting.fixed_months", 3),
        Map.entry("resident.waiting.variable_months_per_lapse_year", 1),
        Map.entry("resident.waiting.repair_months_per_paid_year", 1),
        Map.entry("resident.waiting.long_lapse_min_total_months", 6),
        Map.entry("resident.critical_illness.zero_claim_reset_on_claim", true),
        Map.entry("resident.critical_illness.continuity_reset_on_lapse", true),
        Map.entry("resident.waiting.newborn_exempt", true),
        Map.entry("resident.waiting.repair_price_basis", "current_year_local_standard")), filled);
  }
}
