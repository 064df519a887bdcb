package cn.liaoning.ybj.policycheck.cli;

import static cn.liaoning.ybj.policycheck.testsupport.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.history.GitHistory;
import cn.liaoning.ybj.policycheck.history.History;
import cn.liaoning.ybj.policycheck.history.HistoryChart;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code policy-check history} on a temporary git repository built in the test: the city files
 * of {@code city-policies/} committed, then changed in further commits with fixed dates.
 */
class HistoryCommandTest {
  /** The outpatient classes of Shenyang whose deductible is 200 yuan. */
  static final String[] DEDUCTIBLES_200 = {
    "{ name: 二级, tier: 2, deductible: 200,", "{ name: 一级及以下, tier: 1, deductible: 200,",
    "{ name: 三级传染病和精神疾病专科医院, tier: 3, deductible: 200,"};

  @TempDir Path repo;
  Path cities;


  void git(String date, String... args) throws IOException, InterruptedException {
    Git.at(repo, date, args);
  }

  void commit(String date, String message) throws Exception {
    git(null, "add", "-A");
    git(date, "commit", "-q", "-m", message);
  }

  String shenyang() throws IOException {
    return Files.readString(cities.resolve("shenyang.yaml"), StandardCharsets.UTF_8);
  }

  /** Shenyang's 200-yuan outpatient deductibles raised to 300. */
  void raiseDeductibles() throws IOException {
    String text = shenyang();
    for (String line : DEDUCTIBLES_200) {
      assertTrue(text.contains(line), "Shenyang fixture lacks " + line);
      text = text.replace(line, line.replace("deductible: 200,", "deductible: 300,"));
    }
    Files.writeString(cities.resolve("shenyang.yaml"), text, StandardCharsets.UTF_8);
  }

