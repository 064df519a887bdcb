package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules that use each field are found by running them, not kept by hand. */
class FieldRulesTest {
  static FieldRules uses;

  @BeforeAll
  static void derive() {
    uses = FieldRules.derive(TestSupport.checker(), TestSupport.AS_OF);
  }

  private static List<String> ids(String path) {
    return uses.of(path).stream().map(FieldRules.Use::ruleId).toList();
  }

  @Test
  void aFieldIsUsedByTheRulesThatReadIt() {
    assertTrue(ids("employee.annual_cap").contains("EMP-CAP-MIN"), ids("employee.annual_cap").toString());
    assertTrue(ids("employee.outpatient.classes[3].deductible").contains("EMP-OUTPATIENT-DEDUCT-MIN"));
    assertTrue(ids("resident.critical_illness.annual_cap").contains("RES-CRITICAL-CAP"));
    assertTrue(ids("resident.waiting.fixed_months").contains("RES-WAITING-FIXED"));
    assertTrue(ids("maternity.allowance_basis").contains("MAT-ALLOWANCE-BASIS"));
  }

  @Test
  void aFieldReadOnlyThroughADerivedFactIsFound() {
    // The combined rate is never a finding's path when the medical rate is published, but the
    // employer band rule derives the medical rate from it when it is not.
    assertTrue(ids("employee.contribution.employer_combined_rate_pct").contains("EMP-RATE-EMPLOYER-BAND"));
    assertTrue(ids("maternity.rate_pct").contains("MAT-RATE-CAP"));
  }

  @Test
  void aRuleIsNotTiedToFieldsItNeverReads() {
    assertTrue(!ids("employee.annual_cap").contains("RES-CRITICAL-CAP"));
    assertTrue(!ids("resident.waiting.fixed_months").contains("EMP-CAP-MIN"));
  }

  @Test
  void everyRuleOfAPlainCheckUsesSomeField() {
    Catalogue catalogue = TestSupport.catalogue();
    Set<String> used = new TreeSet<>();
    uses.all().values().forEach(l -> l.forEach(u -> used.add(u.ruleId())));
    List<String> unused = new ArrayList<>();
    for (Catalogue.Entry e : catalogue.entries().values()) {
      if (!e.baselineOnly() && !used.contains(e.id())) {
        unused.add(e.id());
      }
    }
    assertEquals(List.of(), unused);
  }

  @Test
  void eachUseQuotesItsClause() {
    FieldRules.Use u = uses.of("employee.inpatient.childbirth_deductible").stream()
        .filter(x -> x.ruleId().equals("EMP-CHILDBIRTH-DEDUCT")).findFirst().orElseThrow();
    assertEquals("2号 二(一)2", u.clause());
    assertEquals("住院分娩不设起付标准", u.quote());
  }
}
