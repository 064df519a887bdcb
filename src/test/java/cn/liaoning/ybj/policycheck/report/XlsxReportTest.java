package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * findings.xlsx as another program reads it: openpyxl (Debian's python3-openpyxl, installed by
 * .ci/run) opens the workbook and reports each cell's type. Skipped where /usr/bin/python3 has no
 * openpyxl.
 */
class XlsxReportTest {
  @TempDir Path dir;

  /** What openpyxl gives for a numeric cell. */
  private static final List<String> NUMBER = List.of("int", "float");

  private static final String READER = """
      import json, sys, datetime, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      out = {"sheets": wb.sheetnames}
      for ws in wb.worksheets:
          rows = []
          for row in ws.iter_rows(values_only=True):
              rows.append([[type(v).__name__, v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v] for v in row])
          widths = {k: d.width for k, d in ws.column_dimensions.items()}
          out[ws.title] = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows, "widths": widths}
      print(json.dumps(out, ensure_ascii=False))
      """;

  @Test
  void anIndependentReaderSeesNumbersDatesChineseFrozenHeadersAndFilters() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python) && exitCode(python.toString(), "-c", "import openpyxl") == 0,
        "no openpyxl for /usr/bin/python3 (apt-get install python3-openpyxl): workbook test skipped");

    RunResult checked = Reports.run(TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250),
        TestSupport.compliantWith("city", "缺数据市", "code", "2198", "employee.annual_cap", null));
    RunResult run = new RunResult(checked.asOf(), checked.cities(), List.of(new Diagnostic("city-policies/broken.yaml", 33, 33,
        Diagnostic.Severity.ERROR, "应为数字，而不是“8.6%”", null)));
    Path out = dir.resolve("reports");
    ReportFiles.write(out, run, TestSupport.catalogue(), TestSupport.parameters());
    Path script = dir.resolve("read.py");
    Files.writeString(script, READER, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(python.toString(), script.toString(), out.resolve("findings.xlsx").toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), json);
    JsonNode wb = new ObjectMapper().readTree(json);

    assertEquals("[\"摘要\",\"结论\",\"数据缺口\",\"整改期限\"]", wb.get("sheets").toString());
    for (String sheet : List.of("结论", "数据缺口", "整改期限")) {
      JsonNode s = wb.get(sheet);
      assertEquals("A2", s.get("freeze").asText(), sheet + ": header row frozen");
      int rows = s.get("rows").size();
      assertTrue(s.get("filter").asText().matches("A1:[A-Z]+" + rows), sheet + ": autofilter over every row: " + s.get("filter"));
      s.get("widths").fields().forEachRemaining(w -> assertTrue(w.getValue().asDouble() >= 5, sheet + " column " + w.getKey() + " too narrow"));
    }

    JsonNode findings = wb.get("结论").get("rows");
    List<String> header = new ArrayList<>();
    findings.get(0).forEach(c -> header.add(c.get(1).asText()));
    assertEquals(CsvReport.HEADER, header, "the CSV's columns, in Chinese");
    JsonNode violation = null;
    JsonNode unreadable = null;
    for (JsonNode r : findings) {
      if (cell(r, header, "规则编号").asText().equals("EMP-BASE-CEILING") && cell(r, header, "状态").asText().equals("违规")) {
        violation = r;
      }
      if (cell(r, header, "状态").asText().equals("文件有误")) {
        unreadable = r;
      }
    }
    assertTrue(violation != null, "the violation is a row");
    assertTrue(NUMBER.contains(type(violation, header, "实际值")), "实际值 is a number: " + violation);
    assertEquals(250, cell(violation, header, "实际值").asInt());
    assertEquals("%", cell(violation, header, "单位").asText());
    assertTrue(NUMBER.contains(type(violation, header, "行号")), "行号 is a number");
    assertEquals("datetime", type(violation, header, "整改期限"), "期限 is a date");
    assertTrue(cell(violation, header, "整改期限").asText().startsWith("2026-12-31"));
    assertTrue(NUMBER.contains(type(violation, header, "剩余天数")));
    assertEquals("等于 300%", cell(violation, header, "要求").asText(), "no requirement starts with =");
    assertEquals("职工个人缴费基数上限", cell(violation, header, "字段").asText(), "Chinese intact");
    assertTrue(unreadable != null, "the unreadable file is a row, marked 文件有误");
    assertEquals(33, cell(unreadable, header, "行号").asInt());

    JsonNode due = wb.get("整改期限").get("rows");
    assertEquals("datetime", due.get(1).get(0).get(0).asText(), "整改期限 sheet: the deadline is a date");
    assertTrue(due.toString().contains("300%"), "from → to: the nearest compliant value " + due);

    JsonNode gaps = wb.get("数据缺口").get("rows");
    assertTrue(gaps.toString().contains("职工医保统筹基金年度最高支付限额"), "the missing field by its Chinese label: " + gaps);
    assertTrue(gaps.toString().contains("文件有误"), "the unreadable file is in the data gaps too");
  }

  private static JsonNode cell(JsonNode row, List<String> header, String column) {
    return row.get(header.indexOf(column)).get(1);
  }

  private static String type(JsonNode row, List<String> header, String column) {
    return row.get(header.indexOf(column)).get(0).asText();
  }

  private static int exitCode(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
