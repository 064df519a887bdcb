package cn.liaoning.ybj.policycheck.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** template → fill → import → check: the loop that gets a city's data in. */
class RoundTripTest {
  @TempDir static Path shared;
  static Path books;

  @TempDir Path dir;

  @BeforeAll
  static void templates() {
    books = shared.resolve("books");
    Books.templates(Books.copyCities(shared), books);
  }

  /** A fresh copy of the city files, and a copy of one city's template to fill. */
  private Path cities() {
    return Books.copyCities(dir);
  }

  private XSSFWorkbook book(String stem) {
    return Books.open(books.resolve(stem + ".xlsx"));
  }

  @Test
  void fifteenWorkbooksAndAnUnchangedOneLeavesItsFileByteIdentical() throws IOException {
    Path cities = cities();
    List<Path> all;
    try (Stream<Path> s = Files.list(books)) {
      all = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
    }
    assertEquals(15, all.size());
    String[] args = Stream.concat(Stream.of("import", "--dir", cities.toString()), all.stream().map(Path::toString))
        .toArray(String[]::new);
    Run r = Cli.run(args);
    assertEquals(0, r.code(), r.err());
    assertEquals(15, r.out().split("：无改动", -1).length - 1, r.out());
    try (Stream<Path> s = Files.list(Books.CITIES)) {
      for (Path original : s.toList()) {
        assertArrayEquals(Books.bytes(original), Books.bytes(cities.resolve(original.getFileName())), original.toString());
      }
    }
  }

  @Test
  void dalianFilledByScriptImportsAndCheckReportsOnTheValues() throws IOException {
    Path cities = cities();
    XSSFWorkbook wb = book("dalian");
    Fill.fromYaml(wb, TestSupport.compliant());
    Fill.source(wb, "大连市基本医疗保险政策（测试）", "大连市医疗保障局", "大医保发〔2025〕1号", "2025-06-01");
    for (String section : List.of("fund", "employee", "maternity", "resident")) {
      Books.param(wb, section).getCell(5).setCellValue("大医保发〔2025〕1号");
    }
    Path filled = dir.resolve("dalian.xlsx");
    Books.save(wb, filled);

    Run dry = Cli.run("import", filled.toString(), "--dir", cities.toString(), "--dry-run");
    assertEquals(0, dry.code(), dry.err());
    assertArrayEquals(Books.bytes(Books.CITIES.resolve("dalian.yaml")), Books.bytes(cities.resolve("dalian.yaml")));
    assertTrue(dry.out().contains("职工医保统筹基金年度最高支付限额：未填 → 150000 元（来源：大医保发〔2025〕1号）"), dry.out());
    assertTrue(dry.out().contains("试运行"), dry.out());

    Run r = Cli.run("import", filled.toString(), "--dir", cities.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("新增来源 dalian-1"), r.out());
    String yaml = Files.readString(cities.resolve("dalian.yaml"));
    assertTrue(yaml.startsWith("# yaml-language-server: $schema=../docs/city-policy.schema.json\n# 大连市 — 尚未录入。"), "comments kept");
    assertTrue(yaml.contains("  annual_cap: 150000\n"), yaml);
    assertTrue(yaml.contains("      - { name: 一级, tier: 1, deductible: 200, in_service_pct: 92, retired_pct: 95 }\n"), yaml);
    assertTrue(yaml.contains("  collection_period: { start_month: 9, end_month: 12 }\n"), "flow style kept: " + yaml);

    Run check = Cli.run("check", cities.resolve("dalian.yaml").toString(), "--format", "json", "--as-of", "2026-06-30");
    assertEquals(0, check.code(), check.err());
    JsonNode city = new ObjectMapper().readTree(check.out()).get("cities").get(0);
    assertEquals(0, city.get("summary").path("indeterminate").asInt(), city.get("summary").toString());
    JsonNode cap = null;
    for (JsonNode f : city.get("findings")) {
      if (f.get("rule").asText().equals("EMP-CAP-MIN")) {
        cap = f;
      }
    }
    assertEquals("pass", cap.get("status").asText());
    assertEquals(150000, cap.get("actual").asInt());
    assertTrue(cap.get("source").asText().contains("dalian-1"), cap.toString());

    // Importing the same workbook again changes nothing.
    byte[] once = Books.bytes(cities.resolve("dalian.yaml"));
    Run again = Cli.run("import", filled.toString(), "--dir", cities.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("无改动"), again.out());
    assertArrayEquals(once, Books.bytes(cities.resolve("dalian.yaml")));
  }

  @Test
  void anEmptiedValueIsKeptUnlessClearingIsAsked() throws IOException {
    Path cities = cities();
    XSSFWorkbook wb = book("shenyang");
    Books.value(wb, "employee.annual_cap").setBlank();
    Path filled = dir.resolve("shenyang.xlsx");
    Books.save(wb, filled);
    Run r = Cli.run("import", filled.toString(), "--dir", cities.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("保留原值 150000 元"), r.out());
    assertArrayEquals(Books.bytes(Books.CITIES.resolve("shenyang.yaml")), Books.bytes(cities.resolve("shenyang.yaml")));

    Run clear = Cli.run("import", filled.toString(), "--dir", cities.toString(), "--allow-clear");
    assertEquals(0, clear.code(), clear.err());
    String yaml = Files.readString(cities.resolve("shenyang.yaml"));
    assertTrue(yaml.contains("  annual_cap: null             # “统筹基金最高支付限额”"), yaml);
  }

