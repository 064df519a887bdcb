package cn.liaoning.ybj.policycheck.yamledit;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits a YAML text in place: a value is changed by replacing the characters of its scalar, a key
 * or list item is added as a line in the style of its neighbours, and everything else — comments,
 * key order, flow or block style, blank lines, line endings — stays byte for byte as it was. The
 * positions come from SnakeYAML's node marks (only the composer runs: no object is constructed).
 * Edits are collected and applied together by {@link #apply()}; paths are those of the text as
 * given ({@code employee.inpatient.classes[2].deductible}).
 *
 * <p>One file (about 480 lines) on purpose: every edit works on the same parsed tree, the same
 * code-point-to-offset table and the same pending edit list, and the line and comment helpers are
 * only correct together with them; split apart, each part would have to expose that state.
 */
public final class YamlText {
  private final String text;
  private final Node root;
  /** Character offset of each code point index (SnakeYAML counts code points). */
  private final int[] offsets;
  private final String newline;
  private final List<Edit> edits = new ArrayList<>();

  private record Edit(int start, int end, String replacement, int order) {}

  private YamlText(String text) {
    this.text = text;
    LoaderOptions opts = new LoaderOptions();
    opts.setProcessComments(false);
    opts.setAllowDuplicateKeys(false);
    opts.setMaxAliasesForCollections(0);
    this.root = new Yaml(new SafeConstructor(opts)).compose(new StringReader(text));
    int n = text.codePointCount(0, text.length());
    offsets = new int[n + 1];
    for (int i = 0, cp = 0; cp <= n; cp++) {
      offsets[cp] = i;
      if (i < text.length()) {
        i += Character.charCount(text.codePointAt(i));
      }
    }
    newline = text.contains("\r\n") ? "\r\n" : "\n";
  }

  /** The text of a file that the policy loader has already accepted (one document, a mapping at the top). */
  public static YamlText of(String text) {
    return new YamlText(text);
  }

  // ---------------------------------------------------------------------------------------------
  // Finding nodes.

  /** The node at a path, or null when the path is not written (or written as a null parent). */
  public Node node(String path) {
    Node n = root;
    if (path.isEmpty()) {
      return n;
    }
    for (String step : path.split("\\.")) {
      String key = step;
      int index = -1;
      int br = step.indexOf('[');
      if (br >= 0) {
        key = step.substring(0, br);
        index = Integer.parseInt(step.substring(br + 1, step.length() - 1));
      }
      n = value(n, key);
      if (index >= 0) {
        if (!(n instanceof SequenceNode seq) || index >= seq.getValue().size()) {
          return null;
        }
        n = seq.getValue().get(index);
      }
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  private static Node value(Node mapping, String key) {
    if (!(mapping instanceof MappingNode m)) {
      return null;
    }
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static ScalarNode keyNode(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** Whether the key of a path is written (even as null). */
  public boolean has(String path) {
    return node(path) != null;
  }

  /** Number of items of the list at a path; -1 when it is not a list. */
  public int size(String path) {
    return node(path) instanceof SequenceNode s ? s.getValue().size() : -1;
  }

  /** Whether the node at a path is a flow collection ({ … } or [ … ]). */
  public boolean isFlow(String path) {
    return node(path) instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW;
  }

  private int at(Mark m) {
    return offsets[Math.min(m.getIndex(), offsets.length - 1)];
  }

  private int lineStart(int offset) {
    int i = text.lastIndexOf('\n', offset - 1);
    return i + 1;
  }

  /** Offset of the end of the line holding {@code offset} (at its '\r' or '\n', or the end of the text). */
  private int lineEnd(int offset) {
    int i = text.indexOf('\n', offset);
    if (i < 0) {
      return text.length();
    }
    return i > 0 && text.charAt(i - 1) == '\r' ? i - 1 : i;
  }

  /** Offset after the newline that ends the line holding {@code offset} (the text's end if none). */
  private int nextLine(int offset) {
    int i = text.indexOf('\n', offset);
    return i < 0 ? text.length() : i + 1;
  }

  // ---------------------------------------------------------------------------------------------
  // Edits.

  /** Replaces the scalar at a path (a value written, possibly {@code null}) with {@code yaml}. */
  public void setScalar(String path, String yaml) {
    Node n = node(path);
    if (!(n instanceof ScalarNode s)) {
      throw new IllegalArgumentException("not a scalar: " + path);
    }
    int start = at(s.getStartMark());
    int end = at(s.getEndMark());
    if (start == end) {
      // "key:" with nothing after the colon: the value goes after a blank.
      add(start, end, " " + yaml);
    } else {
      add(start, end, yaml);
    }
  }

  /** Replaces the node at a path (a scalar or a collection, e.g. {@code []}) with flow text {@code yaml}. */
  public void setFlow(String path, String yaml) {
    Node n = node(path);
    if (n == null) {
      throw new IllegalArgumentException("not written: " + path);
    }
    if (n instanceof CollectionNode<?> c && c.getFlowStyle() != FlowStyle.FLOW) {
      throw new IllegalArgumentException("a block collection cannot be replaced by flow text: " + path);
    }
    add(at(n.getStartMark()), at(n.getEndMark()), yaml);
  }

  /**
   * Adds {@code key: yaml} to the mapping at {@code mapping} (which must be written): in a block
   * mapping as a line of its own, before the first (in the file) of the keys {@code before} that the
   * mapping has (so that the format's key order is kept), else after its last entry; in a flow
   * mapping after its last entry.
   */
  public void addKey(String mapping, String key, String yaml, List<String> before) {
    Node n = node(mapping);
    if (!(n instanceof MappingNode m)) {
      throw new IllegalArgumentException("not a mapping: " + mapping);
    }
    if (m.getFlowStyle() == FlowStyle.FLOW) {
      List<NodeTuple> entries = m.getValue();
      if (entries.isEmpty()) {
        add(at(m.getStartMark()), at(m.getEndMark()), "{ " + key + ": " + yaml + " }");
      } else {
        add(at(entries.get(entries.size() - 1).getValueNode().getEndMark()), -1, ", " + key + ": " + yaml);
      }
      return;
    }
    int indent = column(m.getValue().get(0).getKeyNode());
    String line = " ".repeat(indent) + key + ": " + yaml;
    int first = -1;
    for (String b : before) {
      ScalarNode k = keyNode(m, b);
      if (k != null && (first < 0 || at(k.getStartMark()) < first)) {
        first = at(k.getStartMark());
      }
    }
    if (first >= 0) {
      add(aboveComments(lineStart(first), indent), -1, line + newline);
    } else {
      insertAfterLine(lastOffset(m), line);
    }
  }

  /** Adds a line after the line holding {@code offset}. */
  private void insertAfterLine(int offset, String line) {
    int end = lineEnd(offset);
    if (end == text.length()) {
      add(end, -1, newline + line);
    } else {
      add(nextLine(offset), -1, line + newline);
    }
  }

  /** Column (0-based, in characters) of a node's start on its line. */
  private int column(Node n) {
    int start = at(n.getStartMark());
    return start - lineStart(start);
  }

  /**
   * The start of the run of whole-line comments just above a line (at {@code indent} or deeper):
   * a comment that introduces a key stays with it.
   */
  private int aboveComments(int lineStart, int indent) {
    int at = lineStart;
    while (at > 0) {
      int prev = lineStart(at - 1);
      String l = text.substring(prev, at).strip();
      int lead = 0;
      while (prev + lead < at && text.charAt(prev + lead) == ' ') {
        lead++;
      }
      if (l.startsWith("#") && lead >= indent) {
        at = prev;
      } else {
        break;
      }
    }
    return at;
  }

  /** The offset of the last character written for a node (through its nested block collections). */
  private int lastOffset(Node n) {
    if (n instanceof MappingNode m && m.getFlowStyle() != FlowStyle.FLOW && !m.getValue().isEmpty()) {
      NodeTuple last = m.getValue().get(m.getValue().size() - 1);
      Node v = last.getValueNode();
      return Math.max(lastOffset(v), at(last.getKeyNode().getEndMark()));
    }
    if (n instanceof SequenceNode s && s.getFlowStyle() != FlowStyle.FLOW && !s.getValue().isEmpty()) {
      return lastOffset(s.getValue().get(s.getValue().size() - 1));
    }
    int end = at(n.getEndMark());
    return Math.max(at(n.getStartMark()), end - 1);
  }

  /** How a new list item is written: one line of flow mapping ("- { a: 1 }") or a block mapping. */
  public enum ItemStyle { FLOW, BLOCK }

  /**
   * Appends items (each an ordered map of key to YAML scalar text) to the list at {@code list}
   * (which must be written): to a block list in the style of its last item; an empty flow list
   * ({@code []}) becomes a block list in {@code style}, indented two more than its key.
   */
  public void appendItems(String list, List<Map<String, String>> items, ItemStyle style) {
    appendItems(list, items, style, null);
  }

  /**
   * As {@link #appendItems(String, List, ItemStyle)}, with a comment for each item's (last) line
   * ({@code comments} null, or one per item, null or empty for none); not in a one-line flow list.
   */
  public void appendItems(String list, List<Map<String, String>> items, ItemStyle style, List<String> comments) {
    if (items.isEmpty()) {
      return;
    }
    Node n = node(list);
    if (!(n instanceof SequenceNode s)) {
      throw new IllegalArgumentException("not a list: " + list);
    }
    if (s.getFlowStyle() == FlowStyle.FLOW) {
      if (!s.getValue().isEmpty()) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, String> item : items) {
          sb.append(", ").append(flowMap(item));
        }
        add(at(s.getValue().get(s.getValue().size() - 1).getEndMark()), -1, sb.toString());
        return;
      }
      int keyIndent = keyColumn(list);
      int dash = keyIndent + 2;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < items.size(); i++) {
        sb.append(newline).append(itemText(items.get(i), dash, style)).append(comment(comments, i));
      }
      // "classes: []" → "classes:" and the items on the lines below.
      int start = at(s.getStartMark());
      int from = start;
      while (from > 0 && text.charAt(from - 1) == ' ') {
        from--;
      }
      add(from, at(s.getEndMark()), sb.toString());
      return;
    }
    Node last = s.getValue().get(s.getValue().size() - 1);
    int dash = dashColumn(last);
    ItemStyle own = last instanceof MappingNode m && m.getFlowStyle() != FlowStyle.FLOW ? ItemStyle.BLOCK : ItemStyle.FLOW;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : newline).append(itemText(items.get(i), dash, own)).append(comment(comments, i));
    }
    insertAfterLine(lastOffset(last), sb.toString());
  }

  private static String comment(List<String> comments, int i) {
    String c = comments == null || i >= comments.size() ? null : comments.get(i);
    return c == null || c.isEmpty() ? "" : "  # " + c;
  }

  /** Removes the item {@code index} of a block list (its lines); the last item leaves {@code []}. */
  public void removeItem(String list, int index) {
    Node n = node(list);
    if (!(n instanceof SequenceNode s) || s.getFlowStyle() == FlowStyle.FLOW || index >= s.getValue().size()) {
      throw new IllegalArgumentException("not an item of a block list: " + list + "[" + index + "]");
    }
    Node item = s.getValue().get(index);
    int from = lineStart(at(item.getStartMark()));
    int to = nextLine(lastOffset(item));
    add(from, to, "");
  }

  /**
   * Sets the comment at the end of the line where the value at {@code path} ends ({@code # text}),
   * replacing the comment there; an empty text removes it.
   */
  public void setLineComment(String path, String comment) {
    Node n = node(path);
    if (n == null) {
      throw new IllegalArgumentException("not written: " + path);
    }
    int end = lastOffset(n);
    int lineStart = lineStart(end);
    int lineEnd = lineEnd(end);
    int hash = commentStart(lineStart, lineEnd);
    if (hash >= 0) {
      int from = hash;
      while (from > lineStart && text.charAt(from - 1) == ' ') {
        from--;
      }
      add(from, lineEnd, comment.isEmpty() ? "" : text.substring(from, hash) + "# " + comment);
    } else if (!comment.isEmpty()) {
      int content = lineEnd;
      while (content > lineStart && (text.charAt(content - 1) == ' ' || text.charAt(content - 1) == '\t')) {
        content--;
      }
      add(content, lineEnd, "  # " + comment);
    }
  }

  /** The comment at the end of the line where the value at {@code path} ends, or "" when none. */
  public String lineComment(String path) {
    Node n = node(path);
    if (n == null) {
      return "";
    }
    int end = lastOffset(n);
    int lineStart = lineStart(end);
    int lineEnd = lineEnd(end);
    int hash = commentStart(lineStart, lineEnd);
    return hash < 0 ? "" : text.substring(hash + 1, lineEnd).strip();
  }

  /** The offset of the '#' that starts a comment on a line (outside quotes), or -1. */
  private int commentStart(int from, int to) {
    char quote = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (quote == '"') {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quote = 0;
        }
      } else if (quote == '\'') {
        if (c == '\'') {
          quote = 0; // '' inside single quotes reopens at once, which this also reads right
        }
      } else if (c == '#' && (i == from || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
        return i;
      } else if ((c == '"' || c == '\'') && (i == from || " \t[{,:-".indexOf(text.charAt(i - 1)) >= 0)) {
        quote = c;
      }
    }
    return -1;
  }

  private int keyColumn(String path) {
    int dot = path.lastIndexOf('.');
    String parent = dot < 0 ? "" : path.substring(0, dot);
    String key = path.substring(dot + 1);
    Node p = node(parent);
    ScalarNode k = p instanceof MappingNode m ? keyNode(m, key) : null;
    if (k == null) {
      throw new IllegalArgumentException("no key: " + path);
    }
    return column(k);
  }

  /** Column of the dash before a block list item (the item's own column less "- "). */
  private int dashColumn(Node item) {
    int start = at(item.getStartMark());
    int ls = lineStart(start);
    int i = start - 1;
    while (i >= ls && text.charAt(i) == ' ') {
      i--;
    }
    return i >= ls && text.charAt(i) == '-' ? i - ls : Math.max(0, start - ls - 2);
  }

  private String itemText(Map<String, String> item, int dash, ItemStyle style) {
    String pad = " ".repeat(dash);
    if (style == ItemStyle.FLOW) {
      return pad + "- " + flowMap(item);
    }
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (Map.Entry<String, String> e : item.entrySet()) {
      sb.append(first ? pad + "- " : newline + pad + "  ").append(e.getKey()).append(": ").append(e.getValue());
      first = false;
    }
    return sb.toString();
  }

  private static String flowMap(Map<String, String> item) {
    StringBuilder sb = new StringBuilder("{ ");
    boolean first = true;
    for (Map.Entry<String, String> e : item.entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
      first = false;
    }
    return sb.append(" }").toString();
  }

  /** An edit: replace [start, end) — or insert at start when end is -1. */
  private void add(int start, int end, String replacement) {
    edits.add(new Edit(start, end < 0 ? start : end, replacement, edits.size()));
  }

  /** Whether any edit was made. */
  public boolean changed() {
    return !edits.isEmpty();
  }

  /** The text with every edit applied; edits must not overlap (insertions at one place keep their order). */
  public String apply() {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order));
    StringBuilder out = new StringBuilder(text.length() + 256);
    int pos = 0;
    for (Edit e : sorted) {
      if (e.start() < pos) {
        throw new IllegalStateException("overlapping edits at offset " + e.start());
      }
      out.append(text, pos, e.start()).append(e.replacement());
      pos = e.end();
    }
    out.append(text, pos, text.length());
    return out.toString();
  }
}
