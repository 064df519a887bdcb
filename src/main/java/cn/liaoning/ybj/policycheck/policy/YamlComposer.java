package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
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

/**
 * The YAML text to a node tree, in one pass over SnakeYAML's parser events: the tree is built as
 * SnakeYAML's composer would build it, and every explicit tag, anchor, alias and second document
 * is refused where it is written (the walker then skips the refused nodes). Only the parser runs:
 * no constructor, so no object is ever built from a tag.
 */
final class YamlComposer {
  private final ReadProblems problems;
  /** Nodes already reported by the event scan (tag, anchor), by kind and start index: not walked. */
  private final Set<String> refused = new HashSet<>();
  /** Whether the file has aliases (each already reported): a node may then be reached twice. */
  boolean hasAliases;

  YamlComposer(ReadProblems problems) {
    this.problems = problems;
  }

  /** The whole file must not be composed (alias bomb, several documents): already reported. */
  static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }

  private static LoaderOptions options() {
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(true); // duplicates are reported by the walker, with both positions
    opts.setMaxAliasesForCollections(PolicyReader.MAX_ALIASES);
    opts.setAllowRecursiveKeys(false);
    opts.setNestingDepthLimit(PolicyReader.MAX_DEPTH);
    opts.setCodePointLimit(PolicyReader.MAX_BYTES);
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
  Node compose(String text) {
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
   * (resolved by {@link PolicyReader.QuickResolver}), marks and styles; an alias stands for its anchor's node;
   * the same failures (undefined alias, nesting deeper than {@link PolicyReader#MAX_DEPTH}, more than
   * {@link PolicyReader#MAX_ALIASES} aliases of collections), in the same order. Comments are not parsed, so
   * there are none to attach. Every event is looked at once, as it is consumed: every explicit
   * tag, anchor and alias is refused where it is written; more than one document is refused; more
   * than {@link PolicyReader#MAX_ALIASES} aliases is an alias bomb.
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
        if (!(target instanceof ScalarNode) && ++collectionAliases > PolicyReader.MAX_ALIASES) {
          throw new YAMLException("Number of aliases for non-scalar nodes exceeds the specified max=" + PolicyReader.MAX_ALIASES);
        }
        return target;
      }
      String anchor = ((NodeEvent) peek()).getAnchor();
      if (depth > PolicyReader.MAX_DEPTH) {
        throw new YAMLException("Nesting Depth exceeded max " + PolicyReader.MAX_DEPTH);
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
          ? PolicyReader.QuickResolver.INSTANCE.resolve(NodeId.scalar, ev.getValue(), ev.getImplicit().canOmitTagInPlainScalar())
          : new Tag(tag);
      ScalarNode node = new ScalarNode(nodeTag, resolved, ev.getValue(), ev.getStartMark(), ev.getEndMark(), ev.getScalarStyle());
      anchor(anchor, node);
      return node;
    }

    private Node sequence(String anchor) {
      SequenceStartEvent start = (SequenceStartEvent) next();
      String tag = start.getTag();
      boolean resolved = tag == null || tag.equals("!");
      Tag nodeTag = resolved ? PolicyReader.QuickResolver.INSTANCE.resolve(NodeId.sequence, null, start.getImplicit()) : new Tag(tag);
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
      Tag nodeTag = resolved ? PolicyReader.QuickResolver.INSTANCE.resolve(NodeId.mapping, null, start.getImplicit()) : new Tag(tag);
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
          problems.add(Severity.ERROR, ReadProblems.line(ev.getStartMark()), ReadProblems.column(ev.getStartMark()),
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
        problems.add(Severity.ERROR, ReadProblems.line(ev.getStartMark()), ReadProblems.column(ev.getStartMark()),
            "不允许使用 YAML 标签（" + shortTag(tag) + "）：政策文件只能包含普通的数字、文字、列表和映射，请删去标签"
                + "（文字可加引号）");
      }
      if (n.getAnchor() != null) {
        refused.add(key);
        problems.add(Severity.ERROR, ReadProblems.line(ev.getStartMark()), ReadProblems.column(ev.getStartMark()),
            "不支持 YAML 锚点（&" + Hints.clip(n.getAnchor()) + "）：请直接写出每个值");
      }
    }

    /**
     * After the whole stream: reports the aliases (or the alias bomb). Returns false when the
     * file must not be walked (alias bomb, several documents).
     */
    boolean finish() {
      if (aliases.size() > PolicyReader.MAX_ALIASES) {
        Mark m = aliases.get(0).getStartMark();
        problems.add(Severity.ERROR, ReadProblems.line(m), ReadProblems.column(m),
            "YAML 别名过多（" + aliases.size() + " 个，疑似“别名炸弹”），拒绝读取；政策文件不应使用锚点（&）和别名（*）");
        return false;
      }
      for (AliasEvent a : aliases) {
        problems.add(Severity.ERROR, ReadProblems.line(a.getStartMark()), ReadProblems.column(a.getStartMark()),
            "不支持 YAML 别名（*" + Hints.clip(a.getAnchor()) + "）：请直接写出每个值");
      }
      hasAliases = !aliases.isEmpty();
      return ok;
    }
  }

  boolean isRefused(Node n) {
    return !refused.isEmpty() && refused.contains((n instanceof ScalarNode ? "S" : "C") + n.getStartMark().getIndex());
  }

  static String shortTag(String tag) {
    String t = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    return Hints.clip(t);
  }
}