  /** A first commit holding every city file as it is. */
  @BeforeEach
  void firstCommit() throws Exception {
    cities = Files.createDirectories(repo.resolve("city-policies"));
    try (Stream<Path> s = Files.list(Path.of("city-policies"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(p, cities.resolve(p.getFileName().toString()));
      }
    }
    git(null, "init", "-q");
    commit("2026-03-01T10:00:00+08:00", "各市现行政策");
  }

  static JsonNode city(JsonNode root, String file) {
    for (JsonNode c : root.get("cities")) {
      if (c.get("file").asText().equals(file)) {
        return c;
      }
    }
    throw new AssertionError("no " + file + " in " + root);
  }

  /** The number of violations that {@code check} finds in this text as of this date. */
  int checkedViolations(String yaml, String asOf) throws IOException {
    Path dir = Files.createTempDirectory(repo.getParent(), "state");
    Files.writeString(dir.resolve("shenyang.yaml"), yaml, StandardCharsets.UTF_8);
    return run("check", dir.resolve("shenyang.yaml").toString(), "--as-of", asOf, "--format", "json")
        .json().get("summary").get("violation").asInt();
  }

  @Test
  void twoCommitsGiveTwoPointsPerCityAndShenyangsViolationsFallWhenItsDeductiblesRise() throws Exception {
    String before = shenyang();
    raiseDeductibles();
    commit("2026-05-01T10:00:00+08:00", "沈阳：普通门诊统筹起付标准 200 元提高到 300 元");
    Run r = run("history", cities.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode root = r.json();
    assertEquals(2, root.get("commits").size());
    assertEquals("2026-03-01", root.get("commits").get(0).get("as_of").asText(), "checked as of each commit's date");
    assertEquals("2026-05-01", root.get("commits").get(1).get("as_of").asText());
    long files;
    try (Stream<Path> s = Files.list(cities)) {
      files = s.count();
    }
    assertEquals(files, root.get("cities").size());
    for (JsonNode c : root.get("cities")) {
      assertEquals(2, c.get("points").size(), c.get("file").asText());
      for (JsonNode p : c.get("points")) {
        assertEquals("checked", p.get("state").asText());
      }
    }
    JsonNode sy = city(root, "city-policies/shenyang.yaml");
    assertEquals("沈阳市", sy.get("city").asText());
    int first = sy.get("points").get(0).get("violation").asInt();
    int second = sy.get("points").get(1).get("violation").asInt();
    assertEquals(checkedViolations(before, "2026-03-01"), first, "the first state, as check finds it");
    assertEquals(checkedViolations(shenyang(), "2026-05-01"), second, "the second state, as check finds it");
    assertEquals(first - DEDUCTIBLES_200.length, second, "one violation fixed per raised deductible (4 → 1 with the rules of 2026-12)");
    // A city untouched by the second commit keeps its counts.
    JsonNode dl = city(root, "city-policies/dalian.yaml");
    assertEquals(dl.get("points").get(0).get("indeterminate").asInt(), dl.get("points").get(1).get("indeterminate").asInt());
    assertTrue(dl.get("points").get(0).get("indeterminate").asInt() > 0, "missing data is counted, never a pass");

    Run text = run("history", cities.toString());
    assertEquals(0, text.code());
    assertTrue(text.out().contains("沈阳市　city-policies/shenyang.yaml"), text.out());
    assertTrue(text.out().contains("整改期限 2026-12-31"), text.out());
  }

  @Test
  void aFixedAsOfDateAndSinceARevision() throws Exception {
    raiseDeductibles();
    commit("2026-05-01T10:00:00+08:00", "二");
    Files.writeString(cities.resolve("dalian.yaml"), Files.readString(cities.resolve("dalian.yaml")) + "# 备注\n");
    commit("2026-06-01T10:00:00+08:00", "三");
    JsonNode all = run("history", cities.toString(), "--as-of", "2026-12-31", "--format", "json").json();
    assertEquals(3, all.get("commits").size());
    assertEquals("2026-12-31", all.get("as_of").asText());
    for (JsonNode c : all.get("commits")) {
      assertEquals("2026-12-31", c.get("as_of").asText());
    }
    JsonNode since = run("history", cities.toString(), "--since", "HEAD~1", "--format", "json").json();
    assertEquals(2, since.get("commits").size(), "the state at HEAD~1, then the commit after it");
    assertEquals("二", since.get("commits").get(0).get("subject").asText());
    Run missing = run("history", cities.toString(), "--since", "no-such-rev");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("版本“no-such-rev”在 git 仓库"), missing.err());
  }

  @Test
  void theSameFileIsCheckedAgainWhenItsCommitsDateBringsOtherParameters() throws Exception {
    // Rewrite the first commit's date to before 2号 took effect (2025-06-30): no guideline was in force.
    git("2025-01-01T10:00:00+08:00", "commit", "-q", "--amend", "--no-edit", "--date", "2025-01-01T10:00:00+08:00");
    Files.writeString(cities.resolve("dalian.yaml"), Files.readString(cities.resolve("dalian.yaml")) + "# 备注\n");
    commit("2026-05-01T10:00:00+08:00", "大连：备注");
    JsonNode sy = city(run("history", cities.toString(), "--format", "json").json(), "city-policies/shenyang.yaml");
    assertEquals(checkedViolations(shenyang(), "2025-01-01"), sy.get("points").get(0).get("violation").asInt());
    assertEquals(checkedViolations(shenyang(), "2026-05-01"), sy.get("points").get(1).get("violation").asInt());
    assertTrue(sy.get("points").get(0).get("violation").asInt() != sy.get("points").get(1).get("violation").asInt(),
        "an unchanged file checked as of two dates with different parameters: " + sy);
  }

  @Test
  void anUnreadableStateIsShownNotDroppedAndAFileAddedLaterIsAbsentBefore() throws Exception {
    Files.writeString(cities.resolve("dalian.yaml"), "city: [\n", StandardCharsets.UTF_8);
    Files.writeString(cities.resolve("new.yaml"), Files.readString(Path.of("city-policies/dalian.yaml")), StandardCharsets.UTF_8);
    Files.writeString(cities.resolve("esc\u001b[31m.yaml"), "city: 某市\n", StandardCharsets.UTF_8);
    commit("2026-05-01T10:00:00+08:00", "坏文件\u001b[2J");
    Run text = run("history", cities.toString());
    assertFalse(text.out().contains("\u001b") || text.err().contains("\u001b"), "no terminal escape from the repository is echoed");
    assertTrue(text.out().contains("esc\uFFFD[31m.yaml"), text.out());
    Files.delete(cities.resolve("esc\u001b[31m.yaml"));
    commit("2026-05-02T10:00:00+08:00", "去掉");
    Run r = run("history", cities.toString(), "--format", "json");
    assertEquals(2, r.code(), "a state that cannot be read is an error");
    assertTrue(r.err().matches("(?s)[0-9a-f]{7}:city-policies/dalian\\.yaml:\\d+:\\d+: 错误: .*"), r.err());
    JsonNode dl = city(r.json(), "city-policies/dalian.yaml").get("points");
    assertEquals("checked", dl.get(0).get("state").asText());
    assertEquals("unreadable", dl.get(1).get("state").asText());
    assertTrue(dl.get(1).get("violation").isNull(), "no count for a file that could not be read");
    assertTrue(dl.get(1).get("problem").asText().contains("YAML"), dl.toString());
    JsonNode added = city(r.json(), "city-policies/new.yaml").get("points");
    assertEquals("absent", added.get(0).get("state").asText());
    assertEquals("checked", added.get(1).get("state").asText());
    assertEquals(2, r.json().get("errors").size(), "dalian's state, and the file whose name cannot be shown");
  }

  @Test
  void notARepositoryOrNoSuchPathIsAClearError() throws Exception {
    Path outside = Files.createTempDirectory("not-a-repo");
    try {
      Files.writeString(outside.resolve("x.yaml"), "city: 某市\n");
      Run r = run("history", outside.toString());
      assertEquals(2, r.code());
      assertTrue(r.err().contains("不在 git 仓库中"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    } finally {
      Files.deleteIfExists(outside.resolve("x.yaml"));
      Files.deleteIfExists(outside);
    }
    Run r = run("history", repo.resolve("city-polices").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("不存在"), r.err());
  }

  @Test
  void outWritesTheCsvJsonAndAStandaloneChartWithEverythingEscaped() throws Exception {
    raiseDeductibles();
    commit("2026-05-01T10:00:00+08:00", "=HYPERLINK(\"http://example.invalid\") <script>alert(1)</script>");
    Path out = repo.resolve("out");
    Run r = run("history", cities.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("已写入："), r.out());

    String csv = Files.readString(out.resolve("history.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF统筹区,行政区划代码,城市文件,提交,"), csv.substring(0, 80));
    List<String> lines = csv.lines().toList();
    assertEquals(1 + 2 * run("history", cities.toString(), "--format", "json").json().get("cities").size(), lines.size());
    assertTrue(csv.contains("\"'=HYPERLINK("), "a formula in a commit subject is neutralised");
    assertTrue(csv.contains("\r\n"));
    assertEquals(csv.substring(1), run("history", cities.toString(), "--format", "csv").out().substring(1));

    JsonNode json = new ObjectMapper().readTree(out.resolve("history.json").toFile());
    assertEquals(2, json.get("commits").size());

    // The page is well-formed XML (so every text was escaped) with one chart for the province and one per city.
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document page = f.newDocumentBuilder().parse(out.resolve("history.html").toFile());
    assertEquals(0, page.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "script").getLength());
    assertEquals(1 + json.get("cities").size(), page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
    String html = Files.readString(out.resolve("history.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the subject is shown as text");
    assertTrue(html.contains("期限 2026-12-31"), "the deadline is marked");
    assertFalse(html.contains("http://") && html.contains("src=\"http"), "no network resource");
    for (String name : List.of("沈阳市", "大连市")) {
      assertTrue(html.contains(name), name);
    }

    // One chart alone, for another page (the audit report): a well-formed <svg> element.
    History h = History.walk(CheckCommand.checker(), GitHistory.of(List.of(cities)), null, null, null);
    for (String file : new String[] {null, "city-policies/shenyang.yaml"}) {
      Document svg = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
          HistoryChart.svg(h, file).getBytes(StandardCharsets.UTF_8)));
      assertEquals("svg", svg.getDocumentElement().getLocalName());
      assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength() >= 2);
    }
  }
}
