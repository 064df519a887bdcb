package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.cli.CheckCommandTest.Run;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Coverage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesAndExplainTest {
  @Test
  void rulesListsEveryCatalogueIdWithStrengthClauseAndSummary() {
    Run r = CheckCommandTest.run("rules");
    assertEquals(0, r.code(), r.err());
    for (Catalogue.Entry e : Catalogue.load().entries().values()) {
      assertTrue(r.out().contains(e.id()), "missing " + e.id());
      assertTrue(r.out().contains(e.summary()), "missing summary of " + e.id());
    }
    assertTrue(r.out().contains("EMP-CAP-MIN"));
    assertTrue(r.out().contains("2号 二(一)3"));
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
  void coverageCommandPrintsReasonsForUncheckableItems() {
    Run r = CheckCommandTest.run("rules", "--coverage");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("四(三)　加强宣传引导"), r.out());
    assertTrue(r.out().contains("不检查：政策解读和宣传引导"), r.out());
    assertTrue(r.out().contains("一(一)3　规范缴费基数"), r.out());
  }

  @Test
  void explainShowsClauseTextParametersInForceAndBranches() {
    Run r = CheckCommandTest.run("explain", "EMP-RATE-EMPLOYER-BAND", "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("用人单位缴费费率控制在7%~8%区间"), r.out());
    assertTrue(r.out().contains("emp.rate.employer_min_pct = 7 %"), r.out());
    assertTrue(r.out().contains("强度：强制"), r.out());
    assertTrue(r.out().contains("EMP-RATE-EMPLOYER-BAND pass"), r.out());
  }

  @Test
  void explainBeforeTheParameterTakesEffectSaysSo() {
    Run r = CheckCommandTest.run("explain", "EMP-RATE-INDIVIDUAL", "--as-of", "2025-01-01");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("emp.rate.individual_pct = 尚未生效"), r.out());
  }

  @Test
  void explainUnknownIdSuggestsTheNearest() {
    Run r = CheckCommandTest.run("explain", "EMP-CAP-MNI");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("是否想查“EMP-CAP-MIN”"), r.err());
    assertFalse(r.err().contains("Exception"));
  }
}
