package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.FieldRules;
import cn.liaoning.ybj.policycheck.workbook.Templates;
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

/** {@code policy-check template}: write one data-collection workbook (.xlsx) per city file. */
@Command(
    name = "template",
    usageHelpAutoWidth = true,
    header = "为每个城市文件生成 Excel 填报表（.xlsx），供各市医保局填写现行政策参数",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "每个城市文件生成一个工作簿 DIR/<文件名>.xlsx：",
      "  说明     填写方法，以及工作簿属于哪个统筹区、哪个文件；",
      "  参数     每项参数一行：项目、单位、当前值（来自文件，空白为未知）、允许取值、",
      "           依据条款（检查该项的规则及条款原文摘录）、来源、备注、字段路径；",
      "  职工住院 / 职工门诊 / 居民住院 / 居民门诊   按医院类别，每类一行；",
      "  来源     数值出处的文件清单（标题、发文机关、文号、日期）。",
      "下拉列表、数值范围和输入提示来自城市文件格式的定义；只有浅黄色单元格可以填写",
      "（工作表保护，无密码）。填好后用 policy-check import 导入。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:全部填报表已写入",
      "2:有城市文件无法读取或有误、填报表无法写入，或命令用法有误（其余文件照常生成）",
      "3:内部错误"
    },
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check template                                   全部城市，写到 reports/templates/",
      "  policy-check template city-policies/dalian.yaml --out /tmp/填报表/"
    })
final class TemplateCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "城市政策文件或目录（目录下的 *.yaml），默认为本工具所在仓库的 city-policies/")
  List<Path> paths;

  @Option(names = "--out", paramLabel = "DIR",
      description = "填报表输出目录（不存在时创建）。默认为本工具所在仓库的 reports/templates/")
  Path out;

  @Override
  public Integer call() {
    if (out == null) {
      out = DefaultInput.reports("templates");
    } else if (out.toString().isBlank()) {
      throw new ParameterException(spec.commandLine(), "--out 不能为空：请给出输出目录（如 --out reports/templates）");
    }
    Checker checker = CheckCommand.checker();
    // The 依据条款 column: the rules that use each field, found by running them (today's parameters).
    FieldRules rules = FieldRules.derive(checker, LocalDate.now());
    List<Path> inputs = paths == null || paths.isEmpty() ? List.of(DefaultInput.cityPolicies()) : paths;
    return Templates.write(inputs, out, rules, checker.catalogue().entries().keySet(), spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
