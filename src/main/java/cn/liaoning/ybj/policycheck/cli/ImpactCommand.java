package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.impact.Impact;
import cn.liaoning.ybj.policycheck.impact.ImpactJson;
import cn.liaoning.ybj.policycheck.impact.ImpactText;
import cn.liaoning.ybj.policycheck.impact.OverlayReader;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.DrlIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy-check impact}: which findings a proposed adjustment of the provincial parameters changes. */
@Command(
    name = "impact",
    usageHelpAutoWidth = true,
    header = "省级参数调整的影响：调整前后各检查一次每个城市，列出变化的结论",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "OVERLAY 是调整方案：与 rules/parameters/*.yaml 相同的写法，只列出要调整的已有参数",
      "及其新的生效日期和值（description、unit、clause 可以不写，取所调整参数的）。",
      "调整的值自其第一个生效日期起取代原值；按医院级别取值的参数可以只写要调整的级别。",
      "规则本身不变。对每个城市文件，在基准日分别用现行参数和调整后的参数检查，列出：",
      "变为违规、不再违规、期限改变和其他结论改变的结论，每条注明引起变化的参数；",
      "与调整的参数相关、但因缺数据而待定的规则单独列出（无法判断影响，不算作不受影响）。",
      "调整方案中写了不存在的参数、未知的键，或单位、形状与所调整的参数不同，",
      "均为错误（文件:行:列），不做比较。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:调整不产生新的违规",
      "1:调整使至少一条结论变为违规",
      "2:调整方案有误、有城市文件无法读取，或命令用法有误",
      "3:内部错误"
    },
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check impact proposal.yaml                       对 city-policies/ 下所有城市",
      "  policy-check impact proposal.yaml --as-of 2027-01-01 --format json"
    })
final class ImpactCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OVERLAY", description = "调整方案文件（省级参数文件的写法）")
  Path overlay;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH", description = "城市政策文件或目录（目录下的 *.yaml），默认 city-policies/")
  List<Path> paths;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "基准日 YYYY-MM-DD：比较当日有效的现行参数与调整后的参数。默认今天")
  LocalDate asOf;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "输出格式：text（中文）或 json。默认 ${DEFAULT-VALUE}")
  Format format;

  enum Format { text, json }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Checker checker = CheckCommand.checker();
    OverlayReader.Result read = OverlayReader.read(overlay, checker.parameters());
    for (Diagnostic d : read.diagnostics()) {
      err.println(d.format());
    }
    if (!read.ok()) {
      err.println("policy-check: 调整方案 " + overlay + " 有误，未做比较");
      return 2;
    }
    List<Path> args = paths == null || paths.isEmpty() ? List.of(DefaultInput.cityPolicies()) : paths;
    Impact impact = Impact.run(checker, read.overlay(), args, asOf == null ? LocalDate.now() : asOf, DrlIndex.load());
    for (Diagnostic d : impact.errors()) {
      err.println(d.format());
    }
    out.print(format == Format.json ? ImpactJson.write(impact) : ImpactText.write(impact));
    out.flush();
    if (!impact.errors().isEmpty()) {
      return 2;
    }
    return impact.makes(Status.VIOLATION) ? 1 : 0;
  }
}
