package cn.liaoning.ybj.policycheck.cli;

import static cn.liaoning.ybj.policycheck.testsupport.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep}: every combination evaluated, counted over the rules the variation affects (the
 * others reported apart), 待定 never counted as 合规, the cheapest change found.
 */
class SweepCommandTest {
  @TempDir Path dir;


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
    assertTrue(r.out().contains("受所变动字段影响的规则（2 项）：EMP-OUTPATIENT-DEDUCT-MIN、EMP-CAP-MIN"), r.out());
    assertTrue(r.out().contains("这些规则全部合规的组合 14 种，不合规 19 种"), r.out());
    assertTrue(r.out().contains("现行文件：不合规——违规 1 项（EMP-OUTPATIENT-DEDUCT-MIN）"), r.out());
    assertTrue(r.out().contains("总体结论（全部规则）：合规 14 种，不合规 19 种，不能判定 0 种"), r.out());
    // Cheapest: one field, the smallest move up to the minimum; the cap stays as it is.
    assertTrue(r.out().contains("使受影响的规则合规的最小改动：改动 1 个字段，相对改动合计 50%（此时全部规则合规）"), r.out());
    assertTrue(r.out().contains("employee.outpatient.classes[2].deductible：200 → 300（+50%）"), r.out());
    assertTrue(r.out().contains(" 1. employee.outpatient.classes[2].deductible=300  employee.annual_cap=150000（改动 1 个字段）"), r.out());
    assertTrue(r.out().contains("EMP-CAP-MIN                  11"), "the cap below 80000 fails: " + r.out());
    assertEquals("", r.err());
  }

  @Test
  void starSetsEveryElementOfTheListAndCountsAsOneChange() throws IOException {
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.outpatient.classes[*].deductible=250,300");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("（现值 600、400、300）"), r.out());
    // 250 in every class fails; 300 in every class passes the minimum.
    assertTrue(r.out().contains("这些规则全部合规的组合 1 种，不合规 1 种"), r.out());
    // One --vary changed; two of its classes move (600 → 300, 400 → 300), the third already is 300.
    assertTrue(r.out().contains("改动 1 个字段（共 2 项）"), r.out());
  }

  /**
   * The README's example on 沈阳's own file: LINK-EMP-FIRST-ENROLL fails whatever the outpatient
   * deductibles are, so it is reported apart, and the answer is the deductible that fixes the
   * rule they do govern: 300.
   */
  @Test
  void theReadmeExampleGivesARealAnswer() {
    Run r = run("sweep", "city-policies/shenyang.yaml", "--as-of", "2026-06-30",
        "--vary", "employee.outpatient.classes[*].deductible=100..600:50");
    assertEquals(0, r.code(), r.err() + r.out());
    String out = r.out();
    assertTrue(out.contains("受所变动字段影响的规则（1 项）：EMP-OUTPATIENT-DEDUCT-MIN"), out);
    assertTrue(out.contains("这些规则全部合规的组合 7 种，不合规 4 种"), out);
    int apart = out.indexOf("不受所变动字段影响的规则");
    assertTrue(apart > 0, out);
    assertTrue(out.indexOf("违规：LINK-EMP-FIRST-ENROLL", apart) > apart, "listed as unaffected: " + out);
    assertTrue(out.contains("  1. employee.outpatient.classes[*].deductible=300（改动 1 个字段）"), "300 is the cheapest: " + out);
    assertTrue(out.contains("employee.outpatient.classes[3].deductible：200 → 300（+50%）"), out);
    assertTrue(out.contains("此时总体仍不合规：违规 LINK-EMP-FIRST-ENROLL"), "the overall verdict stated apart: " + out);
    assertTrue(out.contains("总体结论（全部规则）：合规 0 种"), out);
  }

  /** A file of nulls is 待定 everywhere: never 合规, not as it is nor after a change. */
  @Test
  void anAllNullCityIsNeverCalledCompliant() {
    Run r = run("sweep", "city-policies/dalian.yaml", "--as-of", "2026-06-30", "--vary", "maternity.rate_pct=0.5,0.8,1,1.2");
    String out = r.out();
    assertFalse(out.contains("现行文件：合规"), out);
    assertTrue(out.contains("现行文件：不能判定"), out);
    assertTrue(out.contains("受所变动字段影响的规则（1 项）：MAT-RATE-CAP"), out);
    assertTrue(out.contains("总体结论（全部规则）：合规 0 种，不合规 1 种，不能判定 3 种"), out);
    assertTrue(out.contains("此时总体仍不能判定"), out);
    assertFalse(out.contains("改动最小的合规方案"), out);
  }

  /**
   * Below 8% the employer rate needs the fund's state (missing here) to decide whether it must be
   * raised: those combinations are 不能判定, not 合规; at 8% the rule is decided.
   */
  @Test
  void undecidedCombinationsAreNotCompliant() throws IOException {
    Path f = write(TestSupport.compliantWith("fund.employee", null, "employee.contribution.employer_combined_rate_pct", null));
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.contribution.employer_rate_pct=7,7.5,8");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("EMP-RATE-EMPLOYER-RISK"), r.out());
    assertTrue(r.out().contains("这些规则全部合规的组合 1 种，不合规 0 种，不能判定 2 种（待定，缺：职工医保基金运行状况）"), r.out());
    assertTrue(r.out().contains("employee.contribution.employer_rate_pct：7.5 → 8（+6.7%）"), r.out());
    assertTrue(r.out().contains("此时总体仍不能判定"), r.out());
  }

  /** A variation that decides nothing: said so, and no fix is claimed. */
  @Test
  void aVariationThatChangesNoConclusionIsSaidSo() throws IOException {
    Path f = write(TestSupport.compliantWith("employee.outpatient.classes[2].in_service_pct", null));
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.outpatient.classes[2].retired_pct=60,75");
    assertEquals(1, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("所变动的字段（在所给范围内）不影响任何规则的结论"), r.out());
    assertTrue(r.out().contains("总体结论（全部规则）：合规 0 种，不合规 0 种，不能判定 2 种"), r.out());
  }

  @Test
  void currentValuesAlreadyCompliantCostNothing() throws IOException {
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.annual_cap=80000..150000:10000");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("受所变动字段影响的规则（1 项）：EMP-CAP-MIN"), "the rule about the field, though it passes throughout: " + r.out());
    assertTrue(r.out().contains("保持现值即可"), r.out());
  }

  @Test
  void noCompliantCombinationExitsOne() throws IOException {
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "employee.annual_cap=50000..70000:10000");
    assertEquals(1, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("这些规则全部合规的组合 0 种，不合规 3 种"), r.out());
    assertTrue(r.out().contains("没有使受影响的规则全部合规的组合"), r.out());
  }

  @Test
  void inconsistentCombinationsAreCountedNotChecked() throws IOException {
    // The combined employer rate must stay the employer rate plus the maternity rate.
    Path f = write(TestSupport.compliant());
    Run r = run("sweep", f.toString(), "--as-of", "2026-06-30", "--vary", "maternity.rate_pct=0.5,0.8");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("合规的组合 1 种，不合规 0 种，数据前后矛盾无法评估 1 种"), r.out());
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
