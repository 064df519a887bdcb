package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.cli.Main;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's optional sections ({@code --overlay}, {@code --history}) as a person sees and prints
 * them, by headless Chromium as in {@link BrowserReportTest}: nothing wider than the page, each
 * section from a new page, no heading left alone at the foot of a page. Skipped without Chromium.
 */
class BrowserSectionsTest {
  @BeforeAll
  static void findChromium() throws IOException {
    BrowserReportTest.findChromium();
  }

  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(BrowserReportTest.chromium != null, "no chromium binary on the PATH: browser test skipped");
  }

  @Test
  void bothSectionsFitThePageStartAPageEachAndKeepTheirHeadingsWithTheirContent() throws Exception {
    Path repo = BrowserReportTest.WORK.resolve("sections-repo");
    BrowserReportTest.deleteTree(repo);
    Path cities = Files.createDirectories(repo.resolve("city-policies"));
    try (Stream<Path> s = Files.list(Path.of("city-policies"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(p, cities.resolve(p.getFileName().toString()));
      }
    }
    Git.at(repo, null, "init", "-q");
    Git.at(repo, null, "add", "-A");
    Git.at(repo, "2026-03-01T10:00:00+08:00", "commit", "-q", "-m", "各市现行政策");
    Files.writeString(cities.resolve("anshan.yaml"), "# 待补充\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    Git.at(repo, null, "add", "-A");
    Git.at(repo, "2026-05-01T10:00:00+08:00", "commit", "-q", "-m", "鞍山：注释");
    Path overlay = BrowserReportTest.WORK.resolve("sections-overlay.yaml");
    Files.writeString(overlay, "parameters:\n  emp.inpatient.guideline_pct:\n    values:\n      2026-01-01: { tier3: 87 }\n",
        StandardCharsets.UTF_8);

    Path out = BrowserReportTest.WORK.resolve("sections");
    BrowserReportTest.deleteTree(out);
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    int code = Main.run(new String[] {"report", cities.toString(), "--out", out.toString(), "--as-of", "2026-06-30",
        "--overlay", overlay.toString(), "--history"}, new PrintWriter(so), new PrintWriter(se));
    assertEquals(0, code, so + "\n" + se);
    Path index = out.resolve("index.html");

    for (int width : new int[] {BrowserReportTest.SCREEN, BrowserReportTest.PRINT}) {
      BrowserReportTest.assertNoOverflow(BrowserReportTest.measure(index, width), width);
    }
    BrowserReportTest.Printed printed = BrowserReportTest.print(index, BrowserReportTest.WORK.resolve("sections.pdf"));
    for (String heading : List.of("七、参数调整的影响", "八、整改进展")) {
      // The heading is the page's first line (after the browser's own header line, if any).
      assertTrue(printed.pages().stream().anyMatch(p -> p.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2)
          .anyMatch(l -> l.startsWith(heading))), "the section " + heading + " starts a printed page");
    }
    assertTrue(printed.pages().stream().anyMatch(p -> p.contains("沈阳市（2101） · 参数调整的影响")), "the affected city's table");
  }
}
