package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM flags keep stdout clean when the class-data archive is stale: the JVM then
 * prints "[warning][cds,dynamic] Unable to use shared archive…" to stdout unless told otherwise,
 * and that line would corrupt JSON or SARIF output.
 */
class LauncherFlagsTest {
  @TempDir Path dir;

  @Test
  void staleArchiveWarningNeverReachesStdout() throws Exception {
    List<String> flags = launcherFlags();
    assertTrue(flags.contains("-Xlog:disable"), "launcher flags: " + flags);
    Path jar = dir.resolve("probe.jar");
    Path jsa = dir.resolve("probe.jsa");
    writeJar(jar, false);
    run(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds*=off", "-cp", jar.toString(), CdsProbe.class.getName()));
    assumeTrue(Files.size(jsa) > 0, "this JVM made no dynamic archive");
    // The jar changes after the archive was made: the archive is stale.
    writeJar(jar, true);

    List<String> plain = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-cp", jar.toString(), CdsProbe.class.getName()));
    String unsilenced = run(plain);
    assumeTrue(unsilenced.contains("[warning]"), "this JVM does not warn about a stale archive: " + unsilenced);

    List<String> launcher = new ArrayList<>(flags);
    launcher.addAll(plain);
    assertEquals("{\"probe\": true}\n", run(launcher));
  }

  /**
   * The launcher runs a sweep with C1 alone up to 250,000 combinations and with C2 above; it counts
   * the combinations from the --vary ranges as {@code sweep} does. A range it cannot read counts 1.
   */
  @Test
  void theLauncherCountsSweepCombinations() throws Exception {
    assertEquals("55", sweepSize("sweep", "f.yaml", "--vary", "employee.outpatient.classes[*].deductible=100..600:50",
        "--vary", "employee.annual_cap=60000..100000:10000"));
    assertEquals("50451", sweepSize("sweep", "f.yaml", "--vary=a=100..600:2", "--vary=b=60000..160000:500"));
    assertEquals("401301", sweepSize("--as-of", "2026-11-22", "sweep", "f.yaml", "--vary", "a=100..600:1", "--vary", "b=60000..160000:125"));
    assertEquals("4", sweepSize("sweep", "f.yaml", "--vary", "maternity.rate_pct=0.5,0.8,1,1.2"));
    assertEquals("3", sweepSize("sweep", "f.yaml", "--vary", "x=1..3"));
    assertEquals("6", sweepSize("sweep", "f.yaml", "--vary", "x=0.5..3:0.5"));
    assertEquals("1", sweepSize("sweep", "f.yaml", "--vary", "x=not a range", "--show", "5"));
    assertEquals("10000000000", sweepSize("sweep", "f.yaml", "--vary", "a=1..100000", "--vary", "b=1..100000"));
  }

  /** What the launcher's sweep_size function prints for the arguments. */
  private static String sweepSize(String... args) throws Exception {
    String script = Files.readString(Path.of("policy-check"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?ms)^sweep_size\\(\\) \\{.*?^}").matcher(script);
    assertTrue(m.find(), "sweep_size() in ./policy-check");
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", m.group() + "\nsweep_size \"$@\"", "sweep_size"));
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      assumeTrue(false, "no bash here: " + e.getMessage());
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), "sweep_size " + String.join(" ", args));
    return out;
  }

  /** The JVM flags the launcher always passes (its {@code flags=( … )} array). */
  static List<String> launcherFlags() throws IOException {
    String script = Files.readString(Path.of("policy-check"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^flags=\\(([^)]*)\\)").matcher(script);
    assertTrue(m.find(), "flags=( … ) in ./policy-check");
    return Arrays.stream(m.group(1).trim().split("\\s+")).toList();
  }

  private static void writeJar(Path jar, boolean changed) throws IOException {
    String name = CdsProbe.class.getName().replace('.', '/') + ".class";
    try (InputStream in = CdsProbe.class.getClassLoader().getResourceAsStream(name);
        OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry(name));
      in.transferTo(j);
      j.closeEntry();
      if (changed) {
        j.putNextEntry(new JarEntry("changed.txt"));
        j.write("a later build".getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
      }
    }
  }

  /** Runs java with the arguments; returns its stdout (stderr is discarded). */
  private String run(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "exit status of " + cmd);
    return out;
  }
}
