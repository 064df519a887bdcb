package cn.liaoning.ybj.policycheck.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city policy format as data: every key a file may hold, what its value must be, and how a
 * person calls it. This is the one source of the format's field labels (Chinese), units, ranges
 * and enumerated values: the loader validates a file against it, and the workbook, the report,
 * the JSON Schema and the messages take their labels from it. Walk it with {@link #at(String)},
 * {@link #label(String)} and {@link #fields()}.
 */
public final class Schema {
  private Schema() {}

  /** What a value must be, and what it is called. */
  public sealed interface Type permits Scalar, Obj, ListOf, NumberOrRange {
    /** The Chinese name of the field ("" where the type has none of its own). */
    String label();

    /** A sentence or two of Chinese help for whoever fills the field ("" where none). */
    String help();
  }

  /** Kinds of scalar value. */
  public enum Kind {
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    DATE,
    MONTH_DAY,
    ENUM
  }

  /** One allowed value of an enumerated field: the code written in the file and its Chinese words. */
  public record Choice(String code, String label) {}

  /**
   * A scalar. For numbers, {@code min}/{@code max} bound the value (inclusive); {@code unit} is
   * shown beside values and in messages ("%", "元", "个月"). An enumerated field lists its
   * {@code choices}.
   */
  public record Scalar(Kind kind, double min, double max, String unit, List<Choice> choices, boolean required,
      String label, String help) implements Type {
    public Scalar {
      choices = List.copyOf(choices);
    }

    /** The codes an enumerated field allows, in order. */
    public List<String> values() {
      List<String> out = new ArrayList<>(choices.size());
      for (Choice c : choices) {
        out.add(c.code());
      }
      return out;
    }

    /** The Chinese words for a code of this field; the code itself when it has none. */
    public String choiceLabel(String code) {
      for (Choice c : choices) {
        if (c.code().equals(code)) {
          return c.label();
        }
      }
      return code;
    }

    public Scalar req() {
      return new Scalar(kind, min, max, unit, choices, true, label, help);
    }

    public Scalar label(String l) {
      return new Scalar(kind, min, max, unit, choices, required, l, help);
    }

    public Scalar help(String h) {
      return new Scalar(kind, min, max, unit, choices, required, label, h);
    }

    /** The same field with another unit as shown to people ("元/年" for an annual deductible). */
    public Scalar unit(String u) {
      return new Scalar(kind, min, max, u, choices, required, label, help);
    }

    public boolean numeric() {
      return kind == Kind.NUMBER || kind == Kind.INTEGER;
    }
  }

  /** A mapping with a fixed set of keys. */
  public record Obj(Map<String, Type> fields, String label, String help) implements Type {
    public Obj label(String l) {
      return new Obj(fields, l, help);
    }

    public Obj help(String h) {
      return new Obj(fields, label, h);
    }
  }

  /** A sequence of values of one type. */
  public record ListOf(Type element, String label, String help) implements Type {
    public ListOf label(String l) {
      return new ListOf(element, l, help);
    }

    public ListOf help(String h) {
      return new ListOf(element, label, h);
    }
  }

  /** A number, or a range {min, max} (flexible workers' base may be offered as a range). */
  public record NumberOrRange(Scalar number) implements Type {
    @Override
    public String label() {
      return number.label();
    }

    @Override
    public String help() {
      return number.help();
    }
  }

  static Scalar string() {
    return new Scalar(Kind.STRING, 0, 0, "", List.of(), false, "", "");
  }

  static Scalar pct() {
    return new Scalar(Kind.NUMBER, 0, 100, "%", List.of(), false, "", "");
  }

  /** A percentage of the average wage: may exceed 100 (the ceiling is 300%). */
  static Scalar basePct() {
    return new Scalar(Kind.NUMBER, 0, 1000, "%", List.of(), false, "", "");
  }

  static Scalar money() {
    return new Scalar(Kind.NUMBER, 0, 100_000_000, "元", List.of(), false, "", "");
  }

  static Scalar months(int max) {
    return new Scalar(Kind.INTEGER, 0, max, "个月", List.of(), false, "", "");
  }

  static Scalar years(int max) {
    return new Scalar(Kind.INTEGER, 0, max, "年", List.of(), false, "", "");
  }

  static Scalar integer(int min, int max) {
    return new Scalar(Kind.INTEGER, min, max, "", List.of(), false, "", "");
  }

  static Scalar bool() {
    return new Scalar(Kind.BOOLEAN, 0, 0, "", List.of(new Choice("true", "是"), new Choice("false", "否")), false, "", "");
  }

  static Scalar date() {
    return new Scalar(Kind.DATE, 0, 0, "", List.of(), false, "", "");
  }

  static Scalar monthDay() {
    return new Scalar(Kind.MONTH_DAY, 0, 0, "", List.of(), false, "", "");
  }

  /** An enumerated field: pairs of code and Chinese words, {@code "next_month", "次月起", …}. */
  static Scalar oneOf(String... codeLabelPairs) {
    List<Choice> cs = new ArrayList<>();
    for (int i = 0; i < codeLabelPairs.length; i += 2) {
      cs.add(new Choice(codeLabelPairs[i], codeLabelPairs[i + 1]));
    }
    return new Scalar(Kind.ENUM, 0, 0, "", cs, false, "", "");
  }

  /**
   * A text field with suggested values: a file may write any text (format v1 allows other named
   * values), and the suggestions carry Chinese words for the report and the workbook's drop-down.
   */
  static Scalar suggested(Scalar text, String... codeLabelPairs) {
    List<Choice> cs = new ArrayList<>();
    for (int i = 0; i < codeLabelPairs.length; i += 2) {
      cs.add(new Choice(codeLabelPairs[i], codeLabelPairs[i + 1]));
    }
    return new Scalar(text.kind(), text.min(), text.max(), text.unit(), cs, text.required(), text.label(), text.help());
  }

  static Obj obj(Object... keyTypePairs) {
    Map<String, Type> m = new LinkedHashMap<>();
    for (int i = 0; i < keyTypePairs.length; i += 2) {
      m.put((String) keyTypePairs[i], (Type) keyTypePairs[i + 1]);
    }
    // Any mapping may name the source of its values, and carry a free-text note.
    m.putIfAbsent("source", string().label("来源").help("本映射中各值出自的来源文件：sources 中某一项的 id"));
    m.putIfAbsent("note", string().label("备注").help("说明数值取自来源的哪一节，或其他需要说明的情况"));
    return new Obj(java.util.Collections.unmodifiableMap(m), "", "");
  }

  /**
   * A data mapping with, in it and in every mapping inside it, a {@code value_sources} map: where
   * one value comes from another document than its mapping's {@code source}, its key names that
   * document's id ({@code value_sources: { annual_cap: bx-2024-12 }}).
   */
  static Obj sourced(Obj o) {
    Map<String, Type> m = new LinkedHashMap<>();
    Map<String, Type> per = new LinkedHashMap<>();
    for (Map.Entry<String, Type> e : o.fields().entrySet()) {
      Type t = e.getValue() instanceof Obj child ? sourced(child) : e.getValue();
      m.put(e.getKey(), t);
      boolean value = t instanceof Scalar || t instanceof NumberOrRange || t instanceof ListOf l && l.element() instanceof Scalar;
      if (value && !e.getKey().equals("source") && !e.getKey().equals("note")) {
        per.put(e.getKey(), string().label(t.label() + "的来源").help("该值出自的来源文件：sources 中某一项的 id"));
      }
    }
    if (!per.isEmpty()) {
      m.put(VALUE_SOURCES, new Obj(java.util.Collections.unmodifiableMap(per), "各值的来源",
          "本映射中个别值与映射的 source 出自不同文件时，按键写出该值的来源 id，如 { annual_cap: bx-2024-12 }"));
    }
    return new Obj(java.util.Collections.unmodifiableMap(m), o.label(), o.help());
  }

  /** The key of a mapping's per-value sources (see {@link #sourced}). */
  public static final String VALUE_SOURCES = "value_sources";

  static ListOf listOf(Type t) {
    return new ListOf(t, "", "");
  }

  /**
   * Percentage fields whose real values are below 1 (a maternity rate of 0.8%): only a value
   * below 0.1 there looks like a fraction written by mistake. Elsewhere any value below 1 does.
   */
  static final Set<String> SMALL_PERCENTAGES = Set.of("maternity.rate_pct", "maternity.individual_rate_pct");

  /** The whole file: the fields listed in {@link CityFormat}. */
  public static final Obj CITY = CityFormat.CITY;

  // ---------------------------------------------------------------------------------------------
  // Looking fields up by path.

  private static final Pattern STEP = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\[(\\d+|\\*)])?");

  /**
   * The type at a field path ({@code employee.outpatient.classes[3].deductible}; {@code [*]} for
   * any element; {@code .min}/{@code .max} inside a number-or-range), or null when the format has
   * no such field.
   */
  public static Type at(String path) {
    if (path == null || path.isEmpty()) {
      return path == null ? null : CITY;
    }
    Type t = CITY;
    for (String step : path.split("\\.", -1)) {
      Matcher m = STEP.matcher(step);
      if (!m.matches()) {
        return null;
      }
      if (t instanceof NumberOrRange nr && m.group(2) == null && (step.equals("min") || step.equals("max"))) {
        t = nr.number();
        continue;
      }
      if (!(t instanceof Obj o)) {
        return null;
      }
      t = o.fields().get(m.group(1));
      if (t == null) {
        return null;
      }
      if (m.group(2) != null) {
        if (!(t instanceof ListOf l)) {
          return null;
        }
        t = l.element();
      }
    }
    return t;
  }

  /** The scalar at a path (the number of a number-or-range), or null. */
  public static Scalar scalarAt(String path) {
    Type t = at(path);
    if (t instanceof NumberOrRange nr) {
      return nr.number();
    }
    return t instanceof Scalar s ? s : null;
  }

  /**
   * The Chinese name of a field path, as an auditor reads it: the field's own label, after the
   * label of the list it belongs to where it is a field of a list item ("职工住院医院类别 · 起付标准");
   * for a list item itself, the list's item label and its number. The path itself when the
   * format has no such field.
   */
  public static String label(String path) {
    if (path == null) {
      return "";
    }
    Type t = at(path);
    if (t == null) {
      return path;
    }
    int br = path.lastIndexOf('[');
    if (br >= 0) {
      int close = path.indexOf(']', br);
      String rest = path.substring(close + 1);
      Type item = at(path.substring(0, close + 1));
      String itemLabel = item == null || item.label().isEmpty() ? labelOf(at(path.substring(0, br))) : item.label();
      if (rest.isEmpty()) {
        String idx = path.substring(br + 1, close);
        return idx.equals("*") ? itemLabel : itemLabel + " 第 " + (Integer.parseInt(idx) + 1) + " 项";
      }
      return itemLabel + " · " + labelOf(t);
    }
    String own = labelOf(t);
    return own.isEmpty() ? path : own;
  }

  private static String labelOf(Type t) {
    return t == null ? "" : t.label();
  }

  /** The unit shown beside a value of this field ("%", "元", "个月"; "" for none). */
  public static String unit(String path) {
    Scalar s = scalarAt(path);
    return s == null ? "" : s.unit();
  }

  /** The Chinese words for an enumerated value of a field ("次月起" for next_month); the code when none. */
  public static String choiceLabel(String path, String code) {
    Scalar s = scalarAt(path);
    return s == null ? code : s.choiceLabel(code);
  }

  /** One field of the format, found by walking the schema: its path (lists as {@code [*]}) and type. */
  public record Field(String path, Type type) {}

  /**
   * Every field of the format in file order, depth first: mappings, lists and scalars, with list
   * elements under {@code path[*]}. The workbook, the JSON Schema and the format documentation
   * are generated from this walk.
   */
  public static List<Field> fields() {
    List<Field> out = new ArrayList<>();
    walk("", CITY, out);
    return List.copyOf(out);
  }

  private static void walk(String path, Type t, List<Field> out) {
    if (!path.isEmpty()) {
      out.add(new Field(path, t));
    }
    if (t instanceof Obj o) {
      for (Map.Entry<String, Type> e : o.fields().entrySet()) {
        walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
      }
    } else if (t instanceof ListOf l) {
      walk(path + "[*]", l.element(), out);
    }
  }
}
