package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.policy.Schema.Type;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
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
 * Reads a YAML document safely and checks it against a {@link Schema}. Only the node tree is
 * composed (no object is ever constructed from a tag); aliases, anchors and explicit tags are
 * refused; size and nesting are bounded. Every problem is collected with its line and column.
 */
public final class PolicyReader {
  /** Largest file accepted, in bytes. A city policy is a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final int MAX_DEPTH = 40;
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);
  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Integer> listSizes = new HashMap<>();
  private final Map<String, Position> positions = new HashMap<>();
  private final Set<String> written = new HashSet<>();
  private final Map<Node, Boolean> seen = new IdentityHashMap<>();
  private List<String> lines = List.of();

  private PolicyReader(String file) {
    this.file = file;
  }

  /** Result of reading: the document (null when an error made it unreadable) and every problem. */
  public record Result(Doc doc, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return doc != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  public static Result read(String file, byte[] bytes, Obj schema) {
    PolicyReader r = new PolicyReader(file);
    Doc doc = r.run(bytes, schema);
    return new Result(doc, List.copyOf(r.diagnostics));
  }

  private Doc run(byte[] bytes, Obj schema) {
    if (bytes.length > MAX_BYTES) {
      fileError(String.format(Locale.ROOT, "文件过大（%,d 字节），城市政策文件上限为 %,d 字节", bytes.length, MAX_BYTES));
      return null;
    }
    String text = decode(bytes);
    if (text == null) {
      return null;
    }
    lines = List.of(text.split("\r\n|\r|\n", -1));
    if (text.isBlank()) {
      fileError("文件为空：应至少包含 city（城市名称）");
      return null;
    }
    Node root;
    try {
      Iterable<Node> docs = yaml().composeAll(new StringReader(text));
      List<Node> all = new ArrayList<>();
      for (Node n : docs) {
        all.add(n);
        if (all.size() > 1) {
          error(n, "文件只能包含一个 YAML 文档（发现了第二个“---”）");
          return null;
        }
      }
      root = all.isEmpty() ? null : all.get(0);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      add(Severity.ERROR, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, syntaxMessage(e));
      return null;
    } catch (YAMLException e) {
      fileError("YAML 无法读取：" + plain(e.getMessage()));
      return null;
    } catch (RuntimeException e) {
      fileError("YAML 无法读取：" + plain(String.valueOf(e.getMessage())));
      return null;
    }
    if (root == null) {
      fileError("文件为空：应至少包含 city（城市名称）");
      return null;
    }
    if (!(root instanceof MappingNode)) {
      error(root, "文件顶层应为键值映射（city: …），而不是" + describe(root));
      return null;
    }
    walk(root, schema, "", 0);
    return new Doc(file, values, listSizes, positions, written, lines);
  }

  private static Yaml yaml() {
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(true); // duplicates are reported by the walker, with both positions
    opts.setMaxAliasesForCollections(10);
    opts.setAllowRecursiveKeys(false);
    opts.setNestingDepthLimit(MAX_DEPTH);
    opts.setCodePointLimit(MAX_BYTES);
    opts.setProcessComments(false);
    return new Yaml(new SafeConstructor(opts), new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), opts);
  }

