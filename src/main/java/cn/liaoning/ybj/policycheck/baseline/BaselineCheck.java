package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.Check;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Outcome;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Position;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Source;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.function.BiConsumer;

/**
 * Checks proposed city files against a baseline: each file's baseline is read and checked as it
 * stands; the proposal is checked with the baseline-mode facts ({@link BaselineMode} and one
 * {@link Change} per changed parameter); then every problem is classed as new, fixed or unchanged
 * by (rule id, field path, status) within the city.
 */
public final class BaselineCheck {
  /** The statuses that are problems, and so are classed. */
  static final Set<Status> PROBLEMS = EnumSet.of(Status.VIOLATION, Status.WARNING, Status.INDETERMINATE);

  private final Checker checker;
  private final BaselineSource source;
  private final PolicyLoader loader;

  public BaselineCheck(Checker checker, BaselineSource source) {
    this.checker = checker;
    this.source = source;
    this.loader = new PolicyLoader(checker.catalogue().entries().keySet());
  }

  /**
   * What was learnt about one proposal's baseline while checking it; {@code error} when its
   * baseline could not be read (the file is then reported, not checked).
   */
  private record Side(String label, CityResult baseline, CityPolicy base, CityPolicy proposal, String note, Alignment alignment,
      List<Change> changes, Diagnostic error) {
    Side(String label, CityResult baseline, CityPolicy base, CityPolicy proposal, String note, Alignment alignment,
        List<Change> changes) {
      this(label, baseline, base, proposal, note, alignment, changes, null);
    }
  }

  /** Carries a {@link BaselineException} out of the batch's callback and the listing thread. */
  private static final class Unreadable extends RuntimeException {
    final BaselineException cause;

    Unreadable(BaselineException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }
  }

  /**
   * @param args proposed files or directories
   * @throws BaselineException when the baseline cannot be read at all (bad directory or revision)
   */
  public Comparison run(List<Path> args, LocalDate asOf, BiConsumer<Integer, Integer> progress) throws BaselineException {
    Map<String, Side> sides = new ConcurrentHashMap<>(); // filled by the checking threads
    // The baseline's listing of each directory (for deleted files) is read while the files are checked.
    FutureTask<Map<Path, List<String>>> listings = new FutureTask<>(() -> {
      try {
        return listings(args);
      } catch (BaselineException e) {
        throw new Unreadable(e);
      }
    });
    Thread lister = new Thread(listings, "baseline-list");
    lister.setDaemon(true);
    lister.start();
    RunResult run;
    try {
      run = new Batch(checker).run(args, asOf, progress, policy -> {
        try {
          return baselineFacts(policy, asOf, sides);
        } catch (BaselineException e) {
          throw new Unreadable(e);
        }
      });
    } catch (Unreadable u) {
      throw u.cause;
    }
    // A file whose own baseline cannot be read is reported like an unreadable file; the others stand.
    List<Diagnostic> errors = new ArrayList<>(run.errors());
    List<CityResult> kept = new ArrayList<>();
    for (CityResult c : run.cities()) {
      Side s = sides.get(c.file());
      if (s != null && s.error() != null) {
        errors.add(s.error());
      } else {
        kept.add(c);
      }
    }
    run = new RunResult(run.asOf(), List.copyOf(kept), List.copyOf(errors));
    Map<String, CityDiff> diffs = new LinkedHashMap<>();
    List<CityResult> cities = new ArrayList<>();
    for (CityResult c : run.cities()) {
      CityResult r = dueBeforeMerge(c);
      Side s = sides.get(r.file());
      diffs.put(r.file(), classify(r, s, asOf));
      cities.add(r);
    }
    List<Diagnostic> deletedErrors = new ArrayList<>();
    Map<Path, List<String>> listed;
    try {
      listed = Batch.join(listings);
    } catch (Unreadable u) {
      throw u.cause;
    }
    cities.addAll(deleted(listed, asOf, diffs, deletedErrors));
    List<Diagnostic> all = new ArrayList<>(run.errors());
    all.addAll(deletedErrors);
    return new Comparison(source.ref(), new RunResult(run.asOf(), List.copyOf(cities), List.copyOf(all)), diffs);
  }

