package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.impact.Change;
import cn.liaoning.ybj.policycheck.impact.CityImpact;
import cn.liaoning.ybj.policycheck.impact.Impact;
import cn.liaoning.ybj.policycheck.impact.ParamChange;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.report.ReportModel.StatusView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The report's optional section 七、参数调整的影响 ({@code report --overlay}): what a proposed
 * adjustment of the provincial parameters changes, city by city — the same content as
 * {@code policy-check impact} (see {@link cn.liaoning.ybj.policycheck.impact.ImpactText}), every
 * value in words for the templates, which escape it.
 *
 * @param overlay the overlay file as named
 * @param asOf the as-of date both sides are checked at
 * @param parameters the overlay's parameters, each with its value in force at the as-of date
 * @param cities how many cities were compared
 * @param tallies how many changes of each kind (all but a mere rewording)
 * @param reworded changes of the wording of a requirement alone (counted, not listed)
 * @param affected the cities with a change, each with its changes
 * @param undetermined the cities where a rule comparing with an adjusted parameter is 待定
 * @param untouched the names of the cities neither affected nor undetermined, joined
 * @param unreadable city files that could not be read and were not compared
 */
public record ImpactSection(
    String overlay,
    String asOf,
    List<Parameter> parameters,
    int cities,
    List<Tally> tallies,
    long reworded,
    List<City> affected,
    List<Undetermined> undetermined,
    String untouched,
    long unreadable) {

  /**
   * One adjusted parameter.
   *
   * @param value in force: "三级 80% → 87%；二级、一级及以下不变"; not in force: the value as it stays
   * @param from with the overlay in force, the date from which its value holds (or null)
   * @param later not in force: the first date of the overlay's values when it is after the as-of date
   * @param location where the overlay writes it, {@code file:line}
   */
  public record Parameter(String key, String description, boolean inForce, String value, String from, String later,
      String clause, String location) {
    public List<String> clauseRefs() {
      return ReportModel.refs(clause);
    }
  }

  /** How many changes of one kind. */
  public record Tally(String key, String label, long count) {}

  /** A city the overlay changes. */
  public record City(String anchor, String name, String code, String file, List<Item> changes) {}

  /**
   * One changed finding.
   *
   * @param kind the kind of change as a badge (the colour of the status it brings about)
   * @param before the status without the overlay, or null when the finding did not exist
   * @param after the status with the overlay, or null when the finding no longer exists
   * @param actual the value found (with the overlay), or null
   * @param expected the requirement with the overlay, or null
   * @param location "第 50 行", or null
   * @param causes the overlay's parameters that bring the change about, joined
   * @param deadline the deadline with the overlay ("2026-12-31", or "2026-12-31 → 2027-06-30" when it
   *     moves), or null
   */
  public record Item(
      StatusView kind,
      String rule,
      String summary,
      String field,
      String subject,
      StatusView before,
      String beforeMessage,
      StatusView after,
      String afterMessage,
      String actual,
      String expected,
      String clause,
      String path,
      String location,
      String causes,
      String deadline,
      String daysText,
      boolean overdue) {
    public List<String> clauseRefs() {
      return ReportModel.refs(clause);
    }
  }

  /** A city whose rules on the adjusted parameters wait for data: its effect there cannot be told. */
  public record Undetermined(String name, String code, String rules, String missing) {}

  public boolean noneAffected() {
    return affected.isEmpty();
  }

  /**
   * The section of an impact run.
   *
   * @param anchors the anchor of each city file's section in the report ({@code #city-1}), by file
   */
  public static ImpactSection of(Impact impact, Catalogue catalogue, Map<String, String> anchors) {
    List<Parameter> params = new ArrayList<>();
    for (ParamChange p : impact.parameters()) {
      LocalDate later = p.firstProposed() != null && p.firstProposed().isAfter(impact.asOf()) ? p.firstProposed() : null;
      params.add(new Parameter(p.key(), p.description(), p.inForce(), p.inForce() ? p.changeText() : p.beforeText(),
          p.inForce() && p.from() != null ? p.from().toString() : null, later == null ? null : later.toString(),
          p.clause(), impact.overlayFile() + ":" + p.line()));
    }
    List<Tally> tallies = new ArrayList<>();
    for (Change.Kind k : Change.Kind.values()) {
      if (k != Change.Kind.REQUIREMENT) {
        tallies.add(new Tally(k.key, k.label, impact.count(k)));
      }
    }
    List<City> affected = new ArrayList<>();
    for (CityImpact c : impact.affected()) {
      List<Item> items = new ArrayList<>();
      for (Change ch : c.changes()) {
        if (ch.kind() != Change.Kind.REQUIREMENT) {
          items.add(item(ch, catalogue));
        }
      }
      affected.add(new City(anchors.get(c.file()), c.city(), c.code(), c.file(), List.copyOf(items)));
    }
    List<Undetermined> undetermined = new ArrayList<>();
    for (CityImpact c : impact.cities()) {
      if (!c.undetermined().isEmpty()) {
        Set<String> rules = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Finding f : c.undetermined()) {
          rules.add(f.rule());
          if (f.path() != null) {
            missing.add(Wording.field(f.path()));
          }
        }
        undetermined.add(new Undetermined(c.city(), c.code(), String.join("、", rules),
            missing.isEmpty() ? "—" : String.join("、", missing)));
      }
    }
    String untouched = String.join("、", impact.cities().stream()
        .filter(c -> !c.affected() && c.undetermined().isEmpty()).map(CityImpact::city).toList());
    long unreadable = impact.errors().stream().map(d -> d.file()).distinct().count();
    return new ImpactSection(impact.overlayFile(), impact.asOf().toString(), List.copyOf(params), impact.cities().size(),
        List.copyOf(tallies), impact.count(Change.Kind.REQUIREMENT), List.copyOf(affected), List.copyOf(undetermined),
        untouched, unreadable);
  }

  private static Item item(Change ch, Catalogue catalogue) {
    Finding f = ch.shown();
    Finding b = ch.before();
    Finding a = ch.after();
    Catalogue.Entry e = catalogue.get(f.rule());
    LocalDate was = b == null ? null : b.deadline();
    LocalDate now = a == null ? null : a.deadline();
    String deadline = now == null ? (was == null ? null : "（无，原为 " + was + "）")
        : was != null && !Objects.equals(was, now) ? was + " → " + now : now.toString();
    boolean due = now != null && a.daysLeft() != null;
    return new Item(kind(ch.kind()), f.rule(), e == null ? "" : e.summary(), Wording.field(f.path()), f.subject(),
        b == null ? null : StatusView.of(b.status()), b == null ? null : b.message(),
        a == null ? null : StatusView.of(a.status()), a == null ? null : a.message(),
        a == null ? null : Wording.actual(a), a == null || a.expected() == null ? null : Wording.requirement(a),
        f.clause(), f.path(), CitySection.location(f), String.join("、", ch.causes()), deadline,
        due ? DaysLeft.text(a.daysLeft()) : null, due && a.daysLeft() < 0);
  }

  /** A kind of change as a badge: coloured as the status it brings (变为违规 red, 不再违规 green). */
  static StatusView kind(Change.Kind k) {
    return switch (k) {
      case BECOMES_VIOLATION -> new StatusView("violation", k.label, "✗");
      case STOPS_VIOLATION -> new StatusView("pass", k.label, "✓");
      case DEADLINE -> new StatusView("warning", k.label, "•");
      default -> new StatusView("indeterminate", k.label, "•");
    };
  }
}
