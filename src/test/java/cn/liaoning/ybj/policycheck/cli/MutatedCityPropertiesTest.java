package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Property-based tests: valid city files (the compliant fixture and Shenyang) mutated at random —
 * nodes deleted, duplicated, retyped, perturbed, keys misspelt; lines deleted, duplicated,
 * re-indented, characters inserted, the file cut short — must each get a clear answer:
 *
 * <ul>
 *   <li>nothing throws, nothing reaches stderr but the tool's own messages, the exit status is 0, 1
 *       or 2, and every try finishes in bounded time;
 *   <li>a rejected file has at least one error, each placed on a line of the file;
 *   <li>an accepted file loses no value it states, and reads every number, truth value and date as
 *       YAML does;
 *   <li>a value the file states is never reported as missing (indeterminate), and a missing one is
 *       never reported as a pass.
 * </ul>
 */
class MutatedCityPropertiesTest {
  private static final LocalDate AS_OF = TestSupport.AS_OF;
  /** Longest one in-process try may take: loading and checking one city. */
  private static final long BOUND_MILLIS = 5_000;

  private static Checker checker;
  private static PolicyLoader loader;
  private static final Map<String, String> BASES = new LinkedHashMap<>();

  private static final AtomicInteger TRIES = new AtomicInteger();
  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static final AtomicLong SLOWEST = new AtomicLong();
  private static volatile String slowestCase = "";

  @BeforeContainer
  static void setUp() throws IOException {
    checker = CheckCommand.checker();
    loader = new PolicyLoader(checker.catalogue().entries().keySet());
    BASES.put("compliant.yaml", TestSupport.compliant());
    BASES.put("shenyang.yaml", Files.readString(Path.of("city-policies/shenyang.yaml")));
    for (Map.Entry<String, String> b : BASES.entrySet()) {
      PolicyLoader.Loaded l = loader.load(b.getKey(), b.getValue());
      if (!l.ok() || !l.diagnostics().isEmpty()) {
        throw new AssertionError("the unmutated " + b.getKey() + " must load cleanly: " + l.diagnostics());
      }
      checker.check(l.policy(), AS_OF); // warm up
    }
  }

  @AfterContainer
  static void summary() {
    System.out.printf("mutated city files: %d tries, %d accepted and checked, %d rejected, 0 crashes, slowest %d ms (%s)%n",
        TRIES.get(), ACCEPTED.get(), TRIES.get() - ACCEPTED.get(), SLOWEST.get(), slowestCase);
  }

  // --- stderr: nothing may reach it during a try ----------------------------------------------

