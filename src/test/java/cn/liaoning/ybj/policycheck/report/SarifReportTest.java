package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Shenyang;
import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF 2.1.0 output: valid against the OASIS schema, one descriptor per rule id, results located. */
class SarifReportTest {
  @TempDir Path dir;

  static SarifReport writer() {
    return new SarifReport(TestSupport.catalogue(), TestSupport.parameters(), "test");
  }

  /** Against the OASIS schema in the test resources ({@link SarifSchema}). */
  static List<Error> validate(String sarif) throws IOException {
    return SarifSchema.validate(sarif);
  }

  /** Baseline: Shenyang with the floor at 50%; proposal: the real file (floor back at 60%, no approval). */
  Comparison shenyangFixedWithoutApproval() {
    Path old = dir.resolve("old");
    Gates.write(old, "shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    return Gates.compare(old, Path.of("city-policies/shenyang.yaml"));
  }

  static List<JsonNode> results(JsonNode sarif, String rule) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : sarif.get("runs").get(0).get("results")) {
      if (r.get("ruleId").asText().equals(rule)) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void baselineRunIsValidSarifWithBaselineStates() throws IOException {
    Comparison cmp = shenyangFixedWithoutApproval();
    String text = writer().write(cmp.run(), cmp);
    assertEquals(List.of(), validate(text));

    JsonNode sarif = new ObjectMapper().readTree(text);
    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode run = sarif.get("runs").get(0);
    assertEquals("policy-check", run.get("tool").get("driver").get("name").asText());

    JsonNode approval = results(sarif, "PROC-APPROVAL").get(0);
    assertEquals("error", approval.get("level").asText());
    assertEquals("new", approval.get("baselineState").asText());
    JsonNode phys = approval.get("locations").get(0).get("physicalLocation");
    assertEquals("city-policies/shenyang.yaml", phys.get("artifactLocation").get("uri").asText());
    assertEquals("%SRCROOT%", phys.get("artifactLocation").get("uriBaseId").asText());
    assertEquals(Shenyang.FLOOR_LINE, phys.get("region").get("startLine").asInt());
    assertTrue(phys.get("region").get("startColumn").asInt() > 1);
    assertEquals(Shenyang.FLOOR, approval.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText());
    assertTrue(approval.get("message").get("text").asText().startsWith("［新增］由 50 改为 60"), approval.toString());
    assertNotNull(approval.get("partialFingerprints").get("policyFinding/v1"));

    JsonNode fixed = results(sarif, "EMP-BASE-FLOOR").get(0);
    assertEquals("absent", fixed.get("baselineState").asText());
    assertEquals("pass", fixed.get("kind").asText());
    assertEquals("none", fixed.get("level").asText());
    assertEquals(Shenyang.FLOOR_LINE, fixed.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());

    JsonNode flexible = results(sarif, "EMP-BASE-FLEXIBLE").get(0);
    assertEquals("note", flexible.get("level").asText());
    assertEquals("unchanged", flexible.get("baselineState").asText());
  }

  @Test
  void oneReportingDescriptorPerRuleIdWithClauseAndChineseSummary() throws IOException {
    RunResult run = new Batch(TestSupport.checker()).run(List.of(Path.of("city-policies/shenyang.yaml")), TestSupport.AS_OF, null);
    JsonNode sarif = new ObjectMapper().readTree(writer().write(run, null));
    Catalogue cat = TestSupport.catalogue();
    JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");
    assertEquals(cat.entries().size(), rules.size());
    for (int i = 0; i < rules.size(); i++) {
      JsonNode d = rules.get(i);
      Catalogue.Entry e = cat.get(d.get("id").asText());
      assertNotNull(e, d.toString());
      assertEquals(e.summary(), d.get("shortDescription").get("text").asText());
      assertEquals(e.clause(), d.get("properties").get("clause").asText());
      assertTrue(d.get("fullDescription").get("text").asText().contains(e.clause()));
    }
    JsonNode proc = null;
    for (JsonNode d : rules) {
      if (d.get("id").asText().equals("PROC-APPROVAL")) {
        proc = d;
      }
    }
    assertTrue(proc.get("help").get("text").asText().contains("须报省级医保、财政等部门批准后执行"), proc.toString());
    for (JsonNode r : sarif.get("runs").get(0).get("results")) {
      assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
      assertFalse(r.has("baselineState"), "no baseline, no baselineState");
    }
  }

  @Test
  void plainRunWithWaiverAndBadFileIsValidSarif() throws IOException {
    Path waived = Gates.write(dir, "w.yaml", TestSupport.compliantWith(
        "employee.contribution.flexible_rate_pct", 7.5,
        "employee.contribution.flexible_with_account_rate_pct", 9.5,
        "waivers", List.of(Map.of("rule", "EMP-RATE-FLEXIBLE-BAND", "reason", "过渡期",
            "approval_ref", "辽医保函〔2026〕3号", "expires", "2027-12-31"))));
    Path bad = Gates.write(dir, "坏 文件.yaml", "city: 错误市\nemployee:\n  anual_cap: 80000\n");
    RunResult run = new Batch(TestSupport.checker()).run(List.of(waived, bad, Path.of("city-policies/shenyang.yaml")), TestSupport.AS_OF, null);
    String text = writer().write(run, null);
    assertEquals(List.of(), validate(text));
    JsonNode sarif = new ObjectMapper().readTree(text);
    JsonNode w = results(sarif, "EMP-RATE-FLEXIBLE-BAND").get(0);
    assertEquals("accepted", w.get("suppressions").get(0).get("status").asText());
    assertTrue(w.get("suppressions").get(0).get("justification").asText().contains("辽医保函〔2026〕3号"));
    JsonNode invocation = sarif.get("runs").get(0).get("invocations").get(0);
    assertFalse(invocation.get("executionSuccessful").asBoolean());
    assertTrue(invocation.get("toolExecutionNotifications").get(0).get("message").get("text").asText().contains("anual_cap"));
  }

  @Test
  void aStandingViolationWhoseValueChangedIsUpdated() throws IOException {
    Path old = dir.resolve("old");
    Gates.write(old, "shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    Path now = Gates.write(dir.resolve("new"), "shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 40));
    Comparison cmp = Gates.compare(old, now);
    String text = writer().write(cmp.run(), cmp);
    assertEquals(List.of(), validate(text));
    JsonNode floor = results(new ObjectMapper().readTree(text), "EMP-BASE-FLOOR").get(0);
    assertEquals("updated", floor.get("baselineState").asText());
    assertTrue(floor.get("message").get("text").asText().contains("基线 50（违规）"), floor.toString());
  }

  @Test
  void theValidatorRejectsBrokenSarif() throws IOException {
    Comparison cmp = shenyangFixedWithoutApproval();
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(writer().write(cmp.run(), cmp));
    assertEquals(List.of(), validate(tree.toString()));
    ((ObjectNode) tree.get("runs").get(0).get("results").get(0)).put("level", "fatal");
    assertFalse(validate(new ObjectMapper().writeValueAsString(tree)).isEmpty(), "an invalid level must be reported");
  }
}
