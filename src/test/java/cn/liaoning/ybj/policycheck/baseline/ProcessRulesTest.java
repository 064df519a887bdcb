package cn.liaoning.ybj.policycheck.baseline;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.compliant;
import static cn.liaoning.ybj.policycheck.engine.TestSupport.compliantWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROC-APPROVAL (2号 四(一); 3号 二(二)2): every changed parameter needs a provincial approval. */
class ProcessRulesTest {
  static final String RULE = "PROC-APPROVAL";
  static final String DEDUCTIBLE = "employee.outpatient.classes[2].deductible";

  /** Checks a proposal against a baseline, with the baseline-mode facts. */
  static CityResult against(String baseline, String proposal) {
    CityPolicy base = baseline == null ? null : TestSupport.load(baseline);
    CityPolicy now = TestSupport.load(proposal);
    return TestSupport.checker().check(now, TestSupport.AS_OF, BaselineCheck.facts("base.yaml", base, now, TestSupport.AS_OF));
  }

  static Map<String, Object> approval(String ref, List<String> fields, boolean wholeFile) {
    return Map.of("ref", ref, "date", "2026-03-01", "fields", fields, "whole_file", wholeFile);
  }

  @Test
  void noChangeIsOnePass() {
    CityResult r = against(compliant(), compliant());
    Finding f = TestSupport.only(r, RULE);
    assertEquals(Status.PASS, f.status());
    assertEquals("approvals", f.path());
  }

  @Test
  void bookkeepingIsNoPolicyChange() {
    String proposal = compliantWith("policy_date", "2026-05-01", "employee.contribution.note", "据新文件",
        "sources", List.of(Map.of("id", "test", "title", "另一标题")), "fund.employee", "risk");
    assertEquals(Status.PASS, TestSupport.only(against(compliant(), proposal), RULE).status());
  }

  @Test
  void changeWithoutApprovalIsAViolationOnTheChangedLine() {
    CityResult r = against(compliant(), compliantWith(DEDUCTIBLE, 299));
    Finding f = TestSupport.only(r, RULE);
    assertEquals(Status.VIOLATION, f.status());
    assertEquals(DEDUCTIBLE, f.path());
    assertEquals("299", f.actual());
    assertNotNull(f.line());
    assertTrue(f.message().contains("由 300 改为 299"), f.message());
    assertTrue(f.message().contains("approvals"), f.message());
    assertEquals("2026-12-31", f.deadline().toString());
  }

  @Test
  void approvalNamingTheFieldPasses() {
    CityResult r = against(compliant(), compliantWith(DEDUCTIBLE, 299,
        "approvals", List.of(approval("辽医保函〔2026〕12号", List.of(DEDUCTIBLE), false))));
    Finding f = TestSupport.only(r, RULE);
    assertEquals(Status.PASS, f.status());
    assertEquals(DEDUCTIBLE, f.path());
    assertTrue(f.message().contains("辽医保函〔2026〕12号"), f.message());
  }

  @Test
  void approvalNamingAParentPathCoversEverythingUnderIt() {
    CityResult r = against(compliant(), compliantWith(DEDUCTIBLE, 299,
        "approvals", List.of(approval("辽医保函〔2026〕12号", List.of("employee.outpatient"), false))));
    assertEquals(Status.PASS, TestSupport.only(r, RULE).status());
  }

  @Test
  void approvalOfAnotherFieldDoesNotCover() {
    CityResult r = against(compliant(), compliantWith(DEDUCTIBLE, 299,
        "approvals", List.of(approval("辽医保函〔2026〕12号", List.of("employee.inpatient", "employee.outpatient.classes[1]"), false))));
    assertEquals(Status.VIOLATION, TestSupport.only(r, RULE).status());
  }

