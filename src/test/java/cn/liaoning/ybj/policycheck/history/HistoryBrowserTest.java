package cn.liaoning.ybj.policycheck.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import cn.liaoning.ybj.policycheck.testsupport.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history.html} as a person sees it in headless Chromium (Debian's {@code chromium}, which
 * {@code .ci/run} installs): every chart drawn with its lines, nothing wider than A4 landscape.
 * A copy of the page with a small measuring script is loaded (the page itself has none), and the
 * script writes what it measured into the DOM that {@code --dump-dom} prints. The screenshot goes
 * to {@code target/history.png}. Skipped when no Chromium binary is on the PATH.
 */
class HistoryBrowserTest {
  /** The printable width of A4 landscape at 96 dpi (277 mm). */
  private static final int PRINT = 1047;

  @TempDir Path repo;

  @Test
  void everyChartIsDrawnAndFitsAnA4LandscapePage() throws Exception {
    String chromium = Stream.of("chromium", "chromium-browser", "google-chrome").map(Tools::onPath)
        .filter(p -> p != null).findFirst().orElse(null);
    Assumptions.assumeTrue(chromium != null, "no chromium binary on the PATH: browser test skipped");

    Path cities = Files.createDirectories(repo.resolve("city-policies"));
    for (String f : List.of("shenyang.yaml", "dalian.yaml")) {
      Files.copy(Path.of("city-policies", f), cities.resolve(f));
    }
    git(null, "init", "-q");
    git(null, "add", "-A");
    git("2026-03-01T10:00:00+08:00", "commit", "-q", "-m", "一");
    Path sy = cities.resolve("shenyang.yaml");
    Files.writeString(sy, Files.readString(sy).replace("tier: 1, deductible: 200,", "tier: 1, deductible: 300,"));
    git(null, "add", "-A");
    git("2026-05-01T10:00:00+08:00", "commit", "-q", "-m", "二");
    Path out = repo.resolve("out");
    assertEquals(0, Cli.run("history", cities.toString(), "--out", out.toString()).code());

    String page = Files.readString(out.resolve("history.html"), StandardCharsets.UTF_8);
    String script = "<script>window.addEventListener('load', () => { const r = {"
        + "width: document.documentElement.scrollWidth,"
        + "charts: [...document.querySelectorAll('svg')].map(s => ({w: s.getBoundingClientRect().width,"
        + "  lines: [...s.querySelectorAll('path')].filter(p => p.getTotalLength() > 0).length}))};"
        + "const o = document.createElement('pre'); o.id = 'measure'; o.textContent = JSON.stringify(r);"
        + "document.body.appendChild(o); });</script>";
    Path copy = repo.resolve("measure.html");
    Files.writeString(copy, page.replace("</body>", script + "</body>"), StandardCharsets.UTF_8);
    String dom = chromium(chromium, List.of("--dump-dom", "--virtual-time-budget=5000", "--window-size=" + PRINT + ",1200",
        copy.toUri().toString()));
    Matcher m = Pattern.compile("<pre id=\"measure\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
    assertTrue(m.find(), "measured: " + dom.substring(0, Math.min(300, dom.length())));
    JsonNode r = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\""));
    assertTrue(r.get("width").asInt() <= PRINT, "no overflow at A4 width: " + r);
    assertEquals(3, r.get("charts").size(), "the province and two cities: " + r);
    for (JsonNode c : r.get("charts")) {
      assertTrue(c.get("w").asDouble() > 100, "drawn: " + r);
      assertTrue(c.get("lines").asInt() >= 2, "a line for violations and one for 待定: " + r);
    }
    Path png = Path.of("target", "history.png").toAbsolutePath();
    Files.deleteIfExists(png);
    chromium(chromium, List.of("--screenshot=" + png, "--hide-scrollbars", "--window-size=1200,1400",
        out.resolve("history.html").toUri().toString()));
    assertTrue(Files.size(png) > 10_000, "screenshot written: " + png);
  }

  private void git(String date, String... args) throws Exception {
    Git.at(repo, date, args);
  }

  private String chromium(String binary, List<String> args) throws Exception {
    Path profile = Files.createTempDirectory(repo, "profile");
    List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile));
    cmd.addAll(args);
    Path stdout = repo.resolve("chromium.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish");
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
