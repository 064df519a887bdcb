package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.baseline.BaselineCheck;
import cn.liaoning.ybj.policycheck.baseline.BaselineException;
import cn.liaoning.ybj.policycheck.baseline.BaselineSource;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RuleEngine;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.report.GithubReport;
import cn.liaoning.ybj.policycheck.report.JsonReport;
import cn.liaoning.ybj.policycheck.report.JunitReport;
import cn.liaoning.ybj.policycheck.report.ReportFiles;
import cn.liaoning.ybj.policycheck.report.SarifReport;
import cn.liaoning.ybj.policycheck.report.TextReport;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.report.JobSummary;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      "违规和警告附省级文件规定的整改期限；城市文件记录经批准的延期（extension.approved）时",
      "为延长后的期限（日期取 --as-of 当日有效的省级参数，见 policy-check explain）。",
      "一个文件有误不影响其他文件的检查；错误以“文件:行:列”写到标准错误输出。",
      "",
      "CI 门禁：--baseline REF 与基线比较（REF 为 git:版本，如 git:origin/main、git:提交号，",
      "直接从 git 读取，无须检出；或 dir:目录）。每条问题按（城市、规则编号、字段路径）分为",
      "新增 new、恶化 worsened（状态不变、值离要求更远）、已修复 fixed、录入 entered",
      "（基线中未知的值注明来源录入后显现）或既有 unchanged；新增和恶化的违规导致状态 1。",
      "基线模式下另评估 PROC-APPROVAL（变动的参数须在 approvals 中列明省级批准；",
      "基线中未知的字段注明来源录入的是现行政策，无须报批）和 EMP-RATE-EMPLOYER-STABLE",
      "（执行 8%% 费率的市原则上保持费率稳定）。",
      "给出目录时，基线中有、现已删除的城市文件记为一条新增 PROC-APPROVAL 违规。",
      "一次运行可写出多种格式（--output FORMAT=FILE，可重复）和 Markdown 摘要",
      "（--summary FILE；设置了 GITHUB_STEP_SUMMARY 时自动追加到该文件）。详见 docs/ci-gate.md。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:没有违规（有 --baseline 时：没有新增或恶化的违规）",
      "1:发现违规（或 --fail-on warning 时发现警告）；有 --baseline 时只算新增和恶化的，除非 --fail-on-existing",
      "2:有文件无法读取或有误，输出文件无法写入，或命令用法有误（其余文件仍会检查并输出）",
      "3:内部错误"
    })
