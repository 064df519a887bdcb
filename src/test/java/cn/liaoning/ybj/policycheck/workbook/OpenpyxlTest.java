package cn.liaoning.ybj.policycheck.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import cn.liaoning.ybj.policycheck.testsupport.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks as a second, independent reader sees them: Python's openpyxl (Debian's
 * python3-openpyxl, installed by .ci/run) reads the sheets, headers, pre-filled values, data
 * validation and protection, and fills a workbook that the import then reads. Skipped where
 * /usr/bin/python3 with openpyxl is missing.
 */
class OpenpyxlTest {
  static final String PYTHON = "/usr/bin/python3";
  @TempDir static Path shared;
  static Path books;
  static Path cities;

  @TempDir Path dir;

  @BeforeAll
  static void templates() {
    Assumptions.assumeTrue(openpyxl(), "openpyxl 不可用（/usr/bin/python3 -c 'import openpyxl' 失败）：跳过独立读取测试");
    cities = Books.copyCities(shared);
    books = shared.resolve("books");
    Books.templates(cities, books);
  }

  static boolean openpyxl() {
    return Files.isExecutable(Path.of(PYTHON)) && Tools.succeeds(60, PYTHON, "-c", "import openpyxl");
  }

  private Path script(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = OpenpyxlTest.class.getResourceAsStream("/workbook/" + name)) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  private String python(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(PYTHON));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    return out;
  }

  private JsonNode inspect(String stem) throws Exception {
    return new ObjectMapper().readTree(python(script("inspect_workbook.py").toString(), books.resolve(stem + ".xlsx").toString()));
  }

  @Test
  void sheetsHeadersAndProtectionAsOpenpyxlReadsThem() throws Exception {
    JsonNode w = inspect("shenyang");
    assertEquals("[\"说明\",\"参数\",\"职工住院\",\"职工门诊\",\"居民住院\",\"居民门诊\",\"来源\"]", w.get("sheets").toString());
    assertEquals("{\"原值\":\"veryHidden\"}", w.get("hidden").toString(), "the record of the values as they were is out of sight");
    for (JsonNode p : w.get("protection")) {
      assertTrue(p.get("sheet").asBoolean(), w.get("protection").toString());
      assertTrue(p.get("password").isNull(), "protected without a password");
    }
    assertEquals("[\"项目\",\"单位\",\"当前值\",\"允许取值\",\"依据条款\",\"来源\",\"备注\",\"字段路径\"]", w.get("headers").get("参数").toString());
    assertEquals("[\"类别名称\",\"医院级别\",\"起付标准（元/次）\",\"在职职工支付比例（%）\",\"退休人员支付比例（%）\",\"来源\",\"备注\"]",
        w.get("headers").get("职工住院").toString());
    assertEquals("[\"标题\",\"发文机关\",\"文号\",\"日期\",\"编号\"]", w.get("headers").get("来源").toString());
    assertEquals("沈阳市", w.get("readme").get("统筹区").asText());
    assertEquals("shenyang.yaml", w.get("readme").get("政策文件").asText());
  }

  @Test
  void everyValueRowHasItsSchemaLabelAnUnlockedValueCellAndLockedStructure() throws Exception {
    JsonNode params = inspect("shenyang").get("params");
    int values = 0;
    for (Layout.Row row : Layout.paramRows()) {
      JsonNode p = params.get(row.path());
      assertTrue(p != null, "row for " + row.path());
      assertTrue(p.get("labelLocked").asBoolean() && p.get("pathLocked").asBoolean(), row.path());
      if (!row.section()) {
        values++;
        assertEquals(Schema.label(row.path()), p.get("label").asText());
        assertFalse(p.get("valueLocked").asBoolean(), "value cell of " + row.path() + " is unlocked");
        assertTrue(p.get("validation") != null && !p.get("validation").isNull(), "validation on " + row.path());
        assertFalse(p.get("validation").get("promptTitle").isNull(), "input message on " + row.path());
      }
    }
    assertTrue(values >= 50, "values: " + values);
    assertEquals(150000, params.get("employee.annual_cap").get("value").asInt());
    assertEquals("次月起", params.get("employee.linkage.first_enrolment_benefit_start").get("value").asText());
    assertEquals("是", params.get("maternity.base_same_as_employee").get("value").asText());
    assertEquals("2025-12-01T00:00:00", params.get("policy_date").get("value").asText());
    assertTrue(params.get("employee.high_value_drug_deductible").get("value").isNull(), "unknown stays empty");
    assertTrue(params.get("employee.annual_cap").get("clauses").asText().contains("2号 二(一)3 EMP-CAP-MIN：“统筹基金年度最高支付限额不低于 8 万元”"),
        params.get("employee.annual_cap").get("clauses").asText());
  }

  @Test
  void dropDownsShowChineseWordsAndNumbersHaveRanges() throws Exception {
    JsonNode w = inspect("dalian");
    JsonNode params = w.get("params");
    JsonNode timing = params.get("employee.linkage.first_enrolment_benefit_start").get("validation");
    assertEquals("list", timing.get("type").asText());
    assertEquals("\"自缴费到账之日起,自缴费当月起,当月起,次月起,等待期满后\"", timing.get("formula1").asText());
    assertTrue(timing.get("arrow").asBoolean() && timing.get("stop").asBoolean());
    JsonNode pct = params.get("maternity.rate_pct").get("validation");
    assertEquals("decimal", pct.get("type").asText());
    assertEquals("between", pct.get("operator").asText());
    assertEquals("0", pct.get("formula1").asText());
    assertEquals("100", pct.get("formula2").asText());
    JsonNode money = params.get("employee.annual_cap").get("validation");
    assertEquals("decimal", money.get("type").asText());
    assertEquals("0", money.get("formula1").asText());
    assertEquals("whole", params.get("resident.waiting.fixed_months").get("validation").get("type").asText());
    JsonNode basis = params.get("maternity.allowance_basis").get("validation");
    assertEquals("list", basis.get("type").asText());
    assertFalse(basis.get("stop").asBoolean(), "suggested values: other text is accepted");
    JsonNode tier = w.get("classes").get("tier");
    assertEquals("\"一级及以下,二级,三级\"", tier.get("formula1").asText());
    assertFalse(w.get("classes").get("tierLocked").asBoolean());
    assertTrue(params.get("employee.annual_cap").get("value").isNull(), "Dalian's values are unknown: empty");
  }

  @Test
  void aWorkbookFilledByOpenpyxlImportsAndCheckSeesTheValues() throws Exception {
    String spec = """
        {"params": {"employee.annual_cap": 120000, "employee.outpatient.annual_cap": 2500,
                    "employee.linkage.interruption_suspend_from": "次月起", "maternity.base_same_as_employee": "是",
                    "resident.critical_illness.annual_cap": 400000},
         "sections": {"employee": "大医保发〔2025〕9号", "maternity": "大医保发〔2025〕9号", "resident": "大医保发〔2025〕9号"},
         "classes": {"职工门诊": [["一级及以下", "一级及以下", 200, 70, 75]]},
         "sources": [["大连市医疗保障局关于职工医保待遇的通知", "大连市医疗保障局", "大医保发〔2025〕9号", "2025-03-01"]]}
        """;
    Path specFile = dir.resolve("spec.json");
    Files.writeString(specFile, spec, StandardCharsets.UTF_8);
    Path filled = dir.resolve("dalian.xlsx");
    python(script("fill.py").toString(), books.resolve("dalian.xlsx").toString(), filled.toString(), specFile.toString());
    Path mine = Books.copyCities(dir);
    Run r = Cli.run("import", filled.toString(), "--dir", mine.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("职工医保普通门诊统筹年度最高支付限额：未填 → 2500 元（来源：大医保发〔2025〕9号）"), r.out());

    Run check = Cli.run("check", mine.resolve("dalian.yaml").toString(), "--as-of", "2026-06-30", "--color", "never");
    assertEquals(1, check.code(), check.err());
    assertTrue(check.out().contains("✓ 通过") && check.out().contains("EMP-CAP-MIN"), check.out());
    assertTrue(check.out().contains("✗ 违规  EMP-OUTPATIENT-CAP-MIN"), check.out());
    assertTrue(check.out().contains("✗ 违规  EMP-OUTPATIENT-DEDUCT-MIN"), check.out());
    assertTrue(check.out().contains("来源 dalian-1：大连市医疗保障局关于职工医保待遇的通知"), check.out());
  }
}
