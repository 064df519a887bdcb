package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.report.ReportFiles;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import cn.liaoning.ybj.policycheck.testsupport.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} replaces its four files all together or not at all, and says where they went. */
class ReportAllOrNothingTest {
  private static final List<String> FILES = List.of("index.html", "report.md", "findings.csv", "findings.xlsx", "findings.json");

  @TempDir Path root;

  private static Map<String, byte[]> read(Path dir) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (String f : FILES) {
      m.put(f, Files.readAllBytes(dir.resolve(f)));
    }
    return m;
  }

  /**
   * One file of the previous report cannot be replaced (immutable): three files used to be the new
   * city's and findings.json the old one's, while the message said the old report was intact.
   */
  @Test
  void aFileThatCannotBeReplacedLeavesThePreviousReportWhole() throws IOException {
    Path dalian = Files.writeString(root.resolve("dalian.yaml"), TestSupport.compliantWith("city", "大连市", "code", "2102"));
    Path shenyang = Files.writeString(root.resolve("shenyang.yaml"),
        TestSupport.compliantWith("city", "沈阳市", "code", "2101", "employee.contribution.base_ceiling_pct", 250));
    Path m = root.resolve("m");
    assertEquals(0, Cli.run("report", dalian.toString(), "--out", m.toString(), "--as-of", "2026-06-30").code());
    Map<String, byte[]> before = read(m);
    Path locked = m.resolve("findings.json");
    assumeTrue(Tools.succeeds(30, "chattr", "+i", locked.toString()), "chattr +i is not available here (needs root and a file system that has it)");
    try {
      Run r = Cli.run("report", shenyang.toString(), "--out", m.toString(), "--as-of", "2026-06-30");
      assertEquals(2, r.code(), r.err());
      assertEquals("policy-check: 无法写入报告目录 " + m + "：不允许替换或写入（文件可能被设为不可更改，或在共享目录中属于其他用户）"
          + "（已放回上一次的报告，未被改动）\n", r.err());
      assertEquals(before.keySet(), read(m).keySet());
      for (Map.Entry<String, byte[]> e : read(m).entrySet()) {
        assertArrayEquals(before.get(e.getKey()), e.getValue(), e.getKey() + " is still 大连's");
      }
      try (var s = Files.list(m)) {
        assertEquals(FILES.size(), s.count(), "nothing left over");
      }
    } finally {
      Tools.succeeds(30, "chattr", "-i", locked.toString());
    }
  }

  /** A set mixed by a run killed between its moves is told apart by the run ids. */
  @Test
  void aMixedSetIsDetectableByItsRunIds() throws IOException {
    Path a = Files.writeString(root.resolve("a.yaml"), TestSupport.compliant());
    Path b = Files.writeString(root.resolve("b.yaml"), TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    Path one = root.resolve("one");
    Path two = root.resolve("two");
    Cli.run("report", a.toString(), "--out", one.toString(), "--as-of", "2026-06-30");
    Cli.run("report", b.toString(), "--out", two.toString(), "--as-of", "2026-06-30");
    Set<String> ids = new HashSet<>();
    for (String f : FILES) {
      ids.add(ReportFiles.runId(f, Files.readAllBytes(one.resolve(f))));
    }
    assertEquals(1, ids.size(), "one run, one id: " + ids);
    Files.copy(two.resolve("findings.csv"), one.resolve("findings.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ids.clear();
    for (String f : FILES) {
      ids.add(ReportFiles.runId(f, Files.readAllBytes(one.resolve(f))));
    }
    assertEquals(2, ids.size(), "a mixed set shows two ids");
  }

  /** {@code --out lnk/../rep} goes under the link's target, and the summary says so. */
  @Test
  void theSummaryNamesTheFolderTheFilesReallyWentTo() throws IOException {
    Path in = Files.writeString(root.resolve("a.yaml"), TestSupport.compliant());
    Path target = Files.createDirectories(root.resolve("x").resolve("target"));
    Path lnk = Files.createSymbolicLink(root.resolve("lnk"), target);
    Path named = lnk.resolve("..").resolve("rep");
    Run r = Cli.run("report", in.toString(), "--out", named.toString(), "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    Path real = root.resolve("x").resolve("rep").toRealPath();
    for (String f : FILES) {
      assertTrue(Files.isRegularFile(real.resolve(f)), f);
      assertTrue(r.out().contains("  " + named.resolve(f) + "（即 " + real.resolve(f) + "）"), r.out());
    }
    assertFalse(Files.exists(root.resolve("rep")), "not where the path reads lexically");
  }
}
