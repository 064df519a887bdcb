package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** findings.csv: one row per finding, Excel-ready, formula injection neutralised. */
class CsvReportTest {
  static List<List<String>> parse(String csv) throws IOException {
    assertTrue(csv.startsWith(CsvReport.BOM), "starts with a BOM");
    CsvMapper m = new CsvMapper();
    m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> it = m.readerForListOf(String.class).readValues(csv.substring(1))) {
      return it.readAll();
    }
  }

  @Test
  void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
    assertEquals("'=1+2", CsvReport.neutralise("=1+2"));
    assertEquals("'+SUM(A1:A9)", CsvReport.neutralise("+SUM(A1:A9)"));
    assertEquals("'-2+3+cmd|' /C calc'!A0", CsvReport.neutralise("-2+3+cmd|' /C calc'!A0"));
    assertEquals("'@SUM(1+1)", CsvReport.neutralise("@SUM(1+1)"));
    assertEquals("'\t=1", CsvReport.neutralise("\t=1"));
    assertEquals("沈阳市", CsvReport.neutralise("沈阳市"));
    assertEquals("-10", CsvReport.neutralise("-10"), "a plain negative number stays a number");
    assertEquals("-0.5", CsvReport.neutralise("-0.5"));
    assertEquals("", CsvReport.neutralise(""));
    assertEquals("a=b", CsvReport.neutralise("a=b"), "only the first character matters");
  }

  @Test
  void oneRowPerFindingWithHeaderAndNeutralisedCityValues() throws IOException {
    RunResult run = Reports.run(TestSupport.compliantWith(
        "city", "=HYPERLINK(\"http://x\",\"点击\")",
        "code", "@2199",
        "sources[0].title", "-1+1, \"带引号\"　第二段",
        "employee.contribution.base_ceiling_pct", 250));
    String csv = CsvReport.write(Reports.model(run));
    List<List<String>> rows = parse(csv);
    assertEquals(CsvReport.HEADER, rows.get(0));
    int findings = run.cities().get(0).findings().size();
    assertEquals(findings + 1, rows.size(), "one row per finding");
    for (List<String> r : rows.subList(1, rows.size())) {
      assertEquals(CsvReport.HEADER.size(), r.size(), r.toString());
      assertEquals("'=HYPERLINK(\"http://x\",\"点击\")", cell(r, "统筹区"));
      assertEquals("'@2199", cell(r, "行政区划代码"));
      assertFalse(cell(r, "要求").startsWith("'"), "no requirement needs the formula guard: " + r);
    }
    List<String> v = rows.stream().filter(r -> cell(r, "规则编号").equals("EMP-BASE-CEILING")).findFirst().orElseThrow();
    assertEquals("违规", cell(v, "状态"));
    assertEquals("violation", cell(v, "状态代码"));
    assertEquals("职工个人缴费基数上限", cell(v, "字段"), "the field by its Chinese label");
    assertEquals("250", cell(v, "实际值"), "the number alone");
    assertEquals("%", cell(v, "单位"));
    assertEquals("等于 300%", cell(v, "要求"), "written 等于, never a leading =");
    assertEquals("2号 一(一)3", cell(v, "条款"));
    assertTrue(cell(v, "条款原文").contains("300%"), "clause text: " + cell(v, "条款原文"));
    assertEquals("employee.contribution.base_ceiling_pct", cell(v, "字段路径"));
    assertEquals("test：-1+1, \"带引号\"　第二段", cell(v, "值的来源"), "the source, quoted (a line break in a value is refused by the loader: see HostileInputTest, EchoTest)");
    assertEquals("2026-12-31", cell(v, "整改期限"));
    assertEquals("184", cell(v, "剩余天数"));
    assertTrue(csv.contains("\r\n"), "CRLF line ends for Excel");
  }

  @Test
  void anUnreadableFileIsARowMarkedFileInError() throws IOException {
    RunResult ok = Reports.run(TestSupport.compliant());
    RunResult run = new RunResult(ok.asOf(), ok.cities(), List.of(new Diagnostic("city-policies/broken.yaml", 33, 33,
        Diagnostic.Severity.ERROR, "“employee.contribution.employer_combined_rate_pct”应为数字，而不是“8.6%”", null)));
    List<List<String>> rows = parse(CsvReport.write(Reports.model(run)));
    List<String> bad = rows.stream().filter(r -> cell(r, "城市文件").equals("city-policies/broken.yaml")).findFirst().orElseThrow();
    assertEquals("文件有误", cell(bad, "状态"));
    assertEquals("unreadable", cell(bad, "状态代码"));
    assertEquals("33", cell(bad, "行号"));
    assertTrue(cell(bad, "结论说明").contains("city-policies/broken.yaml:33:33"), bad.toString());
    assertEquals("broken.yaml", cell(bad, "统筹区"), "no file to read the name from: the file's name stands for it");
  }

  static String cell(List<String> row, String column) {
    return row.get(CsvReport.HEADER.indexOf(column));
  }
}
