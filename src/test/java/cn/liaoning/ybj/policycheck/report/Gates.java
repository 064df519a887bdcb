package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.BaselineCheck;
import cn.liaoning.ybj.policycheck.baseline.BaselineException;
import cn.liaoning.ybj.policycheck.baseline.BaselineSource;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Comparisons for the report tests: a directory baseline and proposed files. */
final class Gates {
  private Gates() {}

  static Path write(Path dir, String name, String text) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Comparison compare(Path baselineDir, Path... proposals) {
    try {
      return new BaselineCheck(TestSupport.checker(), BaselineSource.open(baselineDir.toString()))
          .run(List.of(proposals), TestSupport.AS_OF, null);
    } catch (BaselineException e) {
      throw new AssertionError(e);
    }
  }
}
