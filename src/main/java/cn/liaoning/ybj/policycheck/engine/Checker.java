package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.engine.WaiverUse.State;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one city: runs the rules with the parameters in force at the as-of date, then turns each
 * rule's conclusion into a finding by the catalogue's strength, the city's waivers and the
 * deadline of 2号 四(一). A rule id that the rules encode but that reached no conclusion for the
 * city becomes {@code indeterminate}: missing is never passing.
 */
public final class Checker {
  private final Catalogue catalogue;
  private final Parameters parameters;
  private final RuleEngine engine;

  public Checker(Catalogue catalogue, Parameters parameters, RuleEngine engine) {
    this.catalogue = catalogue;
    this.parameters = parameters;
    this.engine = engine;
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
   * that the baseline-mode rules match.
   */
  public CityResult check(CityPolicy policy, LocalDate asOf, List<?> extraFacts) {
    List<Param> params = parameters.factsAt(asOf);
    List<Object> facts = new ArrayList<>(params);
    facts.addAll(policy.facts());
    facts.addAll(extraFacts);
    List<Check> checks = engine.evaluate(facts);

    boolean extended = policy.jurisdiction().extensionApproved();
    LocalDate deadline = parameters.date(extended ? "deadline.extended" : "deadline.standard", asOf);

    Set<String> concluded = new HashSet<>();
    Set<String> waiversUsed = new HashSet<>();
    List<Finding> findings = new ArrayList<>();
    for (Check c : checks) {
      Catalogue.Entry entry = catalogue.get(c.ruleId());
      if (entry == null) {
        throw new IllegalStateException("DRL rule inserted a check for " + c.ruleId() + ", which is not in rules/catalogue.yaml");
      }
      concluded.add(c.ruleId());
      Status status;
      String waiverRef = null;
      switch (c.outcome()) {
        case PASS -> status = Status.PASS;
        case INDETERMINATE -> status = Status.INDETERMINATE;
        case NOT_APPLICABLE -> status = Status.NOT_APPLICABLE;
        case WARN -> status = Status.WARNING;
        default -> {
          if (entry.strength() == Strength.GUIDANCE) {
            status = Status.WARNING;
          } else {
            Waiver w = entry.strength() == Strength.IN_PRINCIPLE ? validWaiver(policy, c.ruleId(), asOf) : null;
            if (w != null) {
              status = Status.WAIVED;
              waiverRef = w.approvalRef();
              waiversUsed.add(w.path());
            } else {
              status = Status.VIOLATION;
            }
          }
        }
      }
      boolean due = status == Status.VIOLATION || status == Status.WARNING;
      findings.add(finding(policy, c, entry.strength(), status, due ? deadline : null, asOf, waiverRef));
    }

    for (String id : engine.ruleIds()) {
      Catalogue.Entry entry = catalogue.get(id);
      if (!concluded.contains(id) && entry != null && !entry.baselineOnly()) {
        Check c = new Check(id, entry.clause(), Outcome.INDETERMINATE, null, null, null, null,
            "规则未得出结论：基准日 " + asOf + " 没有适用的省级参数，或所需数据缺失");
        findings.add(finding(policy, c, entry.strength(), Status.INDETERMINATE, null, asOf, null));
      }
    }

    List<String> order = new ArrayList<>(catalogue.entries().keySet());
    findings.sort(Comparator.comparingInt((Finding f) -> order.indexOf(f.rule()))
        .thenComparing(f -> f.path() == null ? "" : f.path(), Comparator.naturalOrder()));

    return new CityResult(policy.city(), policy.jurisdiction().code(), policy.file(), List.copyOf(findings),
        waiverUses(policy, asOf, waiversUsed, findings), List.of());
  }

  private Finding finding(CityPolicy policy, Check c, Strength strength, Status status, LocalDate deadline, LocalDate asOf, String waiver) {
    Position pos = policy.position(c.path());
    Source src = c.path() == null ? null : policy.sourceOf(c.path());
    String source = src == null ? null : src.title() == null ? src.id() : src.id() + "：" + src.title();
    Long days = deadline == null ? null : ChronoUnit.DAYS.between(asOf, deadline);
    return new Finding(c.ruleId(), status, strength, c.clause(), c.subject(), c.path(),
        pos == null ? null : pos.line(), pos == null ? null : pos.column(), c.actual(), c.expected(), c.message(),
        deadline, days, source, waiver);
  }

  /** The waiver that may excuse a failure of an in-principle rule: approved and not expired. */
  private static Waiver validWaiver(CityPolicy policy, String ruleId, LocalDate asOf) {
    for (Waiver w : policy.waivers()) {
      if (ruleId.equals(w.rule()) && w.approvalRef() != null && !w.approvalRef().isBlank()
          && w.expires() != null && !w.expires().isBefore(asOf)) {
        return w;
      }
    }
    return null;
  }

  private List<WaiverUse> waiverUses(CityPolicy policy, LocalDate asOf, Set<String> used, List<Finding> findings) {
    List<WaiverUse> out = new ArrayList<>();
    for (Waiver w : policy.waivers()) {
      Catalogue.Entry e = catalogue.get(w.rule());
      Position pos = policy.position(w.path());
      Integer line = pos == null ? null : pos.line();
      String expires = w.expires() == null ? null : w.expires().toString();
      State state;
      String msg;
      if (e == null || e.strength() != Strength.IN_PRINCIPLE) {
        state = State.NOT_WAIVABLE;
        msg = "只有“原则上”类规则可以豁免；" + w.rule() + (e == null ? " 不在规则目录中" : " 是" + e.strength().label + "规则，不能豁免");
      } else if (w.approvalRef() == null || w.approvalRef().isBlank()) {
        state = State.NO_APPROVAL;
        msg = "豁免缺少省级批准文号（approval_ref），不予采用";
      } else if (w.expires() == null) {
        state = State.NO_APPROVAL;
        msg = "豁免缺少有效期（expires），不予采用";
      } else if (w.expires().isBefore(asOf)) {
        state = State.EXPIRED;
        msg = "豁免已于 " + w.expires() + " 到期，不再采用";
      } else if (used.contains(w.path())) {
        state = State.HONOURED;
        msg = "豁免有效（" + w.approvalRef() + "，至 " + w.expires() + "）";
      } else {
        state = State.UNUSED;
        msg = "该规则没有需要豁免的违规：豁免未使用，可考虑删除";
      }
      out.add(new WaiverUse(w.rule(), w.approvalRef(), expires, state, msg, w.path(), line));
    }
    return out;
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
