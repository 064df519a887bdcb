package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four files: all written, reproducible byte for byte, and never left half-written. */
class ReportFilesTest {
  @TempDir Path dir;

  static RunResult run() {
    return Reports.run(TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250),
        TestSupport.compliantWith("city", "缺数据市", "code", "2198", "maternity.rate_pct", null));
  }

  static List<Path> write(Path out, RunResult run) throws IOException {
    return ReportFiles.write(out, run, TestSupport.catalogue(), TestSupport.parameters());
  }

  @Test
  void writesTheFiveFilesAndNothingElse() throws IOException {
    Path out = dir.resolve("reports");
    List<Path> written = write(out, run());
    assertEquals(List.of(out.resolve("index.html"), out.resolve("report.md"), out.resolve("findings.csv"),
        out.resolve("findings.xlsx"), out.resolve("findings.json")), written);
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(5, s.count(), "no temporary file left behind");
    }
    String json = Files.readString(out.resolve("findings.json"));
    String id = ReportFiles.runId(ReportFiles.JSON, json.getBytes(StandardCharsets.UTF_8));
    assertEquals(JsonReport.write(run()).replaceFirst("\\{", "{\n  \"run_id\" : \"" + id + "\","), json,
        "findings.json is the JSON contract, with the run id first");
    byte[] csv = Files.readAllBytes(out.resolve("findings.csv"));
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3), "UTF-8 BOM");
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("合规市") && html.contains("缺数据市"), "both cities in the page");
  }

  @Test
  void sameInputAndDateGiveByteIdenticalFiles() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    write(a, run());
    write(b, run());
    for (String name : List.of("index.html", "report.md", "findings.csv", "findings.xlsx", "findings.json")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }
    String html = Files.readString(a.resolve("index.html"));
    assertTrue(html.contains("2026-06-30"), "the as-of date is shown");
  }

  @Test
  void aFailedWriteLeavesThePreviousReportIntact() throws IOException {
    Path out = dir.resolve("reports");
    write(out, run());
    Map<String, byte[]> before = new LinkedHashMap<>();
    for (String name : List.of("index.html", "report.md", "findings.csv", "findings.xlsx", "findings.json")) {
      before.put(name, Files.readAllBytes(out.resolve(name)));
    }
    // Block the third temporary file: a non-empty directory stands where it would be written.
    Path blocker = out.resolve(ReportFiles.tempName("findings.csv"));
    Files.createDirectories(blocker.resolve("x"));
    Map<String, ReportFiles.Content> next = new LinkedHashMap<>();
    for (String name : before.keySet()) {
      next.put(name, ReportFiles.Content.of("新的内容".getBytes(StandardCharsets.UTF_8)));
    }
    assertThrows(IOException.class, () -> ReportFiles.write(out, next));
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey() + " was changed");
    }
    assertTrue(Files.notExists(out.resolve(ReportFiles.tempName("index.html"))), "temporary files removed");
    assertTrue(Files.notExists(out.resolve(ReportFiles.tempName("report.md"))), "temporary files removed");
  }

  /**
   * A move that fails after others have happened (a file that cannot be replaced: immutable,
   * another user's, a mount point) puts back the ones already moved: the previous report is
   * whole, and the failure says so.
   */
  @Test
  void aMoveThatFailsPutsBackTheFilesAlreadyMoved() throws IOException {
    Path out = dir.resolve("reports");
    write(out, run());
    Map<String, byte[]> before = new LinkedHashMap<>();
    for (String name : List.of("index.html", "report.md", "findings.csv", "findings.xlsx", "findings.json")) {
      before.put(name, Files.readAllBytes(out.resolve(name)));
    }
    Map<String, ReportFiles.Content> next = new LinkedHashMap<>();
    for (String name : before.keySet()) {
      next.put(name, ReportFiles.Content.of(("新的 " + name).getBytes(StandardCharsets.UTF_8)));
    }
    for (int failAt = 0; failAt < before.size(); failAt++) {
      int[] moves = {0};
      int fail = failAt;
      ReportFiles.WriteFailure f = assertThrows(ReportFiles.WriteFailure.class, () -> ReportFiles.write(out, next, (from, to) -> {
        if (moves[0]++ == fail) {
          throw new java.nio.file.FileSystemException(to.toString(), null, "Operation not permitted");
        }
        Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }));
      assertTrue(f.previousIntact(), "put back after " + failAt + " moves");
      for (Map.Entry<String, byte[]> e : before.entrySet()) {
        assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey() + " after " + failAt + " moves");
      }
      try (Stream<Path> s = Files.list(out)) {
        assertEquals(before.size(), s.count(), "no temporary or kept file left behind");
      }
    }
  }

  /** Where there was no previous file, a failure leaves none (rather than a new one beside old ones). */
  @Test
  void aFailureWhereThereWasNoReportLeavesNoNewFile() throws IOException {
    Path out = Files.createDirectories(dir.resolve("fresh"));
    Map<String, ReportFiles.Content> next = new LinkedHashMap<>();
    for (String name : List.of("index.html", "report.md", "findings.csv", "findings.xlsx", "findings.json")) {
      next.put(name, ReportFiles.Content.of("新".getBytes(StandardCharsets.UTF_8)));
    }
    int[] moves = {0};
    assertThrows(ReportFiles.WriteFailure.class, () -> ReportFiles.write(out, next, (from, to) -> {
      if (moves[0]++ == 2) {
        throw new IOException("injected");
      }
      Files.move(from, to);
    }));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of(), s.toList());
    }
  }

  /** All four files carry the same run id; it depends on the results only. */
  @Test
  void everyFileCarriesTheSameRunId() throws IOException {
    Path a = dir.resolve("a");
    write(a, run());
    String id = ReportFiles.runId(ReportFiles.JSON, Files.readAllBytes(a.resolve(ReportFiles.JSON)));
    assertTrue(id != null && id.matches("[0-9a-f]{16}"), id);
    for (String name : List.of("index.html", "report.md", "findings.csv")) {
      assertEquals(id, ReportFiles.runId(name, Files.readAllBytes(a.resolve(name))), name);
    }
    Path b = dir.resolve("b");
    write(b, Reports.run(TestSupport.compliant()));
    String other = ReportFiles.runId(ReportFiles.HTML, Files.readAllBytes(b.resolve(ReportFiles.HTML)));
    assertTrue(!id.equals(other), "another run's results, another id");
  }

  @Test
  void replacesAnEarlierReport() throws IOException {
    Path out = dir.resolve("reports");
    Files.createDirectories(out);
    Files.writeString(out.resolve("index.html"), "旧报告");
    write(out, run());
    assertTrue(Files.readString(out.resolve("index.html")).startsWith("<!DOCTYPE html>"));
  }
}
