package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code index.html} as a person sees it: rendered by headless Chromium (Debian's {@code chromium},
 * installed by {@code .ci/run}). A copy of the page with a small measuring script is loaded, and
 * the script writes what it measured (rows, cell colours, overflow) into the DOM that
 * {@code --dump-dom} prints; the report itself has no script. Screenshots go to {@code target/}.
 * Skipped when no Chromium binary is on the PATH.
 */
class BrowserReportTest {
  private static final Path TARGET = Path.of("target");
  static final Path WORK = TARGET.resolve("browser-report");
  /** Screen width of the screenshot, and the printable width of A4 landscape at 96 dpi (277 mm). */
  static final int SCREEN = 1600;
  static final int PRINT = 1047;
  private static final ObjectMapper JSON = new ObjectMapper();

  static String chromium;

  @BeforeAll
  static void findChromium() throws IOException {
    chromium = Stream.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
        .map(Tools::onPath).filter(p -> p != null).findFirst().orElse(null);
    Files.createDirectories(WORK);
  }

  /** Per test, not in {@code @BeforeAll}: the build's test summary then counts each test as skipped, not as none run. */
  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(chromium != null, "no chromium binary on the PATH: browser test skipped");
  }

  @Test
  void theFifteenJurisdictionsAsAPersonSeesThem() throws Exception {
    Path out = WORK.resolve("city-policies");
    int code = report(out, Path.of("city-policies"));
    assertEquals(0, code, "report exits 0 when it wrote the report");
    JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());
    List<String> cities = new ArrayList<>();
    findings.get("cities").forEach(c -> cities.add(c.get("city").asText()));
    long files;
    try (Stream<Path> s = Files.list(Path.of("city-policies"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).count();
    }
    assertEquals(files, cities.size(), "every city file was read");

    screenshot(out.resolve("index.html"), TARGET.resolve("report.png"));
    for (int width : new int[] {SCREEN, PRINT}) {
      JsonNode m = measure(out.resolve("index.html"), width);
      assertNoOverflow(m, width);
      assertMatrixShowsEveryCity(m, cities);
      assertCellColoursFollowTheFindings(m, findings);
      // A section of its own for each city with some data, in matrix order; the cities without
      // any data share one section that names each of them.
      List<String> withData = new ArrayList<>();
      List<String> withoutData = new ArrayList<>();
      for (JsonNode r : m.get("rows")) {
        (r.get("anchor").asText().equals("#no-data") ? withoutData : withData).add(r.get("city").asText());
      }
      assertEquals(withData, texts(m.get("sections")).stream().map(BrowserReportTest::sectionCity).toList(),
          "a section per city with data, in matrix order");
      assertEquals(withoutData, texts(m.get("noData")), "the cities without data, named in their shared section");
    }
  }

  /**
   * Printed to PDF by Chromium: at most 30 A4 pages for the repository's own data; every page of a
   * city's section (and of its 整改清单) names the city; no page ends with a heading whose content
   * went to the next page.
   */
  @Test
  void printsShortWithTheCityOnEveryPageOfItsSection() throws Exception {
    Path out = WORK.resolve("print");
    assertEquals(0, report(out, Path.of("city-policies")));
    Printed printed = print(out.resolve("index.html"), WORK.resolve("report.pdf"));
    assertTrue(printed.pages().size() <= 30, "the report on the repository's data prints to at most 30 pages, not " + printed.pages().size());
    assertTrue(printed.cityPages() > 0, "some pages belong to a city's section");
  }

  /** A report printed to PDF: its pages' text, and how many belong to a city's section or 整改清单. */
  record Printed(List<String> pages, int cityPages) {}

  /**
   * Prints the page to PDF with Chromium and checks it: every page of a city's section (and of its
   * 整改清单) names the city; no page ends with a heading whose content went to the next page.
   * Skips the test when pdftotext is missing.
   */
  static Printed print(Path index, Path pdf) throws Exception {
    Path pdftotext = Tools.onPath("pdftotext") == null ? null : Path.of(Tools.onPath("pdftotext"));
    Assumptions.assumeTrue(pdftotext != null, "no pdftotext (poppler-utils) on the PATH: print test skipped");
    Files.deleteIfExists(pdf);
    chromium(List.of("--print-to-pdf=" + pdf.toAbsolutePath(), index.toAbsolutePath().toUri().toString()));
    assertTrue(Files.size(pdf) > 10_000, "PDF written");
    Process p = new ProcessBuilder(pdftotext.toString(), "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, text);
    List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
    while (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
      pages.remove(pages.size() - 1);
    }
    System.out.println("report printed to " + pages.size() + " A4 pages: " + pdf.toAbsolutePath());

    String html = Files.readString(index);
    List<String> headings = new ArrayList<>();
    Matcher h = Pattern.compile("<h[23][^>]*>(.*?)</h[23]>", Pattern.DOTALL).matcher(html);
    while (h.find()) {
      headings.add(h.group(1).replaceAll("<[^>]+>", "").replace("&amp;", "&").strip().replaceAll("\\s+", " "));
    }
    Pattern citySection = Pattern.compile("(?m)^\\s*4\\.\\d+ (\\S+)");
    Pattern fixPage = Pattern.compile("(?m)^\\s*(\\S+) \\d* ?整改清单");
    Pattern otherSection = Pattern.compile("(?m)^\\s*(五、|六、|七、|八、|附：)");
    String city = null;
    int cityPages = 0;
    for (int i = 0; i < pages.size(); i++) {
      String page = pages.get(i);
      Matcher c = citySection.matcher(page);
      Matcher f = fixPage.matcher(page);
      if (c.find()) {
        city = c.group(1);
      } else if (f.find()) {
        city = f.group(1);
      } else if (otherSection.matcher(page).find()) {
        city = null;
      }
      if (city != null) {
        cityPages++;
        assertTrue(page.contains(city), "page " + (i + 1) + " belongs to the section of " + city + " but does not name it:\n" + page);
      }
      // A heading keeps at least a few lines of its content on its page (a lone heading, or a
      // heading and its one-line note above a table that went to the next page, is orphaned).
      List<String> lines = page.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.matches("\\d+ / \\d+")).toList();
      for (int k = 0; i < pages.size() - 1 && k < lines.size(); k++) {
        for (String heading : headings) {
          if (lines.get(k).startsWith(heading)) {
            assertTrue(lines.size() - k - 1 >= 4, "page " + (i + 1) + " ends soon after the heading “" + heading
                + "”: its content is on the next page:\n" + String.join("\n", lines.subList(k, lines.size())));
          }
        }
      }
    }
    return new Printed(List.copyOf(pages), cityPages);
  }

  @Test
  void aKnownViolationIsRedInTheMatrix() throws Exception {
    Path in = WORK.resolve("fixture-input");
    deleteTree(in);
    Files.createDirectories(in);
    Files.writeString(in.resolve("sample.yaml"),
        TestSupport.compliantWith("city", "违规样例市", "employee.contribution.base_ceiling_pct", 250), StandardCharsets.UTF_8);
    Files.copy(Path.of("city-policies", "anshan.yaml"), in.resolve("anshan.yaml"));
    Path out = WORK.resolve("fixture");
    assertEquals(0, report(out, in), "the report is written: exit 0, even with a violation");
    JsonNode findings = JSON.readTree(out.resolve("findings.json").toFile());

    screenshot(out.resolve("index.html"), TARGET.resolve("report-fixture.png"));
    JsonNode m = measure(out.resolve("index.html"), SCREEN);
    assertNoOverflow(m, SCREEN);
    assertMatrixShowsEveryCity(m, List.of("鞍山市", "违规样例市"));
    assertCellColoursFollowTheFindings(m, findings);

    Map<String, String> swatch = swatches(m);
    int[] red = rgb(swatch.get("violation"));
    assertTrue(red[0] > red[1] + 40 && red[0] > red[2] + 40, "the violation colour is red: " + swatch.get("violation"));
    JsonNode sample = row(m, "违规样例市");
    assertEquals(swatch.get("violation"), sample.get("cells").get("A").get("bg").asText(), "A 职工医保筹资 of the violating city");
    assertTrue(sample.get("cells").get("A").get("text").asText().contains("违规 1"), sample.toString());
    assertEquals("有违规", sample.get("klass").asText());
    JsonNode anshan = row(m, "鞍山市");
    assertEquals(swatch.get("indeterminate"), anshan.get("cells").get("A").get("bg").asText(), "a city of nulls is grey (missing data), not red");
    assertEquals("缺数据", anshan.get("klass").asText());
    assertTrue(texts(m.get("deadlines")).stream().anyMatch(t -> t.contains("违规样例市") && t.contains("EMP-BASE-CEILING")),
        "the deadline view lists the violation: " + m.get("deadlines"));
  }

  // ---- assertions on the measured page

  static void assertNoOverflow(JsonNode m, int width) {
    assertTrue(m.get("scrollWidth").asInt() <= m.get("width").asInt(),
        "page wider than the window at " + width + "px: " + m.get("scrollWidth") + " > " + m.get("width"));
    assertEquals(List.of(), texts(m.get("overflow")), "elements overflowing at " + width + "px");
  }

  private static void assertMatrixShowsEveryCity(JsonNode m, List<String> cities) {
    List<String> shown = new ArrayList<>();
    for (JsonNode r : m.get("rows")) {
      shown.add(r.get("city").asText());
      assertTrue(r.get("height").asDouble() > 10, "row of " + r.get("city") + " is visible");
    }
    assertEquals(cities.stream().sorted().toList(), shown.stream().sorted().toList(), "matrix rows");
  }

  /** Each matrix cell has the legend colour of the worst status among that city's findings in that area. */
  private static void assertCellColoursFollowTheFindings(JsonNode m, JsonNode findings) {
    Map<String, String> swatch = swatches(m);
    assertEquals(8, swatch.size(), "legend: six statuses, 未评估 and 文件有误: " + swatch);
    assertEquals(swatch.values().stream().distinct().count(), swatch.size(), "every status has its own colour: " + swatch);
    for (JsonNode city : findings.get("cities")) {
      if (city.path("unreadable").asBoolean()) {
        assertEquals("文件有误", row(m, city.get("city").asText()).get("klass").asText());
        continue;
      }
      Map<String, Status> worst = new LinkedHashMap<>();
      for (JsonNode f : city.get("findings")) {
        String area = TestSupport.catalogue().get(f.get("rule").asText()).area();
        Status s = status(f.get("status").asText());
        worst.merge(area, s, (a, b) -> a.rank <= b.rank ? a : b);
      }
      JsonNode row = row(m, city.get("city").asText());
      for (String area : TestSupport.catalogue().areas().keySet()) {
        String key = worst.containsKey(area) ? worst.get(area).key : "none";
        JsonNode cell = row.get("cells").get(area);
        assertEquals(swatch.get(key), cell.get("bg").asText(), city.get("city").asText() + " area " + area + " should look " + key);
        if (!key.equals("none")) {
          assertTrue(cell.get("text").asText().contains(worst.get(area).label), cell.toString());
        }
      }
      boolean violation = worst.containsValue(Status.VIOLATION);
      boolean missing = worst.containsValue(Status.INDETERMINATE);
      String klass = row.get("klass").asText();
      if (violation) {
        assertEquals("有违规", klass);
      } else if (missing) {
        assertEquals("缺数据", klass);
      } else {
        assertTrue(klass.startsWith("合规"), klass);
      }
    }
  }

  private static JsonNode row(JsonNode m, String city) {
    for (JsonNode r : m.get("rows")) {
      if (r.get("city").asText().equals(city)) {
        return r;
      }
    }
    return fail("no matrix row for " + city);
  }

  private static Map<String, String> swatches(JsonNode m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.get("swatches").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Status status(String key) {
    for (Status s : Status.values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return fail("unknown status " + key);
  }

  private static String sectionCity(String heading) {
    // "4.1 沈阳市 2101" → "沈阳市"
    String rest = heading.replaceFirst("^[\\d.]+\\s*", "");
    int space = rest.lastIndexOf(' ');
    return space < 0 ? rest : rest.substring(0, space);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int[] rgb(String css) {
    Matcher x = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(css);
    assertTrue(x.find(), "a colour: " + css);
    return new int[] {Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2)), Integer.parseInt(x.group(3))};
  }

  // ---- running the command and the browser

  private static int report(Path out, Path in) throws IOException {
    deleteTree(out);
    Cli.Run r = Cli.run("report", in.toString(), "--out", out.toString(), "--as-of", "2026-06-30");
    assertTrue(Files.isRegularFile(out.resolve("index.html")), r.out() + "\n" + r.err());
    return r.code();
  }

  /** What the measuring script collects once the page has laid out. */
  private static final String MEASURE = """
      <script>
      window.addEventListener('load', function () {
        var W = document.documentElement.clientWidth;
        var out = {width: W, scrollWidth: document.documentElement.scrollWidth, overflow: [], rows: [],
                   swatches: {}, sections: [], noData: [], deadlines: []};
        document.querySelectorAll('body *').forEach(function (e) {
          var b = e.getBoundingClientRect();
          if (b.width > 0 && b.right > W + 0.5) {
            out.overflow.push(e.tagName + '.' + e.getAttribute('class') + ' reaches ' + Math.round(b.right) + 'px');
          }
          if ((e.tagName === 'TD' || e.tagName === 'TH') && e.scrollWidth > e.clientWidth + 1) {
            out.overflow.push('clipped ' + e.tagName + ': ' + e.textContent.trim().slice(0, 60));
          }
        });
        document.querySelectorAll('table.matrix tbody tr').forEach(function (tr) {
          var cells = {};
          tr.querySelectorAll('td.cell').forEach(function (td) {
            cells[td.getAttribute('data-area')] = {bg: getComputedStyle(td).backgroundColor, text: td.innerText.trim()};
          });
          out.rows.push({city: tr.querySelector('th a').textContent, anchor: tr.querySelector('th a').getAttribute('href'),
                         height: tr.getBoundingClientRect().height,
                         klass: tr.querySelector('.klass').innerText.trim(), cells: cells});
        });
        document.querySelectorAll('#matrix .legend .sw').forEach(function (sw) {
          var key = (sw.getAttribute('class').match(/\\bs-(\\w+)/) || [])[1];
          out.swatches[key] = getComputedStyle(sw).backgroundColor;
        });
        document.querySelectorAll('section.city h3').forEach(function (h) { out.sections.push(h.innerText.trim()); });
        document.querySelectorAll('#no-data table.missing tbody td:first-child').forEach(function (td) {
          if (td.closest('table').querySelector('th') && td.closest('table').querySelector('thead').innerText.indexOf('填报工作簿') >= 0) {
            out.noData.push(td.innerText.trim());
          }
        });
        document.querySelectorAll('table.deadlines tbody tr').forEach(function (tr) { out.deadlines.push(tr.innerText); });
        var s = document.createElement('script');
        s.type = 'application/json';
        s.id = 'measure';
        s.textContent = JSON.stringify(out).replace(/</g, '\\\\u003c');
        document.body.appendChild(s);
      });
      </script>
      """;

  static JsonNode measure(Path page, int width) throws Exception {
    String html = Files.readString(page);
    int end = html.lastIndexOf("</body>");
    Path copy = WORK.resolve("measure-" + page.getParent().getFileName() + "-" + width + ".html");
    Files.writeString(copy, html.substring(0, end) + MEASURE + html.substring(end), StandardCharsets.UTF_8);
    String dom = chromium(List.of("--dump-dom", "--virtual-time-budget=5000", "--window-size=" + width + ",1200",
        copy.toAbsolutePath().toUri().toString()));
    Matcher x = Pattern.compile("<script type=\"application/json\" id=\"measure\">(.*?)</script>", Pattern.DOTALL).matcher(dom);
    if (!x.find()) {
      return fail("the measuring script left no result; DOM starts with:\n" + dom.substring(0, Math.min(500, dom.length())));
    }
    return JSON.readTree(x.group(1));
  }

  private static void screenshot(Path page, Path png) throws Exception {
    Files.deleteIfExists(png);
    chromium(List.of("--screenshot=" + png.toAbsolutePath(), "--hide-scrollbars", "--window-size=" + SCREEN + ",2400",
        page.toAbsolutePath().toUri().toString()));
    assertTrue(Files.size(png) > 10_000, "screenshot written: " + png);
  }

  /** Runs headless Chromium with the given arguments; returns its standard output. */
  static String chromium(List<String> args) throws Exception {
    Path profile = Files.createTempDirectory("policy-check-chromium");
    Path log = WORK.resolve("chromium.log");
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile));
    cmd.addAll(args);
    Path stdout = Files.createTempFile(WORK, "chromium", ".out");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return fail("chromium did not finish in 300 s: " + String.join(" ", cmd));
      }
      assertEquals(0, p.exitValue(), "chromium failed, see " + log.toAbsolutePath());
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(stdout);
      deleteTree(profile);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
