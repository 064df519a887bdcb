package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.policy.Schema.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
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
 */
public final class PolicyReader {
  /** Largest file accepted, in bytes. A city policy is a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  /** More aliases than this is treated as an alias bomb: nothing past the event scan runs. */
  static final int MAX_ALIASES = 10;

  private static final int MAX_DEPTH = 40;

  /**
   * Most hospital classes in one {@code classes} list. A city has a handful; the per-class rules
   * compare classes with each other, so thousands of them would exhaust time and memory.
   */
  static final int MAX_CLASSES = 50;

  /** Most items in any other list (sources, waivers, approvals, …). */
  static final int MAX_LIST_ITEMS = 200;
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
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
  private boolean hasAliases;
  /** Nodes already reported by the event scan (tag, anchor), by kind and start index: not walked. */
  private final Set<String> refused = new HashSet<>();
  private List<String> lines = List.of();
  /** Problems found before the walk (by the event scan: anywhere in the file). */
  private int walkStart;

  private PolicyReader(String file) {
    this.file = file;
  }

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
    PolicyReader r = new PolicyReader(file);
    Doc doc = r.run(bytes, schema);
    return new Result(doc, sorted(r.diagnostics));
  }

  /** Diagnostics in file order: whole-file problems first, then by line and column. */
  static List<Diagnostic> sorted(List<Diagnostic> diags) {
    List<Diagnostic> out = new ArrayList<>(diags);
    out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return out;
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
    lines = splitLines(text);
    if (text.isBlank()) {
      fileError("文件为空：应至少包含 city（城市名称）");
      return null;
    }
    if (!checkPrintable(text)) {
      return null;
    }
    Node root;
    try {
      root = compose(text);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      add(Severity.ERROR, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, syntaxMessage(e, m));
      return null;
    } catch (YAMLException e) {
      fileError(plainYamlMessage(e.getMessage()));
      return null;
    } catch (Refused e) {
      return null;
    }
    if (root == null || isNull(root) && ((ScalarNode) root).getValue().isEmpty()) {
      fileError("文件为空（只有注释或“---”）：应至少包含 city（城市名称）");
      return null;
    }
    if (!(root instanceof MappingNode map)) {
      // Perhaps not a policy file at all: quote only a short excerpt, and not its line.
      String hint = root instanceof ScalarNode s && s.getValue().contains("：")
          ? "（键与值之间应使用半角冒号“:”加空格，而不是全角“：”）" : "";
      String what = root instanceof ScalarNode s ? "“" + excerpt(s.getValue()) + "”" : describe(root);
      diagnostics.add(new Diagnostic(file, line(root.getStartMark()), column(root.getStartMark()), Severity.ERROR,
          "文件顶层应为键值映射（city: …），而不是" + what + hint, null));
      return null;
    }
    if (!map.getValue().isEmpty() && !anyKeyOf(map, schema)) {
      // Some other file (a password file, a configuration): nothing of it is quoted back.
      fileError("这不是城市政策文件：顶层的 " + map.getValue().size() + " 个键没有一个是政策文件的键（如 city、employee），"
          + "也不像是拼错的键；为免泄露其内容，不列出这些键");
      return null;
    }
    walkStart = diagnostics.size();
    walk(root, schema, "", 0);
    return writtenDoc();
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

  /** The whole file must not be composed (alias bomb, several documents): already reported. */
  private static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }

  private static LoaderOptions options() {
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(true); // duplicates are reported by the walker, with both positions
    opts.setMaxAliasesForCollections(MAX_ALIASES);
    opts.setAllowRecursiveKeys(false);
    opts.setNestingDepthLimit(MAX_DEPTH);
    opts.setCodePointLimit(MAX_BYTES);
    opts.setProcessComments(false);
    opts.setMergeOnCompose(false);
    // Only the node tree is built (by Events, as SnakeYAML's composer with these options would),
    // never a tag's class; explicit tags are refused (with their position) as the events go by,
    // and the walker skips them. Accepting global tags lets the rest of the file still be checked.
    opts.setTagInspector(tag -> true);
    return opts;
  }

  /**
   * Parses the text once: {@link Events} builds the node tree from the parser's events, as
   * SnakeYAML's {@code Composer} does, and looks at each event as it goes by (tags, anchors,
   * aliases, documents).
   *
   * <p>The outcome is the one of scanning every event first and composing only a file that passed
   * the scan: a syntax error anywhere in the stream wins over a composing failure (which is kept
   * until the rest of the stream has been scanned), an alias bomb or a second document leaves
   * nothing composed, and the alias diagnostics come before a composing failure. Throws
   * {@link Refused} when the scan refused the whole file.
   */
  private Node compose(String text) {
    Events events = new Events(new ParserImpl(new WholeTextReader(text), options()));
    Node root = null;
    RuntimeException composeFailure = null;
    try {
      root = events.document();
    } catch (RuntimeException e) {
      if (events.parserFailed) {
        throw e; // the parser's own error, exactly where a scan of the events would have stopped
      }
      composeFailure = e;
    }
    events.drain();
    if (!events.finish()) {
      throw new Refused();
    }
    if (composeFailure != null) {
      throw composeFailure;
    }
    return root;
  }

  /** SnakeYAML's "found undefined alias" error, as its composer reports it. */
  private static final class UndefinedAlias extends ComposerException {
    UndefinedAlias(String problem, Mark problemMark) {
      super(problem, problemMark);
    }
  }

  /**
   * Pulls the parser's events once. Builds the first document's node tree exactly as SnakeYAML
   * 2.4's {@code Composer} (with the reader's {@link #options()}) would: the same nodes, tags
   * (resolved by {@link QuickResolver}), marks and styles; an alias stands for its anchor's node;
   * the same failures (undefined alias, nesting deeper than {@link #MAX_DEPTH}, more than
   * {@link #MAX_ALIASES} aliases of collections), in the same order. Comments are not parsed, so
   * there are none to attach. Every event is looked at once, as it is consumed: every explicit
   * tag, anchor and alias is refused where it is written; more than one document is refused; more
   * than {@link #MAX_ALIASES} aliases is an alias bomb.
   */
  private final class Events {
    private final ParserImpl parser;
    private final Map<String, Node> anchors = new HashMap<>();
    private final List<AliasEvent> aliases = new ArrayList<>();
    private int documents;
    private boolean ok = true;
    private int depth;
    private int collectionAliases;
    /** The parser itself threw (a syntax error): nothing more is read. */
    boolean parserFailed;

    Events(ParserImpl parser) {
      this.parser = parser;
    }

    private Event peek() {
      try {
        return parser.peekEvent();
      } catch (RuntimeException e) {
        parserFailed = true;
        throw e;
      }
    }

    private Event next() {
      Event ev;
      try {
        ev = parser.getEvent();
      } catch (RuntimeException e) {
        parserFailed = true;
        throw e;
      }
      if (ev != null) {
        look(ev);
      }
      return ev;
    }

    /** Reads (and looks at) the rest of the stream. */
    void drain() {
      while (peek() != null) {
        next();
      }
    }

    /** The root node of the first document, or null when the stream has none. */
    Node document() {
      if (peek() instanceof StreamStartEvent) {
        next();
      }
      if (peek() instanceof StreamEndEvent) {
        return null;
      }
      next(); // document start
      Node root = node();
      next(); // document end
      return root;
    }

    private Node node() {
      if (peek() instanceof AliasEvent) {
        AliasEvent alias = (AliasEvent) next();
        Node target = anchors.get(alias.getAnchor());
        if (target == null) {
          throw new UndefinedAlias("found undefined alias " + alias.getAnchor(), alias.getStartMark());
        }
        if (!(target instanceof ScalarNode) && ++collectionAliases > MAX_ALIASES) {
          throw new YAMLException("Number of aliases for non-scalar nodes exceeds the specified max=" + MAX_ALIASES);
        }
        return target;
      }
      String anchor = ((NodeEvent) peek()).getAnchor();
      if (depth > MAX_DEPTH) {
        throw new YAMLException("Nesting Depth exceeded max " + MAX_DEPTH);
      }
      depth++;
      Node node;
      if (peek() instanceof ScalarEvent) {
        node = scalar(anchor);
      } else if (peek() instanceof SequenceStartEvent) {
        node = sequence(anchor);
      } else {
        node = mapping(anchor);
      }
      depth--;
      return node;
    }

    private Node scalar(String anchor) {
      ScalarEvent ev = (ScalarEvent) next();
      String tag = ev.getTag();
      boolean resolved = tag == null || tag.equals("!");
      Tag nodeTag = resolved
          ? QuickResolver.INSTANCE.resolve(NodeId.scalar, ev.getValue(), ev.getImplicit().canOmitTagInPlainScalar())
          : new Tag(tag);
      ScalarNode node = new ScalarNode(nodeTag, resolved, ev.getValue(), ev.getStartMark(), ev.getEndMark(), ev.getScalarStyle());
      anchor(anchor, node);
      return node;
    }

    private Node sequence(String anchor) {
      SequenceStartEvent start = (SequenceStartEvent) next();
      String tag = start.getTag();
      boolean resolved = tag == null || tag.equals("!");
      Tag nodeTag = resolved ? QuickResolver.INSTANCE.resolve(NodeId.sequence, null, start.getImplicit()) : new Tag(tag);
      List<Node> children = new ArrayList<>();
      SequenceNode node = new SequenceNode(nodeTag, resolved, children, start.getStartMark(), null, start.getFlowStyle());
      anchor(anchor, node);
      while (!(peek() instanceof SequenceEndEvent)) {
        children.add(node());
      }
      node.setEndMark(next().getEndMark());
      return node;
    }

    private Node mapping(String anchor) {
      MappingStartEvent start = (MappingStartEvent) next();
      String tag = start.getTag();
      boolean resolved = tag == null || tag.equals("!");
      Tag nodeTag = resolved ? QuickResolver.INSTANCE.resolve(NodeId.mapping, null, start.getImplicit()) : new Tag(tag);
      List<NodeTuple> children = new ArrayList<>();
      MappingNode node = new MappingNode(nodeTag, resolved, children, start.getStartMark(), null, start.getFlowStyle());
      anchor(anchor, node);
      while (!(peek() instanceof MappingEndEvent)) {
        Node key = node();
        if (key.getTag().equals(Tag.MERGE)) {
          node.setMerged(true);
        }
        children.add(new NodeTuple(key, node()));
      }
      node.setEndMark(next().getEndMark());
      return node;
    }

    private void anchor(String anchor, Node node) {
      if (anchor != null) {
        node.setAnchor(anchor);
        anchors.put(anchor, node);
      }
    }

    private void look(Event ev) {
      if (ev instanceof DocumentStartEvent) {
        documents++;
        if (documents == 2) {
          add(Severity.ERROR, line(ev.getStartMark()), column(ev.getStartMark()),
              "文件只能包含一个 YAML 文档（这里开始了第二个文档，如“---”）");
          ok = false;
        }
        return;
      }
      if (ev instanceof AliasEvent a) {
        aliases.add(a);
        return;
      }
      if (!(ev instanceof NodeEvent n)) {
        return;
      }
      String tag = ev instanceof ScalarEvent s ? s.getTag() : ev instanceof CollectionStartEvent c ? c.getTag() : null;
      if (tag == null && n.getAnchor() == null) {
        return;
      }
      String key = (ev instanceof ScalarEvent ? "S" : "C") + ev.getStartMark().getIndex();
      if (tag != null) {
        refused.add(key);
        add(Severity.ERROR, line(ev.getStartMark()), column(ev.getStartMark()),
            "不允许使用 YAML 标签（" + shortTag(tag) + "）：政策文件只能包含普通的数字、文字、列表和映射，请删去标签"
                + "（文字可加引号）");
      }
      if (n.getAnchor() != null) {
        refused.add(key);
        add(Severity.ERROR, line(ev.getStartMark()), column(ev.getStartMark()),
            "不支持 YAML 锚点（&" + Hints.clip(n.getAnchor()) + "）：请直接写出每个值");
      }
    }

    /**
     * After the whole stream: reports the aliases (or the alias bomb). Returns false when the
     * file must not be walked (alias bomb, several documents).
     */
    boolean finish() {
      if (aliases.size() > MAX_ALIASES) {
        Mark m = aliases.get(0).getStartMark();
        add(Severity.ERROR, line(m), column(m),
            "YAML 别名过多（" + aliases.size() + " 个，疑似“别名炸弹”），拒绝读取；政策文件不应使用锚点（&）和别名（*）");
        return false;
      }
      for (AliasEvent a : aliases) {
        add(Severity.ERROR, line(a.getStartMark()), column(a.getStartMark()),
            "不支持 YAML 别名（*" + Hints.clip(a.getAnchor()) + "）：请直接写出每个值");
      }
      hasAliases = !aliases.isEmpty();
      return ok;
    }
  }

  private boolean isRefused(Node n) {
    return !refused.isEmpty() && refused.contains((n instanceof ScalarNode ? "S" : "C") + n.getStartMark().getIndex());
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

  private static String shortTag(String tag) {
    String t = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    return Hints.clip(t);
  }

  // --- bytes to text --------------------------------------------------------------------------

  private String decode(byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
        || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
      fileError("文件是 UTF-16 编码：请另存为 UTF-8");
      return null;
    }
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3; // a UTF-8 byte-order mark is accepted and dropped
    }
    int controls = 0;
    int firstControl = -1;
    boolean nul = false;
    for (int i = start; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
        controls++;
        nul |= b == 0;
        firstControl = firstControl < 0 ? i : firstControl;
      }
    }
    if (nul || controls >= 3) {
      binary(bytes, start, firstControl);
      return null;
    }
    String quick = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (quick.indexOf('\uFFFD') < 0) {
      // Malformed input would have been replaced by U+FFFD: without one, the bytes are valid UTF-8
      // and this is what the strict decoder gives. (A file with U+FFFD takes the strict path.)
      return quick;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return strict(StandardCharsets.UTF_8).decode(in).toString();
    } catch (CharacterCodingException e) {
      if (controls > 0) {
        binary(bytes, start, firstControl);
        return null;
      }
      int pos = firstMalformed(bytes, start);
      String msg = looksLikeGbk(bytes, start)
          ? "不是有效的 UTF-8 文本（看起来是 GBK/GB18030 编码）：请用编辑器另存为 UTF-8"
          : "不是有效的 UTF-8 文本（文件已损坏或不是文本文件？）：城市政策文件应为 UTF-8 编码";
      add(Severity.ERROR, lineAt(bytes, start, pos), columnAt(bytes, start, pos), msg);
      return null;
    }
  }

  private void binary(byte[] bytes, int start, int at) {
    add(Severity.ERROR, lineAt(bytes, start, at), columnAt(bytes, start, at), String.format(Locale.ROOT,
        "文件含有控制字符（字节 0x%02X）：这不是文本文件（二进制文件？），城市政策文件应为 UTF-8 文本",
        bytes[at] & 0xff));
  }

  private static CharsetDecoder strict(Charset cs) {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static int firstMalformed(byte[] bytes, int from) {
    CharsetDecoder dec = strict(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    var result = dec.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  private static boolean looksLikeGbk(byte[] bytes, int from) {
    try {
      strict(Charset.forName("GB18030")).decode(ByteBuffer.wrap(bytes, from, bytes.length - from));
      return true;
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return false;
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

  /** 1-based column (in characters) of byte {@code pos}; the bytes before it are valid UTF-8. */
  private static int columnAt(byte[] bytes, int from, int pos) {
    int lineStart = from;
    for (int i = from; i < pos && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, Math.max(0, pos - lineStart), StandardCharsets.UTF_8);
    return before.codePointCount(0, before.length()) + 1;
  }

  /**
   * The text's lines, split where YAML 1.1 (and so SnakeYAML) breaks a line: CR LF, or a lone CR,
   * LF, U+0085, U+2028 or U+2029 (the last three are refused). A break at the very end leaves an
   * empty last line.
   */
  static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    if (text.indexOf('\r') < 0 && text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
      // LF only (the usual case): String.indexOf finds the breaks.
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
      out.add(text.substring(start));
      return List.copyOf(out);
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return List.copyOf(out);
  }

  /** Characters YAML does not allow in a document (SnakeYAML would stop with an English message). */
  private boolean checkPrintable(String text) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); ) {
      char ch = text.charAt(i);
      if (ch >= 0x20 && ch < 0x7F || ch == '\t' || ch >= 0x4E00 && ch <= 0x9FFF || ch >= 0x3000 && ch <= 0x303F
          || ch >= 0xFF00 && ch <= 0xFFEF) {
        // Printable ASCII, tab, CJK ideographs, CJK punctuation, full-width forms: allowed by YAML,
        // none of them a format character or a line break.
        col++;
        i++;
        continue;
      }
      if (ch == '\n') {
        line++;
        col = 1;
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        add(Severity.ERROR, line, col, String.format(Locale.ROOT,
            "文件含有特殊换行符 U+%04X（常见于从 Word 或网页复制的文字）：请改为普通换行", cp));
        return false;
      }
      if (Character.getType(cp) == Character.FORMAT) {
        // Zero-width characters, direction controls, a byte-order mark inside the text: invisible,
        // they make a key or value that looks right differ from what it seems ("ci\u200Bty").
        add(Severity.ERROR, line, col, String.format(Locale.ROOT,
            "文件含有不可见字符 U+%04X（零宽字符或文字方向控制符，常见于从网页或 Word 复制的文字）："
                + "它使看起来相同的键或值实际不同，请删去", cp));
        return false;
      }
      if (!StreamReader.isPrintable(cp)) {
        add(Severity.ERROR, line, col, String.format(Locale.ROOT,
            "文件含有 YAML 不允许的字符 U+%04X：请删去（或从其他软件复制时改为普通文字）", cp));
        return false;
      }
      if (cp == '\n' || cp == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        col = 1;
      } else if (cp != '\r') {
        col++;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  // --- YAML error messages --------------------------------------------------------------------

  private String syntaxMessage(MarkedYAMLException e, Mark m) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    int at = m == null ? -1 : m.getLine();
    String src = (at >= 1 && at - 1 < lines.size() ? lines.get(at - 1) : "")
        + (at >= 0 && at < lines.size() ? lines.get(at) : "");
    String hint = src.contains("：") ? "；注意：键与值之间应使用半角冒号“:”加空格，而不是全角“：”" : "";
    String zh;
    if (problem.contains("TAB") || problem.contains("\t") || problem.contains("'\\t'")) {
      zh = "缩进中有制表符（Tab），请改用空格";
    } else if (problem.contains("mapping values are not allowed")) {
      zh = "此处不能出现“键: 值”（可能是缩进不对，或值中含有未加引号的“: ”）";
    } else if (problem.contains("could not find expected ':'")) {
      zh = "缺少冒号“:”（每一行应写成“键: 值”）";
    } else if (problem.contains("expected <block end>")) {
      zh = "缩进不一致（同一层的键应左对齐）";
    } else if (problem.contains("found unexpected end of stream")) {
      zh = "文件意外结束：引号或括号没有闭合";
    } else if (problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'")) {
      zh = "方括号或花括号内的写法有误（缺少逗号或右括号）";
      Mark open = e.getContextMark();
      if (open != null && m != null && open.getLine() != m.getLine()) {
        zh += "；括号从第 " + (open.getLine() + 1) + " 行第 " + (open.getColumn() + 1) + " 列开始";
      }
    } else if (problem.contains("found undefined alias")) {
      zh = "不支持 YAML 别名（*）：请直接写出每个值";
    } else if (problem.contains("found unknown escape character")) {
      zh = "双引号内有无效的转义字符“\\”：请改用单引号，或写成“\\\\”";
    } else if (problem.contains("found character '@'") || problem.contains("found character '`'")) {
      zh = "值不能以“@”或“`”开头：请给值加上引号";
    } else if (problem.contains("exceeds the limit") || problem.contains("aliases")) {
      zh = "YAML 别名过多（疑似“别名炸弹”），拒绝读取";
    } else if (problem.contains("Nesting Depth") || problem.contains("nesting")) {
      zh = "YAML 嵌套过深（超过 " + MAX_DEPTH + " 层），拒绝读取";
    } else {
      zh = "无法解析（YAML：" + plain((context.isEmpty() ? "" : context + "; ") + problem) + "）";
    }
    if (!zh.contains("引号")) {
      zh += unclosedQuote(at);
    }
    return "YAML 语法错误：" + zh + hint;
  }

  private static final Pattern QUOTED_VALUE_START = Pattern.compile("^[^#\"]*(?::|-)\\s+\"");

  /**
   * A double-quoted value left open runs on into the following lines, and YAML then complains
   * further down ("缩进不一致" on the next key). Names the nearest line above the problem (0-based
   * {@code at}) where a value opens a double quote that the line does not close.
   */
  private String unclosedQuote(int at) {
    for (int i = Math.min(at, lines.size() - 1); i >= 0 && i >= at - 10; i--) {
      String l = lines.get(i);
      long quotes = l.replace("\\\\", "").replace("\\\"", "").chars().filter(c -> c == '"').count();
      if (quotes % 2 == 1 && QUOTED_VALUE_START.matcher(l).find()) {
        return "；第 " + (i + 1) + " 行的双引号可能没有闭合";
      }
    }
    return "";
  }

  private static String plainYamlMessage(String message) {
    String m = message == null ? "" : message;
    if (m.contains("aliases")) {
      return "YAML 别名过多（疑似“别名炸弹”），拒绝读取";
    }
    if (m.contains("Nesting Depth") || m.contains("nesting")) {
      return "YAML 嵌套过深（超过 " + MAX_DEPTH + " 层），拒绝读取";
    }
    if (m.contains("exceeds the limit")) {
      return "文件过大，拒绝读取";
    }
    return "YAML 无法读取（" + plain(m) + "）";
  }

  private static String plain(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  // --- walking the node tree against the schema -----------------------------------------------

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
    return new Doc(file, values, listSizes, positions, written, lines);
  }

  private void walk(Node node, Type type, String path, int depth) {
    if (isRefused(node)) {
      return; // tag or anchor: already reported where it is written
    }
    if (hasAliases && seen.put(node, Boolean.TRUE) != null) {
      return; // an alias: already reported by the event scan
    }
    if (!isPlain(node.getTag())) {
      error(node, "不允许的 YAML 值类型 " + shortTag(node.getTag().getValue()) + "：政策文件只能包含普通的数字、文字、列表和映射");
      return;
    }
    if (depth > MAX_DEPTH) {
      error(node, "嵌套过深");
      return;
    }
    if (isNull(node)) {
      if (type instanceof Scalar s && s.required()) {
        error(node, "“" + display(path) + "”不能为空");
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
      error(node, "“" + display(path) + "”应为键值映射（下一层的“键: 值”），而不是" + describe(node));
      return;
    }
    Map<String, Node> firstSeen = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      if (isRefused(k) || hasAliases && seen.containsKey(k)) {
        continue; // tagged key, anchor or alias: already reported
      }
      if (k.getTag().equals(Tag.MERGE)) {
        error(k, "不支持 YAML 合并键“<<”：请直接写出每个值");
        continue;
      }
      if (!(k instanceof ScalarNode ks) || !isPlain(k.getTag()) || isNull(k)) {
        error(k, "键必须是普通文字");
        continue;
      }
      String key = ks.getValue();
      int bad = Hints.firstDisallowed(key);
      if (bad >= 0) {
        error(k, "键“" + Hints.clip(key) + "”含有" + Hints.describe(bad) + "：键只用英文字母、数字和下划线");
        continue;
      }
      String child = path.isEmpty() ? key : path + "." + key;
      Node prev = firstSeen.putIfAbsent(key, k);
      if (prev != null) {
        error(k, "重复的键“" + Hints.clip(key) + "”（第一次出现在第 " + (prev.getStartMark().getLine() + 1) + " 行）");
        continue;
      }
      Type ft = obj.fields().get(key);
      if (ft == null) {
        // Past the first problems of the walk (which goes in file order), a message can no longer be
        // among those listed: no hint is looked for (a file of 100,000 unknown keys stays cheap).
        boolean listed = diagnostics.size() - walkStart < PolicyLoader.MAX_DIAGNOSTICS;
        error(k, listed ? unknownKey(key, obj, path) : "未知的键“" + Hints.clip(key) + "”");
        continue;
      }
      Node v = t.getValueNode();
      // A scalar is located where its value is written; a mapping or list (and an empty value)
      // where its key is.
      boolean atValue = v instanceof ScalarNode sv && !(isNull(sv) && sv.getValue().isEmpty());
      written(child, pos(atValue ? v : k));
      walk(v, ft, child, depth + 1);
    }
    for (Map.Entry<String, Type> f : obj.fields().entrySet()) {
      if (f.getValue() instanceof Scalar s && s.required() && !firstSeen.containsKey(f.getKey())) {
        error(node, "缺少必填的键“" + f.getKey() + "”" + (path.isEmpty() ? "" : "（在 " + display(path) + " 中）"));
      }
    }
  }

  private void walkList(Node node, ListOf list, String path, int depth) {
    if (!(node instanceof SequenceNode seq)) {
      String hint = list.element() instanceof Obj ? "（每一项以“- ”开头）" : "（如 [a, b]，没有时写 []）";
      error(node, "“" + display(path) + "”应为列表" + hint + "，而不是" + describe(node));
      return;
    }
    List<Node> items = seq.getValue();
    boolean classes = path.endsWith(".classes");
    int max = classes ? MAX_CLASSES : MAX_LIST_ITEMS;
    if (items.size() > max) {
      error(node, "“" + display(path) + "”有 " + items.size() + " 项，超过上限 " + max + " 项"
          + (classes ? "（医院类别）" : "") + "：请检查文件是否重复或错误生成");
      return;
    }
    listSizes.put(path, items.size());
    String nameKey = path.equals("sources") ? "id" : "name";
    Map<String, Node> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String child = path + "[" + i + "]";
      Node item = items.get(i);
      if (isNull(item) && !isRefused(item)) {
        // "- null" or a bare "-": an item that says nothing would read as a class, source or
        // factor with every field unknown (or vanish from a list of words).
        error(item, "“" + display(path) + "”的第 " + (i + 1) + " 项为空：删去这一项，或写出它的内容");
        continue;
      }
      written(child, pos(item));
      walk(item, list.element(), child, depth + 1);
      if (list.element() instanceof Obj o && o.fields().containsKey(nameKey) && item instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(nameKey)) {
            if (t.getValueNode() instanceof ScalarNode v && !isNull(v) && isPlain(v.getTag())) {
              String name = v.getValue().strip();
              Node prev = names.putIfAbsent(name, v);
              if (prev != null) {
                String what = nameKey.equals("id") ? "来源 id" : "名称";
                error(v, "“" + display(path) + "”中" + what + "“" + Hints.clip(name) + "”重复（第一次出现在第 "
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
      int before = errorCount();
      walkObj(node, range, path, depth);
      if (errorCount() == before) {
        Double min = values.get(path + ".min") instanceof Number n ? n.doubleValue() : null;
        Double max = values.get(path + ".max") instanceof Number n ? n.doubleValue() : null;
        if (min != null && max != null && min > max) {
          error(node, "范围的 min（" + Hints.fmt(min) + "）大于 max（" + Hints.fmt(max) + "）");
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

  private int errorCount() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  private void walkScalar(Node node, Scalar s, String path) {
    if (!(node instanceof ScalarNode sn)) {
      error(node, "“" + display(path) + "”应为" + expectedKind(s) + "，而不是" + describe(node));
      return;
    }
    ScalarValues.Read r = ScalarValues.read("“" + display(path) + "”", path, sn.getValue(), s,
        sn.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN, sn.getTag());
    if (r.error() != null) {
      error(node, r.error());
      return;
    }
    if (r.warning() != null) {
      warning(node, r.warning());
    }
    values.put(path, r.value());
  }

  // ---------------------------------------------------------------------------------------------

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

  private static int line(Mark m) {
    return m.getLine() + 1;
  }

  private static int column(Mark m) {
    return m.getColumn() + 1;
  }

  private static Position pos(Node n) {
    return new Position(line(n.getStartMark()), column(n.getStartMark()));
  }

  private void error(Node n, String message) {
    add(Severity.ERROR, line(n.getStartMark()), column(n.getStartMark()), message);
  }

  private void warning(Node n, String message) {
    add(Severity.WARNING, line(n.getStartMark()), column(n.getStartMark()), message);
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
