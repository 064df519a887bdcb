package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.policy.Schema.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Walks a composed node tree against the {@link Schema}: every key known, every value of its type
 * and range (read by {@link ScalarValues}), lists bounded, names unique; each problem placed where
 * it is written. Builds the {@link Doc}: the values by path, the list sizes and the positions.
 */
final class SchemaWalker {
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private final ReadProblems problems;
  private final YamlComposer composer;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Integer> listSizes = new HashMap<>();
  /**
   * Every path written (with its position), in walk order; only ever added to during the walk, so
   * kept as lists and made into the Doc's immutable map and set once, at the end.
   */
  private final List<String> writtenPaths = new ArrayList<>();
  private final List<Position> writtenPositions = new ArrayList<>();
  /** Nodes already walked; only an alias can lead to a node twice, so kept only when there are aliases. */
  private final Map<Node, Boolean> seen = new IdentityHashMap<>();
  /** Problems found before the walk (by the event scan: anywhere in the file). */
  private int walkStart;

  SchemaWalker(ReadProblems problems, YamlComposer composer) {
    this.problems = problems;
    this.composer = composer;
  }

  /** Walks the document's root mapping; returns the document read. */
  Doc walk(Node root, Obj schema) {
    walkStart = problems.size();
    walk(root, schema, "", 0);
    return writtenDoc();
  }

  private void written(String path, Position pos) {
    writtenPaths.add(path);
    writtenPositions.add(pos);
  }

  /**
   * The Doc, its positions and written paths built directly as immutable collections (which the
   * Doc keeps as they are). A path is written at most once (keys are unique within a mapping,
   * list indices within a list, and a node reached twice — by an alias — is not walked again);
   * should one come twice, the last position wins, as with a map filled in walk order.
   */
  private Doc writtenDoc() {
    int n = writtenPaths.size();
    String[] paths = writtenPaths.toArray(new String[0]);
    @SuppressWarnings("unchecked")
    Map.Entry<String, Position>[] entries = new Map.Entry[n];
    for (int i = 0; i < n; i++) {
      entries[i] = Map.entry(paths[i], writtenPositions.get(i));
    }
    Map<String, Position> positions;
    Set<String> written;
    try {
      positions = Map.ofEntries(entries);
      written = Set.of(paths);
    } catch (IllegalArgumentException duplicate) {
      Map<String, Position> m = new HashMap<>();
      for (int i = 0; i < n; i++) {
        m.put(paths[i], writtenPositions.get(i));
      }
      positions = m;
      written = new HashSet<>(writtenPaths);
    }
    return new Doc(problems.file, values, listSizes, positions, written, problems.lines);
  }