  /** The baseline's city file names in each directory argument (once per directory), in argument order. */
  private Map<Path, List<String>> listings(List<Path> args) throws BaselineException {
    Map<Path, List<String>> out = new LinkedHashMap<>();
    Set<Path> seen = new java.util.HashSet<>();
    for (Path dir : args) {
      if (Files.isDirectory(dir) && seen.add(dir.toAbsolutePath().normalize())) {
        out.put(dir, source.list(dir));
      }
    }
    return out;
  }

  /** The rule of approvals: a deleted city file's conclusion (every parameter removed, none approved), and data entry's. */
  public static final String PROCESS_RULE = "PROC-APPROVAL";

  /**
   * The city files that the baseline has in a proposed directory and the proposal no longer has.
   * Deleting a file removes all of a city's parameters at once and takes the city out of the
   * check: without this, a proposal that deletes a city's file would pass the gate with every one
   * of its violations gone. Each such file becomes a result with one new {@value #PROCESS_RULE}
   * violation (no approval can be listed in a file that is gone), which fails the gate.
   */
  private List<CityResult> deleted(Map<Path, List<String>> listings, LocalDate asOf, Map<String, CityDiff> diffs,
      List<Diagnostic> errors) throws BaselineException {
    List<CityResult> out = new ArrayList<>();
    for (Map.Entry<Path, List<String>> listing : listings.entrySet()) {
      Path dir = listing.getKey();
      for (String name : listing.getValue()) {
        Path file = dir.resolve(name);
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        BaselineSource.Prior prior;
        try {
          prior = source.read(file);
        } catch (BaselineException e) {
          if (!e.oneFile()) {
            throw e;
          }
          errors.add(unreadableBaseline(file.toString(), e));
          continue;
        }
        if (prior == null) {
          continue;
        }
        PolicyLoader.Loaded l = loader.load(prior.label(), prior.bytes());
        CityPolicy base = l.ok() ? l.policy() : null;
        String city = base == null || base.city() == null ? name : base.city();
        Catalogue.Entry entry = checker.catalogue().get(PROCESS_RULE);
        Check c = new Check(PROCESS_RULE, entry.clause(), Outcome.FAIL, null, null, "文件已删除",
            "省级批准文号（approvals）",
            "城市文件已删除（基线 " + prior.label() + " 中有）：删除文件即删除了" + city
                + "的全部政策参数，该市不再受合规检查，也无法在 approvals 中列明省级批准。政策调整应修改文件内容并列明批准文号；"
                + "确需删除或改名的，须由审阅人确认");
        CityResult r = dueBeforeMerge(checker.conclusion(city, base == null ? null : base.jurisdiction().code(), file.toString(),
            base != null && base.jurisdiction().extensionApproved(), c, asOf));
        diffs.put(r.file(), new CityDiff(prior.label(), false, true,
            "基线中有该城市文件，提议中已删除：按未经批准的政策调整处理（新增违规）",
            List.of(new CityDiff.Entry(r.findings().get(0), Delta.NEW, null, null, null)), List.of(), List.of(), List.of()));
        out.add(r);
      }
    }
    return out;
  }

  private static Diagnostic unreadableBaseline(String file, BaselineException e) {
    return new Diagnostic(file, 0, 0, Diagnostic.Severity.ERROR, "无法读取它的基线：" + e.getMessage(), null);
  }

  private List<Object> baselineFacts(CityPolicy policy, LocalDate asOf, Map<String, Side> sides) throws BaselineException {
    BaselineSource.Prior prior;
    try {
      prior = source.read(Path.of(policy.file()));
    } catch (BaselineException e) {
      if (!e.oneFile()) {
        throw e;
      }
      sides.put(policy.file(), new Side(null, null, null, policy, null, Alignment.IDENTITY, List.of(), unreadableBaseline(policy.file(), e)));
      return facts(source.ref(), null, List.of(), asOf);
    }
    if (prior == null) {
      List<Change> changes = changes(null, policy, Alignment.IDENTITY);
      sides.put(policy.file(), new Side(null, null, null, policy,
          "基线（" + source.ref() + "）中没有该文件：按新城市文件处理，全部结论均为新增，每个参数都须列明省级批准", Alignment.IDENTITY, changes));
      return facts(source.ref(), null, changes, asOf);
    }
    PolicyLoader.Loaded l = loader.load(prior.label(), prior.bytes());
    if (!l.ok()) {
      String first = l.diagnostics().stream().filter(Diagnostic::isError).findFirst().map(Diagnostic::format).orElse("");
      List<Change> changes = changes(null, policy, Alignment.IDENTITY);
      sides.put(policy.file(), new Side(prior.label(), null, null, policy,
          "基线文件无法读取，按新城市文件处理（全部结论均为新增）：" + first.lines().findFirst().orElse(""), Alignment.IDENTITY, changes));
      return facts(prior.label(), null, changes, asOf);
    }
    CityPolicy base = l.policy();
    Alignment alignment = Alignment.of(base.doc(), policy.doc());
    List<Change> changes = changes(base, policy, alignment);
    sides.put(policy.file(), new Side(prior.label(), checker.check(base, asOf), base, policy, null, alignment, changes));
    return facts(prior.label(), base, changes, asOf);
  }

