package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep}: every combination evaluated, the compliant ones counted, the cheapest change found. */
class SweepCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  Path write(String text) throws IOException {
    Path p = dir.resolve("city.yaml");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void countsCompliantCombinationsAndFindsTheCheapestChange() throws IOException {
    // Outpatient deductible of 一级及以下 at 200: below the 300 minimum, a violation.
    Path f = write(TestSupport.compliantWith("employee.outpatient.classes[2].deductible", 200));
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30",
        "--vary", "employee.outpatient.classes[2].deductible=100..600:50",
        "--vary", "employee.annual_cap=70000,80000,150000");
    assertEquals(0, r.code(), r.err() + r.out());
    // 300..600 is 7 values, 80000 and 150000 pass: 14 of 33 combinations.
    assertTrue(r.out().contains("组合：11 × 3 = 33 种"), r.out());
    assertTrue(r.out().contains("结果：合规 14 种，不合规 19 种"), r.out());
    assertTrue(r.out().contains("现行文件：1 项违规（EMP-OUTPATIENT-DEDUCT-MIN）"), r.out());
    // Cheapest: one field, the smallest move up to the minimum; the cap stays as it is.
    assertTrue(r.out().contains("改动最小的合规方案：改动 1 个字段，相对改动合计 50%"), r.out());
    assertTrue(r.out().contains("employee.outpatient.classes[2].deductible：200 → 300（+50%）"), r.out());
    assertTrue(r.out().contains(" 1. employee.outpatient.classes[2].deductible=300  employee.annual_cap=150000（改动 1 个字段）"), r.out());
    assertTrue(r.out().contains("EMP-CAP-MIN"), "the cap below 80000 fails: " + r.out());
    assertEquals("", r.err());
  }

  @Test
  void starSetsEveryElementOfTheList() throws IOException {
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.outpatient.classes[*].deductible=250,300");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("（现值 600、400、300）"), r.out());
    // 250 in every class fails; 300 in every class passes the minimum.
    assertTrue(r.out().contains("结果：合规 1 种，不合规 1 种"), r.out());
    // Two classes move (600 → 300, 400 → 300); the third already is 300.
    assertTrue(r.out().contains("改动 2 个字段"), r.out());
  }

  @Test
  void currentValuesAlreadyCompliantCostNothing() throws IOException {
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.annual_cap=80000..150000:10000");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("保持现值即可"), r.out());
  }

  @Test
  void noCompliantCombinationExitsOne() throws IOException {
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.annual_cap=50000..70000:10000");
    assertEquals(1, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("结果：合规 0 种，不合规 3 种"), r.out());
    assertTrue(r.out().contains("没有合规的组合"), r.out());
  }

  @Test
  void inconsistentCombinationsAreCountedNotChecked() throws IOException {
    // The combined employer rate must stay the employer rate plus the maternity rate.
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "maternity.rate_pct=0.5,0.8");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("合规 1 种，不合规 0 种，数据前后矛盾无法评估 1 种"), r.out());
  }

  @Test
  void badVaryIsAUsageErrorWithAHint() throws IOException {
    Path f = write(TestSupport.compliant());
    Run unknown = run("sweep", f.toString(), "--vary", "employee.anual_cap=1..2");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("是否想写“annual_cap”"), unknown.err());
    Run text = run("sweep", f.toString(), "--vary", "city=1..2");
    assertEquals(2, text.code());
    assertTrue(text.err().contains("不是数值字段"), text.err());
    Run range = run("sweep", f.toString(), "--vary", "employee.inpatient.overall_ratio_pct=90..110:10");
    assertEquals(2, range.code());
    assertTrue(range.err().contains("超出允许范围 0–100"), range.err());
    Run syntax = run("sweep", f.toString(), "--vary", "employee.annual_cap=lots");
    assertEquals(2, syntax.code());
    assertTrue(syntax.err().contains("无法识别的取值"), syntax.err());
    Run tooMany = run("sweep", f.toString(), "--vary", "employee.annual_cap=1..100000", "--vary", "resident.annual_cap=1..100000");
    assertEquals(2, tooMany.code());
    assertTrue(tooMany.err().contains("超过上限"), tooMany.err());
  }

  @Test
  void badFileExitsTwo() {
    Run r = run("sweep", dir.resolve("missing.yaml").toString(), "--vary", "employee.annual_cap=1..2");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("missing.yaml"), r.err());
  }
}
