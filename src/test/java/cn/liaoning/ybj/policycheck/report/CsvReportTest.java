package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
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
      assertEquals("'=HYPERLINK(\"http://x\",\"点击\")", r.get(0));
      assertEquals("'@2199", r.get(1));
    }
    List<String> v = rows.stream().filter(r -> r.get(5).equals("EMP-BASE-CEILING")).findFirst().orElseThrow();
    assertEquals("违规", v.get(7));
    assertEquals("violation", v.get(8));
    assertEquals("250", v.get(12));
    assertEquals("2号 一(一)3", v.get(14));
    assertTrue(v.get(15).contains("300%"), "clause text: " + v.get(15));
    assertEquals("employee.contribution.base_ceiling_pct", v.get(16));
    // (a line break in a value is refused by the loader: see HostileInputTest, EchoTest)
    assertEquals("test：-1+1, \"带引号\"　第二段", v.get(18), "the source, quoted");
    assertEquals("2026-12-31", v.get(19));
    assertEquals("184", v.get(20));
    assertTrue(csv.contains("\r\n"), "CRLF line ends for Excel");
  }
}
