package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.workbook.Importer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy-check import}: read filled workbooks back into their city files. */
@Command(
    name = "import",
    usageHelpAutoWidth = true,
    header = "把填好的填报表（.xlsx）导入其城市文件",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "按与读取城市文件相同的规则检查每个单元格；有任何单元格有误时，一次列出全部问题",
      "（工作簿!工作表!单元格: 错误: 项目：说明），不写入任何文件，退出状态 2。",
      "否则就地修改城市文件：只改动与工作簿不同的值，保留注释、键的顺序和格式；",
      "每个值记下其来源（所在映射的 source，或该值自己的 value_sources），",
      "新的来源文件加入 sources。逐项列出改动（项目：原值 → 新值，来源）。",
      "工作簿中清空的已有值不会被删除，除非给出 --allow-clear。",
      "工作簿所属的城市文件由“说明”表中的“政策文件”确定，在 --dir 目录中查找。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:导入完成（或 --dry-run 列出了将要的改动）",
      "2:工作簿或城市文件有误，或命令用法有误：未写入任何文件",
      "3:内部错误"
    },
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check import dalian.xlsx --dry-run      只列出将要的改动",
      "  policy-check import dalian.xlsx benxi.xlsx     导入两个统筹区的填报表"
    })
final class ImportCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "WORKBOOK", description = "填好的填报表（.xlsx）")
  List<Path> workbooks;

  @Option(names = "--dry-run", description = "只列出将要的改动，不写入任何文件")
  boolean dryRun;

  @Option(names = "--allow-clear", description = "工作簿中清空的已有值、来源、备注在文件中也清除（改为 null）；空行的医院类别从文件中删除")
  boolean allowClear;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "城市文件所在的目录。默认为本工具所在仓库的 city-policies/")
  Path dir;

  @Override
  public Integer call() {
    return Importer.run(workbooks, dir == null ? DefaultInput.cityPolicies() : dir, dryRun, allowClear,
        Catalogue.load().entries().keySet(), spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
