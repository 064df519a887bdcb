package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.report.ReportFiles;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code policy-check report}: check city files and write the auditors' report (HTML, Markdown, CSV, JSON). */
@Command(
    name = "report",
    usageHelpAutoWidth = true,
    header = "检查城市政策文件，写出审计报告（网页、Markdown、Excel 可打开的 CSV、JSON）",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "与 check 相同地检查每个城市文件，并在输出目录写出四个文件：",
      "  index.html     审计报告网页：全省概况、合规矩阵、整改期限、各市结论；",
      "                 单一文件，样式内嵌，无需联网，可打印（A4 横向）",
      "  report.md      同一内容的 Markdown，便于粘贴到文档",
      "  findings.csv   每条结论一行（UTF-8 带 BOM，Excel 可直接打开）",
      "  findings.json  JSON 输出约定（与 check --format json 相同）",
      "每个文件先写到临时文件再替换，中途失败不会破坏上一次的报告。",
      "相同的输入和 --as-of 得到逐字节相同的文件。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:没有违规",
      "1:发现违规（或 --fail-on warning 时发现警告）",
      "2:有文件无法读取或有误、报告无法写入，或命令用法有误（其余文件仍写入报告）",
      "3:内部错误"
    })
final class ReportCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin RunOptions runOptions;

  @Option(names = "--out", defaultValue = "reports", paramLabel = "DIR",
      description = "报告输出目录（不存在时创建）。默认 ${DEFAULT-VALUE}/")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (out.toString().isBlank()) {
      // An empty path would mean the current directory: never written to unless named.
      throw new ParameterException(spec.commandLine(), "--out 不能为空：请给出报告目录（如 --out reports）");
    }
    LocalDate day = runOptions.day();
    List<Path> args = runOptions.inputs();

    Checker checker = CheckCommand.checker();
    Catalogue catalogue = checker.catalogue();
    Parameters parameters = checker.parameters();
    RunResult run = new Batch(checker).run(args, day, RunOptions.progress(err));
    for (Diagnostic d : run.errors()) {
      err.println(d.format());
    }

    List<Path> written;
    try {
      written = ReportFiles.write(out, run, catalogue, parameters);
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

    summary(stdout, run, parameters, written);
    stdout.flush();
    if (run.hasErrors()) {
      return 2;
    }
    boolean fail = run.count(Status.VIOLATION) > 0 || runOptions.failOn == RunOptions.FailOn.warning && run.count(Status.WARNING) > 0;
    return fail ? 1 : 0;
  }

  private static void summary(PrintWriter out, RunResult run, Parameters parameters, List<Path> written) {
    long violations = run.cities().stream().filter(c -> c.has(Status.VIOLATION)).count();
    long missing = run.cities().stream().filter(c -> !c.has(Status.VIOLATION) && c.has(Status.INDETERMINATE)).count();
    long compliant = run.cities().size() - violations - missing;
    out.println("辽医保规〔2025〕2号 合规审计报告　基准日 " + run.asOf());
    StringBuilder line = new StringBuilder();
    line.append(run.cities().size()).append(" 个统筹区：有违规 ").append(violations).append(" 个，缺数据 ").append(missing)
        .append(" 个，合规 ").append(compliant).append(" 个");
    if (run.hasErrors()) {
      line.append("；").append(run.errors().stream().map(Diagnostic::file).distinct().count()).append(" 个文件无法读取（见标准错误输出）");
    }
    out.println(line);
    out.println("结论：违规 " + run.count(Status.VIOLATION) + " 项，警告 " + run.count(Status.WARNING) + " 项，待定 "
        + run.count(Status.INDETERMINATE) + " 项，已豁免 " + run.count(Status.WAIVED) + " 项，通过 " + run.count(Status.PASS) + " 项");
    LocalDate deadline = parameters.date("deadline.standard", run.asOf());
    if (deadline != null) {
      long days = ChronoUnit.DAYS.between(run.asOf(), deadline);
      out.println("整改期限 " + deadline + "（" + (days >= 0 ? "还剩 " + days + " 天" : "已逾期 " + (-days) + " 天") + "）");
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
