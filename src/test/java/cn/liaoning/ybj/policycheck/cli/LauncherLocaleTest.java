package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the C/POSIX locale the JVM reads file names and arguments as ASCII: a valid file named
 * 大连.yaml was rejected and non-ASCII names came out garbled. The launcher runs the JVM in
 * C.UTF-8 then; run directly in C, the command says what is wrong instead of an exception name.
 */
class LauncherLocaleTest {
  @TempDir Path dir;

  /** The launcher's locale block, then java with the test class path, in an environment of {@code locale} only. */
  private Run run(boolean withLauncherBlock, String locale, String... args) throws Exception {
    String block = "";
    if (withLauncherBlock) {
      String script = Files.readString(Path.of("policy-check"), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("(?ms)^ctype=.*?^esac$").matcher(script);
      assertTrue(m.find(), "the locale block of ./policy-check");
      block = m.group() + "\n";
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String body = block + "exec \"$JAVA\" -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 "
        + "-cp \"$CP\" " + Main.class.getName() + " \"$@\"";
    List<String> cmd = new ArrayList<>(List.of("env", "-i", "PATH=/usr/bin:/bin", "JAVA=" + java,
        "CP=" + System.getProperty("java.class.path"), locale, "bash", "-c", body, "policy-check"));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    } catch (IOException e) {
      assumeTrue(false, "no env or bash here: " + e.getMessage());
      throw e;
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aChineseFileNameIsReadInTheCLocale() throws Exception {
    Path file = Files.writeString(dir.resolve("大连.yaml"), TestSupport.compliantWith("city", "大连市"));
    Run r = run(true, "LC_ALL=C", "check", file.toString(), "--as-of", "2026-06-30", "--format", "json");
    assumeFalse(r.err().contains("用法错误") && r.err().contains("ANSI"), "no C.UTF-8 locale on this system: " + r.err());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"file\" : \"" + file + "\""), r.out());
    assertTrue(r.out().contains("大连市"), r.out());
  }

  @Test
  void runDirectlyInTheCLocaleTheCommandSaysWhatIsWrong() throws Exception {
    Path file = Files.writeString(dir.resolve("大连.yaml"), TestSupport.compliant());
    Run r = run(false, "LC_ALL=C", "report", file.toString(), "--out", dir.resolve("报告").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("policy-check: 用法错误：参数“"), r.err());
    assertTrue(r.err().contains("请在 UTF-8 区域设置下运行"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  private static void assumeFalse(boolean b, String why) {
    org.junit.jupiter.api.Assumptions.assumeFalse(b, why);
  }
}
