package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.FieldRules;
import cn.liaoning.ybj.policycheck.policy.JsonSchema;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.policy.Schema.Type;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The field reference of {@code docs/city-file-format.md}, generated from {@link Schema} (labels,
 * help, units, ranges, allowed values) and from the rules themselves ({@link FieldRules}: which rules
 * use each field, found by running them — the same answer the workbook's 依据条款 column gives).
 * One table per mapping, in file order.
 */
final class FormatDoc {
  private FormatDoc() {}

  /** Marks the start of the generated part of docs/city-file-format.md. */
  static final String BEGIN = "<!-- 以下由 `policy-check schema --markdown` 生成，请勿手改 -->";
  /** Marks its end. */
  static final String END = "<!-- 生成部分结束 -->";

  /** The generated reference, between (and including) the two marker lines. */
  static String markdown(FieldRules rules, Catalogue catalogue) {
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append("\n\n");
    out.append("“使用该字段的规则”不是手写的清单：程序把每个字段逐一填上或清空，看哪些规则的结论随之改变。");
    List<String> baseline = new ArrayList<>();
    for (Catalogue.Entry e : catalogue.entries().values()) {
      if (e.baselineOnly()) {
        baseline.add("`" + e.id() + "`（" + cell(e.clause()) + "）");
      }
    }
    if (!baseline.isEmpty()) {
      out.append("只在与基线比对时评估的规则").append(String.join("、", baseline))
          .append("比较同一文件的两个版本，不对应单个字段，表中不列出（见 [ci-gate.md](ci-gate.md)）。");
    }
    out.append("\n\n");
    List<String[]> sections = new ArrayList<>(); // {path, heading}
    collect("", Schema.CITY, sections);
    out.append("### 每个映射都可以写的键\n\n");
    out.append("下列两个键可以写在文件顶层和下文任何一个映射（包括列表中的每一项）中，下文各表不再重复列出。\n\n");
    out.append("| 字段 | 名称与说明 | 取值 | 使用该字段的规则 |\n");
    out.append("|---|---|---|---|\n");
    for (String key : COMMON) {
      Type t = Schema.CITY.fields().get(key);
      out.append("| `").append(key).append("` | ").append(nameCell(key, t)).append(" | ")
          .append(valueCell(key, t)).append(" | ").append(rulesCell(rules.of(key))).append(" |\n");
    }
    out.append("\n");
    for (String[] s : sections) {
      Obj o = (Obj) Schema.at(s[0]);
      out.append("### ").append(s[1]).append("\n\n");
      if (!o.help().isEmpty()) {
        out.append(cell(o.help())).append("\n\n");
      }
      out.append("| 字段 | 名称与说明 | 取值 | 使用该字段的规则 |\n");
      out.append("|---|---|---|---|\n");
      for (Map.Entry<String, Type> f : o.fields().entrySet()) {
        if (common(f.getKey(), f.getValue())) {
          continue;
        }
        String path = s[0].isEmpty() ? f.getKey() : s[0] + "." + f.getKey();
        out.append("| `").append(f.getKey()).append("` | ")
            .append(nameCell(path, f.getValue())).append(" | ")
            .append(valueCell(path, f.getValue())).append(" | ")
            .append(rulesCell(uses(rules, path, f.getValue()))).append(" |\n");
      }
      out.append("\n");
    }
    out.append(END).append("\n");
    return out.toString();
  }

  /** The keys every mapping may hold (the source of its values, a note). */
  private static final List<String> COMMON = List.of("source", "note");

  /** Whether a key of a mapping is one of the keys every mapping may hold, as the top level has it. */
  static boolean common(String key, Type t) {
    return COMMON.contains(key) && t.equals(Schema.CITY.fields().get(key));
  }

  /** Every mapping of the format, depth first in file order, with its heading. */
  private static void collect(String path, Obj o, List<String[]> out) {
    out.add(new String[] {path, path.isEmpty() ? "顶层" : "`" + path + "`：" + Schema.label(path)});
    for (Map.Entry<String, Type> f : o.fields().entrySet()) {
      String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
      Type t = f.getValue();
      if (t instanceof Obj co) {
        collect(child, co, out);
      } else if (t instanceof ListOf l && l.element() instanceof Obj eo) {
        collect(child + "[*]", eo, out);
      }
    }
  }

  private static String nameCell(String path, Type t) {
    String label = t.label().isEmpty() ? Schema.label(path) : t.label();
    StringBuilder b = new StringBuilder();
    if (!label.isEmpty() && !label.equals(path)) {
      b.append("**").append(cell(label)).append("**");
    }
    if (t instanceof Scalar s && s.required()) {
      b.append("（必填）");
    }
    if (!t.help().isEmpty()) {
      b.append(b.length() == 0 ? "" : "<br>").append(cell(t.help()));
    }
    return b.toString();
  }

  private static String valueCell(String path, Type t) {
    if (t instanceof Obj) {
      return "映射，见 `" + path + "`";
    }
    if (t instanceof ListOf l) {
      if (l.element() instanceof Obj) {
        return "列表，每一项见 `" + path + "[*]`；没有时写 `[]`";
      }
      return "列表，每一项为" + scalarWords((Scalar) l.element()) + "；没有时写 `[]`";
    }
    if (t instanceof NumberOrRange nr) {
      return scalarWords(nr.number()) + "；<br>或可选择的区间 `{min: …, max: …}`";
    }
    return scalarWords((Scalar) t);
  }

  /** What a scalar must be, in words: kind, unit, range, allowed values. */
  private static String scalarWords(Scalar s) {
    String unit = s.unit().isEmpty() ? "" : "（" + s.unit() + "）";
    return switch (s.kind()) {
      case NUMBER -> "数" + unit + "，" + JsonSchema.rangeWords(s);
      case INTEGER -> "整数" + unit + "，" + JsonSchema.rangeWords(s);
      case BOOLEAN -> "`true`（是）或 `false`（否）";
      case DATE -> "日期 YYYY-MM-DD";
      case MONTH_DAY -> "月-日 MM-DD";
      case ENUM -> "下列之一：" + choices(s);
      case STRING -> s.choices().isEmpty() ? "文字" : "文字；常用的值：" + choices(s);
    };
  }

  private static String choices(Scalar s) {
    List<String> out = new ArrayList<>();
    for (Schema.Choice c : s.choices()) {
      out.add("<br>`" + c.code() + "` " + cell(c.label()));
    }
    return String.join("", out);
  }

  /**
   * The rules that use a field; for a list of mappings (the hospital classes), the rules that use
   * any field of its items, in the order the items' fields first name them.
   */
  private static List<FieldRules.Use> uses(FieldRules rules, String path, Type t) {
    if (!(t instanceof ListOf l && l.element() instanceof Obj)) {
      return rules.of(path);
    }
    Map<String, FieldRules.Use> out = new java.util.LinkedHashMap<>();
    rules.all().forEach((field, uses) -> {
      if (field.startsWith(path + "[*].")) {
        uses.forEach(u -> out.putIfAbsent(u.ruleId(), u));
      }
    });
    return List.copyOf(out.values());
  }

  private static String rulesCell(List<FieldRules.Use> uses) {
    if (uses.isEmpty()) {
      return "—";
    }
    List<String> out = new ArrayList<>();
    for (FieldRules.Use u : uses) {
      out.add("`" + u.ruleId() + "`（" + cell(u.clause()) + "）");
    }
    return String.join("<br>", out);
  }

  /** Text for a table cell: no pipe or line break of its own. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }
}