  private void walk(Node node, Type type, String path, int depth) {
    if (composer.isRefused(node)) {
      return; // tag or anchor: already reported where it is written
    }
    if (composer.hasAliases && seen.put(node, Boolean.TRUE) != null) {
      return; // an alias: already reported by the event scan
    }
    if (!isPlain(node.getTag())) {
      problems.error(node, "不允许的 YAML 值类型 " + YamlComposer.shortTag(node.getTag().getValue()) + "：政策文件只能包含普通的数字、文字、列表和映射");
      return;
    }
    if (depth > PolicyReader.MAX_DEPTH) {
      problems.error(node, "嵌套过深");
      return;
    }
    if (isNull(node)) {
      if (type instanceof Scalar s && s.required()) {
        problems.error(node, "“" + display(path) + "”不能为空");
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
      problems.error(node, "“" + display(path) + "”应为键值映射（下一层的“键: 值”），而不是" + describe(node));
      return;
    }
    Map<String, Node> firstSeen = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      if (composer.isRefused(k) || composer.hasAliases && seen.containsKey(k)) {
        continue; // tagged key, anchor or alias: already reported
      }
      if (k.getTag().equals(Tag.MERGE)) {
        problems.error(k, "不支持 YAML 合并键“<<”：请直接写出每个值");
        continue;
      }
      if (!(k instanceof ScalarNode ks) || !isPlain(k.getTag()) || isNull(k)) {
        problems.error(k, "键必须是普通文字");
        continue;
      }
      String key = ks.getValue();
      int bad = Hints.firstDisallowed(key);
      if (bad >= 0) {
        problems.error(k, "键“" + Hints.clip(key) + "”含有" + Hints.describe(bad) + "：键只用英文字母、数字和下划线");
        continue;
      }
      String child = path.isEmpty() ? key : path + "." + key;
      Node prev = firstSeen.putIfAbsent(key, k);
      if (prev != null) {
        problems.error(k, "重复的键“" + Hints.clip(key) + "”（第一次出现在第 " + (prev.getStartMark().getLine() + 1) + " 行）");
        continue;
      }
      Type ft = obj.fields().get(key);
      if (ft == null) {
        // Past the first problems of the walk (which goes in file order), a message can no longer be
        // among those listed: no hint is looked for (a file of 100,000 unknown keys stays cheap).
        boolean listed = problems.size() - walkStart < PolicyLoader.MAX_DIAGNOSTICS;
        problems.error(k, listed ? unknownKey(key, obj, path) : "未知的键“" + Hints.clip(key) + "”");
        continue;
      }
      Node v = t.getValueNode();
      // A scalar is located where its value is written; a mapping or list (and an empty value)
      // where its key is.
      boolean atValue = v instanceof ScalarNode sv && !(isNull(sv) && sv.getValue().isEmpty());
      written(child, ReadProblems.pos(atValue ? v : k));
      walk(v, ft, child, depth + 1);
    }
    for (Map.Entry<String, Type> f : obj.fields().entrySet()) {
      if (f.getValue() instanceof Scalar s && s.required() && !firstSeen.containsKey(f.getKey())) {
        problems.error(node, "缺少必填的键“" + f.getKey() + "”" + (path.isEmpty() ? "" : "（在 " + display(path) + " 中）"));
      }
    }
  }

