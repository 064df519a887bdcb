package cn.liaoning.ybj.policycheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate as a reviewer meets it: a temporary git repository holding the project's own city files
 * as the baseline commit, a proposal in the work tree, and {@code check --baseline HEAD}.
 */
class ReviewerScenariosTest {
  @TempDir Path repo;
  Path cities;

  String git(String... args) throws IOException, InterruptedException {
    return Git.run(repo, args);
  }

  /** The baseline commit: every city file of the project as it is. */
  @BeforeEach
  void baselineCommit() throws Exception {
    cities = Files.createDirectories(repo.resolve("city-policies"));
    try (var files = Files.list(Path.of("city-policies"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, cities.resolve(f.getFileName()));
      }
    }
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "baseline");
  }

  void write(String name, String text) throws IOException {
    Files.writeString(cities.resolve(name), text, StandardCharsets.UTF_8);
  }

  Run check(String... more) {
    List<String> args = new ArrayList<>(List.of("check", cities.toString(), "--baseline", "HEAD", "--as-of", "2026-06-30"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The all-null Dalian file filled with the compliant fixture's values, its one source named or not. */
  static String dalianFilled(boolean withSource) throws IOException {
    String text = Files.readString(Path.of("src/test/resources/fixtures/compliant.yaml"), StandardCharsets.UTF_8)
        .replace("city: 合规市", "city: 大连市").replace("code: \"2199\"", "code: \"2102\"");
    String sources = "sources:\n  - id: test\n    title: 测试用合规政策（虚构）\n";
    assertTrue(text.contains(sources));
    return withSource ? text.replace(sources, "sources:\n  - id: dl-guide\n    title: 大连市医保经办指南\n") : text.replace(sources, "sources: []\n");
  }

  @Test
  void enteringDaliansPolicyWithASourceIsDataEntryNotAPolicyChange() throws Exception {
    write("dalian.yaml", dalianFilled(true));
    Run r = check("--format", "json");
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode dl = GitBaselineTest.city(r.json(), "大连市");
    List<JsonNode> approvals = GitBaselineTest.findings(dl, "PROC-APPROVAL", null);
    assertTrue(approvals.size() > 50, approvals.toString());
    for (JsonNode f : approvals) {
      assertEquals("pass", f.get("status").asText(), f.toString());
      assertEquals("entered", f.get("change").asText(), f.toString());
      assertTrue(f.get("message").asText().startsWith("录入现行政策："), f.toString());
      assertTrue(f.get("message").asText().contains("来源 dl-guide：大连市医保经办指南"), f.toString());
    }
    assertEquals(approvals.size(), r.json().get("baseline").get("entered").get("fields").asInt());
    assertEquals(0, r.json().get("baseline").get("new").get("violation").asInt());

    Run text = check("--color", "never", "--only", "changed");
    assertEquals(0, text.code(), text.out());
    assertTrue(text.out().contains("＋ 录入 现行政策 " + approvals.size() + " 项"), text.out());
    assertTrue(text.out().contains("职工医保统筹基金年度最高支付限额 150000　位置 " + cities.resolve("dalian.yaml")), text.out());
  }

  @Test
  void theSameEntryWithoutASourceNeedsAnApproval() throws Exception {
    write("dalian.yaml", dalianFilled(false));
    Run r = check("--format", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode cap = GitBaselineTest.one(GitBaselineTest.city(r.json(), "大连市"), "PROC-APPROVAL", "employee.annual_cap");
    assertEquals("violation", cap.get("status").asText());
    assertEquals("new", cap.get("change").asText());
    assertTrue(cap.get("message").asText().contains("没有注明来源"), cap.toString());
  }

  @Test
  void aProblemThatEntryBringsToLightIsEnteredNotNew() throws Exception {
    // Dalian's real policy (say) has a 200-yuan outpatient deductible: recorded, not proposed.
    write("dalian.yaml", dalianFilled(true).replace("{ name: 一级及以下, tier: 1, deductible: 300,", "{ name: 一级及以下, tier: 1, deductible: 200,"));
    assumeTrue(Shenyang.hasDeductibleRule(), "EMP-OUTPATIENT-DEDUCT-MIN is not in this build");
    Run r = check("--format", "json");
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode min = GitBaselineTest.one(GitBaselineTest.city(r.json(), "大连市"), "EMP-OUTPATIENT-DEDUCT-MIN",
        "employee.outpatient.classes[2].deductible");
    assertEquals("violation", min.get("status").asText());
    assertEquals("entered", min.get("change").asText());
    assertEquals(1, check("--fail-on-existing").code(), "--fail-on-existing counts it");
  }

  @Test
  void aWorseDeductibleWithItsApprovalFailsAndTheJobSummaryListsIt() throws Exception {
    assumeTrue(Shenyang.hasDeductibleRule(), "EMP-OUTPATIENT-DEDUCT-MIN is not in this build");
    write("shenyang.yaml", Shenyang.withApproval(Shenyang.withDeductible(Shenyang.text(), 100), List.of(Shenyang.DEDUCTIBLE)));
    Path summary = repo.resolve("step-summary.md");
    Files.writeString(summary, "earlier step\n", StandardCharsets.UTF_8);
    var before = cn.liaoning.ybj.policycheck.cli.TestEnvironment.set("GITHUB_STEP_SUMMARY", summary.toString());
    Run r;
    try {
      r = check("--color", "never");
    } finally {
      cn.liaoning.ybj.policycheck.cli.TestEnvironment.restore(before);
    }
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("✗ 违规 ［恶化］  EMP-OUTPATIENT-DEDUCT-MIN"), r.out());
    assertTrue(r.out().contains("恶化 1 项"), r.out());
    String md = Files.readString(summary, StandardCharsets.UTF_8);
    assertTrue(md.startsWith("earlier step\n## policy-check"), "appended to the step's summary: " + md);
    assertTrue(md.contains("| 恶化 | 1 | 0 | 0 |"), md);
    assertTrue(md.contains("| 沈阳市 | 职工门诊医院类别 · 起付标准 `" + cities.resolve("shenyang.yaml") + ":" + Shenyang.DEDUCTIBLE_LINE
        + "` | 200 → 100 | EMP-OUTPATIENT-DEDUCT-MIN |"), md);
  }

  @Test
  void theTextFocusesOnWhatChanged() throws Exception {
    write("shenyang.yaml", Shenyang.withBaseFloor(Shenyang.withApproval(Shenyang.text(), List.of(Shenyang.FLOOR)), 50)
        .replace("annual_cap: 150000", "annual_cap: 140000"));
    Run r = check("--color", "never");
    assertEquals(1, r.code(), r.out());
    String out = r.out();
    // The fourteen cities the change does not touch: one line each, in code order.
    assertTrue(out.contains("━━ 大连市（2102）　" + cities.resolve("dalian.yaml") + "　与基线相同　待定 "), out);
    assertTrue(out.indexOf("大连市（2102）") < out.indexOf("鞍山市（2103）") && out.indexOf("葫芦岛市（2114）") < out.indexOf("省直（210000）"), out);
    assertFalse(out.contains("? 待定 ［既有］  EMP-BASE-FLEXIBLE　灵活就业人员缴费基数为上年度全口径平均工资（100%，不设选择区间）\n       未填写灵活就业人员缴费基数\n       缺少或不确定：employee.contribution.flexible_base_pct　要求 = 100%\n       条款 2号 一(一)3（强制）　位置 " + cities.resolve("dalian.yaml")), out);
    // PROC-APPROVAL passed for the floor and failed for the cap: no "✓ 通过" names it.
    String shenyang = out.substring(out.indexOf("━━ 沈阳市"), out.indexOf("━━ 大连市"));
    String passed = shenyang.lines().filter(l -> l.contains("✓ 通过")).findFirst().orElse("");
    assertFalse(passed.contains("PROC-APPROVAL"), passed);
    // A process finding is due before the merge and carries no source.
    String proc = shenyang.substring(shenyang.indexOf("✗ 违规 ［新增］  PROC-APPROVAL"));
    proc = proc.split("\n  (?! )", 2)[0]; // up to the next finding
    assertTrue(proc.contains("期限 合并前"), proc);
    assertFalse(proc.contains("来源"), proc);
    assertFalse(proc.contains("2026-12-31"), proc);

    Run only = check("--color", "never", "--only", "changed");
    assertFalse(only.out().contains("［既有］"), only.out());
    assertTrue(only.out().contains("与基线相同的问题未列出"), only.out());
    assertTrue(only.out().lines().count() < r.out().lines().count() / 2, only.out());
  }

  @Test
  void aMisspeltApprovalPathIsAnErrorAtItsPlace() throws Exception {
    write("shenyang.yaml", Shenyang.withApproval(Shenyang.withDeductible(Shenyang.text(), 100),
        List.of("employee.outpatient.clases[3].deductible")));
    Run r = check("--format", "junit");
    assertEquals(2, r.code(), r.err());
    String at = cities.resolve("shenyang.yaml") + ":" + Shenyang.lineOf("approvals: []") + ":";
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith(at)), r.err());
    assertTrue(r.err().contains("是否想写“employee.outpatient.classes[3].deductible”？"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void anApprovalListingAFieldTheChangeLeavesAloneIsANotice() throws Exception {
    write("shenyang.yaml", Shenyang.withApproval(Shenyang.withBaseFloor(Shenyang.text(), 50),
        List.of(Shenyang.FLOOR, "employee.annual_cap")));
    Run r = check("--format", "json");
    JsonNode notes = GitBaselineTest.city(r.json(), "沈阳市").get("approval_notes");
    assertEquals(1, notes.size(), notes.toString());
    assertEquals("notice", notes.get(0).get("level").asText());
    assertEquals("approvals[0].fields[1]", notes.get(0).get("path").asText());
    assertTrue(notes.get(0).get("message").asText().contains("职工医保统筹基金年度最高支付限额"), notes.toString());
    assertEquals(Shenyang.lineOf("approvals: []"), notes.get(0).get("line").asInt());
  }
}