  /**
   * The baseline-mode facts for a proposal: the {@link BaselineMode} marker and one {@link Change}
   * per changed parameter.
   *
   * @param label where the baseline was read
   * @param base the baseline policy, or null when there is none (every parameter is new)
   * @param asOf the as-of date (an approval dated after it approves nothing yet)
   */
  public static List<Object> facts(String label, CityPolicy base, CityPolicy proposal, LocalDate asOf) {
    return facts(label, base, changes(base, proposal, Alignment.of(base == null ? null : base.doc(), proposal.doc())), asOf);
  }

  private static List<Object> facts(String label, CityPolicy base, List<Change> changes, LocalDate asOf) {
    List<Object> facts = new ArrayList<>();
    facts.add(base == null
        ? new BaselineMode(label, true, null, null, asOf)
        : new BaselineMode(label, false, base.contribution(), base.maternity(), asOf));
    facts.addAll(changes);
    return facts;
  }

  /**
   * The changed parameters, each with the proposal's source of its value: a value the baseline
   * did not know ({@link #unknownBefore}) that names its source is an entry.
   */
  private static List<Change> changes(CityPolicy base, CityPolicy proposal, Alignment alignment) {
    List<Change> out = new ArrayList<>();
    for (Change c : Changes.between(base == null ? null : base.doc(), proposal.doc(), alignment)) {
      Source s = c.after() == null ? null : proposal.sourceOf(c.path());
      out.add(c.withSource(s == null ? null : s.title() == null ? s.id() : s.id() + "：" + s.title(),
          base != null && unknownBefore(base.doc(), alignment, c.path())));
    }
    return List.copyOf(out);
  }

  /**
   * Whether the baseline left a field unknown, rather than without it: a field written as null or
   * not written, of the file or of a list item the baseline has; or any field of an item in a list
   * the baseline left null, or left empty where its items are records (a city's hospital classes
   * written {@code []} are not yet entered). A class added beside known classes, or a factor added
   * to {@code ratios_vary_by: []} ("by nothing"), is a change of policy, not an entry.
   */
  static boolean unknownBefore(Doc before, Alignment alignment, String path) {
    int close = path.lastIndexOf(']');
    if (close < 0) {
      return true;
    }
    int open = path.lastIndexOf('[', close);
    String list = path.substring(0, open);
    int size = before.size(list);
    if (size < 0) {
      return true;
    }
    if (size == 0) {
      return Schema.at(list) instanceof Schema.ListOf l && l.element() instanceof Schema.Obj;
    }
    return !alignment.added(path.substring(0, close + 1));
  }

  /** Whether a rule is a process rule ({@code PROC-*}): what the proposal must do before it is merged. */
  public static boolean isProcess(String rule) {
    return rule != null && rule.startsWith("PROC-");
  }

  /**
   * The city's result with its process findings ({@code PROC-*}) due before the merge: they carry
   * no deadline of the regulation (an approval is needed before the change takes effect, not by
   * 2026-12-31) and no source (they are about the change, not about a value's origin).
   */
  static CityResult dueBeforeMerge(CityResult c) {
    boolean any = false;
    List<Finding> out = new ArrayList<>(c.findings().size());
    for (Finding f : c.findings()) {
      if (isProcess(f.rule()) && (f.deadline() != null || f.source() != null)) {
        f = new Finding(f.rule(), f.status(), f.strength(), f.clause(), f.subject(), f.path(), f.line(), f.column(),
            f.actual(), f.expected(), f.message(), null, null, null, f.waiver());
        any = true;
      }
      out.add(f);
    }
    return any ? new CityResult(c.city(), c.code(), c.file(), List.copyOf(out), c.waivers(), c.warnings()) : c;
  }

