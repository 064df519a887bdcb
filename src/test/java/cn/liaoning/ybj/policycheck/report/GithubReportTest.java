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
    String out = new GithubReport(TestSupport.catalogue(), Gate.DEFAULT).write(cmp.run(), cmp);
    String file = "file=" + GithubReport.escapeProperty(FilePaths.relative(now.toString()));

    List<String> errors = lines(out, "::error ");
    assertEquals(2, errors.size(), out);
    String deductible = errors.stream().filter(l -> l.contains(",line=" + Shenyang.DEDUCTIBLE_LINE + ",")).findFirst().orElseThrow();
    assertTrue(deductible.startsWith("::error " + file + ",line=" + Shenyang.DEDUCTIBLE_LINE + ",col="), deductible);
    assertTrue(deductible.contains("title=沈阳市 PROC-APPROVAL（新增）："), deductible);
    assertTrue(deductible.contains("::［新增］由 200 改为 100"), deductible);

    List<String> notices = lines(out, "::notice ");
    assertTrue(notices.stream().anyMatch(l -> l.contains("EMP-BASE-FLOOR（已修复）") && l.contains(",line=" + Shenyang.FLOOR_LINE + ",")), out);
    assertFalse(out.contains("EMP-BASE-FLEXIBLE"), "unchanged indeterminate findings are left out");
    out.lines().forEach(l -> assertTrue(l.startsWith("::"), "only workflow commands: " + l));
  }

  @Test
  void withoutBaselineEveryViolationIsAnError() {
    Path f = Gates.write(dir, "bad.yaml", TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    RunResult run = new Batch(TestSupport.checker()).run(List.of(f), TestSupport.AS_OF, null);
    String out = new GithubReport(TestSupport.catalogue(), Gate.DEFAULT).write(run, null);
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