  private PrintStream realErr;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @BeforeProperty
  void captureStderr() {
    realErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterProperty
  void releaseStderr() {
    System.setErr(realErr);
  }

  private void assertStderrEmpty(Mutant m) {
    if (captured.size() > 0) {
      String text = captured.toString(StandardCharsets.UTF_8);
      captured.reset();
      throw new AssertionError("something wrote to stderr while checking " + m + ":\n" + text);
    }
  }

  // --- the properties --------------------------------------------------------------------------

  /**
   * Seeded, so that every run (and CI) tries the same mutants and a failure reproduces; change the
   * seed to explore others. About 2,300 tries in all, well within a minute.
   */
  @Property(tries = 2000, seed = "20260630")
  void mutatedFileGetsAClearAnswerInBoundedTime(@ForAll("mutants") Mutant m) {
    String text = m.text();
    captured.reset(); // only what is written while the tool runs counts (not jqwik's own notes)
    long start = System.nanoTime();
    PolicyLoader.Loaded l;
    CityResult result = null;
    try {
      l = loader.load(m.base(), text.getBytes(StandardCharsets.UTF_8));
      if (l.ok()) {
        result = checker.check(l.policy(), AS_OF);
      }
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new AssertionError("crash on " + m + "\n--- file ---\n" + text, e);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    record(m, millis);
    assertStderrEmpty(m);
    check(millis <= BOUND_MILLIS, m, "took " + millis + " ms");

    int lines = text.split("\r\n|\r|\n", -1).length;
    for (Diagnostic d : l.diagnostics()) {
      check(d.line() >= 0 && d.line() <= lines + 1 && d.column() >= 0, m, "diagnostic off the file: " + d.format());
      check(!d.message().isBlank() && !d.message().contains("Exception") && !d.message().contains("内部错误"), m,
          "not a clear message: " + d.format());
    }
    if (!l.ok()) {
      check(l.diagnostics().stream().anyMatch(Diagnostic::isError), m, "rejected without an error");
      return; // exit status 2
    }
    ACCEPTED.incrementAndGet();
    check(l.diagnostics().stream().noneMatch(Diagnostic::isError), m, "accepted with an error");
    CityPolicy policy = l.policy();
    for (Map.Entry<String, Object> e : policy.doc().values().entrySet()) {
      check(!(e.getValue() instanceof String v) || cn.liaoning.ybj.policycheck.policy.Hints.firstDisallowed(v) < 0, m,
          "accepted a control or invisible character in " + e.getKey()); // after YAML's escapes are decoded
    }
    statedValuesAreReadAsYamlReadsThem(m, text, policy.doc());
    findingsMatchWhatTheFileStates(m, policy.doc(), result);
  }

  @Property(tries = 300, seed = "17")
  void mutatedFileThroughTheCommandLine(@ForAll("mutants") Mutant m, @ForAll boolean json) throws IOException {
    Path dir = Files.createTempDirectory("mutant");
    try {
      Path file = dir.resolve(m.base());
      Files.write(file, m.text().getBytes(StandardCharsets.UTF_8));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      String[] args = json
          ? new String[] {"check", "--as-of", AS_OF.toString(), "--format", "json", file.toString()}
          : new String[] {"check", "--as-of", AS_OF.toString(), "--color", "never", file.toString()};
      captured.reset();
      long start = System.nanoTime();
      int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      record(m, millis);
      assertStderrEmpty(m);
      check(millis <= BOUND_MILLIS, m, "took " + millis + " ms");
      check(code == 0 || code == 1 || code == 2, m, "exit status " + code + "\n" + err);
      for (String line : err.toString().split("\n")) {
        check(line.isEmpty() || line.startsWith(file + ":") || line.startsWith(file + ": ") || line.startsWith("    "), m,
            "stderr line that is not the tool's message: " + line);
      }
      for (String s : List.of(out.toString(), err.toString())) {
        check(!s.contains("Exception") && !s.contains("\tat ") && !s.contains("内部错误"), m, "crash marks in output:\n" + s);
      }
      check(code == 2 || !out.toString().isEmpty(), m, "an accepted file produced no report");
      for (String line : (out + "\n" + err).split("\n")) {
        check(!line.startsWith("::"), m, "a line of the output starts with text from the file: " + line);
      }
      if (code != 2) {
        ACCEPTED.incrementAndGet();
      }
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static void record(Mutant m, long millis) {
    TRIES.incrementAndGet();
    if (millis > SLOWEST.get()) {
      SLOWEST.set(millis);
      slowestCase = m.toString();
    }
  }

  private static void check(boolean ok, Mutant m, String what) {
    if (!ok) {
      throw new AssertionError(what + "\n" + m + "\n--- file ---\n" + m.text());
    }
  }

  // --- stated values ---------------------------------------------------------------------------

  /**
   * Every value the accepted file states (a non-null scalar anywhere in it, as SnakeYAML's own
   * composer sees the document) is in the loaded document; numbers, truth values and dates mean
   * what standard YAML reading gives (so 010 cannot quietly become ten, nor 1:30 a string).
   */
  @SuppressWarnings("unchecked")
  private static void statedValuesAreReadAsYamlReadsThem(Mutant m, String text, Doc doc) {
    Node root = new Yaml().compose(new StringReader(text));
    Map<String, ScalarNode> leaves = new LinkedHashMap<>();
    leaves(root, "", leaves);
    Object constructed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    for (Map.Entry<String, ScalarNode> e : leaves.entrySet()) {
      String path = e.getKey();
      Object read = doc.values().get(path);
      check(read != null, m, "the file states " + path + " = " + e.getValue().getValue() + ", the loader lost it");
      Object yaml = at(constructed, path);
      if (read instanceof Number n) {
        check(yaml instanceof Number y && new BigDecimal(y.toString()).compareTo(BigDecimal.valueOf(n.doubleValue())) == 0,
            m, path + ": loader read " + n + ", YAML reads " + yaml);
      } else if (read instanceof Boolean b) {
        check(b.equals(yaml), m, path + ": loader read " + b + ", YAML reads " + yaml);
      } else if (read instanceof LocalDate d) {
        LocalDate y = yaml instanceof Date date ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
            : yaml instanceof String s ? LocalDate.parse(s.trim()) : null;
        check(d.equals(y), m, path + ": loader read " + d + ", YAML reads " + yaml);
      }
    }
  }

  private static void leaves(Node n, String path, Map<String, ScalarNode> out) {
    if (n instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        leaves(t.getValueNode(), path.isEmpty() ? key : path + "." + key, out);
      }
    } else if (n instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size(); i++) {
        leaves(seq.getValue().get(i), path + "[" + i + "]", out);
      }
    } else if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      out.put(path, s);
    }
  }

  /** The value at a path ({@code a.b[2].c}) of a constructed document. */
  private static Object at(Object root, String path) {
    Object cur = root;
    for (String step : path.split("\\.")) {
      int br = step.indexOf('[');
      String key = br < 0 ? step : step.substring(0, br);
      cur = cur instanceof Map<?, ?> map ? map.get(key) : null;
      while (br >= 0) {
        int end = step.indexOf(']', br);
        int i = Integer.parseInt(step.substring(br + 1, end));
        cur = cur instanceof List<?> list && i < list.size() ? list.get(i) : null;
        br = step.indexOf('[', end);
      }
    }
    return cur;
  }

  // --- findings against the file ---------------------------------------------------------------

  /**
   * A pass whose path is not itself stated: the rule decides from a derived quantity, and the
   * path names the field that would state it exactly. Allowed only for this rule, this path, and
   * while the file states the value it is derived from.
   */
  private record Derived(String path, String from, String why) {}

  private static final Map<String, Derived> PASS_ON_DERIVED_PATH = Map.of(
      // Only the combined rate (medical + maternity) is published: the medical rate lies in
      // [combined − maternity cap, combined] (26号 二(二), 2号 一(三)4); the rule passes when the
      // whole interval passes.
      "EMP-RATE-EMPLOYER-BAND", new Derived("employee.contribution.employer_rate_pct",
          "employee.contribution.employer_combined_rate_pct", "interval from the combined rate"),
      "EMP-RATE-EMPLOYER-RISK", new Derived("employee.contribution.employer_rate_pct",
          "employee.contribution.employer_combined_rate_pct", "interval from the combined rate"));

  /**
   * Fields whose format has an explicit "not known" value: {@code fund.*: unknown} states that the
   * fund's condition is not known, exactly like null.
   */
  private static final Map<String, String> NOT_KNOWN_VALUES = Map.of("fund.employee", "unknown", "fund.resident", "unknown");

  /**
   * The file states a value at the path: a non-null scalar (or a range), as {@link Doc#values()}
   * holds them. A list is a container: an indeterminate finding that names a list says an item is
   * missing from it (a class of some tier), which is not a stated value.
   */
  private static boolean statesValue(Doc doc, String path) {
    Object v = path == null ? null : doc.values().get(path);
    return v != null && !v.equals(NOT_KNOWN_VALUES.get(path));
  }

  /** What a pass may rest on: a stated value, or a written list (an empty list states "none"). */
  private static boolean statesValueOrList(Doc doc, String path) {
    return statesValue(doc, path) || path != null && doc.size(path) >= 0;
  }

  private static void findingsMatchWhatTheFileStates(Mutant m, Doc doc, CityResult result) {
    for (Finding f : result.findings()) {
      if (f.status() == Status.INDETERMINATE) {
        // With every parameter in force at the as-of date, a rule that lacks data says which field.
        check(f.path() != null, m, f.rule() + " reached no conclusion and names no field: " + f.message());
        check(!statesValue(doc, f.path()), m,
            f.rule() + " reports the stated " + f.path() + " = " + doc.values().get(f.path()) + " as missing: " + f.message());
      }
      if (f.status() == Status.PASS) {
        check(f.path() != null, m, f.rule() + " passes without naming what decided it");
        Derived d = PASS_ON_DERIVED_PATH.get(f.rule());
        boolean derived = d != null && d.path().equals(f.path()) && statesValue(doc, d.from());
        check(statesValueOrList(doc, f.path()) || derived, m,
            f.rule() + " passes on " + f.path() + ", which the file does not state: " + f.message());
      }
    }
  }

  // --- mutations -------------------------------------------------------------------------------

  enum Kind {
    // on the YAML node tree
    DELETE_NODE, DUPLICATE_NODE, RETYPE_VALUE, PERTURB_NUMBER, NULL_VALUE, MISSPELL_KEY, ALIAS_NODE,
    // on the text
    DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, REINDENT_LINE, INSERT_CHAR, DELETE_CHAR, REPLACE_VALUE, TRUNCATE, CRLF_OR_BOM
  }

  /** One edit: what, where (an index taken modulo the candidates) and which variant. */
  record Mutation(Kind kind, int where, int which) {}

  /** A base file and the edits made to it, applied in order. */
  record Mutant(String base, List<Mutation> mutations) {
    String text() {
      String t = BASES.get(base);
      for (Mutation mu : mutations) {
        t = apply(t, mu);
      }
      return t;
    }

    @Override
    public String toString() {
      return base + " " + mutations;
    }
  }

  @Provide
  Arbitrary<Mutant> mutants() {
    // Edits that keep the file readable come more often, so that many mutants get past the loader
    // and their findings can be held against what they state.
    Arbitrary<Kind> kinds = Arbitraries.frequency(
        Tuple.of(6, Kind.PERTURB_NUMBER), Tuple.of(5, Kind.DELETE_NODE),
        Tuple.of(5, Kind.NULL_VALUE), Tuple.of(3, Kind.RETYPE_VALUE),
        Tuple.of(2, Kind.DUPLICATE_NODE), Tuple.of(1, Kind.MISSPELL_KEY),
        Tuple.of(1, Kind.ALIAS_NODE), Tuple.of(1, Kind.DELETE_LINE),
        Tuple.of(1, Kind.DUPLICATE_LINE), Tuple.of(1, Kind.SWAP_LINES),
        Tuple.of(1, Kind.REINDENT_LINE), Tuple.of(1, Kind.INSERT_CHAR),
        Tuple.of(1, Kind.DELETE_CHAR), Tuple.of(2, Kind.REPLACE_VALUE),
        Tuple.of(1, Kind.TRUNCATE), Tuple.of(1, Kind.CRLF_OR_BOM));
    Arbitrary<Mutation> one = Combinators.combine(
            kinds, Arbitraries.integers().between(0, 9_999), Arbitraries.integers().between(0, 999))
        .as(Mutation::new);
    return Combinators.combine(Arbitraries.of("compliant.yaml", "shenyang.yaml"), one.list().ofMinSize(1).ofMaxSize(4))
        .as(Mutant::new);
  }

  static String apply(String text, Mutation mu) {
    return switch (mu.kind()) {
      case DELETE_NODE, DUPLICATE_NODE, RETYPE_VALUE, PERTURB_NUMBER, NULL_VALUE, MISSPELL_KEY, ALIAS_NODE -> onTree(text, mu);
      default -> onText(text, mu);
    };
  }

  /** Values a careless or hostile editor might put anywhere. */
  private static final List<Node> REPLACEMENTS = List.of(
      scalar(Tag.STR, "八万"), scalar(Tag.STR, "8%"), scalar(Tag.STR, ""), scalar(Tag.STR, "是"),
      scalar(Tag.STR, "next month"), scalar(Tag.STR, "2026-02-30"), scalar(Tag.STR, "12-31"),
      scalar(Tag.INT, "-1"), scalar(Tag.INT, "0"), scalar(Tag.INT, "4"), scalar(Tag.INT, "300"),
      scalar(Tag.INT, "99999999999999999999"), scalar(Tag.FLOAT, "0.08"), scalar(Tag.FLOAT, "1.0e+12"),
      scalar(Tag.FLOAT, "2.5"), scalar(Tag.NULL, "null"), scalar(Tag.BOOL, "true"), scalar(Tag.BOOL, "false"),
      scalar(Tag.TIMESTAMP, "2026-01-01"), scalar(Tag.STR, "unknown"), scalar(Tag.STR, "per_visit"),
      new SequenceNode(Tag.SEQ, List.of(scalar(Tag.INT, "1"), scalar(Tag.INT, "2")), DumperOptions.FlowStyle.FLOW),
      new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.FLOW),
      new MappingNode(Tag.MAP, List.of(new NodeTuple(scalar(Tag.STR, "a"), scalar(Tag.INT, "1"))), DumperOptions.FlowStyle.FLOW));

