package cn.liaoning.ybj.policycheck.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * git in a temporary repository built by a test: a fixed identity, no signing, {@code main} as
 * the first branch, whatever the machine's configuration says.
 */
public final class Git {
  private Git() {}

  /** Runs {@code git ARGS} in {@code repo}; the test fails unless it exits 0. Returns its output. */
  public static String run(Path repo, String... args) throws IOException, InterruptedException {
    return at(repo, null, args);
  }

  /**
   * The same with the author and committer dates set to {@code date} (e.g.
   * {@code 2026-03-01T10:00:00+08:00}), or left to git when null.
   */
  public static String at(Path repo, String date, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=测试", "-c", "user.email=test@localhost",
        "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
    if (date != null) {
      pb.environment().put("GIT_AUTHOR_DATE", date);
      pb.environment().put("GIT_COMMITTER_DATE", date);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ":\n" + out);
    return out;
  }
}
