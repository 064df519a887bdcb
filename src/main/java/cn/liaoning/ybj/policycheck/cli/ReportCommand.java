package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.baseline.BaselineException;
import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.history.GitHistory;
import cn.liaoning.ybj.policycheck.history.History;
import cn.liaoning.ybj.policycheck.impact.Impact;
import cn.liaoning.ybj.policycheck.impact.Overlay;
import cn.liaoning.ybj.policycheck.impact.OverlayReader;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.DrlIndex;
import cn.liaoning.ybj.policycheck.report.ImpactSection;
import cn.liaoning.ybj.policycheck.report.ProgressSection;
import cn.liaoning.ybj.policycheck.report.ReportFiles;
import cn.liaoning.ybj.policycheck.report.ReportModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policy-check report}: check city files and write the auditors' report (HTML, Markdown,
 * workbook, CSV, JSON). Writing the report is its job: it exits 0 with violations found, unless
 * {@code --fail-on} asks otherwise.
 */
@Command(
    name = "report",
    usageHelpAutoWidth = true,
    header = "检查城市政策文件，写出审计报告（网页、Markdown、Excel 工作簿、CSV、JSON）",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "与 check 相同地检查每个城市文件，并在输出目录写出五个文件：",
      "  index.html     审计报告网页：摘要、全省概况、合规矩阵、整改期限、各市结论、",
      "                 尚无数据的统筹区（须收集的数据）、各市整改清单；单一文件，",
      "                 样式内嵌，无需联网，可打印（A4 横向）",
      "  report.md      同一内容的 Markdown，便于粘贴到文档",
      "  findings.xlsx  Excel/WPS 工作簿：结论、数据缺口、整改期限（数字、日期为真实单元格）",
      "  findings.csv   每条结论一行（UTF-8 带 BOM）",
      "  findings.json  JSON 输出约定（与 check --format json 相同）",
      "无法读取的城市文件不会被略去：在矩阵、各市结论和各文件中标为“文件有误”，",
      "并注明结果不完整。",
      "每个文件先写到临时文件再替换，中途失败不会破坏上一次的报告。",
      "相同的输入和 --as-of 得到相同的报告（网页、Markdown、CSV、JSON 逐字节相同）。",
      "另可在网页和 Markdown 中各加一节（默认不加）：",
      "  --overlay OVERLAY  七、参数调整的影响：按调整方案（与 impact 相同的写法）",
      "                     在基准日调整前后各检查一次，列出变为违规、不再违规、",
      "                     期限改变的结论及引起变化的参数；方案有误时报告错误",
      "                     （文件:行:列），不写出报告",
      "  --history          八、整改进展：城市文件在 git 历史中每个状态的违规和",
      "                     待定随时间变化的图，标出整改期限（与 history 相同）；",
      "                     路径须在 git 仓库中"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:报告已写出（有违规也是 0，除非给出 --fail-on）",
      "1:给出 --fail-on violation 且发现违规（--fail-on warning：违规或警告）",
      "2:有文件无法读取或有误（报告照常写出，注明结果不完整）、报告无法写入，或命令用法有误；"
          + "调整方案有误或 --history 的路径不在 git 仓库中（不写出报告）。历史中旧状态的城市文件无法读取时只在“整改进展”中标出，"
          + "不影响退出状态",
      "3:内部错误"
    },
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check report --as-of 2026-12-07",
      "  policy-check report --overlay proposal.yaml --history --since v2026.1"
    })
