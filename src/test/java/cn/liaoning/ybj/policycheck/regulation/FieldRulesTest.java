package cn.liaoning.ybj.policycheck.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which rules use which field, as read from the DRL sources. */
class FieldRulesTest {
  private static final FieldRules RULES = FieldRules.load();

  @Test
  void aLiteralPathInAFindingIsAUse() {
    assertEquals(List.of("EMP-BASE-CEILING"), RULES.ruleIds("employee.contribution.base_ceiling_pct"));
    assertTrue(RULES.ruleIds("employee.annual_cap").contains("EMP-CAP-MIN"));
    assertTrue(RULES.ruleIds("approvals").contains("PROC-APPROVAL"));
  }

  @Test
  void aHospitalClassFieldIsAUseInTheSchemeAndSettingTheRuleMatches() {
    List<String> outpatient = RULES.ruleIds("employee.outpatient.classes[*].deductible");
    assertTrue(outpatient.contains("EMP-OUTPATIENT-DEDUCT-MIN"), outpatient.toString());
    assertTrue(!outpatient.contains("EMP-INPATIENT-DEDUCT-TIERED"), "an inpatient rule is not an outpatient one: " + outpatient);
    assertEquals(outpatient, RULES.ruleIds("employee.outpatient.classes[3].deductible"), "a concrete index reads as [*]");
    assertTrue(RULES.ruleIds("employee.inpatient.classes[*].deductible").contains("EMP-INPATIENT-DEDUCT-TIERED"));
    assertTrue(RULES.ruleIds("resident.inpatient.classes[*].ratio_pct").contains("RES-EMP-GAP"));
    assertTrue(RULES.ruleIds("employee.inpatient.classes[*].in_service_pct").contains("RES-EMP-GAP"),
        "a resident rule that compares with the employee classes uses them");
  }

  @Test
  void aDerivedFactCarriesTheFieldsItIsDerivedFrom() {
    assertTrue(RULES.ruleIds("maternity.rate_pct").contains("MAT-RATE-CAP"), RULES.ruleIds("maternity.rate_pct").toString());
    assertTrue(RULES.ruleIds("employee.contribution.employer_combined_rate_pct").contains("MAT-RATE-CAP"));
    assertTrue(RULES.ruleIds("employee.contribution.employer_rate_pct").contains("EMP-RATE-EMPLOYER-BAND"));
    assertTrue(RULES.ruleIds("employee.contribution.employer_combined_rate_pct").contains("EMP-RATE-EMPLOYER-BAND"));
  }

  @Test
  void everyImplementedRuleUsesAFieldAndEveryFieldNamedIsInTheFormat() {
    Set<String> implemented = DrlIndex.load().rules().stream().map(DrlIndex.DrlRule::ruleId)
        .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(java.util.TreeSet::new));
    Set<String> using = RULES.byField().values().stream().flatMap(List::stream).collect(Collectors.toSet());
    List<String> without = new ArrayList<>(implemented);
    without.removeAll(using);
    assertEquals(List.of(), without, "rule ids with no field found in their DRL");
    for (String field : RULES.byField().keySet()) {
      assertTrue(Schema.at(field) != null, field);
    }
  }

  @Test
  void anUnknownOrUnusedFieldHasNoRules() {
    assertEquals(List.of(), RULES.ruleIds("sources[*].title"));
    assertEquals(List.of(), RULES.ruleIds("no.such.field"));
  }

  @Test
  void readsWhatTheDrlSays() {
    String drl = """
        rule "X pass"
          @ruleId("X") @clause("c")
        when
          $c : HospitalClass(scheme == Scheme.RESIDENT, setting == Setting.OUTPATIENT, ratioPct != null)
        then
          insertLogical(Checks.pass(kcontext, $c, "ratio_pct", 1, "", "not.a.field"));
        end
        """;
    FieldRules r = FieldRules.read(List.of(drl));
    assertEquals(Set.of("resident.outpatient.classes[*].ratio_pct"), r.byField().keySet());
  }
}