  private static ScalarNode scalar(Tag tag, String value) {
    return new ScalarNode(tag, value, null, null, DumperOptions.ScalarStyle.PLAIN);
  }

  /** A place in the tree: entry {@code index} of a mapping's tuples or of a sequence's items. */
  private record Slot(Node parent, int index) {
    Node value() {
      return parent instanceof MappingNode m ? m.getValue().get(index).getValueNode() : ((SequenceNode) parent).getValue().get(index);
    }

    void set(Node v) {
      if (parent instanceof MappingNode m) {
        m.getValue().set(index, new NodeTuple(m.getValue().get(index).getKeyNode(), v));
      } else {
        ((SequenceNode) parent).getValue().set(index, v);
      }
    }
  }

  private static String onTree(String text, Mutation mu) {
    Node root;
    try {
      root = new Yaml().compose(new StringReader(text));
    } catch (RuntimeException e) {
      return text; // an earlier text edit broke the YAML: nothing to edit as a tree
    }
    if (root == null) {
      return text;
    }
    List<Slot> slots = new ArrayList<>();
    slots(root, slots);
    if (slots.isEmpty()) {
      return text;
    }
    Slot s = slots.get(mu.where() % slots.size());
    switch (mu.kind()) {
      case DELETE_NODE -> {
        if (s.parent() instanceof MappingNode m) {
          m.getValue().remove(s.index());
        } else {
          ((SequenceNode) s.parent()).getValue().remove(s.index());
        }
      }
      case DUPLICATE_NODE -> {
        if (s.parent() instanceof MappingNode m) {
          NodeTuple t = m.getValue().get(s.index());
          m.getValue().add(s.index() + 1, new NodeTuple(copy(t.getKeyNode()), copy(t.getValueNode())));
        } else {
          List<Node> items = ((SequenceNode) s.parent()).getValue();
          items.add(s.index() + 1, copy(items.get(s.index())));
        }
      }
      case RETYPE_VALUE -> s.set(copy(REPLACEMENTS.get(mu.which() % REPLACEMENTS.size())));
      case NULL_VALUE -> s.set(scalar(Tag.NULL, "null"));
      case PERTURB_NUMBER -> {
        List<Slot> numbers = slots.stream()
            .filter(x -> x.value() instanceof ScalarNode n && (n.getTag().equals(Tag.INT) || n.getTag().equals(Tag.FLOAT)))
            .toList();
        if (!numbers.isEmpty()) {
          Slot n = numbers.get(mu.where() % numbers.size());
          try {
            n.set(perturb(new BigDecimal(((ScalarNode) n.value()).getValue().replace("_", "")), mu.which()));
          } catch (NumberFormatException e) {
            return text; // 0x10, 1:30, .inf: YAML numbers that are not decimals; left as they are
          }
        }
      }
      case MISSPELL_KEY -> {
        if (s.parent() instanceof MappingNode m && m.getValue().get(s.index()).getKeyNode() instanceof ScalarNode k) {
          m.getValue().set(s.index(), new NodeTuple(scalar(Tag.STR, misspell(k.getValue(), mu.which())),
              m.getValue().get(s.index()).getValueNode()));
        }
      }
      case ALIAS_NODE -> s.set(slots.get(mu.which() % slots.size()).value()); // the serializer writes &anchor / *alias
      default -> throw new IllegalStateException(mu.kind().toString());
    }
    DumperOptions opts = new DumperOptions();
    opts.setAllowUnicode(true);
    opts.setWidth(200);
    try {
      StringWriter w = new StringWriter();
      new Yaml(opts).serialize(root, w);
      return w.toString();
    } catch (RuntimeException e) {
      return text; // e.g. an alias to its own ancestor cannot be written out
    }
  }

