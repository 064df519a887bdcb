package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The report's optional sections: {@code report --overlay} (七、参数调整的影响, what {@code impact}
 * gives) and {@code report --history} (八、整改进展, the charts {@code history} draws). Absent by
 * default; an overlay in error or a history outside git stops the report before it is written.
 */
class ReportSectionsTest {
  static final String GUIDELINE = ImpactCommandTest.GUIDELINE;
  static final String AS_OF = ImpactCommandTest.AS_OF;

  @TempDir Path dir;

  Path overlay(String yaml) throws IOException {
    Path p = dir.resolve("o.yaml");
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** The HTML of one section, from its opening tag to its closing tag. */
  static String section(String html, String id) {
    Matcher m = Pattern.compile("<section class=\"extra\" id=\"" + id + "\">.*?</section>", Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), "no section " + id);
    return m.group();
  }

  /** The text of a Markdown section, from its heading to the next heading of its level. */
  static String mdSection(String md, String heading) {
    int from = md.indexOf("\n## " + heading);
    assertTrue(from >= 0, "no section " + heading + " in\n" + md);
    int to = md.indexOf("\n## ", from + 1);
    return md.substring(from, to < 0 ? md.length() : to);
  }

  @Test
  void theOverlayOfTheIssueNamesShenyangItsGuidelineRuleAndTheParameterAndLeavesTheRestAsItWas() throws IOException {
    Path o = overlay("# 三级医院职工住院指导线提高到 87%\nparameters:\n  " + GUIDELINE + ":\n    values:\n      2026-01-01: { tier3: 87 }\n");
    Path plain = dir.resolve("plain");
    Path with = dir.resolve("with");
    Run r0 = Cli.run("report", "city-policies", "--as-of", AS_OF, "--out", plain.toString());
    assertEquals(0, r0.code(), r0.err());
    Run r = Cli.run("report", "city-policies", "--as-of", AS_OF, "--overlay", o.toString(), "--out", with.toString());
    assertEquals(0, r.code(), "a new violation under the proposal is no failure of the report: " + r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("参数调整的影响：1 个统筹区受影响（共比较 15 个）：变为违规 1 项"), r.out());

    String html = read(with.resolve("index.html"));
    assertTrue(html.contains("<a href=\"#impact\">七、参数调整的影响</a>"), "in the table of contents");
    assertFalse(html.contains("id=\"progress\""), "only the section asked for");
    String s = section(html, "impact");
    assertTrue(s.contains("<h2>七、参数调整的影响</h2>"), s);
    assertTrue(s.contains("<a href=\"#city-1\">沈阳市（2101）</a></span> · 参数调整的影响"), s);
    assertTrue(s.contains("<span class=\"rule-id\">EMP-INPATIENT-GUIDELINE</span>"), s);
    assertTrue(s.contains("<span class=\"mark\">✗</span>变为违规"), s);
    assertTrue(s.contains("<td class=\"mono small\">" + GUIDELINE + "</td>"), "the cause of the change: " + s);
    assertTrue(s.contains("三级 80% → 87%；二级、一级及以下不变"), s);
    assertTrue(s.contains(o + ":3"), "where the overlay writes the parameter");
    assertTrue(s.contains("现行 86%；要求 ≥ 87%"), s);
    assertTrue(s.contains("2026-12-31<div class=\"muted\">还剩 24 天</div>"), "the new violation's deadline: " + s);
    assertTrue(s.contains("无法判断：与调整的参数相关的规则因缺数据而待定"), "the cities that cannot tell, never 'unaffected'");
    assertTrue(s.contains("大连市（2102）"), s);
    assertEquals(1, count(s, "变为违规</span>"), "one new violation, in one city");

    String md = mdSection(read(with.resolve("report.md")), "七、参数调整的影响");
    assertTrue(md.contains("### 沈阳市（2101） — 参数调整的影响"), md);
    assertTrue(md.contains("- **✗ 变为违规** EMP-INPATIENT-GUIDELINE［特大型三级］"), md);
    assertTrue(md.contains("  - 起因 emp.inpatient.guideline\\_pct"), md);
    assertFalse(read(with.resolve("report.md")).contains("## 八、整改进展"));

    // The rest of the report is the report without the proposal: the findings are the current ones.
    for (String name : List.of("findings.csv", "findings.json")) {
      assertArrayEquals(Files.readAllBytes(plain.resolve(name)), Files.readAllBytes(with.resolve(name)), name);
    }
    String plainHtml = read(plain.resolve("index.html"));
    assertEquals(plainHtml.substring(plainHtml.indexOf("<section id=\"memo\">"), plainHtml.indexOf("<footer>")).stripTrailing(),
        html.substring(html.indexOf("<section id=\"memo\">"), html.indexOf("<section class=\"extra\"")).stripTrailing(),
        "sections 摘要 to 六 unchanged");

    // By default, neither optional section (nor its styles) is in the report.
    String plainMd = read(plain.resolve("report.md"));
    for (String absent : List.of("参数调整的影响", "整改进展", "id=\"impact\"", "id=\"progress\"", "<svg", "section.extra")) {
      assertFalse(plainHtml.contains(absent), absent);
      assertFalse(plainMd.contains(absent), absent);
    }
  }

