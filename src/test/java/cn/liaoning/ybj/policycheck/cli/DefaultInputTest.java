package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default input is the repository's {@code city-policies/} wherever the command runs; the
 * launcher passes the repository's directory and says that a build is working. The launcher runs
 * here with stand-ins for {@code java} and {@code mvn} that print what they were given.
 */
class DefaultInputTest {
  @TempDir Path dir;

  @Test
  void theDefaultFollowsTheRepositoryNotTheCurrentDirectory() throws IOException {
    String before = System.getProperty(DefaultInput.HOME);
    try {
      System.clearProperty(DefaultInput.HOME);
      assertEquals(Path.of("city-policies"), DefaultInput.cityPolicies(), "the jar run directly: as before");
      System.setProperty(DefaultInput.HOME, Path.of("").toAbsolutePath().toString());
      assertEquals(Path.of("city-policies"), DefaultInput.cityPolicies(), "run from the repository: the same relative path");
      System.setProperty(DefaultInput.HOME, dir.toString());
      assertEquals(dir.toRealPath().resolve("city-policies"), DefaultInput.cityPolicies(), "run from elsewhere: absolute");
    } finally {
      if (before == null) {
        System.clearProperty(DefaultInput.HOME);
      } else {
        System.setProperty(DefaultInput.HOME, before);
      }
    }
  }

  @Test
  void theLauncherPassesTheRepositoryFromAnyDirectory() throws Exception {
    Path repo = repoWithJar();
    Result r = launch(repo.resolve("city-policies"), "../policy-check", "check", "--format", "json");
    assertEquals(0, r.code, r.err);
    List<String> javaArgs = r.out.lines().toList();
    assertTrue(javaArgs.contains("-Dpolicycheck.home=" + repo), r.out);
    assertEquals(List.of("-jar", repo + "/target/policy-check.jar", "check", "--format", "json"),
        javaArgs.subList(javaArgs.indexOf("-jar"), javaArgs.size()));
    assertEquals("", r.err, "no build, nothing on stderr");
  }

  @Test
  void aFailedBuildShowsMavensErrorsAndExitsThree() throws Exception {
    Path repo = repo();
    stub("mvn", "echo '[INFO] --- kie-maven-plugin:10.2.0:build (executable-model) @ policy-check ---'\n"
        + "echo '[ERROR] rules/x.drl: Unable to parse'\nexit 1\n");
    Result r = launch(repo, "./policy-check", "rules");
    assertEquals(3, r.code, r.err);
    assertTrue(r.err.contains("policy-check: 正在构建 target/policy-check.jar"), r.err);
    assertTrue(r.err.contains("[ERROR] rules/x.drl: Unable to parse"), r.err);
    assertTrue(r.err.contains("policy-check: 构建失败（Maven 的完整输出："), r.err);
    assertFalse(r.err.contains("[INFO]"), "only the errors: " + r.err);
    assertEquals("", r.out);
  }

  @Test
  void aBuildSaysWhenItIsDoneAndThenRuns() throws Exception {
    Path repo = repo();
    stub("mvn", "mkdir -p target && : > target/policy-check.jar\n");
    Result r = launch(repo, "./policy-check", "rules");
    assertEquals(0, r.code, r.err);
    assertTrue(r.err.contains("policy-check: 构建完成。"), r.err);
    assertTrue(r.out.contains("-Dpolicycheck.home=" + repo), r.out);
  }

  record Result(int code, String out, String err) {}

  /** A copy of the launcher in a directory laid out as the repository (pom.xml, src/main, rules, city-policies), the jar not built. */
  private Path repo() throws IOException {
    Path repo = dir.toRealPath().resolve("repo");
    if (!Files.exists(repo)) {
      for (String d : List.of("src/main", "rules", "city-policies")) {
        Files.createDirectories(repo.resolve(d));
      }
      Files.writeString(repo.resolve("pom.xml"), "<project/>");
      Files.copy(Path.of("policy-check"), repo.resolve("policy-check"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
    return repo;
  }

  private Path repoWithJar() throws IOException {
    Path repo = repo();
    Files.createDirectories(repo.resolve("target"));
    Files.writeString(repo.resolve("target/policy-check.jar"), "");
    return repo;
  }

  private Result launch(Path cwd, String... cmd) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "no bash here");
    stubIfAbsent("java", "printf '%s\\n' \"$@\"\n");
    stubIfAbsent("mvn", "exit 1\n");
    List<String> argv = new java.util.ArrayList<>(List.of("bash", "-c", "exec \"$0\" \"$@\""));
    argv.addAll(List.of(cmd));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    env.put("POLICY_CHECK_CDS", "0");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private void stub(String name, String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path f = bin.resolve(name);
    Files.writeString(f, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void stubIfAbsent(String name, String body) throws IOException {
    if (!Files.exists(dir.resolve("bin").resolve(name))) {
      stub(name, body);
    }
  }
}
