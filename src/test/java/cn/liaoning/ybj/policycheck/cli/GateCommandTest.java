package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.cli.CheckCommandTest.Run;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI options of {@code check}: --baseline, --fail-on-existing and the CI formats. */
class GateCommandTest {
  @TempDir Path dir;

  @Test
  void helpDocumentsTheGate() {
    Run r = CheckCommandTest.run("check", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--baseline=REF"), r.out());
    assertTrue(r.out().contains("--fail-on-existing"), r.out());
    assertTrue(r.out().contains("sarif"), r.out());
    assertTrue(r.out().contains("PROC-APPROVAL"), r.out());
  }

  @Test
  void ciFormatsKeepTheExitStatus() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250), StandardCharsets.UTF_8);
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    for (String format : new String[] {"sarif", "junit", "github"}) {
      Run r = CheckCommandTest.run("check", bad.toString(), "--as-of", "2026-06-30", "--format", format);
      assertEquals(1, r.code(), format + ": " + r.err());
      assertEquals("", r.err(), format);
      Run clean = CheckCommandTest.run("check", ok.toString(), "--as-of", "2026-06-30", "--format", format);
      assertEquals(0, clean.code(), format + ": " + clean.err());
    }
    Run gh = CheckCommandTest.run("check", bad.toString(), "--as-of", "2026-06-30", "--format", "github");
    assertTrue(gh.out().startsWith("::error file="), gh.out());
  }

  @Test
  void directoryBaselineWithTheSameFileChangesNothing() throws IOException {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Path ok = Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Run r = CheckCommandTest.run("check", ok.toString(), "--baseline", old.toString(), "--as-of", "2026-06-30", "--color", "never");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("与基线 dir:" + old + " 相比：新增违规 0 项"), r.out());
  }
}