  @Test
  void aValueFromAnotherDocumentNamesItsOwnSource() throws IOException {
    Path cities = cities();
    XSSFWorkbook wb = book("shenyang");
    Fill.source(wb, "沈阳市医疗保障局关于调整统筹基金最高支付限额的通知", "沈阳市医疗保障局", "沈医保发〔2026〕3号", "2026-01-15");
    Books.value(wb, "employee.annual_cap").setCellValue(200000);
    Books.param(wb, "employee.annual_cap").getCell(5).setCellValue("沈医保发〔2026〕3号");
    Books.param(wb, "employee.annual_cap").getCell(6).setCellValue("通知第一条");
    Path filled = dir.resolve("shenyang.xlsx");
    Books.save(wb, filled);
    Run r = Cli.run("import", filled.toString(), "--dir", cities.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("职工医保统筹基金年度最高支付限额：150000 元 → 200000 元（来源：沈医保发〔2026〕3号）"), r.out());

    List<String> before = Files.readAllLines(Books.CITIES.resolve("shenyang.yaml"));
    List<String> after = Files.readAllLines(cities.resolve("shenyang.yaml"));
    assertTrue(after.contains("  annual_cap: 200000             # 通知第一条"), after.toString());
    assertTrue(after.contains("  value_sources: { annual_cap: shenyang-1 }"), after.toString());
    assertTrue(after.contains("    number: 沈医保发〔2026〕3号"), after.toString());
    // Only the changed line, the new source and the value's source were added or changed.
    assertEquals(before.size() + 6, after.size(), String.join("\n", after));

    CityPolicy p = new PolicyLoader(Set.of()).load(cities.resolve("shenyang.yaml")).policy();
    assertEquals("shenyang-1", p.sourceOf("employee.annual_cap").id());
    assertEquals("sy-guide-2025", p.sourceOf("employee.high_value_drug_deductible").id());
  }

  @Test
  void classesAreEditedAddedAndWithClearingRemovedInTheFilesStyle() throws IOException {
    Path cities = cities();
    XSSFWorkbook wb = book("shenyang");
    Books.cell(wb, "职工门诊", 4, 2).setCellValue(300); // 一级及以下: 200 → 300
    Books.cell(wb, "职工门诊", 6, 0).setCellValue("社区卫生服务中心"); // the first empty row, after the five classes
    Books.cell(wb, "职工门诊", 6, 1).setCellValue("一级及以下");
    Books.cell(wb, "职工门诊", 6, 2).setCellValue(300);
    Books.cell(wb, "职工门诊", 6, 6).setCellValue("新增类别");
    for (int c = 0; c < 7; c++) {
      Books.cell(wb, "职工住院", 2, c).setBlank(); // 区属二级
    }
    Path filled = dir.resolve("shenyang.xlsx");
    Books.save(wb, filled);

    Run kept = Cli.run("import", filled.toString(), "--dir", cities.toString(), "--dry-run");
    assertEquals(0, kept.code(), kept.err());
    assertTrue(kept.out().contains("保留该类别"), kept.out());

    Run r = Cli.run("import", filled.toString(), "--dir", cities.toString(), "--allow-clear");
    assertEquals(0, r.code(), r.err());
    String yaml = Files.readString(cities.resolve("shenyang.yaml"));
    assertTrue(yaml.contains("      - { name: 一级及以下, tier: 1, deductible: 300, in_service_pct: 70, retired_pct: 75 }\n"), yaml);
    assertTrue(yaml.contains("      - { name: 三级传染病和精神疾病专科医院, tier: 3, deductible: 200, in_service_pct: 65, retired_pct: 70 }\n"
        + "      - { name: 社区卫生服务中心, tier: 1, deductible: 300, in_service_pct: null, retired_pct: null }  # 新增类别\n"), yaml);
    assertFalse(yaml.contains("区属二级"), yaml);
    assertTrue(yaml.contains("      - { name: 市属二级, tier: 2"), yaml);
  }