  private void walkList(Node node, ListOf list, String path, int depth) {
    if (!(node instanceof SequenceNode seq)) {
      String hint = list.element() instanceof Obj ? "（每一项以“- ”开头）" : "（如 [a, b]，没有时写 []）";
      problems.error(node, "“" + display(path) + "”应为列表" + hint + "，而不是" + describe(node));
      return;
    }
    List<Node> items = seq.getValue();
    boolean classes = path.endsWith(".classes");
    int max = classes ? PolicyReader.MAX_CLASSES : PolicyReader.MAX_LIST_ITEMS;
    if (items.size() > max) {
      problems.error(node, "“" + display(path) + "”有 " + items.size() + " 项，超过上限 " + max + " 项"
          + (classes ? "（医院类别）" : "") + "：请检查文件是否重复或错误生成");
      return;
    }
    listSizes.put(path, items.size());
    String nameKey = path.equals("sources") ? "id" : "name";
    Map<String, Node> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String child = path + "[" + i + "]";
      Node item = items.get(i);
      if (isNull(item) && !composer.isRefused(item)) {
        // "- null" or a bare "-": an item that says nothing would read as a class, source or
        // factor with every field unknown (or vanish from a list of words).
        problems.error(item, "“" + display(path) + "”的第 " + (i + 1) + " 项为空：删去这一项，或写出它的内容");
        continue;
      }
      written(child, ReadProblems.pos(item));
      walk(item, list.element(), child, depth + 1);
      if (list.element() instanceof Obj o && o.fields().containsKey(nameKey) && item instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(nameKey)) {
            if (t.getValueNode() instanceof ScalarNode v && !isNull(v) && isPlain(v.getTag())) {
              String name = v.getValue().strip();
              Node prev = names.putIfAbsent(name, v);
              if (prev != null) {
                String what = nameKey.equals("id") ? "来源 id" : "名称";
                problems.error(v, "“" + display(path) + "”中" + what + "“" + Hints.clip(name) + "”重复（第一次出现在第 "
                    + (prev.getStartMark().getLine() + 1) + " 行）：每一项的" + what + (nameKey.equals("id") ? " " : "") + "应各不相同");
              }
            }
            break; // only the first such key of an item (a second one is a duplicate key)
          }
        }
      }
    }
  }

  private void walkNumberOrRange(Node node, NumberOrRange nr, String path, int depth) {
    if (node instanceof MappingNode) {
      Obj range = Schema.obj("min", nr.number(), "max", nr.number());
      int before = problems.errorCount();
      walkObj(node, range, path, depth);
      if (problems.errorCount() == before) {
        Double min = values.get(path + ".min") instanceof Number n ? n.doubleValue() : null;
        Double max = values.get(path + ".max") instanceof Number n ? n.doubleValue() : null;
        if (min != null && max != null && min > max) {
          problems.error(node, "范围的 min（" + Hints.fmt(min) + "）大于 max（" + Hints.fmt(max) + "）");
        } else if (min == null && max == null) {
          // {} or {min: null, max: null}: nothing is known, as for null (the rules say what is missing)
        } else if (min != null && min.equals(max)) {
          values.put(path, min); // {min: 100, max: 100} is the number 100
        } else {
          values.put(path, new Doc.Range(min, max));
        }
      }
      return;
    }
    walkScalar(node, nr.number(), path);
  }

  private void walkScalar(Node node, Scalar s, String path) {
    if (!(node instanceof ScalarNode sn)) {
      problems.error(node, "“" + display(path) + "”应为" + expectedKind(s) + "，而不是" + describe(node));
      return;
    }
    ScalarValues.Read r = ScalarValues.read("“" + display(path) + "”", path, sn.getValue(), s,
        sn.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN, sn.getTag());
    if (r.error() != null) {
      problems.error(node, r.error());
      return;
    }
    if (r.warning() != null) {
      problems.warning(node, r.warning());
    }
    values.put(path, r.value());
  }

  private static String unknownKey(String key, Obj obj, String path) {
    String where = path.isEmpty() ? "顶层" : "“" + display(path) + "”中";
    if (key.equals("ratio_pct") && obj.fields().containsKey("in_service_pct")) {
      return "未知的键“ratio_pct”（" + where + "）：职工医保的医院类别用 in_service_pct（在职）和 retired_pct（退休）";
    }
    if ((key.equals("in_service_pct") || key.equals("retired_pct")) && obj.fields().containsKey("ratio_pct")) {
      return "未知的键“" + Hints.clip(key) + "”（" + where + "）：居民医保的医院类别只有一个比例 ratio_pct";
    }
    String hint = Hints.closest(key, new ArrayList<>(obj.fields().keySet()));
    return "未知的键“" + Hints.clip(key) + "”（" + where + "）" + Hints.nonAscii(key)
        + (hint != null ? "，是否想写“" + hint + "”？" : "；允许的键：" + String.join(", ", obj.fields().keySet()));
  }

  /** One of {@link #PLAIN_TAGS}; the resolver's own constants are recognised without hashing. */
  private static boolean isPlain(Tag t) {
    return t == Tag.STR || t == Tag.INT || t == Tag.FLOAT || t == Tag.BOOL || t == Tag.NULL || t == Tag.MAP
        || t == Tag.SEQ || t == Tag.TIMESTAMP || PLAIN_TAGS.contains(t);
  }

  static boolean isNull(Node n) {
    return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "键值映射";
    }
    if (n instanceof SequenceNode) {
      return "列表";
    }
    String v = ((ScalarNode) n).getValue();
    return "“" + Hints.clip(v) + "”";
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

  private static String display(String path) {
    return path.isEmpty() ? "(顶层)" : path;
  }
}