  private static void slots(Node root, List<Slot> out) {
    slots(root, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  /** Each node once: an earlier ALIAS_NODE may have made the tree a graph with cycles. */
  private static void slots(Node n, List<Slot> out, Set<Node> seen) {
    if (!seen.add(n)) {
      return;
    }
    if (n instanceof MappingNode m) {
      for (int i = 0; i < m.getValue().size(); i++) {
        out.add(new Slot(m, i));
        slots(m.getValue().get(i).getValueNode(), out, seen);
      }
    } else if (n instanceof SequenceNode s) {
      for (int i = 0; i < s.getValue().size(); i++) {
        out.add(new Slot(s, i));
        slots(s.getValue().get(i), out, seen);
      }
    }
  }

  private static Node copy(Node n) {
    return copy(n, 0);
  }

  private static Node copy(Node n, int depth) {
    if (depth > 50) {
      return scalar(Tag.NULL, "null"); // a cycle made by ALIAS_NODE: cut it
    }
    if (n instanceof ScalarNode s) {
      return new ScalarNode(s.getTag(), s.getValue(), null, null, s.getScalarStyle());
    }
    if (n instanceof SequenceNode s) {
      List<Node> items = new ArrayList<>();
      s.getValue().forEach(i -> items.add(copy(i, depth + 1)));
      return new SequenceNode(s.getTag(), items, s.getFlowStyle());
    }
    MappingNode m = (MappingNode) n;
    List<NodeTuple> tuples = new ArrayList<>();
    m.getValue().forEach(t -> tuples.add(new NodeTuple(copy(t.getKeyNode()), copy(t.getValueNode()))));
    return new MappingNode(m.getTag(), tuples, m.getFlowStyle());
  }

  /** A nearby or an extreme value: off by one, ten times, a hundredth, zero, negative, … */
  private static ScalarNode perturb(BigDecimal v, int which) {
    BigDecimal out = switch (which % 10) {
      case 0 -> v.add(BigDecimal.ONE);
      case 1 -> v.subtract(BigDecimal.ONE);
      case 2 -> v.multiply(BigDecimal.TEN);
      case 3 -> v.movePointLeft(2);
      case 4 -> BigDecimal.ZERO;
      case 5 -> v.negate();
      case 6 -> v.add(new BigDecimal("0.5"));
      case 7 -> v.subtract(new BigDecimal("0.01"));
      case 8 -> v.multiply(new BigDecimal("1000000"));
      default -> new BigDecimal(which);
    };
    String text = out.stripTrailingZeros().toPlainString();
    return scalar(text.contains(".") ? Tag.FLOAT : Tag.INT, text);
  }

  private static String misspell(String word, int which) {
    if (word.isEmpty()) {
      return "x";
    }
    int i = which % word.length();
    return switch (which % 4) {
      case 0 -> word.substring(0, i) + word.substring(i + 1); // a letter dropped
      case 1 -> i + 1 < word.length() ? word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2)
          : word + "s"; // two letters swapped
      case 2 -> word.toUpperCase(java.util.Locale.ROOT);
      default -> word.replace('_', '-');
    };
  }

  /** Characters that break YAML, or look alike, or cannot be seen. */
  private static final String[] INSERTS = {
    ":", "\"", "'", "[", "{", "]", "}", "#", "&a ", "*a", "!!str ", "!x ", "\t", "：", "％", "\u200b", "\u00a0",
    "- ", "|", ">", "@", "`", "\\", ",", "?", "%", "\u3000", "0", "-", ".", "e", "\u202e", "\uFEFF", "\r"
  };

  /** Values a careless editor might write after a colon. */
  private static final String[] VALUES = {
    "八万", "8%", "0.08", "-1", "null", "~", "[]", "{}", "yes", "2026-02-30", "1e400", ".nan", "0x10", "010", "1:30",
    "'", "\"unterminated", "3万元", "80,000", "*a", "&a 1", "!!float 1", "next month", "", "- 1", "{min: 9, max: 1}",
    "2027-12-31", "12-31", "true", "1_000", "+5", ".5", "5.", "0o17",
    // issue 17: escapes that decode to control or invisible characters, unbounded numbers, ranges
    "\"沈阳市\\n::error file=README.md,line=1::FORGED\"", "\"a\\e[2J\"", "\"\\x01\"", "\"\\0\"", "\"\\N\"", "\"\\L\"",
    "\"三级\\u200b\"", "\"\\u202e\"", "\"\\uD800\"", "\"\\uFFFE\"", "|\n  a\n  b", "1e-999999999", "1e-2147483647",
    "1e999999999", "299.99999999999999999", "299.999999999999", "{min: 100, max: 100}", "{min: null, max: null}",
    "0" + "1".repeat(300) + "x", "1" + " ".repeat(300) + "z", "1" + " ".repeat(300) + "元"
  };

  private static String onText(String text, Mutation mu) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int n = lines.size();
    int i = mu.where() % n;
    switch (mu.kind()) {
      case DELETE_LINE -> lines.remove(i);
      case DUPLICATE_LINE -> lines.add(i, lines.get(i));
      case SWAP_LINES -> {
        if (i + 1 < n) {
          String a = lines.get(i);
          lines.set(i, lines.get(i + 1));
          lines.set(i + 1, a);
        }
      }
      case REINDENT_LINE -> {
        String l = lines.get(i);
        lines.set(i, switch (mu.which() % 4) {
          case 0 -> " " + l;
          case 1 -> l.startsWith(" ") ? l.substring(1) : l;
          case 2 -> "  " + l;
          default -> "\t" + l.stripLeading();
        });
      }
      case INSERT_CHAR -> {
        String l = lines.get(i);
        int at = l.isEmpty() ? 0 : mu.which() % (l.length() + 1);
        lines.set(i, l.substring(0, at) + INSERTS[mu.which() % INSERTS.length] + l.substring(at));
      }
      case DELETE_CHAR -> {
        String l = lines.get(i);
        if (!l.isEmpty()) {
          int at = mu.which() % l.length();
          lines.set(i, l.substring(0, at) + l.substring(at + 1));
        }
      }
      case REPLACE_VALUE -> {
        String l = lines.get(i);
        int colon = l.indexOf(": ");
        if (colon >= 0) {
          int comment = l.indexOf(" #", colon);
          lines.set(i, l.substring(0, colon + 2) + VALUES[mu.which() % VALUES.length] + (comment > 0 ? l.substring(comment) : ""));
        }
      }
      case TRUNCATE -> {
        int cut = (int) ((long) text.length() * mu.where() / 10_000);
        return text.substring(0, Math.min(cut, text.length()));
      }
      case CRLF_OR_BOM -> {
        return mu.which() % 2 == 0 ? text.replace("\r\n", "\n").replace("\n", "\r\n") : "\uFEFF" + text;
      }
      default -> throw new IllegalStateException(mu.kind().toString());
    }
    return String.join("\n", lines);
  }

}