  private String decode(byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3; // a UTF-8 byte-order mark is accepted and dropped
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
      fileError("文件是 UTF-16 编码：请另存为 UTF-8");
      return null;
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        int line = lineAt(bytes, start, i);
        add(Severity.ERROR, line, 0, "文件含有 NUL 字节：这不是文本文件（二进制文件？）");
        return null;
      }
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return decoder.decode(in).toString();
    } catch (MalformedInputException e) {
      int line = lineAt(bytes, start, in.position());
      add(Severity.ERROR, line, 0, "不是有效的 UTF-8 文本（可能是 GBK 编码）：请另存为 UTF-8");
      return null;
    } catch (CharacterCodingException e) {
      fileError("不是有效的 UTF-8 文本：请另存为 UTF-8");
      return null;
    }
  }

  private static int lineAt(byte[] bytes, int from, int pos) {
    int line = 1;
    for (int i = from; i < pos && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String syntaxMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (problem.contains("\\t") || problem.contains("tab")) {
      return "YAML 语法错误：缩进中有制表符（Tab），请改用空格";
    }
    if (problem.contains("exceeds the limit") || problem.contains("aliases")) {
      return "YAML 别名过多（疑似“别名炸弹”），拒绝读取";
    }
    if (problem.contains("Nesting Depth") || problem.contains("nesting")) {
      return "YAML 嵌套过深（超过 " + MAX_DEPTH + " 层），拒绝读取";
    }
    String context = e.getContext() == null ? "" : e.getContext() + "; ";
    return "YAML 语法错误：" + plain(context + problem);
  }

  private static String plain(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  // ---------------------------------------------------------------------------------------------

  private void walk(Node node, Type type, String path, int depth) {
    if (seen.put(node, Boolean.TRUE) != null) {
      error(node, "不支持 YAML 锚点/别名（&/*）：请直接写出每个值");
      return;
    }
    if (!PLAIN_TAGS.contains(node.getTag())) {
      error(node, "不允许的 YAML 标签 " + node.getTag().getValue() + "：政策文件只能包含普通的数字、文字、列表和映射");
      return;
    }
    if (depth > MAX_DEPTH) {
      error(node, "嵌套过深");
      return;
    }
    if (isNull(node)) {
      if (type instanceof Scalar s && s.required()) {
        error(node, "“" + leaf(path) + "”不能为空");
      }
      return; // null is "not known": fine for every optional field
    }
    if (type instanceof Obj obj) {
      walkObj(node, obj, path, depth);
    } else if (type instanceof ListOf list) {
      walkList(node, list, path, depth);
    } else if (type instanceof NumberOrRange nr) {
      walkNumberOrRange(node, nr, path, depth);
    } else {
      walkScalar(node, (Scalar) type, path);
    }
  }

  private void walkObj(Node node, Obj obj, String path, int depth) {
    if (!(node instanceof MappingNode map)) {
      error(node, "“" + display(path) + "”应为键值映射，而不是" + describe(node));
      return;
    }
    Map<String, Node> firstSeen = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode ks) || !PLAIN_TAGS.contains(k.getTag())) {
        error(k, "键必须是普通文字");
        continue;
      }
      String key = ks.getValue();
      String child = path.isEmpty() ? key : path + "." + key;
      Node prev = firstSeen.putIfAbsent(key, k);
      if (prev != null) {
        error(k, "重复的键“" + key + "”（第一次出现在第 " + (prev.getStartMark().getLine() + 1) + " 行）");
        continue;
      }
      Type ft = obj.fields().get(key);
      if (ft == null) {
        error(k, unknownKey(key, obj, path));
        continue;
      }
      positions.put(child, pos(t.getValueNode() instanceof ScalarNode ? t.getValueNode() : k));
      written.add(child);
      walk(t.getValueNode(), ft, child, depth + 1);
    }
    for (Map.Entry<String, Type> f : obj.fields().entrySet()) {
      if (f.getValue() instanceof Scalar s && s.required() && !firstSeen.containsKey(f.getKey())) {
        error(node, "缺少必填的键“" + f.getKey() + "”" + (path.isEmpty() ? "" : "（在 " + display(path) + " 中）"));
      }
    }
  }

  private void walkList(Node node, ListOf list, String path, int depth) {
    if (!(node instanceof SequenceNode seq)) {
      error(node, "“" + display(path) + "”应为列表，而不是" + describe(node));
      return;
    }
    List<Node> items = seq.getValue();
    listSizes.put(path, items.size());
    Map<String, Node> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String child = path + "[" + i + "]";
      Node item = items.get(i);
      positions.put(child, pos(item));
      written.add(child);
      walk(item, list.element(), child, depth + 1);
      if (item instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && (k.getValue().equals("name") || k.getValue().equals("id") && path.endsWith("sources"))
              && t.getValueNode() instanceof ScalarNode v && !isNull(v)) {
            Node prev = names.putIfAbsent(v.getValue(), v);
            if (prev != null) {
              error(v, "“" + display(path) + "”中名称“" + v.getValue() + "”重复（第一次出现在第 " + (prev.getStartMark().getLine() + 1) + " 行）");
            }
          }
        }
      }
    }
  }

  private void walkNumberOrRange(Node node, NumberOrRange nr, String path, int depth) {
    if (node instanceof MappingNode) {
      Obj range = Schema.obj("min", nr.number(), "max", nr.number());
      int before = diagnostics.size();
      walkObj(node, range, path, depth);
      if (diagnostics.size() == before) {
        Double min = values.get(path + ".min") instanceof Number n ? n.doubleValue() : null;
        Double max = values.get(path + ".max") instanceof Number n ? n.doubleValue() : null;
        if (min != null && max != null && min > max) {
          error(node, "范围的 min（" + fmt(min) + "）大于 max（" + fmt(max) + "）");
        }
        values.put(path, new Doc.Range(min, max));
      }
      return;
    }
    walkScalar(node, nr.number(), path);
  }

  private void walkScalar(Node node, Scalar s, String path) {
    if (!(node instanceof ScalarNode sn)) {
      error(node, "“" + display(path) + "”应为" + expectedKind(s) + "，而不是" + describe(node));
      return;
    }
    String text = sn.getValue();
    Tag tag = sn.getTag();
    switch (s.kind()) {
      case STRING -> values.put(path, text);
      case BOOLEAN -> {
        if (tag.equals(Tag.BOOL)) {
          values.put(path, text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on"));
        } else {
          error(node, "“" + leaf(path) + "”应为 true 或 false，而不是“" + text + "”");
        }
      }
      case NUMBER, INTEGER -> number(sn, s, path);
      case DATE -> {
        try {
          values.put(path, LocalDate.parse(text.trim()));
        } catch (DateTimeException e) {
          error(node, "“" + leaf(path) + "”应为日期 YYYY-MM-DD，“" + text + "”不是一个存在的日期");
        }
      }
      case MONTH_DAY -> {
        Matcher m = MONTH_DAY.matcher(text.trim());
        try {
          if (!m.matches()) {
            throw new DateTimeException(text);
          }
          values.put(path, MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException e) {
          error(node, "“" + leaf(path) + "”应为月-日 MM-DD（如 12-31），“" + text + "”不是一个存在的日期");
        }
      }
      case ENUM -> {
        if (s.values().contains(text)) {
          values.put(path, text);
        } else {
          String hint = closest(text, s.values());
          error(node, "“" + leaf(path) + "”的值“" + text + "”无效，可选：" + String.join(" | ", s.values())
              + (hint == null ? "" : "（是否想写 " + hint + "？）"));
        }
      }
    }
  }

  private void number(ScalarNode sn, Scalar s, String path) {
    String text = sn.getValue().trim();
    Tag tag = sn.getTag();
    if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)) {
      String hint = "";
      if (text.endsWith("%")) {
        hint = "（百分比直接写数字，如 8 表示 8%，不要加“%”）";
      } else if (text.matches(".*[万元千].*")) {
        hint = "（金额以元为单位写阿拉伯数字，如 80000）";
      }
      error(sn, "“" + leaf(path) + "”应为数字，而不是“" + text + "”" + hint);
      return;
    }
    BigDecimal v;
    try {
      v = new BigDecimal(text.replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      error(sn, "“" + leaf(path) + "”应为普通的十进制数字，而不是“" + text + "”");
      return;
    }
    if (s.kind() == Kind.INTEGER && v.stripTrailingZeros().scale() > 0) {
      error(sn, "“" + leaf(path) + "”应为整数，而不是 " + text);
      return;
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d) || d < s.min() || d > s.max()) {
      String what = d < 0 && s.min() >= 0 ? "不能为负数" : "超出允许范围 " + fmt(s.min()) + "–" + fmt(s.max()) + s.unit();
      error(sn, "“" + leaf(path) + "”的值 " + text + " " + what);
      return;
    }
    if (path.endsWith("_rate_pct") && d > 0 && d < 1) {
      warning(sn, "“" + leaf(path) + "”的值 " + text + " 像是小数写法：百分比字段以百分数填写，是否想写 "
          + fmt(d * 100) + "？");
    }
    values.put(path, s.kind() == Kind.INTEGER ? (Object) v.intValueExact() : (Object) d);
  }

  // ---------------------------------------------------------------------------------------------

  private String unknownKey(String key, Obj obj, String path) {
    String hint = closest(key, new ArrayList<>(obj.fields().keySet()));
    String where = path.isEmpty() ? "顶层" : "“" + display(path) + "”中";
    return "未知的键“" + key + "”（" + where + "）" + (hint == null ? "" : "，是否想写“" + hint + "”？")
        + (hint == null ? "；允许的键：" + String.join(", ", obj.fields().keySet()) : "");
  }

  /** The candidate nearest to {@code word} by edit distance, or null when none is close. */
  public static String closest(String word, List<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return candidates.stream()
        .map(c -> Map.entry(c, distance(lower, c)))
        .filter(e -> e.getValue() <= Math.max(2, e.getKey().length() / 3))
        .min(Comparator.comparingInt(Map.Entry::getValue))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "键值映射";
    }
    if (n instanceof SequenceNode) {
      return "列表";
    }
    return "“" + ((ScalarNode) n).getValue() + "”";
  }

  private static String expectedKind(Scalar s) {
    return switch (s.kind()) {
      case NUMBER, INTEGER -> "数字";
      case BOOLEAN -> "true 或 false";
      case DATE -> "日期";
      case MONTH_DAY -> "月-日";
      default -> "文字";
    };
  }

  private static String leaf(String path) {
    return display(path);
  }

  private static String display(String path) {
    return path.isEmpty() ? "(顶层)" : path;
  }

  static String fmt(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static Position pos(Node n) {
    return new Position(n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  private void error(Node n, String message) {
    add(Severity.ERROR, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1, message);
  }

  private void warning(Node n, String message) {
    add(Severity.WARNING, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1, message);
  }

  private void fileError(String message) {
    add(Severity.ERROR, 0, 0, message);
  }

  private void add(Severity sev, int line, int col, String message) {
    String src = line > 0 && line <= lines.size() ? lines.get(line - 1) : null;
    diagnostics.add(new Diagnostic(file, line, col, sev, message, src));
  }

  static List<String> sortedKeys(Map<String, ?> m) {
    List<String> k = new ArrayList<>(m.keySet());
    Collections.sort(k);
    return k;
  }
}
