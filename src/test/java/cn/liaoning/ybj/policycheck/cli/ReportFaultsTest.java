package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code report} under faults: a failure or a kill at any point leaves each report file whole —
 * the previous one or the new one, never half of one; an output directory that is missing, not
 * writable or not a directory gets a plain answer; and nothing is written outside {@code --out}.
 */
class ReportFaultsTest {
  private static final List<String> FILES = List.of("index.html", "report.md", "findings.csv", "findings.xlsx", "findings.json");
  private static final String OLD_DAY = "2026-06-30";
  private static final String NEW_DAY = "2027-01-10";

  @TempDir Path root;
  Path in;
  Path out;

  @BeforeEach
  void cities() throws IOException {
    in = Files.createDirectories(root.resolve("in"));
    out = root.resolve("out");
    Files.writeString(in.resolve("a.yaml"), TestSupport.compliant());
    Files.writeString(in.resolve("b.yaml"), TestSupport.compliantWith("city", "违规市", "employee.contribution.base_ceiling_pct", 250));
  }

  private Run report(Path dir, String day) {
    return Cli.run("report", in.toString(), "--out", dir.toString(), "--as-of", day, "--fail-on", "violation");
  }

  private static Map<String, byte[]> read(Path dir) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (String f : FILES) {
      m.put(f, Files.readAllBytes(dir.resolve(f)));
    }
    return m;
  }

  private static void assertPlainAnswer(Run r) {
    for (String s : List.of(r.err(), r.out())) {
      assertFalse(s.contains("Exception") || s.contains("\tat ") || s.contains("内部错误"), s);
    }
  }

  // --- faults and interruptions ----------------------------------------------------------------

  /**
   * A fault at each step — the temporary file of one report file cannot be written, or a directory
   * stands where one report file goes — is found before any file is replaced: the previous report
   * stays whole, all four files of it.
   */
  @ParameterizedTest(name = "{0} of {1} blocked")
  @CsvSource({
    "temporary, index.html", "temporary, report.md", "temporary, findings.csv", "temporary, findings.xlsx", "temporary, findings.json",
    "target, index.html", "target, report.md", "target, findings.csv", "target, findings.xlsx", "target, findings.json"})
  void aFaultAtAnyStepLeavesThePreviousReportWhole(String where, String name) throws IOException {
    assertEquals(1, report(out, OLD_DAY).code());
    Map<String, byte[]> old = read(out);
    Path blocker = where.equals("target")
        ? out.resolve(name)
        : out.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
    if (where.equals("target")) {
      Files.delete(blocker);
    }
    Files.createDirectories(blocker.resolve("x"));

    Run r = report(out, NEW_DAY);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("policy-check: 无法写入报告目录 " + out + "："), r.err());
    assertTrue(r.err().contains("（上一次的报告未被改动）"), r.err());
    assertPlainAnswer(r);
    for (String f : FILES) {
      if (out.resolve(f).equals(blocker)) {
        assertTrue(Files.isDirectory(blocker), "left as it was");
      } else {
        assertArrayEquals(old.get(f), Files.readAllBytes(out.resolve(f)), f + " changed although the report failed");
      }
    }
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp") && !p.equals(blocker)).toList(),
          "temporary files removed");
    }
  }

  /**
   * The real command in its own process, killed (SIGKILL: no clean-up runs) as soon as it starts
   * writing: every report file is then exactly the previous one or exactly the new one. The next
   * run removes what the killed one left behind.
   */
  @Test
  void killedWhileWritingLeavesEveryFileWholeOldOrNew() throws Exception {
    assertEquals(1, report(out, OLD_DAY).code());
    Map<String, byte[]> old = read(out);
    Path reference = root.resolve("reference");
    assertEquals(1, report(reference, NEW_DAY).code());
    Map<String, byte[]> fresh = read(reference);

    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "report", in.toString(), "--out", out.toString(), "--as-of", NEW_DAY)
        .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
    boolean caughtWriting = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (p.isAlive() && System.nanoTime() < deadline) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
          caughtWriting = true;
          break;
        }
      }
    }
    p.destroyForcibly();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed process ends");
    System.out.println("report killed " + (caughtWriting ? "while writing its files" : "after it had finished"));

    for (String f : FILES) {
      byte[] now = Files.readAllBytes(out.resolve(f));
      assertTrue(Arrays.equals(now, old.get(f)) || Arrays.equals(now, fresh.get(f)),
          f + " is neither the previous nor the new file (" + now.length + " bytes)");
    }

    assertEquals(1, report(out, NEW_DAY).code());
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(FILES.stream().sorted().toList(), s.map(f -> f.getFileName().toString()).sorted().toList(),
          "the four files and nothing left over");
    }
    for (String f : FILES) {
      assertArrayEquals(fresh.get(f), Files.readAllBytes(out.resolve(f)), f);
    }
  }

  // --- the output directory --------------------------------------------------------------------

  @Test
  void outMustBeNamed() {
    Run missing = Cli.run("report", in.toString(), "--as-of", OLD_DAY, "--out");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("policy-check: 用法错误：") && missing.err().contains("--out"), missing.err());

    Run empty = Cli.run("report", in.toString(), "--as-of", OLD_DAY, "--out", "");
    assertEquals(2, empty.code());
    assertTrue(empty.err().contains("policy-check: 用法错误：--out 不能为空：请给出报告目录（如 --out reports）"), empty.err());
    for (String f : FILES) {
      assertFalse(Files.exists(Path.of(f)), "nothing written to the working directory: " + f);
    }
    assertPlainAnswer(empty);
  }

  @Test
  void outThatCannotBeADirectoryGetsAPlainAnswer() throws IOException {
    Path file = Files.writeString(root.resolve("a-file"), "x");
    Run under = report(file.resolve("reports"), OLD_DAY);
    assertEquals(2, under.code());
    assertTrue(under.err().contains("无法写入报告目录 " + file.resolve("reports") + "：路径中有一项不是目录（上一次的报告未被改动）"),
        under.err());
    assertPlainAnswer(under);
    assertEquals("x", Files.readString(file));

    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
    Path proc = Path.of("/proc/policy-check-reports");
    Run r = report(proc, OLD_DAY);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("无法写入报告目录 " + proc + "："), r.err());
    assertPlainAnswer(r);
  }

  @Test
  void readOnlyOutKeepsThePreviousReport() throws IOException {
    assertEquals(1, report(out, OLD_DAY).code());
    Map<String, byte[]> old = read(out);
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(out), "running with the right to write anywhere (root): nothing to test");
      Run r = report(out, NEW_DAY);
      assertEquals(2, r.code());
      assertTrue(r.err().contains("无法写入报告目录 " + out + "：没有写权限（上一次的报告未被改动）"), r.err());
      assertPlainAnswer(r);
      for (String f : FILES) {
        assertArrayEquals(old.get(f), Files.readAllBytes(out.resolve(f)), f);
      }
    } finally {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  // --- nothing outside --out -------------------------------------------------------------------

  /** Every regular file under {@code dir} (links not followed) with its bytes. */
  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        } else if (Files.isSymbolicLink(p)) {
          m.put(dir.relativize(p) + " -> " + Files.readSymbolicLink(p), new byte[0]);
        }
      }
    }
    return m;
  }

  /**
   * City files full of "../" (city name, code, source ids, file name) and links planted where the
   * report and its temporary files go: the report writes its four fixed names inside --out and
   * nothing else anywhere; a planted link is replaced, never written through.
   */
  @Test
  void nothingIsWrittenOutsideOut() throws IOException {
    Files.writeString(in.resolve("up..escape.yaml"), "city: ../../../escaped\ncode: \"../..\"\n"
        + "sources:\n  - { id: ../../etc/passwd, title: ../../index.html, file: ../../../outside.txt }\n"
        + "employee:\n  source: ../../etc/passwd\n  annual_cap: 150000\n");
    Files.createDirectories(out);
    Path outside = Files.writeString(root.resolve("outside.txt"), "不可改动", StandardCharsets.UTF_8);
    Path outside2 = Files.writeString(root.resolve("outside2.txt"), "也不可改动", StandardCharsets.UTF_8);
    Files.createSymbolicLink(out.resolve("index.html"), Path.of("..", "outside.txt"));
    Files.createSymbolicLink(out.resolve(".report.md." + ProcessHandle.current().pid() + ".tmp"), outside2);

    Map<String, byte[]> before = snapshot(root);
    before.keySet().removeIf(k -> k.startsWith("out/") || k.startsWith("out" + java.io.File.separator));
    Run r = report(out, OLD_DAY);
    assertEquals(1, r.code(), r.err());
    assertPlainAnswer(r);

    Map<String, byte[]> after = snapshot(root);
    after.keySet().removeIf(k -> k.startsWith("out/"));
    assertEquals(before.keySet(), after.keySet(), "no file made, removed or linked outside --out");
    for (String k : before.keySet()) {
      assertArrayEquals(before.get(k), after.get(k), k + " changed");
    }
    assertEquals("不可改动", Files.readString(outside));
    assertEquals("也不可改动", Files.readString(outside2));
    try (Stream<Path> s = Files.list(out)) {
      List<Path> left = s.sorted().toList();
      assertEquals(FILES.stream().sorted().toList(), left.stream().map(p -> p.getFileName().toString()).toList());
      left.forEach(p -> assertTrue(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), p + " is a plain file, not a link"));
    }
    assertTrue(Files.readString(out.resolve("index.html")).contains("../../../escaped"), "the name is only text in the page");
  }

  /** A path through ".." is the user's choice: followed, and the summary says where it leads. */
  @Test
  void outThroughDotDotIsFollowedAndShown() throws IOException {
    Files.createDirectories(out);
    Path named = out.resolve("..").resolve("elsewhere");
    Run r = report(named, OLD_DAY);
    assertEquals(1, r.code(), r.err());
    Path real = root.resolve("elsewhere");
    for (String f : FILES) {
      assertTrue(Files.isRegularFile(real.resolve(f)), f);
      assertTrue(r.out().contains("  " + named.resolve(f) + "（即 " + real.resolve(f) + "）"), r.out());
    }
  }
}
