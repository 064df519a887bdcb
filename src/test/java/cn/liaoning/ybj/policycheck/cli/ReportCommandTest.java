package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy-check report}: the four files, the summary on stdout, the exit codes of check. */
class ReportCommandTest {
  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void writesFourFilesAndPrintsTheirPaths() throws IOException {
    write("ok.yaml", TestSupport.compliant());
    Path out = dir.resolve("reports");
    CheckCommandTest.Run r = CheckCommandTest.run("report", dir.resolve("in").toString(), "--out", out.toString(), "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    for (String name : new String[] {"index.html", "report.md", "findings.csv", "findings.json"}) {
      assertTrue(Files.isRegularFile(out.resolve(name)), name);
      assertTrue(r.out().contains(out.resolve(name).toString()), r.out());
    }
    assertTrue(r.out().contains("1 个统筹区：有违规 0 个，缺数据 0 个，合规 1 个"), r.out());
    assertTrue(r.out().contains("整改期限 2026-12-31（还剩 184 天）"), r.out());
  }

  @Test
  void violationExitsOne() throws IOException {
    write("bad.yaml", TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    Path out = dir.resolve("reports");
    CheckCommandTest.Run r = CheckCommandTest.run("report", dir.resolve("in").toString(), "--out", out.toString(), "--as-of", "2026-06-30");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("有违规 1 个"), r.out());
    JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
    assertEquals(1, json.get("summary").get("violation").asInt());
    assertTrue(Files.readString(out.resolve("index.html")).contains("EMP-BASE-CEILING"));
  }

  @Test
  void badFileStillWritesTheReportAndExitsTwo() throws IOException {
    write("a-good.yaml", TestSupport.compliant());
    write("b-bad.yaml", "city: 错误市\nemployee:\n  anual_cap: 80000\n");
    Path out = dir.resolve("reports");
    CheckCommandTest.Run r = CheckCommandTest.run("report", dir.resolve("in").toString(), "--out", out.toString(), "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("b-bad.yaml:3:3: 错误: 未知的键“anual_cap”"), r.err());
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("无法读取的文件"), "the unreadable file is listed in the report");
    assertTrue(html.contains("b-bad.yaml:3:3"), "with its position");
    assertTrue(Files.readString(out.resolve("report.md")).contains("b-bad.yaml:3:3"));
  }

  @Test
  void unwritableOutputIsReportedAndExitsTwo() throws IOException {
    write("ok.yaml", TestSupport.compliant());
    Path file = dir.resolve("not-a-dir");
    Files.writeString(file, "x");
    CheckCommandTest.Run r = CheckCommandTest.run("report", dir.resolve("in").toString(), "--out", file.toString(), "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("无法写入报告目录"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void sameInputAndAsOfGiveTheSameFiles() throws IOException {
    write("ok.yaml", TestSupport.compliantWith("maternity.rate_pct", null));
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, CheckCommandTest.run("report", dir.resolve("in").toString(), "--out", a.toString(), "--as-of", "2026-06-30").code());
    assertEquals(0, CheckCommandTest.run("report", dir.resolve("in").toString(), "--out", b.toString(), "--as-of", "2026-06-30").code());
    for (String name : new String[] {"index.html", "report.md", "findings.csv", "findings.json"}) {
      assertEquals(-1L, Files.mismatch(a.resolve(name), b.resolve(name)), name);
    }
  }

  @Test
  void helpDescribesTheFilesAndExitCodes() {
    CheckCommandTest.Run r = CheckCommandTest.run("report", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("index.html"), r.out());
    assertTrue(r.out().contains("findings.csv"), r.out());
    assertTrue(r.out().contains("退出状态"), r.out());
    assertTrue(CheckCommandTest.run("--help").out().contains("report"), "listed among the subcommands");
  }
}
