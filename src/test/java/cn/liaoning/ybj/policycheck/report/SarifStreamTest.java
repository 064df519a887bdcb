package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Shenyang;
import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF written member by member (check --format sarif) is byte for byte the text the node tree
 * built before gave ({@link SarifTreeReference}), with and without a baseline.
 */
class SarifStreamTest {
  @TempDir Path dir;

  private static final SarifReport STREAMED = new SarifReport(TestSupport.catalogue(), TestSupport.parameters(), "test");
  private static final SarifTreeReference TREE = new SarifTreeReference(TestSupport.catalogue(), TestSupport.parameters(), "test");

  /** The reference text, the streamed text through a Writer and through write(run, cmp) all agree. */
  private static String assertSameAsTree(RunResult run, Comparison cmp) throws IOException {
    String expected = TREE.write(run, cmp);
    StringWriter out = new StringWriter();
    STREAMED.write(run, cmp, out);
    assertEquals(expected, out.toString());
    assertEquals(expected, STREAMED.write(run, cmp));
    return expected;
  }

  private static List<Path> repositoryCities() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("city-policies"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void theRepositorysCityPolicies() throws IOException {
    RunResult run = new Batch(TestSupport.checker()).run(List.of(Path.of("city-policies")), TestSupport.AS_OF, null);
    assertEquals(repositoryCities().size(), run.cities().size());
    String text = assertSameAsTree(run, null);
    assertTrue(text.contains("\"ruleIndex\""), "results located in the rules");
    assertTrue(text.contains("\"daysLeft\""), "a finding with a deadline");
    assertTrue(text.contains("\"logicalLocations\""), "a finding with a field");
    // each file on its own, too (another as-of date: no deadline passed yet)
    for (Path city : repositoryCities()) {
      assertSameAsTree(new Batch(TestSupport.checker()).run(List.of(city), java.time.LocalDate.of(2025, 1, 1), null), null);
    }
  }

  @Test
  void aBaselineRunOverTheRepositorysCities() throws IOException {
    // The baseline: the repository's cities with Shenyang's floor at 50% (now fixed, with an
    // approval missing), 大连 absent (a new file), and a file since deleted; a city whose floor went
    // from 50 to 40 (worsened), a waived violation and a file that cannot be read.
    Path old = dir.resolve("old");
    for (Path city : repositoryCities()) {
      String name = city.getFileName().toString();
      String text = Files.readString(city, StandardCharsets.UTF_8);
      if (name.equals("shenyang.yaml")) {
        text = Shenyang.withBaseFloor(text, 50);
      }
      if (!name.equals("dalian.yaml")) {
        Gates.write(old, name, text);
      }
    }
    Gates.write(old, "gone.yaml", TestSupport.compliant());
    Gates.write(old, "worse.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    Path now = dir.resolve("now");
    Path worse = Gates.write(now, "worse.yaml", Shenyang.withBaseFloor(Shenyang.text(), 40));
    Gates.write(old, "w.yaml", TestSupport.compliant());
    Path waived = Gates.write(now, "w.yaml", TestSupport.compliantWith(
        "employee.contribution.flexible_rate_pct", 7.5,
        "employee.contribution.flexible_with_account_rate_pct", 9.5,
        "waivers", List.of(Map.of("rule", "EMP-RATE-FLEXIBLE-BAND", "reason", "过渡期",
            "approval_ref", "辽医保函〔2026〕3号", "expires", "2027-12-31"))));
    Path bad = Gates.write(now, "坏 文件.yaml", "city: 错误市\nemployee:\n  anual_cap: 80000\n");

    List<Path> proposals = new ArrayList<>(List.of(Path.of("city-policies"), worse, waived, bad));
    Comparison cmp = Gates.compare(old, proposals.toArray(Path[]::new));
    assertTrue(cmp.run().hasErrors(), "the unreadable file");
    String text = assertSameAsTree(cmp.run(), cmp);
    for (String state : List.of("new", "unchanged", "updated", "absent")) {
      assertTrue(text.contains("\"baselineState\" : \"" + state + "\""), state);
    }
    assertTrue(text.contains("\"suppressions\""), "the waiver");
    assertTrue(text.contains("\"toolExecutionNotifications\""), "the unreadable file");

    // the repository's directory against itself: every problem unchanged
    Comparison same = Gates.compare(Path.of("city-policies"), Path.of("city-policies"));
    assertSameAsTree(same.run(), same);
  }

  @Test
  void errorsOnlyAndEmptyRuns() throws IOException {
    RunResult plain = Reports.run(TestSupport.compliant(), TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    assertSameAsTree(plain, null);
    assertSameAsTree(new RunResult(plain.asOf(), plain.cities(),
        List.of(new Diagnostic("x.yaml", 3, 4, Diagnostic.Severity.ERROR, "有误\n第二行", "a: b"),
            new Diagnostic("/abs/y.yaml", 0, 0, Diagnostic.Severity.ERROR, "读不出", null))), null);
    assertSameAsTree(new RunResult(plain.asOf(), List.of(), List.of()), null);
  }
}
