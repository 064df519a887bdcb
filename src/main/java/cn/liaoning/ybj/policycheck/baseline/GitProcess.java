package cn.liaoning.ybj.policycheck.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs git for the readers of a repository's history — the baseline at a revision
 * ({@link BaselineSource.GitRevision}) and the history walk: no terminal prompt, C locale,
 * standard error discarded, a time limit, and the output cut at a limit.
 */
public final class GitProcess {
  private GitProcess() {}

  /** A git process's exit status and standard output (cut at the limit it was run with). */
  public record Result(int code, byte[] out) {}

  /**
   * Runs git in {@code dir} with {@code input} (or nothing) on its standard input. At most
   * {@code limit} bytes of output are kept: output of that length may have been cut.
   */
  public static Result run(Path dir, String input, int limit, String... args) throws BaselineException {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.add("-C");
    cmd.add(dir.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("LC_ALL", "C");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new BaselineException("按 git 版本读取基线需要 git 命令，但无法运行 git：" + e.getMessage());
    }
    try {
      try (OutputStream in = p.getOutputStream()) {
        if (input != null) {
          in.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] out = readLimited(p.getInputStream(), limit);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new BaselineException("git " + String.join(" ", args) + " 超时");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      p.destroyForcibly();
      throw new BaselineException("读取 git 输出失败：" + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BaselineException("读取基线时被中断");
    }
  }

  /** Reads at most {@code limit} bytes and discards the rest. */
  static byte[] readLimited(InputStream in, int limit) throws IOException {
    try (in) {
      byte[] b = in.readNBytes(limit);
      if (b.length >= limit) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return b;
    }
  }
}
