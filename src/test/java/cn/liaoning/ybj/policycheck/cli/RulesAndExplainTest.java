package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Coverage;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesAndExplainTest {
  @Test
  void rulesListsEveryCatalogueIdWithStrengthClauseAndSummary() {
    Run r = Cli.run("rules");
    assertEquals(0, r.code(), r.err());
    for (Catalogue.Entry e : Catalogue.load().entries().values()) {
      assertTrue(r.out().contains(e.id()), "missing " + e.id());
      assertTrue(r.out().contains(e.summary()), "missing summary of " + e.id());
    }
    assertEquals(67, Catalogue.load().entries().size());
    assertTrue(r.out().contains("共 67 个规则编号，已实现 67 个"), r.out());
    assertTrue(r.out().contains("EMP-CAP-MIN"));
    assertTrue(r.out().contains("2号 二(一)3"));
    assertTrue(r.out().contains("统筹基金年度最高支付限额不低于80000元"), "summaries are filled in: " + r.out());
    assertFalse(r.out().contains("{"), r.out());
  }

  @Test
  void rulesShowsTheStrengthInForceAtTheAsOfDate() {
    Run now = Cli.run("rules", "--as-of", "2026-06-30");
    assertTrue(line(now.out(), "EMP-RATE-EMPLOYER-BAND").contains("强制"), now.out());
    assertTrue(line(now.out(), "EMP-INPATIENT-GUIDELINE").contains("原则性"), now.out());
    Run before = Cli.run("rules", "--as-of", "2025-03-01");
    assertTrue(line(before.out(), "EMP-RATE-EMPLOYER-BAND").contains("原则性"), before.out());
    assertTrue(line(before.out(), "EMP-CAP-MIN").contains("2025-06-30 起施行"), before.out());
  }

  private static String line(String out, String id) {
    return out.lines().filter(l -> l.strip().startsWith(id + " ")).findFirst().orElseThrow(() -> new AssertionError(id + " not listed"));
  }

  @Test
  void coverageAccountsForEveryNumberedItemOfTheRegulation() {
    Coverage cov = Coverage.load();
    List<String> expected = List.of(
        "一(一)1", "一(一)2", "一(一)3", "一(一)4", "一(二)1", "一(二)2", "一(二)3", "一(二)4",
        "一(三)1", "一(三)2", "一(三)3", "一(三)4", "一(三)5",
        "二(一)1", "二(一)2", "二(一)3", "二(一)4", "二(一)5", "二(二)1", "二(二)2", "二(二)3", "二(二)4", "二(二)5",
        "二(三)1", "二(三)2", "三(一)1", "三(一)2", "三(一)3", "三(二)", "四(一)", "四(二)", "四(三)");
    assertEquals(expected, cov.items().stream().map(Coverage.Item::item).toList());
    for (Coverage.Item i : cov.items()) {
      assertTrue(i.checkable() != (i.reason() != null), i.item() + " needs either rules or a reason, not both");
    }
  }

  @Test
  void coverageNamesEveryCatalogueIdAndOnlyCatalogueIds() {
    Catalogue cat = Catalogue.load();
    Set<String> covered = new HashSet<>();
    Coverage.load().items().forEach(i -> covered.addAll(i.rules()));
    assertEquals(cat.entries().keySet(), covered);
  }

  @Test
  void coverageMapsTheRequirementsTheFirstReadingMissed() {
    Run r = Cli.run("rules", "--coverage");
    for (String id : List.of("EMP-PAYMENT-MONTHLY", "RES-PAYMENT-ANNUAL", "MAT-NO-EMPLOYEE-CONTRIB", "MAT-ALLOWANCE-FUND",
        "MAT-ALLOWANCE-TRANSFER", "LINK-FLEX-INTERRUPTION", "LINK-EMP-TRANSFER-OUT-END", "LINK-FLEX-TRANSFER",
        "RES-CRITICAL-ZERO-CLAIM-RESET", "RES-CRITICAL-CONTINUITY-RESET", "RES-WAITING-EXEMPT", "RES-WAITING-REPAIR-PRICE")) {
      assertTrue(r.out().contains("    " + id + "　"), id + " not in the coverage map: " + r.out());
    }
    assertTrue(r.out().startsWith("辽医保规〔2025〕2号 条款覆盖表"), r.out());
    assertTrue(r.out().contains("分娩前转移参保关系且符合生育津贴计发条件的，在转入单位享受待遇"), r.out());
    assertFalse(r.out().contains("按其他规定"), r.out());
  }

  @Test
  void coverageCommandPrintsReasonsForUncheckableItems() {
    Run r = Cli.run("rules", "--coverage");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("四(三)　加强宣传引导"), r.out());
    assertTrue(r.out().contains("不检查：政策解读和宣传引导"), r.out());
    assertTrue(r.out().contains("一(一)3　规范缴费基数"), r.out());
  }

  @Test
  void explainShowsClauseTextParametersInForceAndBranches() {
    Run r = Cli.run("explain", "EMP-RATE-EMPLOYER-BAND", "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("用人单位缴费费率控制在7%~8%区间"), r.out());
    assertTrue(r.out().contains("emp.rate.employer_min_pct = 7 %"), r.out());
    assertTrue(r.out().contains("强度：强制"), r.out());
    assertTrue(r.out().contains("EMP-RATE-EMPLOYER-BAND pass"), r.out());
    assertTrue(r.out().contains("自 2024-08-09 起　原则性（in-principle）　依据 3号 二(一)2"), r.out());
    assertTrue(r.out().contains("自 2025-06-30 起　强制（mandatory）　依据 2号 一(一)4　← 基准日有效"), r.out());
    assertTrue(r.out().contains("整改期限：2026-12-31（2号 四(一)）"), r.out());
  }

  @Test
  void explainBefore2haoShowsThe3haoStrengthAndItsOwnDeadline() {
    Run r = Cli.run("explain", "EMP-RATE-EMPLOYER-BAND", "--as-of", "2025-03-01");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("强度：原则性（in-principle，3号 二(一)2）"), r.out());
    assertTrue(r.out().contains("整改期限：2024-08-09（3号 二(一)2 施行之日"), r.out());
    assertTrue(r.out().contains("【2号 一(一)4】辽医保规〔2025〕2号《关于进一步规范全省基本医疗保险参保筹资和待遇保障政策的通知》（基准日尚未施行，自 2025-06-30 起施行）"), r.out());
  }

  @Test
  void explainTheGuidelineShowsItIsInPrincipleWithTheText() {
    Run r = Cli.run("explain", "EMP-INPATIENT-GUIDELINE", "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("强度：原则性"), r.out());
    assertTrue(r.out().contains("原则上应分别达到 80%、84%、88%"), r.out());
    assertTrue(r.out().contains("原则上应分别达到80%、84%、88%（在职、退休）"), "summary filled in: " + r.out());
  }

  @Test
  void explainAToleranceSaysItIsAReading() {
    Run r = Cli.run("explain", "EMP-INPATIENT-OVERALL", "--as-of", "2026-06-30");
    assertTrue(r.out().contains("about.overall_ratio_tolerance_points = 5 百分点"), r.out());
    assertTrue(r.out().contains("注：对“80%左右”“70%左右”的解读"), r.out());
  }

  @Test
  void explainBeforeTheRuleIsInForceSaysNotApplicable() {
    Run r = Cli.run("explain", "EMP-CAP-MIN", "--as-of", "2025-01-01");
    assertTrue(r.out().contains("本规则所依条文尚未施行（2号 二(一)3 自 2025-06-30 起施行）"), r.out());
    assertTrue(r.out().contains("整改期限：无（不适用）"), r.out());
  }

  @Test
  void helpOfRulesAndExplainStatesNoThresholdOrRegulationName() {
    for (String cmd : List.of("rules", "explain")) {
      Run r = Cli.run(cmd, "--help");
      assertFalse(r.out().contains("辽医保规〔2025〕2号"), r.out());
      assertFalse(r.out().matches("(?s).*\\b(300|80|84|88|2026-12-31)\\b.*"), r.out());
    }
  }

  @Test
  void explainBeforeTheParameterTakesEffectSaysSo() {
    Run r = Cli.run("explain", "EMP-RATE-INDIVIDUAL", "--as-of", "2025-01-01");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("emp.rate.individual_pct = 尚未生效"), r.out());
  }

  @Test
  void explainUnknownIdSuggestsTheNearest() {
    Run r = Cli.run("explain", "EMP-CAP-MNI");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("是否想查“EMP-CAP-MIN”"), r.err());
    assertFalse(r.err().contains("Exception"));
  }
}