  @Test
  void anOverlayInErrorIsToldAsImpactTellsItAndNoReportFileIsWritten() throws IOException {
    Path o = overlay("parameters:\n  " + GUIDELINE + ":\n    values:\n      2026-01-01: { tier3: 87 }\n"
        + "  emp.inpatient.no_such_param:\n    values: { 2026-01-01: 90 }\n");
    Path out = dir.resolve("reports");
    // A previous report is left as it was.
    Run first = Cli.run("report", "city-policies/shenyang.yaml", "--as-of", AS_OF, "--out", out.toString());
    assertEquals(0, first.code(), first.err());
    List<byte[]> before = new ArrayList<>();
    for (String name : ReportCommandTest.FILES) {
      before.add(Files.readAllBytes(out.resolve(name)));
    }
    Run r = Cli.run("report", "city-policies/shenyang.yaml", "--as-of", AS_OF, "--overlay", o.toString(),
        "--out", out.toString());
    assertEquals(2, r.code());
    assertEquals("", r.out(), "no summary: nothing written");
    Run impact = Cli.run("impact", o.toString(), "city-policies/shenyang.yaml", "--as-of", AS_OF);
    String diagnostics = impact.err().substring(0, impact.err().indexOf("policy-check: "));
    assertTrue(diagnostics.startsWith(o + ":5:3: 错误: 省级参数中没有“emp.inpatient.no_such_param”"), impact.err());
    assertTrue(r.err().startsWith(diagnostics), "the same file:line:column errors as impact:\n" + r.err());
    assertTrue(r.err().contains("调整方案 " + o + " 有误，未做比较，未写出报告"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    for (int i = 0; i < ReportCommandTest.FILES.length; i++) {
      assertArrayEquals(before.get(i), Files.readAllBytes(out.resolve(ReportCommandTest.FILES[i])), ReportCommandTest.FILES[i]);
    }
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(ReportCommandTest.FILES.length, s.count(), "no other file, no leftover temporary");
    }

    Path fresh = dir.resolve("fresh");
    assertEquals(2, Cli.run("report", "city-policies/shenyang.yaml", "--overlay", dir.resolve("missing.yaml").toString(),
        "--out", fresh.toString()).code());
    assertFalse(Files.exists(fresh), "a missing overlay: no report directory either");
  }

  void commit(Path repo, String date, String message) throws Exception {
    Git.at(repo, null, "add", "-A");
    Git.at(repo, date, "commit", "-q", "-m", message);
  }

  @Test
  void theHistoryOfTwoCommitsIsChartedInItsSectionWithItsTextsEscaped() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path cities = Files.createDirectories(repo.resolve("city-policies"));
    Files.copy(Path.of("city-policies", "anshan.yaml"), cities.resolve("anshan.yaml"));
    Files.copy(Path.of("city-policies", "shenyang.yaml"), cities.resolve("shenyang.yaml"));
    Git.at(repo, null, "init", "-q");
    commit(repo, "2026-03-01T10:00:00+08:00", "各市现行政策");
    String text = read(cities.resolve("shenyang.yaml"));
    for (String line : HistoryCommandTest.DEDUCTIBLES_200) {
      assertTrue(text.contains(line), "Shenyang fixture lacks " + line);
      text = text.replace(line, line.replace("deductible: 200,", "deductible: 300,"));
    }
    Files.writeString(cities.resolve("shenyang.yaml"), text, StandardCharsets.UTF_8);
    commit(repo, "2026-05-01T10:00:00+08:00", "沈阳：<script>alert(1)</script> 起付标准 200 元提高到 300 元");

    Path out = dir.resolve("out");
    Run r = Cli.run("report", cities.toString(), "--as-of", AS_OF, "--history", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("整改进展：2 个状态，"), r.out());
    String html = read(out.resolve("index.html"));
    assertTrue(html.contains("<a href=\"#progress\">八、整改进展</a>"), "in the table of contents");
    assertFalse(html.contains("id=\"impact\""), "only the section asked for");
    String s = section(html, "progress");
    assertTrue(s.contains("<h2>八、整改进展</h2>"), s);
    assertTrue(s.contains("2 个状态："), s);
    assertEquals(3, count(s, "<svg "), "the province's chart and one per city file: " + s);
    assertTrue(s.contains("期限 2026-12-31"), "the deadline is marked on the charts");
    assertTrue(s.contains("沈阳市：违规和待定的数目随提交变化"), s);
    assertFalse(html.contains("<script"), "a commit subject is text, never markup");
    assertTrue(s.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the subject is shown, escaped, in the chart's tips");
    // Each chart is well-formed XML (its writer escapes every text).
    Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(s);
    while (svg.find()) {
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg.group())));
    }
    Matcher row = Pattern.compile("<tr><td class=\"nowrap\">沈阳市</td>.*?</tr>").matcher(s);
    assertTrue(row.find(), s);
    assertTrue(row.group().matches(".*<td class=\"num\">\\d+ → \\d+</td>.*"), "violations or 待定 change from first to latest: " + row.group());

    String md = mdSection(read(out.resolve("report.md")), "八、整改进展");
    assertTrue(md.contains("2 个状态："), md);
    assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), md);
    assertFalse(md.contains("<svg"), "no markup in the Markdown: its tables say the same");
    assertTrue(md.contains("| 沈阳市 | city-policies/shenyang.yaml |"), md);

    Run since = Cli.run("report", cities.toString(), "--as-of", AS_OF, "--history", "--since", "HEAD~1",
        "--out", dir.resolve("since").toString());
    assertEquals(0, since.code(), since.err());
    assertTrue(read(dir.resolve("since").resolve("index.html")).contains("，自 HEAD~1 起"), "the revision named is told");

    // The progress up to the report's as-of date: a commit made after it is not charted.
    Run april = Cli.run("report", cities.toString(), "--as-of", "2026-04-01", "--history", "--out", dir.resolve("april").toString());
    assertEquals(0, april.code(), april.err());
    assertTrue(april.out().contains("整改进展：1 个状态，"), april.out());
    Run before = Cli.run("report", cities.toString(), "--as-of", "2026-01-01", "--history", "--out", dir.resolve("before").toString());
    assertEquals(0, before.code(), before.err());
    assertTrue(before.out().contains("整改进展：没有改动这些文件的提交"), before.out());
  }

  /**
   * A file broken in an old commit is history, not this run's input: the old state is marked on
   * the chart and its error told on stderr, and the report exits as it would without it (0 here).
   */
  @Test
  void aFileBrokenInAnOldCommitIsChartedButDoesNotFailTheReport() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path cities = Files.createDirectories(repo.resolve("city-policies"));
    Files.writeString(cities.resolve("anshan.yaml"), "city: 鞍山市\ncode: [\n", StandardCharsets.UTF_8);
    Git.at(repo, null, "init", "-q");
    commit(repo, "2026-03-01T10:00:00+08:00", "鞍山：写坏了");
    Files.copy(Path.of("city-policies", "anshan.yaml"), cities.resolve("anshan.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    commit(repo, "2026-05-01T10:00:00+08:00", "鞍山：改正");

    Path out = dir.resolve("out");
    Run r = Cli.run("report", cities.toString(), "--as-of", AS_OF, "--history", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("anshan.yaml:"), "the old state's error is told: " + r.err());
    assertTrue(r.err().contains("不影响退出状态"), r.err());
    assertTrue(r.out().contains("历史中有 1 个文件状态无法读取"), r.out());
    assertTrue(Files.exists(out.resolve("index.html")));
  }

  @Test
  void historyOutsideGitIsAClearErrorAndNoReport() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Path.of("city-policies", "anshan.yaml"), in.resolve("anshan.yaml"));
    Path out = dir.resolve("out");
    Run r = Cli.run("report", in.toString(), "--history", "--out", out.toString());
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("policy-check: 无法读取整改进展（--history）："), r.err());
    assertTrue(r.err().contains("不在 git 仓库中"), r.err());
    assertTrue(r.err().contains("未写出报告"), r.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void sinceWithoutHistoryIsAUsageError() {
    Run r = Cli.run("report", "city-policies/shenyang.yaml", "--since", "HEAD~1", "--out", dir.resolve("x").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--since 只与 --history 一起使用"), r.err());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