  /**
   * Classes the proposal's problems against the baseline's, by (rule, path, status); a baseline
   * path is taken in the proposal's terms (a hospital class matched by name, see {@link Alignment}).
   * A problem found on both sides is worsened when its value moved further from what the rule
   * requires ({@link Distance}), else unchanged. A problem only the proposal has is new, except in
   * a file whose every change is a data entry ({@link Change#entry()}): there it is the policy in
   * force come to light, entered. The {@code PROC-APPROVAL} pass of an entry is entered too.
   */
  static CityDiff classify(CityResult now, Side side, LocalDate asOf) {
    CityResult before = side == null ? null : side.baseline();
    Alignment align = side == null ? Alignment.IDENTITY : side.alignment();
    Map<String, Deque<Finding>> open = new HashMap<>();
    Map<String, Finding> beforeAt = new HashMap<>();
    if (before != null) {
      for (Finding f : before.findings()) {
        beforeAt.putIfAbsent(at(f, align), f);
        if (PROBLEMS.contains(f.status())) {
          open.computeIfAbsent(key(f, align), k -> new ArrayDeque<>()).add(f);
        }
      }
    }
    List<Change> changes = side == null ? List.of() : side.changes();
    boolean onlyEntries = before != null && !changes.isEmpty() && changes.stream().allMatch(Change::entry);
    Set<String> entered = new java.util.HashSet<>();
    changes.stream().filter(Change::entry).forEach(c -> entered.add(c.path()));
    Map<String, Finding> nowAt = new HashMap<>();
    List<CityDiff.Entry> current = new ArrayList<>();
    for (Finding f : now.findings()) {
      nowAt.putIfAbsent(at(f, Alignment.IDENTITY), f);
      Delta d = null;
      Finding other = beforeAt.get(at(f, Alignment.IDENTITY));
      if (PROBLEMS.contains(f.status())) {
        Deque<Finding> q = open.get(key(f, Alignment.IDENTITY));
        Finding same = q == null ? null : q.poll();
        if (same == null) {
          d = onlyEntries ? Delta.ENTERED : Delta.NEW;
        } else {
          other = same;
          d = f.status() != Status.INDETERMINATE && Distance.further(same.actual(), f.actual(), f.expected(), f.path())
              ? Delta.WORSENED : Delta.UNCHANGED;
        }
      } else if (f.status() == Status.PASS && f.rule().equals(PROCESS_RULE) && entered.contains(f.path())) {
        d = Delta.ENTERED;
      }
      current.add(new CityDiff.Entry(f, d, other, f.line(), f.column()));
    }
    List<CityDiff.Entry> fixed = new ArrayList<>();
    if (before != null) {
      for (Finding f : before.findings()) {
        Deque<Finding> q = open.get(key(f, align));
        if (q != null && q.remove(f)) {
          Finding replacement = nowAt.get(at(f, align));
          Integer line = replacement == null ? null : replacement.line();
          Integer column = replacement == null ? null : replacement.column();
          if (line == null && f.path() != null) {
            Position p = side.proposal().position(align.locate(f.path()));
            line = p == null ? null : p.line();
            column = p == null ? null : p.column();
          }
          fixed.add(new CityDiff.Entry(f, Delta.FIXED, replacement, line, column));
        }
      }
    }
    boolean newFile = side == null || side.baseline() == null;
    List<CityDiff.Note> notes = side == null ? List.of() : ApprovalNotes.of(side.base(), side.proposal(), changes, asOf);
    return new CityDiff(side == null ? null : side.label(), newFile, false, side == null ? null : side.note(),
        current, fixed, changes, notes);
  }

  /** (rule, path) with the path in the proposal's terms; a path in a removed class matches nothing. */
  private static String at(Finding f, Alignment align) {
    String path = align.translate(f.path());
    return path == null && f.path() != null ? f.rule() + "\u0000removed\u0000" + f.path() : f.rule() + "\u0000" + path;
  }

  private static String key(Finding f, Alignment align) {
    return at(f, align) + "\u0000" + f.status().key;
  }
}
