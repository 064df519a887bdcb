package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML document safely and checks it against a {@link Schema}.
 *
 * <p>Safety: only the parser of SnakeYAML runs — no constructor, so no object is ever built from a
 * tag. The text is parsed once: the node tree is built from the parser's events as SnakeYAML's
 * composer would build it, and in the same pass every explicit tag, anchor and alias is refused
 * with its position (an "alias bomb" leaves nothing to check); size and nesting are bounded.
 * Every other problem is collected with its line and column, so a file's problems are reported
 * together.
 *
 * <p>The steps, one class each: {@link TextDecoder} (bytes to text, lines, characters YAML does not
 * allow), {@link YamlComposer} (the one pass over the parser's events), {@link SyntaxMessages}
 * (SnakeYAML's errors in Chinese) and {@link SchemaWalker} (the node tree against the schema, into
 * a {@link Doc}); {@link ReadProblems} collects what they find.
 */
public final class PolicyReader {
  /** Largest file accepted, in bytes. A city policy is a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  /** More aliases than this is treated as an alias bomb: nothing past the event scan runs. */
  static final int MAX_ALIASES = 10;

  /** Deepest nesting of mappings and lists. */
  static final int MAX_DEPTH = 40;

  /**
   * Most hospital classes in one {@code classes} list. A city has a handful; the per-class rules
   * compare classes with each other, so thousands of them would exhaust time and memory.
   */
  static final int MAX_CLASSES = 50;

  /** Most items in any other list (sources, waivers, approvals, …). */
  static final int MAX_LIST_ITEMS = 200;

  private PolicyReader() {}

  /** Result of reading: the document (null when an error made it unreadable) and every problem. */
  public record Result(Doc doc, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return doc != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  public static Result read(String file, byte[] bytes, Obj schema) {
    ReadProblems problems = new ReadProblems(file);
    Doc doc = run(bytes, schema, problems);
    return new Result(doc, sorted(problems.list));
  }

  /** Diagnostics in file order: whole-file problems first, then by line and column. */
  static List<Diagnostic> sorted(List<Diagnostic> diags) {
    List<Diagnostic> out = new ArrayList<>(diags);
    out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return out;
  }

  private static Doc run(byte[] bytes, Obj schema, ReadProblems problems) {
    if (bytes.length > MAX_BYTES) {
      problems.fileError(String.format(Locale.ROOT, "文件过大（%,d 字节），城市政策文件上限为 %,d 字节", bytes.length, MAX_BYTES));
      return null;
    }
    String text = TextDecoder.decode(bytes, problems);
    if (text == null) {
      return null;
    }
    problems.lines = TextDecoder.splitLines(text);
    if (text.isBlank()) {
      problems.fileError("文件为空：应至少包含 city（城市名称）");
      return null;
    }
    if (!TextDecoder.checkPrintable(text, problems)) {
      return null;
    }
    YamlComposer composer = new YamlComposer(problems);
    Node root;
    try {
      root = composer.compose(text);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(Severity.ERROR, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
          SyntaxMessages.syntaxMessage(e, m, problems.lines));
      return null;
    } catch (YAMLException e) {
      problems.fileError(SyntaxMessages.plainYamlMessage(e.getMessage()));
      return null;
    } catch (YamlComposer.Refused e) {
      return null;
    }
    if (root == null || SchemaWalker.isNull(root) && ((ScalarNode) root).getValue().isEmpty()) {
      problems.fileError("文件为空（只有注释或“---”）：应至少包含 city（城市名称）");
      return null;
    }
    if (!(root instanceof MappingNode map)) {
      // Perhaps not a policy file at all: quote only a short excerpt, and not its line.
      String hint = root instanceof ScalarNode s && s.getValue().contains("：")
          ? "（键与值之间应使用半角冒号“:”加空格，而不是全角“：”）" : "";
      String what = root instanceof ScalarNode s ? "“" + excerpt(s.getValue()) + "”" : SchemaWalker.describe(root);
      problems.errorWithoutSource(root, "文件顶层应为键值映射（city: …），而不是" + what + hint);
      return null;
    }
    if (!map.getValue().isEmpty() && !anyKeyOf(map, schema)) {
      // Some other file (a password file, a configuration): nothing of it is quoted back.
      problems.fileError("这不是城市政策文件：顶层的 " + map.getValue().size() + " 个键没有一个是政策文件的键（如 city、employee），"
          + "也不像是拼错的键；为免泄露其内容，不列出这些键");
      return null;
    }
    return new SchemaWalker(problems, composer).walk(root, schema);
  }

  /** Longest excerpt quoted from a file that may not be a policy file at all. */
  static final int MAX_EXCERPT = 20;

  private static String excerpt(String text) {
    String t = text.strip();
    int n = t.codePointCount(0, Math.min(t.length(), 2 * MAX_EXCERPT + 2));
    return n <= MAX_EXCERPT ? Hints.visible(t, false) : Hints.visible(t.substring(0, t.offsetByCodePoints(0, MAX_EXCERPT)), false) + "…";
  }

  /** Whether any key of the top-level mapping is a key of the format, or close to one (a misspelling). */
  private static boolean anyKeyOf(MappingNode map, Obj schema) {
    List<String> known = new ArrayList<>(schema.fields().keySet());
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        return true; // not a plain key: reported as such where it stands
      }
      String key = k.getValue();
      if (schema.fields().containsKey(key) || Hints.closest(key, known) != null || key.startsWith("<<")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text's lines, split where YAML 1.1 (and so SnakeYAML) breaks a line (see
   * {@link TextDecoder#splitLines}).
   */
  static List<String> splitLines(String text) {
    return TextDecoder.splitLines(text);
  }

  /**
   * SnakeYAML's resolver, answering the common plain scalars (words, whole and decimal numbers)
   * without its regular expressions. Every answer is the one {@link Resolver#resolve} gives: the
   * implicit resolvers are chosen by the first character (BOOL for yYnNtTfFoO, then NULL for nN;
   * INT, FLOAT and, for a digit, TIMESTAMP for -+0-9 and FLOAT for '.'; MERGE for '<', NULL for
   * '~', YAML for !&*), then NULL and EMPTY for any first character; otherwise a scalar is STR.
   * Everything not decided here goes to SnakeYAML.
   */
  static final class QuickResolver extends Resolver {
    static final QuickResolver INSTANCE = new QuickResolver();
    private static final Set<String> BOOLS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> NULLS = Set.of("null", "Null", "NULL");

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar && implicit && !value.isEmpty()) {
        Tag t = quick(value);
        if (t != null) {
          return t;
        }
      }
      return super.resolve(kind, value, implicit);
    }

    /** The tag of a non-empty plain scalar, or null to ask SnakeYAML. */
    static Tag quick(String v) {
      char c = v.charAt(0);
      switch (c) {
        case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
          if (v.length() > 5) {
            return Tag.STR; // every word of BOOL and NULL has 2 to 5 letters
          }
          return BOOLS.contains(v) ? Tag.BOOL : NULLS.contains(v) ? Tag.NULL : Tag.STR;
        case '<', '~', '!', '&', '*', ' ', '-', '+', '.':
          return null;
        default:
          if (c >= '0' && c <= '9') {
            return v.length() <= 64 ? number(v) : null;
          }
          return Tag.STR; // no implicit resolver starts with c, and NULL/EMPTY need ~, n, N, ' ' or nothing
      }
    }

    /**
     * A plain scalar starting with a digit: all digits is INT ([1-9][0-9_]*, 0, or octal
     * 0[0-7]*) or, with a leading 0 and an 8 or 9, STR (no FLOAT or TIMESTAMP without '.', 'e',
     * ':' or '-'); digits, '.', then digits or nothing is FLOAT. Anything else: null.
     */
    private static Tag number(String v) {
      int n = v.length();
      int i = 0;
      boolean octal = true;
      while (i < n) {
        char d = v.charAt(i);
        if (d < '0' || d > '9') {
          break;
        }
        octal &= d <= '7';
        i++;
      }
      if (i == n) {
        return v.charAt(0) != '0' || octal ? Tag.INT : Tag.STR;
      }
      if (v.charAt(i) != '.') {
        return null;
      }
      for (int j = i + 1; j < n; j++) {
        char d = v.charAt(j);
        if (d < '0' || d > '9') {
          return null;
        }
      }
      return Tag.FLOAT;
    }
  }

  static List<String> sortedKeys(Map<String, ?> m) {
    List<String> k = new ArrayList<>(m.keySet());
    Collections.sort(k);
    return k;
  }
}
