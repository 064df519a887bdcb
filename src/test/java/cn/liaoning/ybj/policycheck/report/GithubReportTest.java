package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.baseline.Shenyang;
import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub Actions workflow commands: errors for what fails the gate, on the right lines. */
class GithubReportTest {
  @TempDir Path dir;

  static List<String> lines(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).toList();
  }

  @Test
  void newViolationsAreErrorsExistingAreWarningsFixesAreNotices() {
    Path old = dir.resolve("old");
    Gates.write(old, "shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    // Proposal: floor back to 60 (fixes EMP-BASE-FLOOR) and the deductible lowered; neither approved.
    Path now = Gates.write(dir.resolve("new"), "shenyang.yaml", Shenyang.withDeductible(Shenyang.text(), 100));
    Comparison cmp = Gates.compare(old, now);
    String out = new GithubReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(cmp.run(), cmp);
    String file = "file=" + GithubReport.escapeProperty(FilePaths.relative(now.toString()));

    List<String> errors = lines(out, "::error ");
    assertEquals(2, errors.size(), out); // the two changed lines
    String deductible = errors.stream().filter(l -> l.contains(",line=" + Shenyang.DEDUCTIBLE_LINE + ",")).findFirst().orElseThrow();
    assertTrue(deductible.startsWith("::error " + file + ",line=" + Shenyang.DEDUCTIBLE_LINE + ",col="), deductible);
    assertTrue(deductible.contains("PROC-APPROVAL（新增）"), deductible);
    assertTrue(deductible.contains("【职工门诊医院类别 · 起付标准】［新增］由 200 改为 100"), "the field is named in Chinese: " + deductible);
    if (Shenyang.hasDeductibleRule()) {
      // One annotation for the line: the worse deductible violation and the unapproved change together.
      assertTrue(deductible.contains("title=沈阳市 第 " + Shenyang.DEDUCTIBLE_LINE + " 行：EMP-OUTPATIENT-DEDUCT-MIN（恶化）、PROC-APPROVAL（新增）"), deductible);
    }

    List<String> notices = lines(out, "::notice ");
    assertTrue(notices.stream().anyMatch(l -> l.contains("EMP-BASE-FLOOR（已修复）") && l.contains(",line=" + Shenyang.FLOOR_LINE + ",")), out);
    assertFalse(out.contains("EMP-BASE-FLEXIBLE"), "unchanged indeterminate findings are left out");
    out.lines().forEach(l -> assertTrue(l.startsWith("::"), "only workflow commands: " + l));
  }

  @Test
  void aNewCityFileKeepsWithinGithubsLimitsAndCountsTheRest() {
    // The baseline has no such file: every parameter is an unapproved change, on some 60 lines.
    Path now = Gates.write(dir.resolve("new"), "newcity.yaml", Shenyang.text().replace("city: 沈阳市", "city: 新市"));
    Comparison cmp = Gates.compare(Gates.write(dir.resolve("old"), "other.yaml", TestSupport.compliant()).getParent(), now);
    String out = new GithubReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(cmp.run(), cmp);
    List<String> errors = lines(out, "::error ");
    assertEquals(GithubReport.MAX_PER_KIND, errors.size(), out);
    assertTrue(lines(out, "::warning ").size() <= GithubReport.MAX_PER_KIND, out);
    List<String> notices = lines(out, "::notice ");
    assertTrue(notices.size() <= GithubReport.MAX_PER_KIND, out);
    String rest = notices.get(notices.size() - 1);
    assertTrue(rest.startsWith("::notice title=policy-check：另有 "), rest);
    assertTrue(rest.contains("作业摘要"), rest);
    // The count is right: every (kind, line) pair there would have been, less those shown.
    long lines = cmp.run().cities().get(0).findings().stream()
        .filter(f -> f.status() == cn.liaoning.ybj.policycheck.engine.Status.VIOLATION).map(f -> f.line()).distinct().count();
    assertTrue(rest.contains("另有 " + (lines - GithubReport.MAX_PER_KIND) + " 条错误"), lines + ": " + rest);
    // New violations of the regulation's rules come first, before the fields that only lack an approval.
    assertTrue(errors.get(0).matches(".*title=新市 [^:]*(EMP|LINK|RES|MAT)-.*"), errors.get(0));
  }

  @Test
  void anInsertedClassIsOneAnnotationNamingEachField() {
    Path old = dir.resolve("old");
    Gates.write(old, "shenyang.yaml", Shenyang.text());
    String first = "      - { name: 特三级, tier: 3, deductible: 600, in_service_pct: 50, retired_pct: 55 }\n";
    Path now = Gates.write(dir.resolve("new"), "shenyang.yaml",
        Shenyang.text().replace(first, first + "      - { name: 社区卫生服务中心, tier: 1, deductible: 100, in_service_pct: 95, retired_pct: 98 }\n"));
    Comparison cmp = Gates.compare(old, now);
    String out = new GithubReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(cmp.run(), cmp);
    int inserted = Shenyang.lineOf("{ name: 特三级, tier: 3, deductible: 600,") + 1;
    List<String> onLine = lines(out, "::error ").stream().filter(l -> l.contains(",line=" + inserted + ",")).toList();
    assertEquals(1, onLine.size(), out);
    String a = onLine.get(0);
    for (String label : List.of("类别名称", "医院级别", "起付标准", "在职职工支付比例", "退休人员支付比例")) {
      assertTrue(a.contains("【职工门诊医院类别 · " + label + "】"), label + ": " + a);
    }
    assertTrue(a.contains("PROC-APPROVAL（新增）×5"), a);
  }

  @Test
  void withoutBaselineEveryViolationIsAnError() {
    Path f = Gates.write(dir, "bad.yaml", TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    RunResult run = new Batch(TestSupport.checker()).run(List.of(f), TestSupport.AS_OF, null);
    String out = new GithubReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(run, null);
    List<String> errors = lines(out, "::error ");
    assertEquals(1, errors.size(), out);
    assertTrue(errors.get(0).contains("EMP-BASE-CEILING"), out);
    assertTrue(errors.get(0).contains("实际 250　要求 = 300%25"), "% is escaped: " + out);
  }

  @Test
  void valuesAreEscapedAsTheActionsToolkitDoes() {
    assertEquals("50%25 a%0D%0Ab", GithubReport.escapeData("50% a\r\nb"));
    assertEquals("a%3Ab%2Cc%25", GithubReport.escapeProperty("a:b,c%"));
  }
}
