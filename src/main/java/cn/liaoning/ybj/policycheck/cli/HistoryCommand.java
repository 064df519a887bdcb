package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.baseline.BaselineException;
import cn.liaoning.ybj.policycheck.history.GitHistory;
import cn.liaoning.ybj.policycheck.history.History;
import cn.liaoning.ybj.policycheck.history.HistoryChart;
import cn.liaoning.ybj.policycheck.history.HistoryCsv;
import cn.liaoning.ybj.policycheck.history.HistoryJson;
import cn.liaoning.ybj.policycheck.history.HistoryText;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy-check history}: the cities' compliance at each commit that changed their files. */
@Command(
    name = "history",
    usageHelpAutoWidth = true,
    header = "整改进度：逐个检查城市文件在 git 历史中的每个状态",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "沿当前分支的第一父提交线，找出改动过这些文件的每个提交，不检出、直接从 git 读取",
      "当时的城市文件并检查（基准日取该提交的日期，或 --as-of 指定的同一日期），",
      "列出每个城市在每个提交时的违规、警告、待定和通过的数目。规则库只构建一次。",
      "--out DIR 时在 DIR 写出 history.csv（Excel/WPS）、history.json 和 history.html",
      "（违规与待定随时间变化的折线图，标出整改期限；单一文件，无需联网）。",
      "某个提交中无法读取的城市文件记为“无法读取”并在标准错误输出中列出，不会略去。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:历史已检查（无论有无违规）",
      "2:路径不在 git 仓库中、版本不存在、历史中有无法读取的城市文件、输出无法写入，或命令用法有误",
      "3:内部错误"
    },
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check history                                  city-policies/ 的全部历史，输出到终端",
      "  policy-check history --since v2026.1 --out reports/history/",
      "  policy-check history city-policies/shenyang.yaml --as-of 2027-01-01 --format json"
    })
final class HistoryCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "城市政策文件或目录（目录下的 *.yaml），默认 city-policies/")
  List<Path> paths;

  @Option(names = "--since", paramLabel = "REV",
      description = "只看此版本之后的提交（以此版本的状态为起点），如 HEAD~20、v2026.1、提交号。默认全部历史")
  String since;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "每个状态都按此日期的参数和期限检查。默认取各提交的日期")
  LocalDate asOf;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "标准输出的格式：text（中文）、json 或 csv。默认 ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "另在此目录写出 history.csv、history.json 和 history.html（不存在时创建）")
  Path out;

  enum Format { text, json, csv }

  static final String CSV = "history.csv";
  static final String JSON = "history.json";
  static final String HTML = "history.html";

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (out != null && out.toString().isBlank()) {
      throw new ParameterException(spec.commandLine(), "--out 不能为空：请给出输出目录（如 --out reports/history）");
    }
    List<Path> args = paths == null || paths.isEmpty() ? List.of(DefaultInput.cityPolicies()) : paths;
    History h;
    try {
      h = History.walk(CheckCommand.checker(), GitHistory.of(args), since, asOf, RunOptions.progress(err));
    } catch (BaselineException e) {
      err.println("policy-check: " + e.getMessage());
      return 2;
    }
    for (Diagnostic d : h.errors()) {
      err.println(d.format());
    }
    String text = switch (format) {
      case json -> HistoryJson.write(h);
      case csv -> HistoryCsv.write(h);
      default -> HistoryText.write(h);
    };
    if (out != null) {
      Map<String, ReportFiles.Content> files = new LinkedHashMap<>();
      files.put(CSV, ReportFiles.Content.of(HistoryCsv.write(h).getBytes(StandardCharsets.UTF_8)));
      files.put(JSON, ReportFiles.Content.of(HistoryJson.write(h).getBytes(StandardCharsets.UTF_8)));
      files.put(HTML, ReportFiles.Content.of(HistoryChart.write(h).getBytes(StandardCharsets.UTF_8)));
      List<Path> written;
      try {
        written = ReportFiles.write(out, files);
      } catch (IOException e) {
        err.println("policy-check: 无法写入目录 " + out + "：" + ReportCommand.reason(e) + "（原有文件未被改动）");
        return 2;
      }
      stdout.print(text);
      if (format == Format.text) {
        stdout.println();
        stdout.println("已写入：");
        written.forEach(p -> stdout.println("  " + p));
      }
    } else {
      stdout.print(text);
    }
    stdout.flush();
    return h.errors().isEmpty() ? 0 : 2;
  }
}
