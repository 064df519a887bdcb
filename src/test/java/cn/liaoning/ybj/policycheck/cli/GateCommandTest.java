package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.report.SarifSchema;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI options of {@code check}: --baseline, --fail-on-existing and the CI formats. */
class GateCommandTest {
  @TempDir Path dir;

  @Test
  void helpDocumentsTheGate() {
    Run r = Cli.run("check", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--baseline=REF"), r.out());
    assertTrue(r.out().contains("--fail-on-existing"), r.out());
    assertTrue(r.out().contains("sarif"), r.out());
    assertTrue(r.out().contains("PROC-APPROVAL"), r.out());
  }

  @Test
  void ciFormatsKeepTheExitStatus() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250), StandardCharsets.UTF_8);
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    for (String format : new String[] {"sarif", "junit", "github"}) {
      Run r = Cli.run("check", bad.toString(), "--as-of", "2026-06-30", "--format", format);
      assertEquals(1, r.code(), format + ": " + r.err());
      assertEquals("", r.err(), format);
      Run clean = Cli.run("check", ok.toString(), "--as-of", "2026-06-30", "--format", format);
      assertEquals(0, clean.code(), format + ": " + clean.err());
    }
    Run gh = Cli.run("check", bad.toString(), "--as-of", "2026-06-30", "--format", "github");
    assertTrue(gh.out().startsWith("::error file="), gh.out());
  }

  @Test
  void directoryBaselineWithTheSameFileChangesNothing() throws IOException {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Run r = Cli.run("check", ok.toString(), "--baseline", old.toString(), "--as-of", "2026-06-30", "--color", "never");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("与基线 dir:" + old + " 相比：新增违规 0 项"), r.out());
  }

  @Test
  void oneRunWritesSeveralFormatsAndTheSarifIsValid() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250), StandardCharsets.UTF_8);
    Path sarif = dir.resolve("out/policy-check.sarif");
    Path junit = dir.resolve("out/policy-check.xml");
    Path summary = dir.resolve("summary.md");
    Run r = Cli.run("check", bad.toString(), "--as-of", "2026-06-30", "--format", "github",
        "--output", "sarif=" + sarif, "--output", "junit=" + junit, "--summary", summary.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("::error "), r.out());
    String s = Files.readString(sarif, StandardCharsets.UTF_8);
    assertEquals(List.of(), sarifErrors(s));
    assertTrue(s.contains("EMP-BASE-CEILING"), s);
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
    String md = Files.readString(summary, StandardCharsets.UTF_8);
    assertTrue(md.contains("**❌ 未通过：**"), md);
    assertTrue(md.contains("EMP-BASE-CEILING"), md);
    try (var left = Files.list(dir.resolve("out"))) {
      assertEquals(2, left.count(), "no temporary file left behind");
    }
  }

  @Test
  void theStreamedConsoleSarifIsTheSarifFile() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250), StandardCharsets.UTF_8);
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Path sarif = dir.resolve("policy-check.sarif");
    Run r = Cli.run("check", bad.toString(), ok.toString(), "--as-of", "2026-06-30", "--format", "sarif",
        "--output", "sarif=" + sarif);
    assertEquals(1, r.code(), r.err());
    assertEquals(Files.readString(sarif, StandardCharsets.UTF_8), r.out(), "--format sarif (streamed) and --output sarif=FILE");
    assertEquals(List.of(), sarifErrors(r.out()));
  }

  static List<com.networknt.schema.Error> sarifErrors(String sarif) throws IOException {
    return SarifSchema.validate(sarif);
  }

  @Test
  void badOutputsAreUsageErrorsInChinese() throws IOException {
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Run typo = Cli.run("check", ok.toString(), "--output", "sarfi=x.sarif");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("--output 的格式“sarfi”不存在") && typo.err().contains("是否想写“sarif”？"), typo.err());
    Run noFile = Cli.run("check", ok.toString(), "--output", "junit");
    assertEquals(2, noFile.code());
    assertTrue(noFile.err().contains("--output 应写成 格式=文件"), noFile.err());
    Run overInput = Cli.run("check", ok.toString(), "--output", "json=" + ok);
    assertEquals(2, overInput.code());
    assertTrue(overInput.err().contains("已另有用途"), overInput.err());
    assertEquals(TestSupport.compliant(), Files.readString(ok, StandardCharsets.UTF_8), "the city file is untouched");
    Run only = Cli.run("check", ok.toString(), "--only", "changed");
    assertEquals(2, only.code());
    assertTrue(only.err().contains("--only changed 须与 --baseline 同用"), only.err());
    for (Run r : List.of(typo, noFile, overInput, only)) {
      assertEquals("", r.out());
      assertFalse(r.err().contains("Exception"), r.err());
    }
  }

  @Test
  void anOutputThatCannotBeWrittenIsExitTwoAndNothingHalfWritten() throws IOException {
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x", StandardCharsets.UTF_8);
    Path good = dir.resolve("good.sarif");
    Run r = Cli.run("check", ok.toString(), "--as-of", "2026-06-30", "--output", "sarif=" + good,
        "--output", "junit=" + blocker.resolve("policy-check.xml"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("无法写入 " + blocker.resolve("policy-check.xml")), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(good), "no output is written when another cannot be");
    try (var left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
    }
  }

  @Test
  void theStepSummaryIsAppendedWhenGithubSetsIt() throws IOException {
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Path step = Files.writeString(dir.resolve("step.md"), "# 之前的步骤\n", StandardCharsets.UTF_8);
    var before = TestEnvironment.set("GITHUB_STEP_SUMMARY", step.toString());
    try {
      Run r = Cli.run("check", ok.toString(), "--as-of", "2026-06-30");
      assertEquals(0, r.code(), r.err());
    } finally {
      TestEnvironment.restore(before);
    }
    String md = Files.readString(step, StandardCharsets.UTF_8);
    assertTrue(md.startsWith("# 之前的步骤\n## policy-check"), md);
    assertTrue(md.contains("**✅ 通过：**"), md);
  }

  @Test
  void theReadmeApprovalExampleParsesQuotedAndTheUnquotedOneSaysWhy() throws IOException {
    String block = "approvals:\n  - ref: 辽医保函〔2026〕12号\n    date: 2026-03-01\n    fields: %s\n    whole_file: false\n";
    String base = TestSupport.compliant().replace("approvals: []\n", "");
    assertTrue(!base.equals(TestSupport.compliant()), "the fixture has approvals: []");
    Path quoted = Files.writeString(dir.resolve("quoted.yaml"),
        base + String.format(block, "[\"employee.outpatient.classes[2].deductible\"]"), StandardCharsets.UTF_8);
    Run ok = Cli.run("check", quoted.toString(), "--as-of", "2026-06-30");
    assertEquals(0, ok.code(), ok.err());
    Path bare = Files.writeString(dir.resolve("bare.yaml"),
        base + String.format(block, "[employee.outpatient.classes[2].deductible]"), StandardCharsets.UTF_8);
    Run r = Cli.run("check", bare.toString(), "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("含方括号的值要加引号，如 [\"employee.outpatient.classes[2].deductible\"]"), r.err());
  }

  @Test
  void aMisspeltWaiverRuleIsAnErrorWithASuggestion() throws IOException {
    Path f = Files.writeString(dir.resolve("w.yaml"), TestSupport.compliantWith("waivers", List.of(java.util.Map.of(
        "rule", "EMP-OUTPATIENT-DEDUCT-MN", "reason", "x", "approval_ref", "辽医保函〔2026〕1号", "expires", "2027-12-31"))),
        StandardCharsets.UTF_8);
    Run r = Cli.run("check", f.toString(), "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith(f + ":"), r.err());
    assertTrue(r.err().contains("是否想写“EMP-OUTPATIENT-DEDUCT-MIN”？"), r.err());
  }
}
