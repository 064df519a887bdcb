package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Position;
import cn.liaoning.ybj.policycheck.policy.Source;
import cn.liaoning.ybj.policycheck.policy.Waiver;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Param;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.regulation.Strength;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Checks one city: runs the rules with the parameters in force at the as-of date, then turns each
 * rule's conclusion into a finding by the strength of the text in force that day, the city's
 * waivers and the deadline ({@link LawAt}). A rule whose texts do not apply yet on the as-of date
 * is {@code not_applicable} (the law did not ask yet), whatever its DRL concluded. A rule id that
 * the rules encode but that reached no conclusion for the city becomes {@code indeterminate}:
 * missing is never passing.
 *
 * <p>One file (about 460 lines): running a session and assembling its findings share state — the
 * incremental session ({@link Incremental}) passes its memo of earlier findings to the assembly,
 * and both read the same per-date caches of parameters and of the law in force.
 */
public final class Checker {
  private final Catalogue catalogue;
  private final Parameters parameters;
  private final RuleEngine engine;

  /** Position of each rule id in the catalogue: findings are listed in that order. */
  private final Map<String, Integer> order = new HashMap<>();
  /** The parameter facts in force at each as-of date seen (the same for every city). */
  private final Map<LocalDate, List<Param>> paramsAt = new ConcurrentHashMap<>();
  /** What the law asks of each rule at each as-of date seen. */
  private final Map<LocalDate, LawAt> lawAt = new ConcurrentHashMap<>();

  public Checker(Catalogue catalogue, Parameters parameters, RuleEngine engine) {
    this.catalogue = catalogue;
    this.parameters = parameters;
    this.engine = engine;
    for (String id : catalogue.entries().keySet()) {
      order.putIfAbsent(id, order.size());
    }
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public Parameters parameters() {
    return parameters;
  }

  public RuleEngine engine() {
    return engine;
  }

  public CityResult check(CityPolicy policy, LocalDate asOf) {
    return check(policy, asOf, List.of());
  }

  /**
   * Checks one city with further facts beside its own records, e.g. the changes against a baseline
   * that the baseline-mode rules match. The rules run in a session kept from an earlier check (on
   * any thread, one check at a time), brought to this city's facts by updating what differs: the
   * parameter facts stay, and the session is not rebuilt. The result is the same as in a new
   * session ({@link #checkInNewSession}; tested).
   */
  public CityResult check(CityPolicy policy, LocalDate asOf, List<?> extraFacts) {
    Incremental session = idle.poll();
    if (session == null) {
      session = incremental();
    }
    boolean reusable = false;
    try {
      CityResult r = session.check(policy, asOf, extraFacts);
      reusable = true;
      return r;
    } finally {
      // A session that failed half-way is not reused; nor are more than a few kept.
      if (reusable && idle.size() < MAX_IDLE) {
        idle.offer(session);
      } else {
        session.close();
      }
    }
  }

  /** Sessions kept for {@link #check}: as many as checks that ran at the same time, up to this. */
  private static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final ConcurrentLinkedQueue<Incremental> idle = new ConcurrentLinkedQueue<>();

  /** The reference: the same check with every fact inserted into an empty session. */
  CityResult checkInNewSession(CityPolicy policy, LocalDate asOf, List<?> extraFacts) {
    List<Check> checks = engine.evaluate(facts(policy, asOf, extraFacts));
    return assemble(policy, asOf, checks, null);
  }

  private List<Object> facts(CityPolicy policy, LocalDate asOf, List<?> extraFacts) {
    List<Param> params = paramsAt.computeIfAbsent(asOf, d -> List.copyOf(parameters.factsAt(d)));
    List<Object> facts = new ArrayList<>(params.size() + 24);
    facts.addAll(params);
    facts.addAll(policy.facts());
    facts.addAll(extraFacts);
    return facts;
  }

  /**
   * A checker for many variants of one city in a row (a what-if sweep): it keeps one rule session
   * from variant to variant ({@link RuleEngine#live()}), so that the rules re-evaluate only what
   * changed, and reuses the findings of the checks that did not change. Each result is the same
   * as {@link Checker#check(CityPolicy, LocalDate)} (tested). Not thread-safe: one per thread.
   */
  public Incremental incremental() {
    return new Incremental(engine.live());
  }

  /** See {@link #incremental()}. */
  public final class Incremental implements AutoCloseable {
    private final RuleEngine.Live live;
    /** The finding made of each check in working memory, while the context below holds. */
    private final Map<Check, Ranked> made = new IdentityHashMap<>();
    private final Map<String, Ranked> unconcluded = new HashMap<>();
    /** The previous result's findings, sorted: most of them come again, and in the same order. */
    private List<Ranked> lastOrder = List.of();
    private Context context;

    private Incremental(RuleEngine.Live live) {
      this.live = live;
    }

    public CityResult check(CityPolicy policy, LocalDate asOf) {
      return check(policy, asOf, List.of());
    }

    CityResult check(CityPolicy policy, LocalDate asOf, List<?> extraFacts) {
      Collection<Check> checks = live.evaluate(facts(policy, asOf, extraFacts));
      Context now = Context.of(policy, asOf);
      if (!now.equals(context)) {
        made.clear();
        unconcluded.clear();
        lastOrder = List.of();
        context = now;
      } else if (made.size() > 2 * checks.size() + 64) {
        Set<Check> present = Collections.newSetFromMap(new IdentityHashMap<>());
        present.addAll(checks);
        made.keySet().retainAll(present);
      }
      return assemble(policy, asOf, checks, this);
    }

    @Override
    public void close() {
      live.close();
    }
  }

  /**
   * Everything besides the check itself that a finding depends on: the file, the as-of date, the
   * document's positions (the same map object while only values change), the sources and source
   * references, the waivers and whether the city has the hardship extension.
   */
  private record Context(String file, LocalDate asOf, Object positions, List<Source> sources,
      Map<String, String> sourceRefs, List<Waiver> waivers, boolean extended) {
    static Context of(CityPolicy p, LocalDate asOf) {
      return new Context(p.file(), asOf, new Identity(p.doc().positions()), p.sources(), p.sourceRefs(), p.waivers(),
          p.jurisdiction().extensionApproved());
    }

    // Written out, not generated: see policy.HospitalClass (start-up cost of the generated ones).
    @Override
    public boolean equals(Object other) {
      return this == other || other instanceof Context o
          && Objects.equals(file, o.file)
          && Objects.equals(asOf, o.asOf)
          && Objects.equals(positions, o.positions)
          && Objects.equals(sources, o.sources)
          && Objects.equals(sourceRefs, o.sourceRefs)
          && Objects.equals(waivers, o.waivers)
          && extended == o.extended;
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, asOf, positions, sources, sourceRefs, waivers, extended);
    }
  }

