package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which files the arguments name, and which of them are not read at all: a name with a control or
 * invisible character, a link out of the folder being checked, a folder that cannot be listed.
 */
public final class PolicyFiles {
  private PolicyFiles() {}

  /**
   * Expands the arguments into policy files: a file stands for itself, a directory for the
   * {@code *.yaml}/{@code *.yml} files directly inside it, sorted by name. Problems with the
   * arguments themselves (missing, unreadable, a symbolic-link loop) come back as diagnostics;
   * this never throws.
   */
  public static List<Path> expand(List<Path> args, List<Diagnostic> problems) {
    List<Path> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path a : args) {
      if (badName(a.toString(), problems)) {
        continue;
      }
      if (Files.isDirectory(a)) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(a)) {
          s.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
              })
              .forEach(found::add);
        } catch (IOException | UncheckedIOException | SecurityException e) {
          problems.add(pathProblem(a, "无法读取目录", e));
          continue;
        }
        if (found.isEmpty()) {
          // A directory named on purpose that holds no policy (a typo, the wrong folder) must not
          // pass as "nothing wrong".
          problems.add(new Diagnostic(a.toString(), 0, 0, Severity.ERROR, "目录中没有政策文件（*.yaml 或 *.yml）", null));
          continue;
        }
        found.sort(null);
        for (Path p : found) {
          if (badName(p.toString(), problems) || outside(p, a, problems)) {
            continue;
          }
          if (seen.add(p.normalize())) {
            out.add(p);
          }
        }
      } else if (Files.exists(a)) {
        Path folder = a.toAbsolutePath().getParent();
        if (folder != null && outside(a, folder, problems)) {
          continue;
        }
        if (seen.add(a.normalize())) {
          out.add(a);
        }
      } else if (Files.isSymbolicLink(a)) {
        problems.add(new Diagnostic(a.toString(), 0, 0, Severity.ERROR, BROKEN_LINK, null));
      } else {
        problems.add(new Diagnostic(a.toString(), 0, 0, Severity.ERROR, "文件或目录不存在", null));
      }
    }
    return out;
  }

  /**
   * A file name with a line break, a control or an invisible character is reported (shown with
   * that character written out) and not read: echoed into an output, it would start a line of its
   * own (a forged annotation) or act on a terminal.
   */
  private static boolean badName(String name, List<Diagnostic> problems) {
    int bad = Hints.firstDisallowed(name);
    if (bad < 0) {
      return false;
    }
    problems.add(new Diagnostic(Hints.visible(name, false), 0, 0, Severity.ERROR,
        "文件名含有" + Hints.describe(bad) + "：不读取这个文件，请改名（文件名中不能有换行、控制字符或不可见字符）", null));
    return true;
  }

  /**
   * Whether {@code file} is (or lies behind) a symbolic link that leads out of {@code folder}, the
   * folder being checked: such a file is reported by its path and where it leads, and nothing of
   * it is read (a link to /etc/shadow would otherwise have its lines quoted back in messages). A
   * link that cannot be resolved is left to {@link #load(Path)}, which says why.
   */
  public static boolean outside(Path file, Path folder, List<Diagnostic> problems) {
    Path real = realOutside(file, folder);
    if (real == null) {
      return false;
    }
    problems.add(new Diagnostic(file.toString(), 0, 0, Severity.ERROR, "符号链接指向所检查的文件夹之外（"
        + Hints.visible(real.toString(), false) + "）：不读取它；城市政策文件须放在所检查的文件夹内", null));
    return true;
  }

  /** Where {@code file} really is when that is outside {@code folder}; otherwise (or unresolvable) null. */
  public static Path realOutside(Path file, Path folder) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(folder.toRealPath()) ? null : real;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  static final String BROKEN_LINK = "符号链接无法解析（链接形成循环，或指向的文件不存在）";

  static Diagnostic pathProblem(Path p, String what, Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    String why;
    if (cause instanceof AccessDeniedException || cause instanceof SecurityException) {
      why = "没有读取权限";
    } else if (cause instanceof NoSuchFileException) {
      why = "不存在";
    } else if (cause instanceof FileSystemLoopException) {
      why = "符号链接形成循环";
    } else if (cause instanceof FileSystemException f && f.getReason() != null) {
      why = f.getReason();
    } else {
      why = cause.getClass().getSimpleName();
    }
    return new Diagnostic(p.toString(), 0, 0, Severity.ERROR, what + "：" + why, null);
  }
}
