package cn.liaoning.ybj.policycheck.report;

import java.nio.file.Path;

/** File names as code hosts want them: relative to the repository root (the working directory), with "/". */
final class FilePaths {
  private FilePaths() {}

  /** The file relative to the working directory when it lies under it; otherwise as given. */
  static String relative(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      Path cwd = Path.of("").toAbsolutePath();
      Path n = p.normalize();
      if (n.startsWith(cwd)) {
        p = cwd.relativize(n);
      }
    } else {
      p = p.normalize();
    }
    return p.toString().replace('\\', '/');
  }
}
