package cn.liaoning.ybj.policycheck.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the project's own YAML files under {@code rules/} (the catalogue, the parameters, the
 * coverage matrix) into plain maps, lists and scalars: a mapping is a {@code Map<String, Object>}
 * in file order, a sequence a {@code List}, a scalar a String, Integer, Long, Double, Boolean,
 * {@link LocalDate} or null. Only SnakeYAML's parser and composer run: no object construction
 * (the files are trusted, but a constructor and its date handling cost start-up time on every
 * run). A key written twice is an error, not silently the last value.
 */
public final class RulesYaml {
  private RulesYaml() {}

  /** The document's root, or null for an empty document. */
  static Object read(String name, String text) {
    Node root = compose(text);
    return root == null ? null : value(name, root);
  }

  /**
   * The document's node tree as SnakeYAML's composer builds it (each node with its position), or
   * null for an empty document: for readers of files in the parameters' format that report
   * positions (a parameter overlay). Throws SnakeYAML's exceptions on a syntax error.
   */
  public static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    return new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options).getSingleNode();
  }

  /** The root mapping of a document ({@link #read}); an empty map for an empty document. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readMap(String name, String text) {
    Object root = read(name, text);
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map)) {
      throw new IllegalStateException(name + ": the document is not a mapping");
    }
    return (Map<String, Object>) root;
  }

  private static Object value(String name, Node n) {
    if (n instanceof MappingNode m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        if (map.containsKey(key)) {
          throw new IllegalStateException(name + ":" + (t.getKeyNode().getStartMark().getLine() + 1) + ": key " + key + " is written twice");
        }
        map.put(key, value(name, t.getValueNode()));
      }
      return map;
    }
    if (n instanceof SequenceNode s) {
      List<Object> list = new ArrayList<>(s.getValue().size());
      for (Node item : s.getValue()) {
        list.add(value(name, item));
      }
      return list;
    }
    ScalarNode s = (ScalarNode) n;
    String v = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.valueOf(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
    }
    try {
      if (tag.equals(Tag.INT)) {
        long l = Long.parseLong(v.replace("_", ""));
        return l == (int) l ? (Object) (int) l : (Object) l;
      }
      if (tag.equals(Tag.FLOAT)) {
        return Double.valueOf(v.replace("_", ""));
      }
      if (tag.equals(Tag.TIMESTAMP)) {
        return LocalDate.parse(v);
      }
    } catch (RuntimeException e) { // a YAML 1.1 form not used in rules/ (0x1F, 1:30, a date with a time)
      throw new IllegalStateException(name + ":" + (s.getStartMark().getLine() + 1) + ": cannot read " + v + " as a "
          + tag.getClassName() + "; write it as a plain number or a date YYYY-MM-DD");
    }
    return v;
  }
}
