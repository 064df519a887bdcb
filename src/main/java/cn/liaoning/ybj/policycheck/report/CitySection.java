package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.report.ReportModel.AreaGroup;
import cn.liaoning.ybj.policycheck.report.ReportModel.CityView;
import cn.liaoning.ybj.policycheck.report.ReportModel.ClauseText;
import cn.liaoning.ybj.policycheck.report.ReportModel.Count;
import cn.liaoning.ybj.policycheck.report.ReportModel.ErrorView;
import cn.liaoning.ybj.policycheck.report.ReportModel.FindingView;
import cn.liaoning.ybj.policycheck.report.ReportModel.Item;
import cn.liaoning.ybj.policycheck.report.ReportModel.MissingField;
import cn.liaoning.ybj.policycheck.report.ReportModel.MissingGroup;
import cn.liaoning.ybj.policycheck.report.ReportModel.StatusView;
import cn.liaoning.ybj.policycheck.report.ReportModel.WaiverView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One city's section of the report, built when it is written: its decided findings by area (worst
 * first), the data it still lacks as one row per field (not one row per waiting rule), its
 * waivers and input warnings. Also the shared pieces the other views use: the finding order,
 * class of a city, and the missing-data rows.
 */
final class CitySection {
  private final Catalogue catalogue;
  private final Parameters parameters;
  private final Map<String, Integer> order = new LinkedHashMap<>();

  CitySection(Catalogue catalogue, Parameters parameters) {
    this.catalogue = catalogue;
    this.parameters = parameters;
    for (String id : catalogue.entries().keySet()) {
      order.put(id, order.size());
    }
  }

  /** Worst first; within a status, catalogue order; then as the checker produced them (per class). */
  List<Finding> sorted(List<Finding> findings) {
    return findings.stream()
        .sorted(Comparator.comparingInt((Finding f) -> f.status().rank)
            .thenComparingInt(f -> order.getOrDefault(f.rule(), Integer.MAX_VALUE)))
        .toList();
  }

  /** The area a rule belongs to, or "—" for one the catalogue does not know. */
  String area(String rule) {
    Catalogue.Entry e = catalogue.get(rule);
    return e == null ? "—" : e.area();
  }

  String summary(String rule) {
    Catalogue.Entry e = catalogue.get(rule);
    return e == null ? "" : e.summary();
  }

  /** "violation", "indeterminate" or "pass": the class a city is counted in. */
  static String klass(CityResult c) {
    if (c.has(Status.VIOLATION)) {
      return Status.VIOLATION.key;
    }
    return c.has(Status.INDETERMINATE) ? Status.INDETERMINATE.key : Status.PASS.key;
  }

  static String klassLabel(CityResult c) {
    return switch (klass(c)) {
      case "violation" -> "有违规";
      case "indeterminate" -> "缺数据";
      default -> c.has(Status.WARNING) ? "合规（有警告）" : "合规";
    };
  }

  /**
   * Whether a city's file holds no data at all: every finding is 待定 (or not applicable), and
   * there is nothing of its own to show (no waiver, no input warning). Such cities share one section.
   */
  static boolean noData(CityResult c) {
    return !c.findings().isEmpty() && c.waivers().isEmpty() && c.warnings().isEmpty()
        && c.findings().stream().allMatch(f -> f.status() == Status.INDETERMINATE || f.status() == Status.NOT_APPLICABLE)
        && c.has(Status.INDETERMINATE);
  }

  static List<Count> counts(Map<Status, Long> totals) {
    List<Count> out = new ArrayList<>();
    for (Status s : Status.values()) {
      out.add(new Count(s.key, s.label, totals.getOrDefault(s, 0L)));
    }
    return out;
  }

  static Map<Status, Long> totals(CityResult c) {
    Map<Status, Long> totals = new EnumMap<>(Status.class);
    c.counts().forEach((s, n) -> totals.put(s, (long) n));
    return totals;
  }