  @Test
  void aValueChangedInTheFileSinceTheWorkbookWasMadeIsNotOverwritten() throws IOException {
    Path cities = cities();
    Path yaml = cities.resolve("shenyang.yaml");
    // After the template was made, the file's annual cap changed (an approved adjustment).
    Files.writeString(yaml, Files.readString(yaml).replace("annual_cap: 150000 ", "annual_cap: 160000 "));
    XSSFWorkbook wb = book("shenyang");
    Books.value(wb, "employee.outpatient.annual_cap").setCellValue(13000);
    Path filled = dir.resolve("shenyang.xlsx");
    Books.save(wb, filled);
    Run r = Cli.run("import", filled.toString(), "--dir", cities.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("已在文件中改为 160000 元，工作簿未改动此项，保留文件中的值"), r.out());
    String text = Files.readString(yaml);
    assertTrue(text.contains("annual_cap: 160000 ") && text.contains("annual_cap: 13000 "), text);

    // The workbook changing it too, to another value, is a conflict: nothing is written.
    Books.value(wb, "employee.annual_cap").setCellValue(170000);
    Books.save(wb, filled);
    byte[] before = Books.bytes(yaml);
    Run conflict = Cli.run("import", filled.toString(), "--dir", cities.toString());
    assertEquals(2, conflict.code(), conflict.out());
    assertTrue(conflict.err().contains("生成填报表时文件中为 150000，之后文件已改为 160000 元，工作簿中又填为 170000 元"), conflict.err());
    assertArrayEquals(before, Books.bytes(yaml));
  }

  @Test
  void sourcesWithTheSameTitleAreToldApartByTheirIds() throws IOException {
    Path mine = Files.createDirectories(dir.resolve("own"));
    String text = Files.readString(Books.CITIES.resolve("shenyang.yaml"))
        .replace("    file: docs/sources/003_b2916466e5dfe043.txt\n",
            "    file: docs/sources/003_b2916466e5dfe043.txt\n"
                + "  - id: sy-guide-2024\n    title: 沈阳市城镇职工基本医疗保险经办指南\n    date: 2024-12\n")
        .replace("  linkage:\n    source: sy-guide-2025", "  linkage:\n    source: sy-guide-2024");
    Path yaml = mine.resolve("shenyang.yaml");
    Files.writeString(yaml, text);
    Run t = Cli.run("template", yaml.toString(), "--out", mine.toString());
    assertEquals(0, t.code(), t.err());
    XSSFWorkbook wb = Books.open(mine.resolve("shenyang.xlsx"));
    assertEquals("sy-guide-2024", Books.param(wb, "employee.linkage").getCell(5).getStringCellValue());
    Run r = Cli.run("import", mine.resolve("shenyang.xlsx").toString(), "--dir", mine.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("无改动"), r.out());
    assertEquals(text, Files.readString(yaml));
  }

  /** Fills a workbook as a script would. */
  static final class Fill {
    private Fill() {}

    @SuppressWarnings("unchecked")
    static void fromYaml(XSSFWorkbook wb, String yaml) {
      Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      for (Layout.Row row : Layout.paramRows()) {
        if (row.section()) {
          continue;
        }
        Object v = get(doc, row.path());
        if (v != null) {
          put(Books.value(wb, row.path()), row.path(), v);
        }
      }
      for (Layout.ClassSheet c : Layout.CLASS_SHEETS) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) get(doc, c.list());
        List<String> fields = c.fields();
        for (int i = 0; items != null && i < items.size(); i++) {
          for (int f = 0; f < fields.size(); f++) {
            Object v = items.get(i).get(fields.get(f));
            if (v != null) {
              put(Books.cell(wb, c.name(), i + 1, f), c.list() + "[*]." + fields.get(f), v);
            }
          }
        }
      }
    }

    static void source(XSSFWorkbook wb, String title, String issuer, String number, String date) {
      int r = 1;
      while (Books.cell(wb, "来源", r, 0).getCellType() != org.apache.poi.ss.usermodel.CellType.BLANK) {
        r++;
      }
      Books.cell(wb, "来源", r, 0).setCellValue(title);
      Books.cell(wb, "来源", r, 1).setCellValue(issuer);
      Books.cell(wb, "来源", r, 2).setCellValue(number);
      Books.cell(wb, "来源", r, 3).setCellValue(date);
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> doc, String path) {
      Object cur = doc;
      for (String k : path.split("\\.")) {
        if (!(cur instanceof Map<?, ?> m)) {
          return null;
        }
        cur = ((Map<String, Object>) m).get(k);
      }
      return cur;
    }

    /** As a clerk types it: numbers as numbers, Chinese words for codes, 是/否, dates as dates. */
    private static void put(Cell c, String path, Object v) {
      Schema.Scalar s = Schema.scalarAt(path);
      if (v instanceof Boolean b) {
        c.setCellValue(b ? "是" : "否");
      } else if (v instanceof List<?> l) {
        c.setCellValue(l.isEmpty() ? "不区分" : String.join("、", l.stream().map(o -> s.choiceLabel(o.toString())).toList()));
      } else if (v instanceof Number n && s != null && !s.choices().isEmpty()) {
        c.setCellValue(s.choiceLabel(n.toString()));
      } else if (v instanceof Number n) {
        c.setCellValue(n.doubleValue());
      } else if (v instanceof java.util.Date d) {
        c.setCellValue(LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC));
      } else if (s != null && !s.choices().isEmpty()) {
        c.setCellValue(s.choiceLabel(v.toString()));
      } else {
        c.setCellValue(v.toString());
      }
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