  @Test
  void aPathPrefixIsNotAParent() {
    // "employee.annual" is not a parent of "employee.annual_cap" (and no field: the loader refuses it).
    assertFalse(Changes.covers(false, List.of("employee.annual"), "employee.annual_cap"));
    assertTrue(Changes.covers(false, List.of("employee"), "employee.annual_cap"));
    var loaded = new cn.liaoning.ybj.policycheck.policy.PolicyLoader(TestSupport.catalogue().entries().keySet())
        .load("proposal.yaml", compliantWith("employee.annual_cap", 90000,
            "approvals", List.of(approval("辽医保函〔2026〕12号", List.of("employee.annual"), false))));
    assertFalse(loaded.ok());
    assertTrue(loaded.diagnostics().get(0).message().contains("是否想写“employee.annual_cap”"), loaded.diagnostics().toString());
  }

  @Test
  void aStarCoversEveryItemOfAList() {
    assertTrue(Changes.covers(false, List.of("employee.outpatient.classes[*].deductible"), DEDUCTIBLE));
    assertTrue(Changes.covers(false, List.of("employee.outpatient.classes[*]"), DEDUCTIBLE));
    assertFalse(Changes.covers(false, List.of("employee.outpatient.classes[*].deductible"), "employee.outpatient.classes[2].tier"));
    assertFalse(Changes.covers(false, List.of("employee.inpatient.classes[*]"), DEDUCTIBLE));
    CityResult r = against(compliant(), compliantWith(DEDUCTIBLE, 299,
        "approvals", List.of(approval("辽医保函〔2026〕12号", List.of("employee.outpatient.classes[*].deductible"), false))));
    assertEquals(Status.PASS, TestSupport.only(r, RULE).status());
  }

  @Test
  void anApprovalDatedAfterTheAsOfDateApprovesNothingYet() {
    Map<String, Object> late = Map.of("ref", "辽医保函〔2099〕1号", "date", "2099-01-01", "fields", List.of(DEDUCTIBLE), "whole_file", false);
    Finding f = TestSupport.only(against(compliant(), compliantWith(DEDUCTIBLE, 299, "approvals", List.of(late))), RULE);
    assertEquals(Status.VIOLATION, f.status());
    assertTrue(f.message().contains("辽医保函〔2099〕1号（2099-01-01） 日期晚于基准日 2026-06-30"), f.message());
    // The same approval on the day it is dated counts.
    CityPolicy base = TestSupport.load(compliant());
    CityPolicy now = TestSupport.load(compliantWith(DEDUCTIBLE, 299, "approvals", List.of(late)));
    LocalDate day = LocalDate.of(2099, 1, 1);
    assertEquals(Status.PASS, TestSupport.only(TestSupport.checker().check(now, day, BaselineCheck.facts("b", base, now, day)), RULE).status());
  }

  @Test
  void enteringAnUnknownValueWithItsSourceIsNoPolicyChange() {
    // Baseline: the annual cap unknown. Proposal: 150000, named by the file's one source.
    Finding f = TestSupport.only(against(compliantWith("employee.annual_cap", null), compliant()), RULE);
    assertEquals(Status.PASS, f.status());
    assertEquals("employee.annual_cap", f.path());
    assertTrue(f.message().startsWith("录入现行政策：150000（来源 test：测试用合规政策（虚构））"), f.message());
  }

  @Test
  void enteringAValueWithoutASourceNeedsAnApproval() {
    Finding f = TestSupport.only(against(compliantWith("employee.annual_cap", null, "sources", List.of()),
        compliantWith("sources", List.of())), RULE);
    assertEquals(Status.VIOLATION, f.status());
    assertTrue(f.message().contains("没有注明来源"), f.message());
  }

  @Test
  void clearingOrChangingAKnownValueStillNeedsAnApproval() {
    // The source named does not make a change of a known value an entry.
    assertEquals(Status.VIOLATION, TestSupport.only(against(compliant(), compliantWith("employee.annual_cap", 90000)), RULE).status());
    assertEquals(Status.VIOLATION, TestSupport.only(against(compliant(), compliantWith("employee.annual_cap", null)), RULE).status());
  }

