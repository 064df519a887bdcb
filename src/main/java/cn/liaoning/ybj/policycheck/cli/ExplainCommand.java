package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.DrlIndex;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy-check explain RULE-ID}: clause text, parameters in force, what is checked. */
@Command(
    name = "explain",
    usageHelpAutoWidth = true,
    header = "解释一个规则：条款原文、当日有效的强度及其沿革、省级参数及出处、整改期限和判定分支",
    synopsisHeading = "%n用法：",
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    footerHeading = "%n示例：%n",
    footer = {"  policy-check explain EMP-OUTPATIENT-DEDUCT-MIN", "  policy-check explain EMP-RATE-EMPLOYER-BAND --as-of 2025-03-01"})
final class ExplainCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @picocli.CommandLine.Parameters(index = "0", paramLabel = "RULE-ID", description = "规则编号，如 EMP-CAP-MIN（policy-check rules 列出全部）")
  String ruleId;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class, description = "基准日 YYYY-MM-DD，默认今天")
  LocalDate asOf;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    Catalogue cat = Catalogue.load();
    Catalogue.Entry e = cat.get(ruleId == null ? "" : ruleId.strip().toUpperCase(java.util.Locale.ROOT));
    if (e == null) {
      String hint = Hints.closest(ruleId.toUpperCase(java.util.Locale.ROOT), new ArrayList<>(cat.entries().keySet()));
      err.println("policy-check: 没有规则编号“" + ruleId + "”" + (hint == null ? "" : "，是否想查“" + hint + "”？") + "（policy-check rules 列出全部编号）");
      return 2;
    }
    Parameters params = Parameters.load();
    e = cat.at(params, day).get(e.id());
    DrlIndex drl = DrlIndex.load();
    out.println(e.id() + "　" + e.summary());
    out.println();
    Catalogue.InForce now = e.inForceAt(params, day);
    java.util.List<Catalogue.InForce> history = e.history(params);
    if (now == null) {
      out.println("强度：基准日 " + day + " 本规则所依条文尚未施行（" + history.get(0).clause() + " 自 " + history.get(0).from()
          + " 起施行）：检查结果为“不适用”");
    } else {
      out.println("强度：" + now.strength().label + "（" + now.strength().key + "，" + now.clause() + "）— 未达要求时为"
          + switch (now.strength()) {
            case MANDATORY -> "违规";
            case IN_PRINCIPLE -> "违规；城市持有经省级批准、未过期的豁免时为“已豁免”";
            case GUIDANCE -> "警告";
          });
    }
    out.println("强度沿革：");
    for (Catalogue.InForce h : history) {
      out.println("  自 " + h.from() + " 起　" + h.strength().label + "（" + h.strength().key + "）　依据 " + h.clause()
          + (h.equals(now) ? "　← 基准日有效" : ""));
    }
    out.println("整改期限：" + deadline(params, now, day));
    out.println("领域：" + e.area() + ". " + cat.areas().get(e.area()).title() + (e.perClass() ? "（按医院类别逐一评估）" : ""));
    if (e.baselineOnly()) {
      out.println("模式：仅在基线比对（check --baseline）时评估");
    }
    out.println();
    out.println("条款：" + e.clause());
    for (String ref : e.clause().split(";")) {
      String r = ref.strip();
      String text = params.clauseText(r);
      Parameters.Document doc = params.documents().get(r.split(" ")[0]);
      LocalDate from = params.inForce(r);
      out.println("  【" + r + "】" + (doc == null ? "" : doc.number() + "《" + doc.title() + "》")
          + (from.isAfter(day) ? "（基准日尚未施行，自 " + from + " 起施行）" : ""));
      out.println("  " + (text == null ? "（条款原文未收录）" : text));
    }
    out.println();
    out.println("基准日 " + day + " 有效的省级参数：");
    List<String> keys = new ArrayList<>(drl.paramsOf(e.id()));
    if (keys.isEmpty()) {
      out.println("  （本规则不使用数值参数）");
    }
    for (String k : keys) {
      Parameters.Parameter p = params.parameters().get(k);
      if (p == null) {
        out.println("  " + k + "：参数文件中没有此参数");
        continue;
      }
      Object v = p.valueAt(day);
      String value = v == null ? "尚未生效（此日没有适用的值）" : format(v) + (p.unit() == null ? "" : " " + p.unit());
      out.println("  " + k + " = " + value);
      out.println("      " + p.description() + "；依据 " + p.clause()
          + (v == null ? "" : "；自 " + p.effectiveFrom(day) + " 起有效"));
      if (p.note() != null) {
        out.println("      注：" + p.note());
      }
    }
    out.println();
    out.println("判定分支（DRL 规则）：");
    for (DrlIndex.DrlRule r : drl.forRule(e.id())) {
      out.println("  " + r.file() + "：" + r.name());
    }
    if (drl.forRule(e.id()).isEmpty()) {
      out.println("  （尚未实现）");
    }
    out.flush();
    return 0;
  }

  /** The deadline a violation of this rule carries on the day, and the text that sets it. */
  private static String deadline(Parameters params, Catalogue.InForce now, LocalDate day) {
    if (now == null) {
      return "无（不适用）";
    }
    LocalDate standard = params.date("deadline.standard", day);
    LocalDate extended = params.date("deadline.extended", day);
    if (standard != null) {
      Parameters.Parameter p = params.parameters().get("deadline.standard");
      return standard + "（" + p.clause() + "）" + (extended == null ? "" : "；经批准延期（确有困难）的 " + extended);
    }
    return now.from() + "（" + now.clause() + " 施行之日：此后即应符合，违规显示为已逾期）";
  }

  private static String format(Object v) {
    if (v instanceof Double d) {
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder();
      m.forEach((tier, d) -> sb.append(sb.length() == 0 ? "" : "，").append(tierName((Integer) tier)).append(' ')
          .append(java.math.BigDecimal.valueOf((Double) d).stripTrailingZeros().toPlainString()));
      return sb.toString();
    }
    return v.toString();
  }

  private static String tierName(int tier) {
    return switch (tier) {
      case 1 -> "一级及以下";
      case 2 -> "二级";
      case 3 -> "三级";
      default -> "级别" + tier;
    };
  }

}
