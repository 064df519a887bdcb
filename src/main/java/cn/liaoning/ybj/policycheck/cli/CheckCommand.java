package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RuleEngine;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.report.JsonReport;
import cn.liaoning.ybj.policycheck.report.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code policy-check check}: evaluate city files and print the findings. */
@Command(
    name = "check",
    usageHelpAutoWidth = true,
    header = "检查城市政策文件，列出每条规则的结论",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "对每个城市文件运行全部规则。每条结论为：违规 violation、警告 warning、",
      "待定 indeterminate（缺数据，附上能决定结论的字段路径）、已豁免 waived、",
      "通过 pass 或不适用 not_applicable。",
      "违规和警告附整改期限 2026-12-31；城市文件记录经批准的延期",
      "（extension.approved）时为 2027-12-31。",
      "一个文件有误不影响其他文件的检查；错误以“文件:行:列”写到标准错误输出。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:没有违规",
      "1:发现违规（或 --fail-on warning 时发现警告）",
      "2:有文件无法读取或有误，或命令用法有误（其余文件仍会检查并输出）",
      "3:内部错误"
    })
final class CheckCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "城市政策文件或目录（目录下的 *.yaml），默认 city-policies/")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "输出格式：text（中文，按城市分组）或 json（见输出约定）。默认 ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "基准日 YYYY-MM-DD：取当日有效的省级参数，并据此计算距整改期限的天数。默认今天")
  LocalDate asOf;

  @Option(names = "--fail-on", defaultValue = "violation", paramLabel = "LEVEL",
      description = "何时以状态 1 退出：violation（有违规）或 warning（有违规或警告）。默认 ${DEFAULT-VALUE}")
  FailOn failOn;

  @Option(names = "--show-pass", description = "文本输出中也逐条列出通过和不适用的规则")
  boolean showPass;

  @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
      description = "彩色输出：auto（仅终端）、always、never。默认 ${DEFAULT-VALUE}")
  Color color;

  enum Format { text, json }

  enum FailOn { violation, warning }

  enum Color { auto, always, never }

  private static Checker checker;

  /**
   * The catalogue, parameters and compiled rules ship inside the jar and never change while the
   * process runs: they are read and compiled once, however often the command runs in-process.
   */
  static synchronized Checker checker() {
    if (checker == null) {
      checker = new Checker(Catalogue.load(), cn.liaoning.ybj.policycheck.regulation.Parameters.load(), RuleEngine.fromClasspath());
    }
    return checker;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    List<Path> args = paths == null || paths.isEmpty() ? List.of(Path.of("city-policies")) : paths;
    boolean terminal = System.console() != null;

    Checker checker = checker();
    Catalogue catalogue = checker.catalogue();
    RunResult run = new Batch(checker).run(args, day, terminal ? (done, total) -> {
      if (total > 3) {
        err.print("\r检查中 " + done + "/" + total + " …");
        err.flush();
        if (done.equals(total)) {
          err.print("\r\u001b[K");
          err.flush();
        }
      }
    } : null);

    for (Diagnostic d : run.errors()) {
      err.println(d.format());
    }
    if (format == Format.json) {
      out.print(JsonReport.write(run));
    } else {
      boolean useColor = color == Color.always || color == Color.auto && terminal && System.getenv("NO_COLOR") == null;
      out.print(new TextReport(catalogue, useColor, showPass).write(run));
    }
    out.flush();

    if (run.hasErrors()) {
      return 2;
    }
    boolean fail = run.count(Status.VIOLATION) > 0 || failOn == FailOn.warning && run.count(Status.WARNING) > 0;
    return fail ? 1 : 0;
  }
}
