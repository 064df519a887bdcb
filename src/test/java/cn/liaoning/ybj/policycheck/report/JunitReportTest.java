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

/** JUnit XML: one test case per city × rule id; failures for what fails the gate. */
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

  /** Baseline: floor at 50%. Proposal: floor still 50%, deductible lowered without approval. */
  Comparison existingAndNew() {
    Path old = dir.resolve("old");
    Gates.write(old, "shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    Path now = Gates.write(dir.resolve("new"), "shenyang.yaml", Shenyang.withDeductible(Shenyang.withBaseFloor(Shenyang.text(), 50), 100));
    return Gates.compare(old, now);
  }

  @Test
  void newViolationFailsExistingOneIsSkipped() throws Exception {
    Comparison cmp = existingAndNew();
    Document d = parse(new JunitReport(TestSupport.catalogue(), Gate.DEFAULT).write(cmp.run(), cmp));

    Element proc = testcase(d, "PROC-APPROVAL");
    Element failure = child(proc, "failure");
    assertNotNull(failure);
    assertEquals("violation", failure.getAttribute("type"));
    assertTrue(failure.getTextContent().contains(":" + Shenyang.DEDUCTIBLE_LINE + " " + Shenyang.DEDUCTIBLE), failure.getTextContent());
    assertEquals(Integer.toString(Shenyang.DEDUCTIBLE_LINE), proc.getAttribute("line"));
    assertEquals("沈阳市", proc.getAttribute("classname"));

    Element floor = testcase(d, "EMP-BASE-FLOOR");
    assertNull(child(floor, "failure"));
    assertTrue(child(floor, "skipped").getAttribute("message").contains("基线中已存在"));

    assertNull(child(testcase(d, "EMP-BASE-CEILING"), "failure"));
    assertTrue(child(testcase(d, "EMP-BASE-FLEXIBLE"), "system-out").getTextContent().contains("待定"));

    // The totals count the cases (other rules of the build may add their own).
    Element suites = d.getDocumentElement();
    assertEquals(Integer.toString(count(d, "failure")), suites.getAttribute("failures"));
    assertEquals(Integer.toString(count(d, "skipped")), suites.getAttribute("skipped"));
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
  void failOnExistingFailsTheExistingViolationToo() throws Exception {
    Comparison cmp = existingAndNew();
    Document d = parse(new JunitReport(TestSupport.catalogue(), new Gate(Set.of(Status.VIOLATION), true)).write(cmp.run(), cmp));
    assertNotNull(child(testcase(d, "EMP-BASE-FLOOR"), "failure"));
    assertEquals(0, count(d, "skipped"), "nothing is only existing any more");
    assertEquals(Integer.toString(count(d, "failure")), d.getDocumentElement().getAttribute("failures"));
  }

  @Test
  void oneCasePerCityAndRuleIdAndBadFilesAreErrors() throws Exception {
    Path bad = Gates.write(dir, "bad.yaml", "city: 错误市\nemployee:\n  anual_cap: 80000\n");
    Path bad2 = Gates.write(dir, "bad2.yaml", "city: [\n");
    RunResult run = new Batch(TestSupport.checker()).run(
        List.of(Path.of("city-policies/shenyang.yaml"), Gates.write(dir, "ok.yaml", TestSupport.compliant()), bad, bad2), TestSupport.AS_OF, null);
    Document d = parse(new JunitReport(TestSupport.catalogue(), Gate.DEFAULT).write(run, null));
    NodeList cases = d.getElementsByTagName("testcase");
    Set<String> seen = new HashSet<>();
    int errors = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (child(e, "error") != null) {
        errors++;
        continue;
      }
      String key = e.getAttribute("classname") + " " + e.getAttribute("name").split(" ")[0];
      assertTrue(seen.add(key), "duplicate case " + key);
    }
    long expected = run.cities().stream().mapToLong(c -> c.findings().stream().map(f -> f.rule()).distinct().count()).sum();
    assertEquals(expected, seen.size());
    assertEquals(2, errors);
    assertEquals("2", d.getDocumentElement().getAttribute("errors"));
    assertEquals(Long.toString(expected + 2), d.getDocumentElement().getAttribute("tests"));
  }
}
