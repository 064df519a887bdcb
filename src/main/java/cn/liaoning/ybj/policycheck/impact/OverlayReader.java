package cn.liaoning.ybj.policycheck.impact;

import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.PolicyReader;
import cn.liaoning.ybj.policycheck.policy.ScalarValues;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.regulation.Parameters.Parameter;
import cn.liaoning.ybj.policycheck.regulation.RulesYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a parameter overlay: a file in the format of {@code rules/parameters/*.yaml} holding only
 * {@code parameters:}, each naming an existing parameter with proposed dated {@code values} (and
 * optionally {@code description}; {@code unit} and {@code clause}, when written, must be the
 * parameter's own). Every problem is a diagnostic at {@code file:line:column} in Chinese: an
 * unknown key or parameter (with the closest known one), a unit, clause or shape other than the
 * parameter's, a value that is not a number, date or text as the parameter's are.
 *
 * <p>One file (about 450 lines): every step of the reading reports into the same list of
 * diagnostics, quoting the same source lines, and the anchors already reported are tracked once.
 */
public final class OverlayReader {
  /** The overlay, or null when an error was found; and every problem, in file order. */
  public record Result(Overlay overlay, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return overlay != null;
    }
  }

  /** Largest overlay read: the limit of a city file. */
  static final int MAX_BYTES = PolicyReader.MAX_BYTES;

  private static final List<String> TOP_KEYS = List.of("parameters");
  private static final List<String> ENTRY_KEYS = List.of("description", "unit", "clause", "values");

  private final String file;
  private final Parameters base;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<Node> anchorsReported = Collections.newSetFromMap(new IdentityHashMap<>());
  private List<String> lines = List.of();

  private OverlayReader(String file, Parameters base) {
    this.file = file;
    this.base = base;
  }

  /** Reads the overlay file {@code path} against the parameters it overrides. */
  public static Result read(Path path, Parameters base) {
    String name = path.toString();
    OverlayReader r = new OverlayReader(name, base);
    byte[] bytes;
    try {
      if (!Files.exists(path)) {
        return r.failed("调整方案文件不存在");
      }
      if (!Files.isRegularFile(path)) {
        return r.failed(Files.isDirectory(path) ? "这是一个目录，不是调整方案文件" : "不是普通文件");
      }
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
    } catch (IOException | SecurityException e) {
      return r.failed("无法读取文件（" + (e instanceof java.nio.file.AccessDeniedException ? "没有读取权限" : e.getClass().getSimpleName()) + "）");
    }
    return read(name, bytes, base);
  }

  /** Reads an overlay from its bytes; {@code name} is how messages name the file. */
  public static Result read(String name, byte[] bytes, Parameters base) {
    OverlayReader r = new OverlayReader(name, base);
    Overlay o = r.run(bytes);
    List<Diagnostic> sorted = new ArrayList<>(r.diagnostics);
    sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    boolean errors = sorted.stream().anyMatch(Diagnostic::isError);
    return new Result(errors ? null : o, sorted);
  }

  private Result failed(String message) {
    return new Result(null, List.of(new Diagnostic(file, 0, 0, Severity.ERROR, message, null)));
  }

  private Overlay run(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      fileError(String.format(Locale.ROOT, "文件过大（超过 %,d 字节），不是调整方案", MAX_BYTES));
      return null;
    }
    String text = OverlayText.decode(bytes);
    if (text == null) {
      fileError("文件不是 UTF-8 编码的文字（请用 UTF-8 保存）");
      return null;
    }
    lines = text.lines().toList();
    int[] bad = OverlayText.firstInvisible(text);
    if (bad != null) {
      add(bad[0], bad[1], Severity.ERROR, String.format(Locale.ROOT, "文件含有不可见或不允许的字符 U+%04X：请删去", bad[2]));
      return null;
    }
    Node root;
    try {
      root = RulesYaml.compose(text);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      add(m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, Severity.ERROR, OverlayText.syntax(e.getProblem()));
      return null;
    } catch (YAMLException e) {
      fileError("YAML 无法读取：" + OverlayText.syntax(e.getMessage()));
      return null;
    }
    if (root == null || root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      fileError("文件为空：调整方案应写成 parameters: 下列出要调整的参数及其 values（生效日期: 值）");
      return null;
    }
    if (root instanceof MappingNode m && m.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
        && k.getValue().equals("city")) && m.getValue().stream().noneMatch(t -> t.getKeyNode() instanceof ScalarNode k
        && k.getValue().equals("parameters"))) {
      fileError("这是城市政策文件，不是调整方案：调整方案写成 parameters: 下列出要调整的参数及其 values"
          + "（用法：policy-check impact 调整方案.yaml [城市文件或目录…]）");
      return null;
    }
    Map<String, NodeTuple> top = mapping(root, "文件顶层", TOP_KEYS);
    if (top == null) {
      return null;
    }
    NodeTuple params = top.get("parameters");
    if (params == null) {
      if (errorCount() > 0) {
        return null; // a misspelt "parameters" is reported as such
      }
      fileError("缺少 parameters:（要调整的参数及其 values）");
      return null;
    }
    Map<String, NodeTuple> keys = mapping(params.getValueNode(), "parameters", null);
    if (keys == null) {
      return null;
    }
    if (((MappingNode) params.getValueNode()).getValue().isEmpty()) {
      error(params.getKeyNode(), "parameters 下没有任何参数");
    }
    List<Overlay.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
      Overlay.Entry entry = entry(e.getKey(), e.getValue());
      if (entry != null) {
        entries.add(entry);
      }
    }
    return new Overlay(file, entries);
  }

  /** One parameter of the overlay, checked against the parameter it overrides; null on error. */
  private Overlay.Entry entry(String key, NodeTuple t) {
    Parameter p = base.parameters().get(key);
    if (p == null) {
      String hint = Hints.closest(key, new ArrayList<>(base.parameters().keySet()));
      error(t.getKeyNode(), "省级参数中没有“" + Hints.clip(key) + "”：调整方案只能调整已有的参数（rules/parameters/*.yaml）"
          + (hint == null ? "" : "；是否想写 " + hint + "？"));
      return null;
    }
    int errorsBefore = errorCount();
    Map<String, NodeTuple> fields = mapping(t.getValueNode(), key, ENTRY_KEYS);
    if (fields == null) {
      return null;
    }
    String description = null;
    NodeTuple d = fields.get("description");
    if (d != null) {
      description = text(d.getValueNode(), key + " 的 description");
    }
    NodeTuple u = fields.get("unit");
    if (u != null) {
      String unit = text(u.getValueNode(), key + " 的 unit");
      if (unit != null && !unit.equals(p.unit())) {
        error(u.getValueNode(), "单位“" + Hints.clip(unit) + "”与所调整的参数不同：" + key + " 的单位是“" + p.unit()
            + "”（调整方案只改变参数的值；unit 可以不写）");
      }
    }
    NodeTuple c = fields.get("clause");
    if (c != null) {
      String clause = text(c.getValueNode(), key + " 的 clause");
      if (clause != null && !clause.equals(p.clause())) {
        error(c.getValueNode(), "条款“" + Hints.clip(clause) + "”与所调整的参数不同：" + key + " 依据“" + p.clause()
            + "”（调整方案不改变参数的依据；clause 可以不写）");
      }
    }
    NodeTuple v = fields.get("values");
    if (v == null) {
      if (errorCount() > errorsBefore) {
        return null; // a misspelt "values" is reported as such
      }
      error(t.getKeyNode(), key + " 缺少 values（生效日期: 值，如 2027-01-01: " + Values.example(p) + "）");
      return null;
    }
    NavigableMap<LocalDate, Object> values = values(key, p, v);
    if (values == null || errorCount() > errorsBefore) {
      return null;
    }
    Mark m = t.getKeyNode().getStartMark();
    return new Overlay.Entry(key, description, values, m.getLine() + 1, m.getColumn() + 1);
  }

  /** The dated values of one parameter, each of the parameter's own shape; null on error. */
  private NavigableMap<LocalDate, Object> values(String key, Parameter p, NodeTuple t) {
    Map<String, NodeTuple> dated = mapping(t.getValueNode(), key + " 的 values", null);
    if (dated == null) {
      return null;
    }
    if (((MappingNode) t.getValueNode()).getValue().isEmpty()) {
      error(t.getKeyNode(), key + " 的 values 为空：应写出生效日期和值，如 2027-01-01: " + Values.example(p));
      return null;
    }
    NavigableMap<LocalDate, Object> out = new TreeMap<>();
    Map<LocalDate, Node> where = new LinkedHashMap<>();
    for (NodeTuple e : dated.values()) {
      ScalarNode k = (ScalarNode) e.getKeyNode();
      ScalarValues.Read date = ScalarValues.read(key + " 的生效日期", key, k.getValue(), DATE,
          k.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN, k.getTag());
      if (date.error() != null) {
        error(k, date.error());
        continue;
      }
      LocalDate from = (LocalDate) date.value();
      if (where.containsKey(from)) {
        error(k, key + " 的生效日期 " + from + " 写了两次（第一次在第 " + (where.get(from).getStartMark().getLine() + 1) + " 行）");
        continue;
      }
      where.put(from, k);
      Object value = value(key + " 自 " + from + " 的值", p, e.getValueNode());
      if (value != null) {
        out.put(from, value);
      }
    }
    // A per-tier value may name some tiers only; before any value is in force, it must name all.
    if (!out.isEmpty() && out.firstEntry().getValue() instanceof Map<?, ?> first && p.valueAt(out.firstKey()) == null
        && p.values().lastEntry().getValue() instanceof Map<?, ?> all && first.size() < all.size()) {
      error(where.get(out.firstKey()), key + " 在 " + out.firstKey() + " 之前尚无有效值：第一个值须写出全部级别（"
          + Values.tierNames(all.keySet()) + "）");
    }
    return out;
  }

  /** One value in the shape of the parameter's own values; null (reported) when it is not. */
  private Object value(String name, Parameter p, Node n) {
    Object sample = p.values().lastEntry().getValue();
    if (sample instanceof Map<?, ?> tiers) {
      if (!(n instanceof MappingNode)) {
        error(n, name + "形状不同：" + p.key() + " 按医院级别取值，应写成 " + Values.example(p) + "（可以只写要调整的级别）");
        return null;
      }
      List<String> names = new ArrayList<>();
      tiers.keySet().forEach(tier -> names.add("tier" + tier));
      Map<String, NodeTuple> given = mapping(n, name, names, false); // tier1–3 are all as close to "tier4"
      if (given == null) {
        return null;
      }
      if (((MappingNode) n).getValue().isEmpty()) {
        error(n, name + "为空：应写出至少一个级别的值，如 " + Values.example(p));
        return null;
      }
      Map<Integer, Double> out = new TreeMap<>();
      for (Map.Entry<String, NodeTuple> e : given.entrySet()) {
        Object d = number(name.replaceFirst("的值$", "") + "的 " + e.getKey() + " 值", p, e.getValue().getValueNode());
        if (d != null) {
          out.put(Integer.parseInt(e.getKey().substring("tier".length())), (Double) d);
        }
      }
      return out.size() == given.size() ? out : null;
    }
    if (!(n instanceof ScalarNode s)) {
      error(n, name + "形状不同：" + p.key() + " 是单个" + (sample instanceof Double ? "数值" : sample instanceof LocalDate ? "日期" : "文字")
          + "，不是" + describe(n) + "（应写成 " + Values.example(p) + "）");
      return null;
    }
    if (sample instanceof Double) {
      return number(name, p, s);
    }
    Scalar kind = sample instanceof LocalDate ? DATE : "月-日".equals(p.unit()) ? MONTH_DAY : TEXT;
    ScalarValues.Read r = ScalarValues.read(name, p.key(), s.getValue(), kind, s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN, s.getTag());
    if (r.error() != null) {
      error(s, r.error());
      return null;
    }
    // A month-day parameter holds its text ("12-31"), as the parameter files write it.
    return kind == MONTH_DAY ? String.format(Locale.ROOT, "%02d-%02d", ((java.time.MonthDay) r.value()).getMonthValue(),
        ((java.time.MonthDay) r.value()).getDayOfMonth()) : r.value();
  }

  /** A number within the range of the parameter's unit; null (reported) otherwise. */
  private Object number(String name, Parameter p, Node n) {
    if (!(n instanceof ScalarNode s)) {
      error(n, name + "应为数字，而不是" + describe(n));
      return null;
    }
    Scalar scalar = numberOf(p.unit());
    ScalarValues.Read r = ScalarValues.read(name, p.key(), s.getValue(), scalar, s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN, s.getTag());
    if (r.error() != null) {
      error(s, r.error());
      return null;
    }
    if (r.warning() != null) {
      add(s, Severity.WARNING, r.warning());
    }
    return ((Number) r.value()).doubleValue();
  }

  private static final Scalar DATE = new Scalar(Kind.DATE, 0, 0, "", List.of(), true, "", "");
  private static final Scalar MONTH_DAY = new Scalar(Kind.MONTH_DAY, 0, 0, "", List.of(), true, "", "");
  private static final Scalar TEXT = new Scalar(Kind.STRING, 0, 0, "", List.of(), true, "", "");

  /** The values a parameter of this unit can take: percentages and points 0–100, counts whole. */
  private static Scalar numberOf(String unit) {
    return switch (unit == null ? "" : unit) {
      case "%", "百分点" -> new Scalar(Kind.NUMBER, 0, 100, unit, List.of(), true, "", "");
      case "月", "年", "天", "月（次年）" -> new Scalar(Kind.INTEGER, 0, 1200, unit, List.of(), true, "", "");
      default -> new Scalar(Kind.NUMBER, 0, 1e12, unit == null ? "" : unit, List.of(), true, "", "");
    };
  }



  /**
   * The entries of a mapping node by key, in file order; null (reported) when the node is not a
   * mapping. Keys that are not text, written twice, or (when {@code allowed} is given) unknown are
   * reported and left out.
   */
  private Map<String, NodeTuple> mapping(Node n, String what, List<String> allowed) {
    return mapping(n, what, allowed, true);
  }

  private Map<String, NodeTuple> mapping(Node n, String what, List<String> allowed, boolean suggest) {
    anchor(n);
    if (!(n instanceof MappingNode m)) {
      error(n, what + "应为“键: 值”的映射，而不是" + describe(n));
      return null;
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      anchor(t.getKeyNode());
      anchor(t.getValueNode());
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        error(t.getKeyNode(), what + "中的键应为文字，而不是" + describe(t.getKeyNode()));
        continue;
      }
      String key = k.getValue();
      if (out.containsKey(key)) {
        error(k, what + "中的键“" + Hints.clip(key) + "”写了两次（第一次在第 "
            + (out.get(key).getKeyNode().getStartMark().getLine() + 1) + " 行）");
        continue;
      }
      if (allowed != null && !allowed.contains(key)) {
        if (allowed == TOP_KEYS && (key.equals("documents") || key.equals("clauses"))) {
          error(k, "调整方案只调整参数的值，不能增改来源文件（documents）或条款原文（clauses）");
        } else {
          String hint = suggest ? Hints.closest(key, allowed) : null;
          error(k, what + "中没有键“" + Hints.clip(key) + "”，可写：" + String.join("、", allowed)
              + (hint == null ? "" : "（是否想写 " + hint + "？）"));
        }
        continue;
      }
      out.put(key, t);
    }
    return out;
  }

  /** A non-blank text value; null (reported) otherwise. */
  private String text(Node n, String what) {
    if (!(n instanceof ScalarNode s) || s.getTag().equals(Tag.NULL) || s.getValue().isBlank()) {
      error(n, what + "应为文字" + (n instanceof ScalarNode ? "，不能为空" : "，而不是" + describe(n)));
      return null;
    }
    return s.getValue();
  }

  /** Anchors and aliases are not part of the format: each anchored node is reported once. */
  private void anchor(Node n) {
    if (n.getAnchor() != null && anchorsReported.add(n)) {
      error(n, "不支持 YAML 锚点（&）和别名（*）：请直接写出每个值");
    }
  }

  private static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "映射（键: 值）";
    }
    if (n instanceof SequenceNode) {
      return "列表";
    }
    ScalarNode s = (ScalarNode) n;
    return s.getTag().equals(Tag.NULL) ? "空值" : "“" + Hints.clip(s.getValue()) + "”";
  }



  private int errorCount() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  private void error(Node n, String message) {
    add(n, Severity.ERROR, message);
  }

  private void add(Node n, Severity severity, String message) {
    Mark m = n.getStartMark();
    add(m.getLine() + 1, m.getColumn() + 1, severity, message);
  }

  private void add(int line, int column, Severity severity, String message) {
    String source = line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    diagnostics.add(new Diagnostic(file, line, column, severity, message, source));
  }

  private void fileError(String message) {
    diagnostics.add(new Diagnostic(file, 0, 0, Severity.ERROR, message, null));
  }
}
