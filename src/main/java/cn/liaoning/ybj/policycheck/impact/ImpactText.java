package cn.liaoning.ybj.policycheck.impact;

import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.report.DaysLeft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The impact of an overlay as Chinese text for the terminal: the parameters, then each city's changes. */
public final class ImpactText {
  private ImpactText() {}

  public static String write(Impact impact) {
    StringBuilder sb = new StringBuilder();
    sb.append("省级参数调整的影响　基准日 ").append(impact.asOf()).append("　调整方案 ").append(impact.overlayFile()).append("\n\n");
    sb.append("调整的参数：\n");
    for (ParamChange p : impact.parameters()) {
      sb.append("  ").append(p.key()).append("　").append(p.description()).append('\n');
      if (p.inForce()) {
        sb.append("    基准日有效值 ").append(p.changeText());
        if (p.from() != null) {
          sb.append("（调整后自 ").append(p.from()).append(" 起）");
        }
        sb.append('\n');
      } else {
        sb.append("    在基准日 ").append(impact.asOf()).append(" 不改变有效值（").append(p.beforeText())
            .append(p.firstProposed().isAfter(impact.asOf()) ? "；调整自 " + p.firstProposed() + " 起" : "")
            .append("）：在此基准日不影响任何结论\n");
      }
      sb.append("    条款 ").append(p.clause()).append("　写在 ").append(impact.overlayFile()).append(':').append(p.line()).append('\n');
    }
    sb.append('\n');

    List<CityImpact> affected = impact.affected();
    sb.append("结果：").append(affected.size()).append(" 个统筹区受影响（共检查 ").append(impact.cities().size()).append(" 个）");
    List<String> counts = new ArrayList<>();
    for (Change.Kind k : Change.Kind.values()) {
      if (k != Change.Kind.REQUIREMENT) {
        counts.add(k.label + " " + impact.count(k) + " 项");
      }
    }
    sb.append("：").append(String.join("，", counts));
    long wording = impact.count(Change.Kind.REQUIREMENT);
    if (wording > 0) {
      sb.append("；另有 ").append(wording).append(" 项结论的要求值或说明改变、结论不变（见 --format json）");
    }
    sb.append('\n');
    if (!impact.errors().isEmpty()) {
      sb.append(impact.errors().stream().map(d -> d.file()).distinct().count()).append(" 个城市文件无法读取，未参与比较（见标准错误输出）\n");
    }

    for (CityImpact c : affected) {
      sb.append('\n').append(c.city()).append("　").append(c.file()).append('\n');
      for (Change ch : c.changes()) {
        if (ch.kind() != Change.Kind.REQUIREMENT) {
          change(sb, ch, c.file());
        }
      }
    }

    List<CityImpact> unknown = impact.cities().stream().filter(c -> !c.undetermined().isEmpty()).toList();
    if (!unknown.isEmpty()) {
      sb.append("\n无法判断（缺数据：与调整的参数相关的规则为待定）：").append(unknown.size()).append(" 个统筹区\n");
      for (CityImpact c : unknown) {
        Set<String> rules = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Finding f : c.undetermined()) {
          rules.add(f.rule());
          if (f.path() != null) {
            missing.add(Schema.label(f.path()) + "（" + f.path() + "）");
          }
        }
        sb.append("  ").append(c.city()).append("　").append(String.join("、", rules));
        if (!missing.isEmpty()) {
          sb.append("　缺：").append(String.join("、", missing));
        }
        sb.append('\n');
      }
    }
    List<String> untouched = impact.cities().stream().filter(c -> !c.affected() && c.undetermined().isEmpty()).map(CityImpact::city).toList();
    if (!untouched.isEmpty()) {
      sb.append("\n不受影响：").append(String.join("、", untouched)).append('\n');
    }
    return sb.toString();
  }

  private static void change(StringBuilder sb, Change ch, String file) {
    Finding f = ch.shown();
    String mark = ch.kind() == Change.Kind.BECOMES_VIOLATION ? "✗" : ch.kind() == Change.Kind.STOPS_VIOLATION ? "✓" : "•";
    sb.append("  ").append(mark).append(' ').append(ch.kind().label).append("　").append(f.rule());
    if (f.subject() != null) {
      sb.append("［").append(f.subject()).append("］");
    }
    sb.append('\n');
    sb.append("       调整前 ").append(side(ch.before())).append('\n');
    sb.append("       调整后 ").append(side(ch.after())).append('\n');
    if (ch.after() != null && (ch.after().actual() != null || ch.after().expected() != null)) {
      sb.append("       实际 ").append(Values.actual(ch.after().actual()))
          .append("　要求 ").append(ch.after().expected() == null ? "（无）" : ch.after().expected()).append('\n');
    }
    sb.append("       条款 ").append(f.clause() == null ? "（无）" : f.clause());
    if (f.path() != null) {
      sb.append("　位置 ").append(file).append(f.line() == null ? "" : ":" + f.line()).append(' ').append(f.path());
    }
    sb.append('\n');
    sb.append("       起因 ").append(String.join("、", ch.causes())).append('\n');
    LocalDate before = ch.before() == null ? null : ch.before().deadline();
    LocalDate after = ch.after() == null ? null : ch.after().deadline();
    if (after != null || before != null) {
      sb.append("       期限 ");
      if (before != null && after != null && !Objects.equals(before, after)) {
        sb.append(before).append(" → ");
      }
      if (after != null) {
        sb.append(after).append(days(ch.after().daysLeft()));
      } else {
        sb.append("（无，原为 ").append(before).append("）");
      }
      sb.append('\n');
    }
  }

  /** One side of a change: its status and explanation. */
  private static String side(Finding f) {
    if (f == null) {
      return "（没有这条结论）";
    }
    return f.status().label + (f.message() == null ? "" : "：" + f.message());
  }

  private static String days(Long d) {
    if (d == null) {
      return "";
    }
    return "（" + DaysLeft.text(d) + "）";
  }
}
