package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.policy.JsonSchema;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.FieldRules;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy-check schema}: the city format as a JSON Schema, or its field reference in Markdown. */
@Command(
    name = "schema",
    usageHelpAutoWidth = true,
    header = "输出城市政策文件格式的 JSON Schema（供编辑器提示和校验），或字段说明",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "不带选项时，把城市文件格式的 JSON Schema（draft-07）写到标准输出：每个字段的中文名称、",
      "说明、单位、取值范围和可选值都取自本工具读取城市文件时所用的格式定义，不允许未知的键。",
      "仓库中的 docs/city-policy.schema.json 就是它的输出；每个城市文件第一行的",
      "“# yaml-language-server: $schema=../docs/city-policy.schema.json”让 VS Code 的 YAML 扩展",
      "在编辑时给出补全、悬停说明和错误提示。",
      "--markdown 输出 docs/city-file-format.md 的字段说明部分（含使用每个字段的规则）。"
    },
    optionListHeading = "%n选项：%n",
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check schema > docs/city-policy.schema.json",
      "  policy-check schema --markdown"
    })
final class SchemaCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Option(names = "--markdown", description = "输出字段说明（Markdown 表格），而不是 JSON Schema")
  boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      Checker checker = CheckCommand.checker();
      out.print(FormatDoc.markdown(FieldRules.derive(checker, LocalDate.now()), checker.catalogue()));
    } else {
      out.print(JsonSchema.text());
    }
    out.flush();
    return 0;
  }
}
