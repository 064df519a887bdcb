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