  /** Compares by identity: an immutable map that is the same object has the same content. */
  private record Identity(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  /** A finding with the position of its rule in the catalogue, which orders the findings. */
  private record Ranked(int order, Finding finding, String waiverPath, Check check) {}

  /**
   * The order of findings: catalogue position, then path, subject, status, message, actual and
   * expected value (null first). Written out rather than chained: it runs on every check.
   */
  private static final Comparator<Ranked> ORDER = (a, b) -> {
    int c = Integer.compare(a.order(), b.order());
    if (c != 0) {
      return c;
    }
    Finding x = a.finding();
    Finding y = b.finding();
    if ((c = nullsFirst(x.path(), y.path())) != 0 || (c = nullsFirst(x.subject(), y.subject())) != 0
        || (c = x.status().compareTo(y.status())) != 0 || (c = nullsFirst(x.message(), y.message())) != 0
        || (c = String.valueOf(x.actual()).compareTo(String.valueOf(y.actual()))) != 0) {
      return c;
    }
    return String.valueOf(x.expected()).compareTo(String.valueOf(y.expected()));
  };

  private static int nullsFirst(String a, String b) {
    return a == b ? 0 : a == null ? -1 : b == null ? 1 : a.compareTo(b);
  }

  /** Turns the rules' checks into the city's findings; {@code memo} reuses earlier ones. */
  private CityResult assemble(CityPolicy policy, LocalDate asOf, Collection<Check> checks, Incremental memo) {
    boolean extended = policy.jurisdiction().extensionApproved();
    LawAt law = law(asOf);

    BitSet concluded = new BitSet(order.size()); // by catalogue position
    Set<String> waiversUsed = new HashSet<>();
    List<Ranked> ranked = new ArrayList<>(checks.size() + 8);
    List<Ranked> fresh = memo == null ? ranked : new ArrayList<>();
    int dropped = 0; // checks of rules whose texts do not apply yet: the rule is not applicable instead
    for (Check c : checks) {
      Ranked r = memo == null ? null : memo.made.get(c);
      if (r == null) {
        r = rank(policy, c, law, extended, asOf);
        if (r != NOT_IN_FORCE) {
          fresh.add(r);
        }
        if (memo != null) {
          memo.made.put(c, r);
        }
      }
      if (r == NOT_IN_FORCE) {
        dropped++;
        continue;
      }
      if (r.order() >= 0) {
        concluded.set(r.order());
      }
      if (r.waiverPath() != null) {
        waiversUsed.add(r.waiverPath());
      }
    }
    if (memo != null) {
      // The earlier findings still standing, in their sorted order, then the new ones: the sort
      // below finds one long sorted run and merges the few new findings into it.
      for (Ranked r : memo.lastOrder) {
        if (r.check() != null && checks.contains(r.check())) {
          ranked.add(r);
        }
      }
      ranked.addAll(fresh);
      if (ranked.size() != checks.size() - dropped) { // (a check kept from before the last result: rebuild)
        ranked.clear();
        for (Check c : checks) {
          Ranked r = memo.made.get(c);
          if (r != NOT_IN_FORCE) {
            ranked.add(r);
          }
        }
      }
    }

    for (String id : engine.ruleIds()) {
      Integer at = order.get(id);
      if (at == null || !concluded.get(at)) {
        Ranked r = memo == null ? null : memo.unconcluded.get(id);
        if (r == null) {
          r = unconcluded(policy, id, law, asOf);
          if (r != null && memo != null) {
            memo.unconcluded.put(id, r);
          }
        }
        if (r != null) {
          ranked.add(r);
        }
      }
    }

    ranked.sort(ORDER);
    if (memo != null) {
      memo.lastOrder = ranked;
    }
    Finding[] findings = new Finding[ranked.size()];
    for (int i = 0; i < findings.length; i++) {
      findings[i] = ranked.get(i).finding();
    }
    List<Finding> list = List.of(findings);
    return new CityResult(policy.city(), policy.jurisdiction().code(), policy.file(), list,
        Waivers.uses(policy, catalogue, law, asOf, waiversUsed), List.of());
  }

  /**
   * A result that no rule session produced: one conclusion drawn about a city file as a whole,
   * which the file itself cannot carry (the CI gate's: a city file that the proposal deletes). Its
   * status follows the catalogue's strength and its deadline the city's extension, as for a rule's
   * conclusion; it has no position, source or waiver.
   *
   * @param extended whether the city has the approved hardship extension (later deadline)
   */
  public CityResult conclusion(String city, String code, String file, boolean extended, Check c, LocalDate asOf) {
    Catalogue.Entry entry = entry(c);
    LawAt.Rule rule = law(asOf).rule(c.ruleId());
    Finding f;
    if (!rule.inForce()) {
      f = notInForce(c.ruleId(), entry, rule, asOf).finding();
    } else {
      Status status = status(c, rule.strength(), null);
      boolean due = status == Status.VIOLATION || status == Status.WARNING;
      LawAt.Deadline deadline = due ? rule.deadline(extended) : null;
      LocalDate d = deadline == null ? null : deadline.date();
      f = new Finding(c.ruleId(), status, rule.strength(), parameters.clauseInForce(c.clause(), asOf), c.subject(), c.path(), null, null,
          c.actual(), c.expected(), message(c, deadline), d, d == null ? null : ChronoUnit.DAYS.between(asOf, d), null, null);
    }
    return new CityResult(city, code, file, List.of(f), List.of(), List.of());
  }

  /** What the law asks of each rule on {@code asOf}. */
  private LawAt law(LocalDate asOf) {
    return lawAt.computeIfAbsent(asOf, d -> new LawAt(catalogue, parameters, d));
  }

  /**
   * The check's message; where the deadline is the rule's own effective date (2号 四(一)'s
   * deadline not yet in force), a sentence saying so and which clause set it.
   */
  private String message(Check c, LawAt.Deadline deadline) {
    if (deadline == null || !deadline.fromRuleText()) {
      return c.message();
    }
    Parameters.Parameter standard = parameters.parameters().get("deadline.standard");
    return c.message() + "（期限：" + deadline.clause() + " 自 " + deadline.date() + " 起施行，此后即应符合"
        + (standard == null ? "" : "；" + standard.clause() + " 的整改期限尚未施行") + "）";
  }

  private Catalogue.Entry entry(Check c) {
    Catalogue.Entry entry = catalogue.get(c.ruleId());
    if (entry == null) {
      throw new IllegalStateException("DRL rule inserted a check for " + c.ruleId() + ", which is not in rules/catalogue.yaml");
    }
    return entry;
  }

  /** A check's status by its outcome and the rule's strength; a failure a waiver excuses is waived. */
  private static Status status(Check c, Strength strength, Waiver waiver) {
    return switch (c.outcome()) {
      case PASS -> Status.PASS;
      case INDETERMINATE -> Status.INDETERMINATE;
      case NOT_APPLICABLE -> Status.NOT_APPLICABLE;
      case WARN -> Status.WARNING;
      default -> strength == Strength.GUIDANCE ? Status.WARNING : waiver != null ? Status.WAIVED : Status.VIOLATION;
    };
  }

  /** Stands for a check of a rule whose texts do not apply on the as-of date: no finding of its own. */
  private static final Ranked NOT_IN_FORCE = new Ranked(-1, null, null, null);

  /**
   * The finding of one check: its status by the strength in force and the waivers, its deadline,
   * where it is; {@link #NOT_IN_FORCE} when the rule's texts do not apply yet.
   */
  private Ranked rank(CityPolicy policy, Check c, LawAt law, boolean extended, LocalDate asOf) {
    entry(c);
    LawAt.Rule rule = law.rule(c.ruleId());
    if (!rule.inForce()) {
      return NOT_IN_FORCE;
    }
    Strength strength = rule.strength();
    Waiver waiver = c.outcome() == Outcome.FAIL && strength == Strength.IN_PRINCIPLE
        ? Waivers.valid(policy, c.ruleId(), asOf) : null;
    Status status = status(c, strength, waiver);
    boolean due = status == Status.VIOLATION || status == Status.WARNING;
    LawAt.Deadline deadline = due ? rule.deadline(extended) : null;
    Finding f = finding(policy, c, strength, status, deadline == null ? null : deadline.date(), asOf,
        waiver == null ? null : waiver.approvalRef(), parameters.clauseInForce(c.clause(), asOf), message(c, deadline));
    return new Ranked(order.getOrDefault(c.ruleId(), -1), f, waiver == null ? null : waiver.path(), c);
  }

  /**
   * A rule id that the rules encode but that reached no conclusion: indeterminate, never pass;
   * not applicable when its texts do not apply yet on the as-of date.
   */
  private Ranked unconcluded(CityPolicy policy, String id, LawAt law, LocalDate asOf) {
    Catalogue.Entry entry = catalogue.get(id);
    if (entry == null || entry.baselineOnly()) {
      return null;
    }
    LawAt.Rule rule = law.rule(id);
    if (!rule.inForce()) {
      return notInForce(id, entry, rule, asOf);
    }
    Check c = new Check(id, entry.clause(), Outcome.INDETERMINATE, null, null, null, null,
        "规则未得出结论：基准日 " + asOf + " 没有适用的省级参数，或所需数据缺失");
    return new Ranked(order.getOrDefault(id, -1), finding(policy, c, rule.strength(), Status.INDETERMINATE, null, asOf, null,
        parameters.clauseInForce(entry.clause(), asOf), c.message()), null, null);
  }

  /** The one finding of a rule whose texts do not apply on the as-of date. */
  private Ranked notInForce(String id, Catalogue.Entry entry, LawAt.Rule rule, LocalDate asOf) {
    Finding f = new Finding(id, Status.NOT_APPLICABLE, entry.history(parameters).get(0).strength(), entry.clause(), null, null,
        null, null, null, null, "基准日 " + asOf + " 本规则所依条文尚未施行（" + rule.firstClause() + " 自 " + rule.firstInForce()
            + " 起施行）：此时不适用", null, null, null, null);
    return new Ranked(order.getOrDefault(id, -1), f, null, null);
  }

  private Finding finding(CityPolicy policy, Check c, Strength strength, Status status, LocalDate deadline, LocalDate asOf, String waiver,
      String clause, String message) {
    Position pos = policy.position(c.path());
    Source src = c.path() == null ? null : policy.sourceOf(c.path());
    String source = src == null ? null : src.title() == null ? src.id() : src.id() + "：" + src.title();
    Long days = deadline == null ? null : ChronoUnit.DAYS.between(asOf, deadline);
    return new Finding(c.ruleId(), status, strength, clause, c.subject(), c.path(),
        pos == null ? null : pos.line(), pos == null ? null : pos.column(), c.actual(), c.expected(), message,
        deadline, days, source, waiver);
  }

  /** For tests and the CLI: the parameters in force as a map key → value (tier 0 only). */
  public Map<String, Double> scalarParams(LocalDate asOf) {
    Map<String, Double> m = new java.util.TreeMap<>();
    for (Param p : parameters.factsAt(asOf)) {
      if (p.tier() == 0 && p.value() != null) {
        m.put(p.key(), p.value());
      }
    }
    return m;
  }
}