final class CheckCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin RunOptions runOptions;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "输出格式：text（中文，按城市分组）、json（见输出约定）、sarif（SARIF 2.1.0，供代码托管平台在合并请求中标注）、"
          + "junit（JUnit XML，每个城市 × 规则编号一个测试用例）或 github（GitHub Actions 工作流命令 ::error / ::warning）。默认 ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--baseline", paramLabel = "REF",
      description = "与基线比较：git:版本（如 git:origin/main、git:HEAD~1、git:提交号）或 dir:目录（城市文件目录或仓库副本）；"
          + "不带前缀时，存在同名目录即为目录，否则为 git 版本，既是目录又是 git 版本时报错并请写明前缀。"
          + "文件按相对于仓库根目录的路径对应；基线中没有的文件按新文件处理，目录中被删除的文件记为新增违规")
  String baseline;

  @Option(names = "--fail-on-existing", description = "与 --baseline 同用：基线中已有的违规（以及录入后显现的违规）也导致状态 1（默认只报告、不算失败）")
  boolean failOnExisting;

  @Option(names = "--output", paramLabel = "FORMAT=FILE",
      description = "在同一次运行中另把某种格式写到文件（可重复），如 --output sarif=policy-check.sarif --output junit=policy-check.xml；"
          + "格式同 --format。文件先写到同目录的临时文件再替换，不会只写一半")
  List<String> outputs;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "把 Markdown 摘要（新增、恶化、已修复、录入、既有的计数和明细表）写到文件；"
          + "设置了环境变量 GITHUB_STEP_SUMMARY 时（GitHub Actions）另追加到该文件，作为作业摘要")
  Path summary;

  @Option(names = "--only", paramLabel = "WHAT",
      description = "与 --baseline 同用：changed 时文本输出只列出本次改动涉及的结论（新增、恶化、已修复、录入），与基线相同的只计数")
  Only only;

  @Option(names = "--show-pass", description = "文本输出中也逐条列出通过和不适用的规则")
  boolean showPass;

  @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
      description = "彩色输出：auto（仅终端）、always、never。默认 ${DEFAULT-VALUE}")
  Color color;

  enum Format { text, json, sarif, junit, github }

  enum Only { changed }

  /** The environment (GITHUB_STEP_SUMMARY); tests replace it. */
  static volatile java.util.function.Function<String, String> environment = System::getenv;


  enum Color { auto, always, never }

  private static Checker checker;

  /**
   * The catalogue, parameters and compiled rules ship inside the jar and never change while the
   * process runs: they are read and compiled once, however often the command runs in-process.
   */
  static synchronized Checker checker() {
    if (checker == null) {
      checker = new Checker(Catalogue.load(), Parameters.load(), RuleEngine.fromClasspath());
    }
    return checker;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate day = runOptions.day();
    List<Path> args = runOptions.inputs();
    boolean terminal = System.console() != null;

    if (only != null && baseline == null) {
      throw new ParameterException(spec.commandLine(), "--only changed 须与 --baseline 同用（没有基线就无所谓“改动”）");
    }
    Map<Path, Format> files = outputs(args);

    BaselineSource source = null;
    if (baseline != null) {
      try {
        source = BaselineSource.open(baseline, args);
      } catch (BaselineException e) {
        err.println("policy-check: 基线错误：" + e.getMessage());
        return 2;
      }
    }

    Checker checker = checker();
    BiConsumer<Integer, Integer> progress = RunOptions.progress(err);
    RunResult run;
    Comparison cmp = null;
    if (source == null) {
      run = new Batch(checker).run(args, day, progress);
    } else {
      try {
        cmp = new BaselineCheck(checker, source).run(args, day, progress);
      } catch (BaselineException e) {
        err.println("policy-check: 基线错误：" + e.getMessage());
        return 2;
      }
      run = cmp.run();
      // Which baseline the result is measured against, whatever the output format.
      err.println("policy-check: 基线为 " + source.describe());
    }
    Gate gate = Gate.of(runOptions.failOn, failOnExisting);

    for (Diagnostic d : run.errors()) {
      err.println(d.format());
    }
    boolean useColor = color == Color.always || color == Color.auto && terminal && System.getenv("NO_COLOR") == null;
    print(format, run, cmp, gate, useColor, out);
    out.flush();

    Map<Path, ReportFiles.Content> written = new LinkedHashMap<>();
    for (Map.Entry<Path, Format> f : files.entrySet()) {
      Format format = f.getValue();
      RunResult result = run;
      Comparison comparison = cmp;
      written.put(f.getKey(), stream -> {
        // The same writers as the console's: JSON, SARIF and JUnit streamed, never held whole.
        PrintWriter w = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8)));
        print(format, result, comparison, gate, false, w);
        w.flush();
        if (w.checkError()) {
          throw new java.io.IOException("写入出错");
        }
      });
    }
    String markdown = null;
    if (summary != null) {
      markdown = new JobSummary(checker.parameters(), gate).write(run, cmp);
      written.put(summary, ReportFiles.Content.of(markdown.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      OutputFiles.write(written);
      String step = environment.apply("GITHUB_STEP_SUMMARY");
      if (step != null && !step.isBlank()) {
        if (markdown == null) {
          markdown = new JobSummary(checker.parameters(), gate).write(run, cmp);
        }
        OutputFiles.append(Path.of(step), (markdown + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (OutputFiles.Failure e) {
      err.println("policy-check: 无法写入 " + e.file + "：" + ReportCommand.reason(e.cause) + "（没有写出只写了一半的文件）");
      return 2;
    }

    if (run.hasErrors()) {
      return 2;
    }
    return gate.fails(run, cmp) ? 1 : 0;
  }

  /** One format of the run's findings. */
  /**
   * The console output: JSON, SARIF and JUnit are streamed as they are made (1,000 cities' document
   * is never held whole); the other formats as rendered.
   */
  private void print(Format f, RunResult run, Comparison cmp, Gate gate, boolean useColor, PrintWriter out) {
    switch (f) {
      case json -> {
        try {
          JsonReport.write(run, cmp, out);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e); // a PrintWriter does not throw
        }
      }
      case sarif -> {
        try {
          new SarifReport(checker().catalogue(), checker().parameters(), version()).write(run, cmp, out);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e); // a PrintWriter does not throw
        }
      }
      case junit -> new JunitReport(checker().catalogue(), checker().parameters(), gate).write(run, cmp, out);
      default -> out.print(render(f, run, cmp, gate, useColor));
    }
  }

  private String render(Format f, RunResult run, Comparison cmp, Gate gate, boolean useColor) {
    Checker checker = checker();
    Catalogue catalogue = checker.catalogue();
    return switch (f) {
      case json -> JsonReport.write(run, cmp);
      case sarif -> new SarifReport(catalogue, checker.parameters(), version()).write(run, cmp);
      case junit -> new JunitReport(catalogue, checker.parameters(), gate).write(run, cmp);
      case github -> new GithubReport(catalogue, checker.parameters(), gate).write(run, cmp);
      case text -> new TextReport(catalogue, checker.parameters(), useColor, showPass, only == Only.changed).write(run, cmp);
    };
  }

  /**
   * The {@code --output FORMAT=FILE} values, checked before anything runs: a known format, a file
   * named once, and never one of the city files being checked.
   */
  private Map<Path, Format> outputs(List<Path> inputs) {
    Map<Path, Format> files = new LinkedHashMap<>();
    if (outputs == null) {
      return files;
    }
    Set<Path> checked = new java.util.HashSet<>();
    for (Path p : inputs) {
      checked.add(p.toAbsolutePath().normalize());
    }
    List<String> names = java.util.Arrays.stream(Format.values()).map(Enum::name).toList();
    for (String o : outputs) {
      int eq = o.indexOf('=');
      String name = eq < 0 ? o : o.substring(0, eq).strip();
      String file = eq < 0 ? "" : o.substring(eq + 1).strip();
      if (eq < 0 || file.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--output 应写成 格式=文件，如 --output sarif=policy-check.sarif（“"
            + Hints.clip(o) + "”）");
      }
      if (!names.contains(name)) {
        String hint = Hints.closest(name, names);
        throw new ParameterException(spec.commandLine(), "--output 的格式“" + Hints.clip(name) + "”不存在，应为 "
            + String.join("、", names) + " 之一" + (hint == null ? "" : "，是否想写“" + hint + "”？"));
      }
      Path target = Path.of(file);
      Path real = target.toAbsolutePath().normalize();
      if (checked.contains(real) || summary != null && summary.toAbsolutePath().normalize().equals(real)
          || files.keySet().stream().anyMatch(k -> k.toAbsolutePath().normalize().equals(real))) {
        throw new ParameterException(spec.commandLine(), "--output 的文件 " + file + " 已另有用途（被检查的城市文件、--summary 或另一个 --output）");
      }
      files.put(target, Format.valueOf(name));
    }
    return files;
  }

  /** The version from the jar manifest ("dev" when run from classes). */
  private static String version() {
    String v = CheckCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
