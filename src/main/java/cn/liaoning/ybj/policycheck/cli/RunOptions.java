package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.baseline.Gate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every evaluating command over city files takes: the files, the as-of date and when to fail. */
final class RunOptions {
  @Parameters(arity = "0..*", paramLabel = "PATH", description = "城市政策文件或目录（目录下的 *.yaml），默认为本工具所在仓库的 city-policies/（在任何目录下运行都一样）")
  List<Path> paths;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "基准日 YYYY-MM-DD：取当日有效的省级参数，并据此计算距整改期限的天数。默认今天")
  LocalDate asOf;

  @Option(names = "--fail-on", defaultValue = "violation", paramLabel = "LEVEL",
      description = "何时以状态 1 退出：violation（有违规）或 warning（有违规或警告）。默认 ${DEFAULT-VALUE}")
  Gate.Level failOn;

  /** The files or directories named, or the repository's {@code city-policies/}. */
  List<Path> inputs() {
    return paths == null || paths.isEmpty() ? List.of(DefaultInput.cityPolicies()) : paths;
  }

  /** The as-of date named, or today. */
  LocalDate day() {
    return asOf == null ? LocalDate.now() : asOf;
  }

  /** "检查中 3/15 …" on stderr when it is a terminal and there are more than a few files; else null. */
  static BiConsumer<Integer, Integer> progress(PrintWriter err) {
    if (System.console() == null) {
      return null;
    }
    return (done, total) -> {
      if (total > 3) {
        err.print("\r检查中 " + done + "/" + total + " …");
        err.flush();
        if (done.equals(total)) {
          err.print("\r\u001b[K");
          err.flush();
        }
      }
    };
  }
}