  @Test
  void anEmptyListIsAValueAndNullIsNot() {
    // ratios_vary_by: [] says "by nothing"; null says "unknown". Between them is a change.
    Finding cleared = TestSupport.only(against(compliant(), compliantWith("employee.ratios_vary_by", null)), RULE);
    assertEquals(Status.VIOLATION, cleared.status());
    assertEquals("employee.ratios_vary_by", cleared.path());
    assertTrue(cleared.message().contains("删除（原为 []）"), cleared.message());
    Finding entered = TestSupport.only(against(compliantWith("employee.ratios_vary_by", null), compliant()), RULE);
    assertEquals(Status.PASS, entered.status());
  }

  @Test
  void wholeFileApprovalCoversEveryChange() {
    CityResult r = against(compliant(), compliantWith(DEDUCTIBLE, 299, "employee.annual_cap", 90000,
        "approvals", List.of(approval("辽医保函〔2026〕12号", List.of(), true))));
    List<Finding> fs = TestSupport.findings(r, RULE);
    assertEquals(2, fs.size(), fs.toString());
    assertTrue(fs.stream().allMatch(f -> f.status() == Status.PASS), fs.toString());
  }

  @Test
  void oneFindingPerChangedFieldEachJudgedOnItsOwn() {
    CityResult r = against(compliant(), compliantWith(DEDUCTIBLE, 299, "employee.annual_cap", 90000,
        "approvals", List.of(approval("辽医保函〔2026〕12号", List.of(DEDUCTIBLE), false),
            approval("辽医保函〔2026〕13号", List.of("employee.outpatient.classes"), false))));
    List<Finding> fs = TestSupport.findings(r, RULE);
    assertEquals(2, fs.size(), fs.toString());
    Finding cap = fs.stream().filter(f -> f.path().equals("employee.annual_cap")).findFirst().orElseThrow();
    Finding ded = fs.stream().filter(f -> f.path().equals(DEDUCTIBLE)).findFirst().orElseThrow();
    assertEquals(Status.VIOLATION, cap.status());
    assertEquals(Status.PASS, ded.status());
    assertTrue(ded.message().contains("12号") && ded.message().contains("13号"), "both approvals named: " + ded.message());
  }

  @Test
  void removingAValueIsAChange() {
    CityResult r = against(compliant(), compliantWith("employee.annual_cap", null));
    Finding f = TestSupport.only(r, RULE);
    assertEquals(Status.VIOLATION, f.status());
    assertEquals("employee.annual_cap", f.path());
    assertTrue(f.message().contains("删除（原为 150000）"), f.message());
  }

  @Test
  void approvalWithoutAReferenceDoesNotCover() {
    // A blank reference cannot even be written: the loader refuses blank text at its line.
    String proposal = compliantWith(DEDUCTIBLE, 299, "approvals", List.of(approval(" ", List.of(DEDUCTIBLE), false)));
    var loaded = new cn.liaoning.ybj.policycheck.policy.PolicyLoader(TestSupport.catalogue().entries().keySet())
        .load("proposal.yaml", proposal);
    assertTrue(!loaded.ok() && loaded.diagnostics().get(0).message().contains("“approvals[0].ref”是空白文字"),
        loaded.diagnostics().toString());
  }

  @Test
  void newFileMakesEveryParameterAChange() {
    CityResult r = against(null, compliant());
    List<Finding> fs = TestSupport.findings(r, RULE);
    assertTrue(fs.size() > 50, "every parameter of the compliant city: " + fs.size());
    assertTrue(fs.stream().allMatch(f -> f.status() == Status.VIOLATION));
    CityResult approved = against(null, compliantWith("approvals", List.of(approval("辽医保函〔2026〕1号", List.of(), true))));
    assertTrue(TestSupport.findings(approved, RULE).stream().allMatch(f -> f.status() == Status.PASS));
  }

  @Test
  void plainCheckHasNoFinding() {
    assertEquals(List.of(), TestSupport.findings(TestSupport.checkWith(DEDUCTIBLE, 299), RULE));
  }
}