final class ReportCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "城市政策文件或目录（目录下的 *.yaml），默认为本工具所在仓库的 city-policies/")
  List<Path> paths;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "基准日 YYYY-MM-DD：取当日有效的省级参数，并据此计算距整改期限的天数。默认今天")
  LocalDate asOf;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "报告写出后，发现违规（violation）或违规、警告（warning）时以状态 1 退出，供 CI 使用。"
          + "不给出时，写出报告即以状态 0 退出")
  Gate.Level failOn;

  @Option(names = "--out", paramLabel = "DIR",
      description = "报告输出目录（不存在时创建）。默认为本工具所在仓库的 reports/")
  Path out;

  @Option(names = "--overlay", paramLabel = "OVERLAY",
      description = "另加一节“参数调整的影响”：此调整方案（省级参数文件的写法，见 impact）在基准日改变的结论")
  Path overlay;

  @Option(names = "--history",
      description = "另加一节“整改进展”：城市文件在 git 历史中违规和待定随时间变化的图（见 history）")
  boolean history;

  @Option(names = "--since", paramLabel = "REV",
      description = "与 --history 一起用：只看此版本之后的提交，如 HEAD~20、v2026.1、提交号。默认全部历史")
  String since;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (out == null) {
      out = DefaultInput.reports();
    } else if (out.toString().isBlank()) {
      // An empty path would mean the current directory: never written to unless named.
      throw new ParameterException(spec.commandLine(), "--out 不能为空：请给出报告目录（如 --out reports）");
    }
    if (since != null && !history) {
      throw new ParameterException(spec.commandLine(), "--since 只与 --history 一起使用（如 --history --since v2026.1）");
    }
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    List<Path> args = paths == null || paths.isEmpty() ? List.of(DefaultInput.cityPolicies()) : paths;

    Checker checker = CheckCommand.checker();
    // The optional sections' inputs first: an overlay in error or a history that cannot be read
    // stops here, before anything is written.
    Overlay proposal = null;
    if (overlay != null) {
      OverlayReader.Result read = OverlayReader.read(overlay, checker.parameters());
      for (Diagnostic d : read.diagnostics()) {
        err.println(d.format());
      }
      if (!read.ok()) {
        err.println("policy-check: 调整方案 " + overlay + " 有误，未做比较，未写出报告");
        return 2;
      }
      proposal = read.overlay();
    }
    History past = null;
    if (history) {
      try {
        past = History.walk(checker, GitHistory.of(args), since, null, day, RunOptions.progress(err)); // up to the as-of date
      } catch (BaselineException e) {
        err.println("policy-check: 无法读取整改进展（--history）：" + e.getMessage() + "；未写出报告");
        return 2;
      }
      for (Diagnostic d : past.errors()) {
        err.println(d.format());
      }
      if (!past.errors().isEmpty()) {
        // Old states of the files, not this run's input: shown in the chart, the exit status stays the report's.
        err.println("policy-check: 以上 " + past.errors().size() + " 个问题在 git 历史的旧状态中，只在“整改进展”中标出，不影响退出状态");
      }
    }

    RunResult run = new Batch(checker).run(args, day, RunOptions.progress(err));
    for (Diagnostic d : run.errors()) {
      err.println(d.format());
    }
    ReportModel model = ReportModel.of(run, checker.catalogue(), checker.parameters());
    if (proposal != null) {
      // The same files as the run: their errors are already told above.
      Impact impact = Impact.run(checker, proposal, args, day, DrlIndex.load());
      model = model.withImpact(ImpactSection.of(impact, checker.catalogue(), model.anchorsByFile()));
    }
    if (past != null) {
      model = model.withProgress(ProgressSection.of(past, model.anchorsByCode()));
    }

    List<Path> written;
    try {
      written = ReportFiles.write(out, model, run);
    } catch (ReportFiles.WriteFailure f) {
      // Told as it is: either the previous report is whole again, or which files are new.
      err.println("policy-check: 无法写入报告目录 " + out + "：" + reason(f.reason())
          + (f.previousIntact() ? "（已放回上一次的报告，未被改动）" : "；" + f.state()));
      return 2;
    } catch (IOException e) {
      err.println("policy-check: 无法写入报告目录 " + out + "：" + reason(e) + "（上一次的报告未被改动）");
      return 2;
    } catch (java.nio.file.InvalidPathException e) {
      err.println("policy-check: 无法写入报告目录：路径“" + cn.liaoning.ybj.policycheck.policy.Hints.clip(e.getInput())
          + "”含有本机文件名编码无法表示的字符（在 C/POSIX 区域设置下运行时，请设置 LANG=C.UTF-8，或使用 ./policy-check 启动）");
      return 2;
    }

    summary(stdout, checker.parameters().regulation().number(), model, written);
    stdout.flush();
    if (run.hasErrors()) {
      return 2;
    }
    return failOn != null && Gate.of(failOn, false).fails(run, null) ? 1 : 0;
  }

  /** The summary on stdout: the report's own counts, each saying what it counts. */
  private static void summary(PrintWriter out, String regulation, ReportModel model, List<Path> written) {
    ReportModel.Summary s = model.summary();
    out.println(regulation + " 合规审计报告　基准日 " + model.asOf());
    if (s.incomplete()) {
      out.println(s.headline());
    }
    out.println(s.files() + " 个统筹区：有违规 " + s.withViolations() + " 个，缺数据 " + s.missingData() + " 个"
        + (s.noData() > 0 ? "（其中 " + s.noData() + " 个尚无任何数据）" : "") + "，合规 " + s.compliant() + " 个"
        + (s.unreadable() > 0 ? "，文件有误、无法检查 " + s.unreadable() + " 个（见标准错误输出）" : ""));
    StringBuilder counts = new StringBuilder("结论：");
    for (ReportModel.Count c : s.counts()) {
      if (!c.key().equals(Status.NOT_APPLICABLE.key) || c.count() > 0) {
        counts.append(counts.length() > 3 ? "，" : "").append(c.label()).append(' ').append(c.count()).append(" 项");
      }
    }
    out.println(counts + "（有待定结论的统筹区 " + s.withIndeterminate() + " 个，含有违规而另有待定的）");
    out.println("每个统筹区评估规则 " + s.rules() + " 项" + (s.baselineRules() > 0
        ? "（规则目录共 " + s.catalogueRules() + " 项，另 " + s.baselineRules() + " 项只在与基线比对时评估）" : ""));
    if (!"—".equals(s.deadline())) {
      out.println("整改期限 " + s.deadline() + "（" + s.deadlineText() + "）");
    }
    if (model.impact() != null) {
      ImpactSection i = model.impact();
      out.println("参数调整的影响：" + i.affected().size() + " 个统筹区受影响（共比较 " + i.cities() + " 个）："
          + String.join("，", i.tallies().stream().map(t -> t.label() + " " + t.count() + " 项").toList()));
    }
    if (model.progress() != null) {
      ProgressSection p = model.progress();
      out.println("整改进展：" + (p.empty() ? "没有改动这些文件的提交" : p.states() + " 个状态，" + p.first() + "至 " + p.last())
          + (p.unreadable() > 0 ? "；历史中有 " + p.unreadable() + " 个文件状态无法读取（见标准错误输出）" : ""));
    }
    out.println("已写入：");
    for (Path p : written) {
      // Shown with where it really is when the path differs (through ".." or a symbolic link:
      // lnk/../rep is under the link's target, not ./rep).
      Path real;
      try {
        real = p.toRealPath();
      } catch (IOException e) {
        real = p.toAbsolutePath().normalize();
      }
      out.println("  " + p + (p.toAbsolutePath().equals(real) ? "" : "（即 " + real + "）"));
    }
  }

  /** Why the report could not be written, in words (never a Java exception name). */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "没有写权限";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "同名文件已存在且不是目录";
    }
    if (e instanceof NotDirectoryException) {
      return "路径中有一项不是目录";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "目标是非空目录";
    }
    if (e instanceof NoSuchFileException) {
      return "路径不存在，无法在此创建目录";
    }
    String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (why == null) {
      return "写入失败";
    }
    // The operating system's reasons (strerror), which the JDK gives in English.
    return switch (why) {
      case "Read-only file system" -> "只读文件系统";
      case "Permission denied" -> "没有写权限";
      case "Operation not permitted" -> "不允许替换或写入（文件可能被设为不可更改，或在共享目录中属于其他用户）";
      case "Not a directory" -> "路径中有一项不是目录";
      case "No space left on device" -> "磁盘空间不足";
      case "Disk quota exceeded" -> "超出磁盘配额";
      case "Is a directory" -> "报告文件的位置上是一个目录";
      case "Device or resource busy" -> "文件正被占用或是挂载点，无法替换";
      case "Invalid cross-device link" -> "跨文件系统，无法替换";
      case "Text file busy" -> "文件正被占用，无法替换";
      case "File name too long" -> "文件名过长";
      case "Too many levels of symbolic links" -> "符号链接层数过多（可能形成循环）";
      case "Input/output error" -> "磁盘读写错误";
      case "Directory not empty" -> "目标是非空目录";
      case "File exists" -> "同名文件已存在";
      case "Stale file handle" -> "网络文件系统的文件句柄已失效";
      default -> "操作系统拒绝（" + why.replaceAll("[^\\x20-\\x7E]", "?") + "）";
    };
  }
}
