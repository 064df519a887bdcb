package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.baseline.Shenyang;
import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML: one test case per finding; every violation a failure, every indeterminate finding skipped. */
class JunitReportTest {
  @TempDir Path dir;

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static Element testcase(Document d, String rule) {
    NodeList cases = d.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("name").startsWith(rule + " ")) {
        return e;
      }
    }
    return null;
  }

  static Element child(Element e, String name) {
    NodeList l = e.getElementsByTagName(name);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  static List<Element> testcases(Document d, String rule) {
    List<Element> out = new java.util.ArrayList<>();
    NodeList cases = d.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("name").startsWith(rule + " ")) {
        out.add(e);
      }
    }
    return out;
  }

  /** Baseline: floor at 50%. Proposal: floor still 50%, deductible lowered without approval. */
  Comparison existingAndNew() {
    Path old = dir.resolve("old");
    Gates.write(old, "shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    Path now = Gates.write(dir.resolve("new"), "shenyang.yaml", Shenyang.withDeductible(Shenyang.withBaseFloor(Shenyang.text(), 50), 100));
    return Gates.compare(old, now);
  }

  @Test
  void everyViolationFailsNewOrNotAndSaysWhich() throws Exception {
    Comparison cmp = existingAndNew();
    Document d = parse(new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(cmp.run(), cmp));

    Element proc = testcase(d, "PROC-APPROVAL");
    Element failure = child(proc, "failure");
    assertNotNull(failure);
    assertEquals("violation", failure.getAttribute("type"));
    assertTrue(failure.getAttribute("message").startsWith("违规（新增）："), failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains(":" + Shenyang.DEDUCTIBLE_LINE + " " + Shenyang.DEDUCTIBLE), failure.getTextContent());
    assertEquals(Integer.toString(Shenyang.DEDUCTIBLE_LINE), proc.getAttribute("line"));
    assertEquals("沈阳市", proc.getAttribute("classname"));
    assertTrue(proc.getAttribute("name").contains("职工门诊医院类别 · 起付标准"), proc.getAttribute("name"));

    // Already in the baseline: still a failure (CI servers compare runs themselves), marked 既有.
    Element floor = testcase(d, "EMP-BASE-FLOOR");
    assertNull(child(floor, "skipped"));
    assertTrue(child(floor, "failure").getAttribute("message").startsWith("违规（既有）："), child(floor, "failure").getAttribute("message"));

    assertNull(child(testcase(d, "EMP-BASE-CEILING"), "failure"));
    Element flexible = child(testcase(d, "EMP-BASE-FLEXIBLE"), "skipped");
    assertTrue(flexible.getAttribute("message").startsWith("待定：缺少 灵活就业人员缴费基数（employee.contribution.flexible_base_pct）"),
        flexible.getAttribute("message"));
  }

  @Test
  void countsAddUpToTheFindingsAndNoIndeterminateFindingPasses() throws Exception {
    RunResult run = new Batch(TestSupport.checker()).run(List.of(Path.of("city-policies")), TestSupport.AS_OF, null);
    Document d = parse(new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(run, null));
    Element root = d.getDocumentElement();
    long findings = run.cities().stream().mapToLong(c -> c.findings().size()).sum();
    assertEquals(Long.toString(findings), root.getAttribute("tests"));
    assertEquals(Long.toString(run.count(Status.VIOLATION)), root.getAttribute("failures"));
    assertEquals(Long.toString(run.count(Status.INDETERMINATE) + run.count(Status.WAIVED) + run.count(Status.NOT_APPLICABLE)),
        root.getAttribute("skipped"));
    assertEquals(count(d, "failure"), run.count(Status.VIOLATION));
    assertEquals(count(d, "skipped"), Long.parseLong(root.getAttribute("skipped")));
    // A test case without failure or skipped is a pass: only passes and warnings are.
    long passing = d.getElementsByTagName("testcase").getLength() - count(d, "failure") - count(d, "skipped");
    assertEquals(run.count(Status.PASS) + run.count(Status.WARNING), passing);
    NodeList skipped = d.getElementsByTagName("skipped");
    long indeterminate = 0;
    for (int i = 0; i < skipped.getLength(); i++) {
      if (((Element) skipped.item(i)).getAttribute("message").startsWith("待定：缺少 ")) {
        indeterminate++;
      }
    }
    assertEquals(run.count(Status.INDETERMINATE), indeterminate);
  }

  static int count(Document d, String child) {
    NodeList cases = d.getElementsByTagName("testcase");
    int n = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      if (child((Element) cases.item(i), child) != null) {
        n++;
      }
    }
    return n;
  }

  @Test
  void warningsGoToTheOutputAndFailOnlyWhenAsked() throws Exception {
    // 70% overall inpatient ratio for employees: guidance ("80% 左右"), a warning.
    Path f = Gates.write(dir, "warn.yaml", TestSupport.compliantWith("employee.inpatient.overall_ratio_pct", 70));
    RunResult run = new Batch(TestSupport.checker()).run(List.of(f), TestSupport.AS_OF, null);
    assertEquals(1, run.count(Status.WARNING), "the fixture's one warning");
    Element w = testcase(parse(new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(run, null)), "EMP-INPATIENT-OVERALL");
    assertNull(child(w, "failure"));
    assertNull(child(w, "skipped"));
    assertTrue(child(w, "system-out").getTextContent().startsWith("警告"), w.getTextContent());
    Element failed = testcase(parse(new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), new Gate(Set.of(Status.VIOLATION, Status.WARNING), false))
        .write(run, null)), "EMP-INPATIENT-OVERALL");
    assertEquals("warning", child(failed, "failure").getAttribute("type"));
  }

  @Test
  void oneCasePerFindingWithAStableNameAndBadFilesAreErrors() throws Exception {
    Path bad = Gates.write(dir, "bad.yaml", "city: 错误市\nemployee:\n  anual_cap: 80000\n");
    Path bad2 = Gates.write(dir, "bad2.yaml", "city: [\n");
    RunResult run = new Batch(TestSupport.checker()).run(
        List.of(Path.of("city-policies/shenyang.yaml"), Gates.write(dir, "ok.yaml", TestSupport.compliant()), bad, bad2), TestSupport.AS_OF, null);
    Document d = parse(new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(run, null));
    NodeList cases = d.getElementsByTagName("testcase");
    Set<String> seen = new HashSet<>();
    int errors = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (child(e, "error") != null) {
        errors++;
        continue;
      }
      String key = e.getAttribute("classname") + " " + e.getAttribute("name");
      assertTrue(seen.add(key), "duplicate case " + key);
    }
    long expected = run.cities().stream().mapToLong(c -> c.findings().size()).sum();
    assertEquals(expected, seen.size());
    assertEquals(2, errors);
    assertEquals("2", d.getDocumentElement().getAttribute("errors"));
    assertEquals(Long.toString(expected + 2), d.getDocumentElement().getAttribute("tests"));
    // The same run gives the same names (CI servers follow a case from run to run by its name).
    assertEquals(new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(run, null),
        new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), Gate.DEFAULT).write(run, null));
  }
}
