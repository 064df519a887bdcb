package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy-check report}: the five files, the summary on stdout, its exit codes, nothing hidden. */
class ReportCommandTest {
  static final String[] FILES = {"index.html", "report.md", "findings.csv", "findings.xlsx", "findings.json"};

  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void writesFiveFilesAndPrintsTheirPaths() throws IOException {
    write("ok.yaml", TestSupport.compliant());
    Path out = dir.resolve("reports");
    Run r = Cli.run("report", dir.resolve("in").toString(), "--out", out.toString(), "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    for (String name : FILES) {
      assertTrue(Files.isRegularFile(out.resolve(name)), name);
      assertTrue(r.out().contains(out.resolve(name).toString()), r.out());
    }
    assertTrue(r.out().contains("1 个统筹区：有违规 0 个，缺数据 0 个，合规 1 个"), r.out());
    assertTrue(r.out().contains("整改期限 2026-12-31（还剩 184 天）"), r.out());
  }

  /** Writing the report is the command's job: a violation found is no failure, unless asked. */
  @Test
  void violationExitsZeroUnlessFailOnAsks() throws IOException {
    write("bad.yaml", TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    Path out = dir.resolve("reports");
    String in = dir.resolve("in").toString();
    Run r = Cli.run("report", in, "--out", out.toString(), "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("有违规 1 个"), r.out());
    JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
    assertEquals(1, json.get("summary").get("violation").asInt());
    assertTrue(Files.readString(out.resolve("index.html")).contains("EMP-BASE-CEILING"));
    assertEquals(1, Cli.run("report", in, "--out", out.toString(), "--as-of", "2026-06-30", "--fail-on", "violation").code());
    assertEquals(1, Cli.run("report", in, "--out", out.toString(), "--as-of", "2026-06-30", "--fail-on", "warning").code());
    write("bad.yaml", TestSupport.compliantWith("employee.inpatient.overall_ratio_pct", 95));
    assertEquals(0, Cli.run("report", in, "--out", out.toString(), "--as-of", "2026-06-30", "--fail-on", "violation").code(),
        "a guidance warning is no violation");
    assertEquals(1, Cli.run("report", in, "--out", out.toString(), "--as-of", "2026-06-30", "--fail-on", "warning").code());
  }

  @Test
  void badFileStillWritesTheReportAndExitsTwo() throws IOException {
    write("a-good.yaml", TestSupport.compliant());
    write("b-bad.yaml", "city: 错误市\nemployee:\n  anual_cap: 80000\n");
    Path out = dir.resolve("reports");
    Run r = Cli.run("report", dir.resolve("in").toString(), "--out", out.toString(), "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("b-bad.yaml:3:3: 错误: 未知的键“anual_cap”"), r.err());
    assertTrue(r.out().contains("结果不完整：1 个统筹区（错误市）的文件有误"), r.out());
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("无法读取的文件"), "the unreadable file is listed in the report");
    assertTrue(html.contains("b-bad.yaml:3:3"), "with its position");
    assertTrue(Files.readString(out.resolve("report.md")).contains("b-bad.yaml:3:3"));
  }

  /**
   * The scenario: a typo (8.6%) in 沈阳's file. 沈阳市 keeps its matrix row, marked 文件有误;
   * the headline says the run is incomplete, never a clean "0 有违规"; findings.json lists the city
   * with its error; check's text summary says the same.
   */
  @Test
  void aTypoInShenyangLeavesItInTheReportAsFileInError() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    try (var s = Files.list(Path.of("city-policies"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(p, in.resolve(p.getFileName()));
      }
    }
    Path shenyang = in.resolve("shenyang.yaml");
    String text = Files.readString(shenyang);
    assertTrue(text.contains("employer_combined_rate_pct: 8.6 "), "the fixture still has the line to break");
    Files.writeString(shenyang, text.replace("employer_combined_rate_pct: 8.6 ", "employer_combined_rate_pct: 8.6%"));
    Path out = dir.resolve("reports");
    Run r = Cli.run("report", in.toString(), "--out", out.toString(), "--as-of", "2026-06-30");
    assertEquals(2, r.code(), r.err());

    String html = Files.readString(out.resolve("index.html"));
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr data-city=[^>]*>\\s*<th><a [^>]*>沈阳市</a>.*?</tr>",
        java.util.regex.Pattern.DOTALL).matcher(html);
    assertTrue(row.find(), "沈阳市 has its matrix row");
    assertTrue(row.group().contains("文件有误"), row.group());
    int line = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("employer_combined_rate_pct: 8.6 ")).findFirst().orElseThrow()) + 1;
    assertTrue(row.group().contains("shenyang.yaml:" + line + ":"), "with the error's position: " + row.group());
    assertTrue(html.contains("结果不完整：1 个统筹区（沈阳市）的文件有误"), "the headline says the run is incomplete");
    assertFalse(html.contains("全部已检查"), "no headline claims every city was checked");
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("结果不完整"), md.substring(0, 600));

    JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
    JsonNode city = null;
    for (JsonNode c : json.get("cities")) {
      if (c.get("file").asText().endsWith("shenyang.yaml")) {
        city = c;
      }
    }
    assertTrue(city != null, "findings.json lists the city");
    assertEquals("沈阳市", city.get("city").asText());
    assertTrue(city.get("unreadable").asBoolean());
    assertEquals(line, city.get("errors").get(0).get("line").asInt());
    assertEquals(1, json.get("errors").size(), "and keeps it under errors");

    Run check = Cli.run("check", in.toString(), "--as-of", "2026-06-30", "--color", "never");
    assertEquals(2, check.code());
    assertTrue(check.out().contains("1 个统筹区无法检查（文件有误：沈阳市"), check.out());
    assertTrue(check.out().contains("结果不完整"), check.out());
  }

  /** report, check and rules count the same things, and each count says what it counts. */
  @Test
  void countsAgreeWithCheckAndRules() {
    Path out = dir.resolve("reports");
    Run report = Cli.run("report", "city-policies", "--out", out.toString(), "--as-of", "2026-06-30");
    Run check = Cli.run("check", "city-policies", "--as-of", "2026-06-30", "--color", "never");
    Run rules = Cli.run("rules");
    java.util.regex.Matcher r = java.util.regex.Pattern.compile("有违规 (\\d+) 个，缺数据 (\\d+) 个.*，合规 (\\d+) 个").matcher(report.out());
    assertTrue(r.find(), report.out());
    java.util.regex.Matcher c = java.util.regex.Pattern.compile("有违规的 (\\d+) 个，缺数据（无违规、有待定）的 (\\d+) 个，合规的 (\\d+) 个")
        .matcher(check.out());
    assertTrue(c.find(), check.out());
    for (int i = 1; i <= 3; i++) {
      assertEquals(c.group(i), r.group(i), "the same count in report and check: " + r.group() + " / " + c.group());
    }
    java.util.regex.Matcher ev = java.util.regex.Pattern.compile("每个统筹区评估规则 (\\d+) 项（规则目录共 (\\d+) 项，另 (\\d+) 项只在与基线比对时评估）")
        .matcher(report.out());
    assertTrue(ev.find(), report.out());
    java.util.regex.Matcher rl = java.util.regex.Pattern.compile("共 (\\d+) 个规则编号.*其中 (\\d+) 个只在与基线比对时评估.*评估 (\\d+) 个").matcher(rules.out());
    assertTrue(rl.find(), rules.out());
    assertEquals(rl.group(1), ev.group(2), "catalogue size");
    assertEquals(rl.group(2), ev.group(3), "baseline-only rules");
    assertEquals(rl.group(3), ev.group(1), "rules evaluated per city");
    assertTrue(Files.exists(out.resolve("index.html")));
  }

  @Test
  void unwritableOutputIsReportedAndExitsTwo() throws IOException {
    write("ok.yaml", TestSupport.compliant());
    Path file = dir.resolve("not-a-dir");
    Files.writeString(file, "x");
    Run r = Cli.run("report", dir.resolve("in").toString(), "--out", file.toString(), "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("无法写入报告目录"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void sameInputAndAsOfGiveTheSameFiles() throws IOException {
    write("ok.yaml", TestSupport.compliantWith("maternity.rate_pct", null));
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, Cli.run("report", dir.resolve("in").toString(), "--out", a.toString(), "--as-of", "2026-06-30").code());
    assertEquals(0, Cli.run("report", dir.resolve("in").toString(), "--out", b.toString(), "--as-of", "2026-06-30").code());
    for (String name : FILES) {
      assertEquals(-1L, Files.mismatch(a.resolve(name), b.resolve(name)), name);
    }
  }

  @Test
  void helpDescribesTheFilesAndExitCodes() {
    Run r = Cli.run("report", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("index.html"), r.out());
    assertTrue(r.out().contains("findings.csv"), r.out());
    assertTrue(r.out().contains("退出状态"), r.out());
    assertTrue(Cli.run("--help").out().contains("report"), "listed among the subcommands");
  }
}
