package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Schema.Choice;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.policy.Schema.Type;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The city format as a JSON Schema (draft-07), generated from {@link Schema}: for editors (the
 * YAML extension of VS Code reads it through the {@code # yaml-language-server: $schema=…} line of
 * a city file: completion, hover help and red squiggles) and for any independent validator. Each
 * field's Chinese label is its {@code title}, its help, unit and range its {@code description};
 * enumerated values carry their Chinese words in {@code enumDescriptions} and
 * {@code markdownEnumDescriptions} (read by VS Code, ignored by validators). Unknown keys are not
 * allowed, and null (“not known”) is allowed wherever the loader allows it: every field but the
 * required ones, never as a list item.
 *
 * <p>Where the loader is more lenient than this schema, the schema asks for the plain form the
 * format documents: text fields take text ({@code code: "2101"}, not {@code code: 2101}), and
 * true/false fields take {@code true} or {@code false} (not YAML 1.1's yes/no). What the schema
 * cannot say (names and source ids that must differ, a source id that must be listed, a combined
 * rate that must equal its parts, a waiver's rule id) only the loader checks.
 */
public final class JsonSchema {
  private JsonSchema() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A date the loader reads: YYYY-MM-DD (its existence is the {@code date} format's to check). */
  static final String DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

  /** A month and day that exist in some year, as the loader reads them: 1 or 2 digits each (02-29 exists). */
  static final String MONTH_DAY_PATTERN = "^(0?2-(0?[1-9]|1[0-9]|2[0-9])"
      + "|(0?[469]|11)-(0?[1-9]|[12][0-9]|30)"
      + "|(0?[13578]|1[02])-(0?[1-9]|[12][0-9]|3[01]))$";

  /** The schema as a JSON tree. */
  public static ObjectNode tree() {
    ObjectNode root = F.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", "辽宁省基本医疗保险城市政策文件（格式 1）");
    root.put("description", "city-policies/*.yaml 的格式：每个统筹区一个文件。不知道的值写 null（检查时报告“待定”）。"
        + "本文件由 policy-check schema 从 policy/CityFormat.java 生成，请勿手改；格式说明见 docs/city-file-format.md。");
    ObjectNode body = object("", Schema.CITY, false);
    body.remove("title");
    root.setAll(body);
    return root;
  }

  /** The schema as text: two-space indents, a list on one line, "\n" line ends, a final newline. */
  public static String text() {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultPrettyPrinter.FixedSpaceIndenter());
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(w)) {
      g.setPrettyPrinter(pp);
      new ObjectMapper().writeTree(g, tree());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString() + "\n";
  }

  private static ObjectNode node(String path, Type t, boolean nullable) {
    if (t instanceof Obj o) {
      return object(path, o, nullable);
    }
    if (t instanceof ListOf l) {
      ObjectNode n = described(path, t);
      n.set("type", types(nullable, "array"));
      n.set("items", node(path + "[*]", l.element(), false));
      return n;
    }
    if (t instanceof NumberOrRange nr) {
      ObjectNode n = described(path, t);
      ArrayNode any = n.putArray("anyOf");
      any.add(scalarBody(nr.number(), false));
      any.add(object(path, Schema.obj("min", nr.number(), "max", nr.number()), false)
          .put("description", "可选择的区间：min 为下限，max 为上限"));
      if (nullable) {
        any.addObject().put("type", "null");
      }
      return n;
    }
    Scalar s = (Scalar) t;
    ObjectNode n = described(path, s);
    n.setAll(scalarBody(s, nullable && !s.required()));
    return n;
  }

  private static ObjectNode object(String path, Obj o, boolean nullable) {
    ObjectNode n = described(path, o);
    n.set("type", types(nullable, "object"));
    ObjectNode props = n.putObject("properties");
    List<String> required = new ArrayList<>();
    for (Map.Entry<String, Type> f : o.fields().entrySet()) {
      String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
      props.set(f.getKey(), node(child, f.getValue(), true));
      if (f.getValue() instanceof Scalar s && s.required()) {
        required.add(f.getKey());
      }
    }
    if (!required.isEmpty()) {
      ArrayNode r = n.putArray("required");
      required.forEach(r::add);
    }
    n.put("additionalProperties", false);
    return n;
  }

  /** title (the Chinese label as messages show it) and description (help, unit, range, values). */
  private static ObjectNode described(String path, Type t) {
    ObjectNode n = F.objectNode();
    String title = path.isEmpty() ? t.label() : Schema.label(path);
    if (!title.isEmpty() && !title.equals(path)) {
      n.put("title", title);
    }
    String d = description(t);
    if (!d.isEmpty()) {
      n.put("description", d);
    }
    return n;
  }

  /** The help, then what the value must be, in words: one line each. */
  static String description(Type t) {
    List<String> lines = new ArrayList<>();
    if (!t.help().isEmpty()) {
      lines.add(t.help());
    }
    Scalar s = t instanceof NumberOrRange nr ? nr.number() : t instanceof Scalar sc ? sc : null;
    if (s != null) {
      String unit = unitWords(s);
      if (!unit.isEmpty()) {
        lines.add("单位：" + unit);
      }
      String range = rangeWords(s);
      if (!range.isEmpty()) {
        lines.add("取值范围：" + range);
      }
      if (!s.choices().isEmpty() && s.kind() != Kind.BOOLEAN) {
        lines.add((s.kind() == Kind.ENUM ? "可选：" : "常用的值：") + choicesWords(s));
      }
      if (s.required()) {
        lines.add("必填，不能为 null");
      }
    }
    return String.join("\n", lines);
  }

  /** "%（写百分数：8.6 表示 8.6%）", "元", "个月"; "" for none. */
  public static String unitWords(Scalar s) {
    if (s.unit().isEmpty()) {
      return "";
    }
    return "%".equals(s.unit()) ? "%（写百分数：8.6 表示 8.6%）" : s.unit();
  }

  /** "0–100", "1–3"; "" where the kind has no range. */
  public static String rangeWords(Scalar s) {
    if (!s.numeric()) {
      return "";
    }
    return s.min() == s.max() ? Hints.fmt(s.min()) : Hints.fmt(s.min()) + "–" + Hints.fmt(s.max());
  }

  /** "per_year（按年度）、per_visit（按次）". */
  public static String choicesWords(Scalar s) {
    List<String> out = new ArrayList<>();
    for (Choice c : s.choices()) {
      out.add(c.code() + "（" + c.label() + "）");
    }
    return String.join("、", out);
  }

  private static ObjectNode scalarBody(Scalar s, boolean nullable) {
    ObjectNode n = F.objectNode();
    switch (s.kind()) {
      case NUMBER, INTEGER -> {
        n.set("type", types(nullable, s.kind() == Kind.INTEGER ? "integer" : "number"));
        n.put("minimum", number(s.min()));
        n.put("maximum", number(s.max()));
      }
      case BOOLEAN -> {
        n.set("type", types(nullable, "boolean"));
        ArrayNode e = n.putArray("enum");
        ArrayNode words = F.arrayNode();
        for (Choice c : s.choices()) {
          e.add(Boolean.parseBoolean(c.code()));
          words.add(c.label());
        }
        enumWords(n, e, words, nullable);
      }
      case ENUM -> {
        n.set("type", types(nullable, "string"));
        ArrayNode e = n.putArray("enum");
        ArrayNode words = F.arrayNode();
        for (Choice c : s.choices()) {
          e.add(c.code());
          words.add(c.label());
        }
        enumWords(n, e, words, nullable);
      }
      case DATE -> {
        n.set("type", types(nullable, "string"));
        n.put("format", "date");
        n.put("pattern", DATE_PATTERN);
      }
      case MONTH_DAY -> {
        n.set("type", types(nullable, "string"));
        n.put("pattern", MONTH_DAY_PATTERN);
      }
      case STRING -> {
        n.set("type", types(nullable, "string"));
        n.put("pattern", "\\S"); // blank text is neither a value nor "not known"
        if (!s.choices().isEmpty()) {
          ArrayNode ex = n.putArray("examples");
          s.choices().forEach(c -> ex.add(c.code()));
        }
      }
      default -> throw new IllegalStateException("unknown kind " + s.kind());
    }
    return n;
  }

  /** The Chinese words of each enumerated value, for editors; null (not known) last. */
  private static void enumWords(ObjectNode n, ArrayNode values, ArrayNode words, boolean nullable) {
    if (nullable) {
      values.addNull();
      words.add("不知道（检查时报告“待定”）");
    }
    n.set("enumDescriptions", words);
    n.set("markdownEnumDescriptions", words.deepCopy());
  }

  private static com.fasterxml.jackson.databind.JsonNode types(boolean nullable, String type) {
    if (!nullable) {
      return F.textNode(type);
    }
    return F.arrayNode().add(type).add("null");
  }

  private static java.math.BigDecimal number(double d) {
    return new java.math.BigDecimal(Hints.fmt(d));
  }
}