  /** The section of one city file. */
  CityView build(Item item, int number, String rectificationAnchor) {
    String anchor = item.anchor();
    if (!item.readable()) {
      List<ErrorView> errors = item.unreadable().errors().stream()
          .map(d -> new ErrorView(Unreadable.location(d), d.message())).toList();
      return new CityView(anchor, number, item.name(), item.code(), item.file(), "unreadable", "文件有误",
          counts(Map.of()), "文件有误，未能检查", errors, List.of(), 0, null, List.of(), List.of(), List.of());
    }
    CityResult c = item.result();
    Map<Status, Long> totals = totals(c);
    List<Finding> sorted = sorted(c.findings());

    Map<String, List<Finding>> decided = new LinkedHashMap<>();
    catalogue.areas().keySet().forEach(a -> decided.put(a, new ArrayList<>()));
    for (Finding f : sorted) {
      if (f.status() != Status.INDETERMINATE) {
        decided.computeIfAbsent(area(f.rule()), a -> new ArrayList<>()).add(f);
      }
    }
    List<AreaGroup> groups = new ArrayList<>();
    decided.forEach((code, fs) -> {
      if (!fs.isEmpty()) {
        Catalogue.Area a = catalogue.areas().get(code);
        groups.add(new AreaGroup(anchor + "-" + code, code, a == null ? "其他" : a.title(),
            fs.stream().map(f -> finding(f)).toList(), clauses(fs)));
      }
    });
    List<MissingGroup> missing = missing(sorted);
    List<WaiverView> waivers = c.waivers().stream()
        .map(w -> new WaiverView(w.rule(), w.state().key, w.state().label, w.approvalRef(), w.expires(), w.message()))
        .toList();
    List<String> inputWarnings = c.warnings().stream()
        .map(d -> Unreadable.location(d) + "：" + d.message())
        .toList();
    String countsText = totals.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().label + " " + e.getValue() + " 项").collect(Collectors.joining("，"));
    return new CityView(anchor, number, c.city(), c.code(), c.file(), klass(c), klassLabel(c), counts(totals),
        countsText.isEmpty() ? "没有结论" : countsText, List.of(), missing,
        missing.stream().mapToInt(g -> g.fields().size()).sum(), rectificationAnchor, groups, waivers, inputWarnings);
  }

  FindingView finding(Finding f) {
    boolean due = f.deadline() != null;
    return new FindingView(StatusView.of(f.status()), f.rule(), summary(f.rule()), f.strength().label, f.subject(),
        Wording.field(f.path()), f.message(), Wording.actual(f), Wording.requirement(f), f.clause(), f.path(),
        location(f), f.source(), due ? f.deadline().toString() : null, due ? DaysLeft.ofNullable(f.daysLeft()) : null,
        due && f.daysLeft() < 0, f.waiver());
  }

  /** The verbatim text of every clause the problems among {@code fs} cite, each once. */
  List<ClauseText> clauses(List<Finding> fs) {
    Map<String, ClauseText> seen = new LinkedHashMap<>();
    for (Finding f : fs) {
      if (f.status() == Status.VIOLATION || f.status() == Status.WARNING || f.status() == Status.WAIVED) {
        for (String r : ReportModel.refs(f.clause())) {
          seen.computeIfAbsent(r, k -> clause(k));
        }
      }
    }
    return List.copyOf(seen.values());
  }

  ClauseText clause(String ref) {
    String text = parameters.clauseText(ref);
    return new ClauseText(ref, text == null ? "（条款原文未收录）" : text);
  }

  /** "第 30 行", or null when the finding has no field or line. */
  static String location(Finding f) {
    return f.path() == null || f.line() == null ? null : "第 " + f.line() + " 行";
  }

  /**
   * A city's 待定 findings as one row per field (a hospital class's field is its own row), grouped
   * by the area of the first rule waiting on it, areas in catalogue order.
   */
  List<MissingGroup> missing(List<Finding> sorted) {
    Map<String, Map<String, Acc>> byArea = new LinkedHashMap<>();
    catalogue.areas().keySet().forEach(a -> byArea.put(a, new LinkedHashMap<>()));
    Map<String, Acc> all = new LinkedHashMap<>();
    for (Finding f : sorted) {
      if (f.status() != Status.INDETERMINATE) {
        continue;
      }
      String key = f.path() == null ? "\u0000" + f.rule() : f.path();
      Acc acc = all.get(key);
      if (acc == null) {
        acc = new Acc(f);
        all.put(key, acc);
        byArea.computeIfAbsent(area(f.rule()), a -> new LinkedHashMap<>()).put(key, acc);
      }
      acc.add(f);
    }
    List<MissingGroup> out = new ArrayList<>();
    byArea.forEach((code, fields) -> {
      if (!fields.isEmpty()) {
        Catalogue.Area a = catalogue.areas().get(code);
        out.add(new MissingGroup(code, a == null ? "其他" : a.title(), fields.values().stream().map(Acc::view).toList()));
      }
    });
    return out;
  }

  /** The rules waiting on one field, as they are met. */
  private static final class Acc {
    final Finding first;
    final Set<String> rules = new LinkedHashSet<>();
    final Set<String> clauses = new LinkedHashSet<>();

    Acc(Finding first) {
      this.first = first;
    }

    void add(Finding f) {
      rules.add(f.rule());
      clauses.addAll(ReportModel.refs(f.clause()));
    }

    MissingField view() {
      String path = first.path();
      String label = path == null ? first.message() : Wording.field(path);
      Schema.Type t = path == null ? null : Schema.at(path);
      // A value that is written but does not decide the rule (a range, one of two fields) is explained.
      String note = first.actual() != null ? first.message() : null;
      return new MissingField(label, first.subject(), Wording.unit(path), t == null ? "" : t.help(), note, path,
          location(first), List.copyOf(rules), List.copyOf(clauses), 1);
    }
  }
}
