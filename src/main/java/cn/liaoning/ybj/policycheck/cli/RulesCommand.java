package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Coverage;
import cn.liaoning.ybj.policycheck.regulation.DrlIndex;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy-check rules}: the rule catalogue, and the clause-coverage matrix. */
@Command(
    name = "rules",
    usageHelpAutoWidth = true,
    header = "列出全部规则编号（强度、条款、说明），或条款覆盖表",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "不带选项时，按领域列出规则目录中的每个规则编号：基准日有效的强度、条款和一句话说明",
      "（说明中的阈值和日期按基准日有效的省级参数填入）；未实现（还没有 DRL 规则）的编号标为“未实现”，",
      "基准日所依条文尚未施行的标出施行日期。",
      "--coverage 列出主通知（规则目录所依据的省级通知，见 rules/parameters/liaoning.yaml）的每个编号条目",
      "由哪些规则检查，或说明为什么不能由政策数据检查。"
    },
    optionListHeading = "%n选项：%n")
final class RulesCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @Option(names = "--coverage", description = "输出条款覆盖表（主通知的每个编号条目）")
  boolean coverage;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class, description = "基准日 YYYY-MM-DD，默认今天")
  LocalDate asOf;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    Parameters params = Parameters.load();
    Catalogue cat = Catalogue.load().at(params, day);
    Set<String> implemented = DrlIndex.load().rules().stream()
        .map(DrlIndex.DrlRule::ruleId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    if (coverage) {
      printCoverage(out, cat, params);
    } else {
      out.println("基准日 " + day + " 的规则目录");
      for (Catalogue.Area a : cat.areas().values()) {
        out.println();
        out.println(a.code() + ". " + a.title() + "（rules/" + a.drl() + "）");
        for (Catalogue.Entry e : cat.inArea(a.code())) {
          Catalogue.InForce now = e.inForceAt(params, day);
          String strength = now == null ? "未施行" : now.strength().label;
          String notYet = now == null ? "［" + e.history(params).get(0).from() + " 起施行］" : "";
          out.printf("  %-30s %-6s %-22s %s%s%s%s%n", e.id(), strength, e.clause(), e.summary(), notYet,
              e.baselineOnly() ? "［仅基线比对模式］" : "", implemented.contains(e.id()) ? "" : "［未实现］");
        }
      }
      out.println();
      long baselineOnly = cat.entries().values().stream().filter(Catalogue.Entry::baselineOnly).count();
      out.println("共 " + cat.entries().size() + " 个规则编号，已实现 "
          + cat.entries().keySet().stream().filter(implemented::contains).count() + " 个"
          + (baselineOnly > 0 ? "；其中 " + baselineOnly + " 个只在与基线比对时评估（check --baseline），check 和 report 对每个城市评估 "
              + (cat.entries().size() - baselineOnly) + " 个" : "") + "。"
          + "强度：强制 → 违规；原则性 → 违规（有效豁免时为已豁免）；指导性 → 警告。强度的沿革见 policy-check explain 规则编号。");
    }
    out.flush();
    return 0;
  }

  private static void printCoverage(PrintWriter out, Catalogue cat, Parameters params) {
    Coverage cov = Coverage.load();
    Parameters.Document doc = params.documents().get(cov.document());
    out.println((doc == null ? cov.document() : doc.number()) + " 条款覆盖表");
    int checked = 0;
    for (Coverage.Item i : cov.items()) {
      out.println();
      out.println(i.item() + "　" + i.title());
      if (i.checkable()) {
        checked++;
        for (String id : i.rules()) {
          Catalogue.Entry e = cat.get(id);
          out.println("    " + id + (e == null ? "" : "　" + e.summary()));
        }
      } else {
        out.println("    不检查：" + i.reason());
      }
      if (i.note() != null) {
        out.println("    注：" + i.note());
      }
    }
    out.println();
    out.println("共 " + cov.items().size() + " 个条目：" + checked + " 个由规则检查，" + (cov.items().size() - checked) + " 个不能由政策数据检查（已说明原因）。");
  }
}
