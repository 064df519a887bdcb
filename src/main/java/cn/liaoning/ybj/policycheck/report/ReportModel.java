package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the auditors' report shows, computed once from a run and handed to the HTML and Markdown
 * templates (which only lay it out). Every text is plain: the templates escape it. Nothing here
 * depends on the clock or on hash order, so the same run gives the same report byte for byte.
 *
 * @param title the report's title
 * @param regulation the regulation's number and title, e.g. 辽医保规〔2025〕2号《…》
 * @param asOf the as-of date
 * @param summary the province summary
 * @param areas the catalogue areas, the matrix's columns
 * @param cities one entry per city file read, in order of administrative code
 * @param deadlines what must change by when: every violation and warning, by deadline
 * @param errors files that could not be read
 */
public record ReportModel(
    String title,
    String regulation,
    String asOf,
    Summary summary,
    List<AreaView> areas,
    List<CityView> cities,
    List<DeadlineItem> deadlines,
    List<ErrorView> errors) {

  /** Status colours and marks: one key per status (CSS class suffix), plus "none" for no finding. */
  public record StatusView(String key, String label, String mark) {
    static StatusView of(Status s) {
      return new StatusView(s.key, s.label, ReportModel.mark(s));
    }
  }

  /** One count of findings in a given status. */
  public record Count(String key, String label, long count) {}

  /**
   * The province at a glance. A city is in exactly one class: with violations (at least one), with
   * missing data (no violation, at least one indeterminate finding), or compliant (neither; it may
   * still have guidance warnings, counted apart).
   */
  public record Summary(
      int cities,
      int withViolations,
      int violationsAlsoMissing,
      int missingData,
      int compliant,
      int compliantWithWarnings,
      int unreadableFiles,
      String deadline,
      String deadlineText,
      boolean overdue,
      String extendedDeadline,
      List<Count> counts,
      List<Segment> bar,
      List<DeadlineTotal> deadlineTotals,
      int rules) {}

  /** How many violations and warnings fall due on one date. */
  public record DeadlineTotal(String deadline, String daysText, boolean overdue, long violations, long warnings) {}

  /** One segment of a stacked SVG bar (x and width already formatted). */
  public record Segment(String key, String label, long count, String x, String width) {}

  /** A catalogue area (A–H). */
  public record AreaView(String code, String title) {}

  /**
   * One city: its class, its matrix row, and its findings grouped by area.
   *
   * @param anchor the HTML id of its section (index-based, never from the city file)
   * @param klass "violation", "indeterminate" or "pass" (see {@link Summary})
   * @param cells one matrix cell per area
   * @param missing the fields whose absence blocks a decision, with their lines
   */
  public record CityView(
      String anchor,
      String name,
      String code,
      String file,
      String klass,
      String klassLabel,
      List<Count> counts,
      String countsText,
      List<Segment> bar,
      List<Cell> cells,
      List<AreaGroup> groups,
      List<Missing> missing,
      List<WaiverView> waivers,
      List<String> inputWarnings) {}

  /** One matrix cell: the worst status among the city's findings in one area. */
  public record Cell(String anchor, String area, String key, String label, String mark, long count, String detail) {}

  /**
   * A city's findings in one area, worst first, and the verbatim text of every clause they cite
   * (each once, in order of first citation: the findings show the clause reference).
   */
  public record AreaGroup(String anchor, String code, String title, List<FindingView> findings, List<ClauseText> clauses) {
    AreaGroup(String anchor, String code, String title, List<FindingView> findings) {
      this(anchor, code, title, findings, cited(findings));
    }

    private static List<ClauseText> cited(List<FindingView> findings) {
      Map<String, ClauseText> seen = new LinkedHashMap<>();
      findings.forEach(f -> f.clauseTexts().forEach(t -> seen.putIfAbsent(t.ref(), t)));
      return List.copyOf(seen.values());
    }
  }

  /** A field that is missing or undecided, and the rules that wait for it. */
  public record Missing(String path, String location, String rules) {
    /** The path's dot-separated steps, so a page can offer line breaks after each dot. */
    public List<String> pathParts() {
      return List.of(path.split("\\.", -1));
    }
  }

  /** What became of one waiver. */
  public record WaiverView(String rule, String state, String stateLabel, String approvalRef, String expires, String message) {}

  /** The verbatim text of one cited clause. */
  public record ClauseText(String ref, String text) {}

  /** One finding, every value already formatted for reading. */
  public record FindingView(
      StatusView status,
      String rule,
      String summary,
      String strength,
      String subject,
      String message,
      String actual,
      String expected,
      String clause,
      List<ClauseText> clauseTexts,
      String path,
      List<String> pathParts,
      Integer line,
      String location,
      String source,
      String deadline,
      Long daysLeft,
      String daysText,
      boolean overdue,
      String waiver) {
    /** The references of a compound clause, one by one. */
    public List<String> clauseRefs() {
      return refs(clause);
    }

    public boolean indeterminate() {
      return Status.INDETERMINATE.key.equals(status.key());
    }
  }

  /** One line of the deadline view: what a city must change, by when. */
  public record DeadlineItem(
      String deadline,
      String daysText,
      boolean overdue,
      String city,
      String cityAnchor,
      StatusView status,
      String rule,
      String summary,
      String subject,
      String message,
      String actual,
      String expected,
      String clause) {
    /** The references of a compound clause ("2号 一(一)4; 3号 二(一)2"), one by one. */
    public List<String> clauseRefs() {
      return refs(clause);
    }
  }

  /** A file that could not be read. */
  public record ErrorView(String location, String message) {}

  private static final String TITLE = "辽宁省基本医疗保险政策合规审计报告";
  private static final int BAR_WIDTH = 120;

  /** Builds the report's content from one run. */
  public static ReportModel of(RunResult run, Catalogue catalogue, Parameters parameters) {
    LocalDate asOf = run.asOf();
    Parameters.Document doc = parameters.documents().get("2号");
    String regulation = doc == null ? "辽医保规〔2025〕2号" : doc.number() + "《" + doc.title() + "》";

    List<CityResult> ordered = new ArrayList<>(run.cities());
    ordered.sort(Comparator.comparing((CityResult c) -> codeKey(c.code())).thenComparing(CityResult::file));

    List<AreaView> areas = catalogue.areas().values().stream().map(a -> new AreaView(a.code(), a.title())).toList();
    List<CityView> cities = new ArrayList<>();
    List<DeadlineItem> deadlines = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      CityResult c = ordered.get(i);
      CityView v = city(c, "city-" + (i + 1), catalogue, parameters, asOf);
      cities.add(v);
      for (Finding f : sorted(c.findings(), catalogue)) {
        if (f.deadline() != null && (f.status() == Status.VIOLATION || f.status() == Status.WARNING)) {
          Catalogue.Entry e = catalogue.get(f.rule());
          deadlines.add(new DeadlineItem(f.deadline().toString(), days(f.daysLeft()), f.daysLeft() < 0, c.city(), v.anchor(),
              StatusView.of(f.status()), f.rule(), e == null ? "" : e.summary(), f.subject(), f.message(),
              TextReport.value(f.actual()), orDash(f.expected()), f.clause()));
        }
      }
    }
    // By deadline first; within a date, cities keep their order and findings theirs (stable sort).
    deadlines.sort(Comparator.comparing(DeadlineItem::deadline));

    List<ErrorView> errors = run.errors().stream()
        .map(d -> new ErrorView(d.file() + (d.line() > 0 ? ":" + d.line() + ":" + Math.max(d.column(), 1) : ""), d.message()))
        .toList();
    return new ReportModel(TITLE, regulation, asOf.toString(), summary(run, cities, parameters, catalogue), areas, cities, deadlines, errors);
  }

  private static Summary summary(RunResult run, List<CityView> cities, Parameters parameters, Catalogue catalogue) {
    LocalDate asOf = run.asOf();
    int violations = 0;
    int alsoMissing = 0;
    int missing = 0;
    int compliant = 0;
    int compliantWarn = 0;
    for (CityResult c : run.cities()) {
      if (c.has(Status.VIOLATION)) {
        violations++;
        if (c.has(Status.INDETERMINATE)) {
          alsoMissing++;
        }
      } else if (c.has(Status.INDETERMINATE)) {
        missing++;
      } else {
        compliant++;
        if (c.has(Status.WARNING)) {
          compliantWarn++;
        }
      }
    }
    LocalDate deadline = parameters.date("deadline.standard", asOf);
    LocalDate extended = parameters.date("deadline.extended", asOf);
    Long left = deadline == null ? null : ChronoUnit.DAYS.between(asOf, deadline);

    Map<Status, Long> totals = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      totals.put(s, run.count(s));
    }
    Map<LocalDate, long[]> due = new java.util.TreeMap<>();
    run.cities().stream().flatMap(c -> c.findings().stream())
        .filter(f -> f.deadline() != null && (f.status() == Status.VIOLATION || f.status() == Status.WARNING))
        .forEach(f -> due.computeIfAbsent(f.deadline(), d -> new long[2])[f.status() == Status.VIOLATION ? 0 : 1]++);
    List<DeadlineTotal> dueTotals = new ArrayList<>();
    due.forEach((d, n) -> {
      long days = ChronoUnit.DAYS.between(asOf, d);
      dueTotals.add(new DeadlineTotal(d.toString(), days(days), days < 0, n[0], n[1]));
    });
    int rules = (int) catalogue.entries().values().stream().filter(e -> !e.baselineOnly()).count();
    long unreadable = run.errors().stream().map(Diagnostic::file).distinct().count();
    return new Summary(run.cities().size(), violations, alsoMissing, missing, compliant, compliantWarn, (int) unreadable,
        deadline == null ? "—" : deadline.toString(), left == null ? "—" : days(left), left != null && left < 0,
        extended == null ? null : extended.toString(), counts(totals), bar(totals, 560), dueTotals, rules);
  }

  private static CityView city(CityResult c, String anchor, Catalogue catalogue, Parameters parameters, LocalDate asOf) {
    String klass;
    if (c.has(Status.VIOLATION)) {
      klass = Status.VIOLATION.key;
    } else if (c.has(Status.INDETERMINATE)) {
      klass = Status.INDETERMINATE.key;
    } else {
      klass = Status.PASS.key;
    }
    String klassLabel = switch (klass) {
      case "violation" -> "有违规";
      case "indeterminate" -> "缺数据";
      default -> c.has(Status.WARNING) ? "合规（有警告）" : "合规";
    };
    Map<Status, Long> totals = new EnumMap<>(Status.class);
    c.counts().forEach((s, n) -> totals.put(s, (long) n));

    Map<String, List<Finding>> byArea = new LinkedHashMap<>();
    catalogue.areas().keySet().forEach(a -> byArea.put(a, new ArrayList<>()));
    List<Finding> unknownArea = new ArrayList<>();
    for (Finding f : sorted(c.findings(), catalogue)) {
      Catalogue.Entry e = catalogue.get(f.rule());
      if (e == null) {
        unknownArea.add(f);
      } else {
        byArea.get(e.area()).add(f);
      }
    }

    List<Cell> cells = new ArrayList<>();
    List<AreaGroup> groups = new ArrayList<>();
    for (Catalogue.Area a : catalogue.areas().values()) {
      List<Finding> fs = byArea.get(a.code());
      String groupAnchor = anchor + "-" + a.code();
      if (fs.isEmpty()) {
        cells.add(new Cell(null, a.code(), "none", "未评估", "—", 0, a.code() + " " + a.title() + "：本次没有可评估的规则"));
        continue;
      }
      Status worst = fs.get(0).status();
      long n = fs.stream().filter(f -> f.status() == worst).count();
      Map<Status, Long> k = new EnumMap<>(Status.class);
      fs.forEach(f -> k.merge(f.status(), 1L, Long::sum));
      String detail = a.code() + " " + a.title() + "：" + k.entrySet().stream()
          .map(x -> x.getKey().label + " " + x.getValue()).collect(Collectors.joining("，"));
      cells.add(new Cell("#" + groupAnchor, a.code(), worst.key, worst.label, mark(worst), n, detail));
      groups.add(new AreaGroup(groupAnchor, a.code(), a.title(), findings(c, fs, catalogue, parameters)));
    }
    if (!unknownArea.isEmpty()) {
      groups.add(new AreaGroup(anchor + "-other", "—", "其他", findings(c, unknownArea, catalogue, parameters)));
    }

    Map<String, Missing> missing = new LinkedHashMap<>();
    Map<String, LinkedHashSet<String>> waiting = new LinkedHashMap<>();
    for (Finding f : c.findings()) {
      if (f.status() == Status.INDETERMINATE && f.path() != null) {
        waiting.computeIfAbsent(f.path(), p -> new LinkedHashSet<>()).add(f.rule());
        missing.putIfAbsent(f.path(), new Missing(f.path(), location(c, f), null));
      }
    }
    List<Missing> missingList = missing.values().stream()
        .map(m -> new Missing(m.path(), m.location(), String.join("、", waiting.get(m.path()))))
        .toList();

    List<WaiverView> waivers = c.waivers().stream()
        .map(w -> new WaiverView(w.rule(), w.state().key, w.state().label, w.approvalRef(), w.expires(), w.message()))
        .toList();
    List<String> inputWarnings = c.warnings().stream()
        .map(d -> d.file() + (d.line() > 0 ? ":" + d.line() + ":" + Math.max(d.column(), 1) : "") + "：" + d.message())
        .toList();
    String countsText = totals.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().label + " " + e.getValue() + " 项").collect(Collectors.joining("，"));
    return new CityView(anchor, c.city(), c.code(), c.file(), klass, klassLabel, counts(totals),
        countsText.isEmpty() ? "没有结论" : countsText, bar(totals, BAR_WIDTH),
        cells, groups, missingList, waivers, inputWarnings);
  }

  private static List<FindingView> findings(CityResult c, List<Finding> fs, Catalogue catalogue, Parameters parameters) {
    return fs.stream().map(f -> finding(c, f, catalogue, parameters)).toList();
  }

  private static FindingView finding(CityResult c, Finding f, Catalogue catalogue, Parameters parameters) {
    Catalogue.Entry e = catalogue.get(f.rule());
    List<ClauseText> texts = new ArrayList<>();
    for (String r : refs(f.clause())) {
      String text = parameters.clauseText(r);
      texts.add(new ClauseText(r, text == null ? "（条款原文未收录）" : text));
    }
    boolean hasDeadline = f.deadline() != null;
    return new FindingView(StatusView.of(f.status()), f.rule(), e == null ? "" : e.summary(), f.strength().label, f.subject(),
        f.message(), f.actual() == null ? null : TextReport.value(f.actual()), orDash(f.expected()), f.clause(), texts,
        f.path(), f.path() == null ? List.of() : List.of(f.path().split("\\.", -1)), f.line(), location(c, f), f.source(),
        hasDeadline ? f.deadline().toString() : null,
        hasDeadline ? f.daysLeft() : null, hasDeadline ? days(f.daysLeft()) : null, hasDeadline && f.daysLeft() < 0,
        f.waiver());
  }

  /** Worst first; within a status, catalogue order; then as the checker produced them (per class). */
  private static List<Finding> sorted(List<Finding> findings, Catalogue catalogue) {
    List<String> order = new ArrayList<>(catalogue.entries().keySet());
    return findings.stream()
        .sorted(Comparator.comparingInt((Finding f) -> f.status().rank)
            .thenComparingInt(f -> order.indexOf(f.rule()) < 0 ? Integer.MAX_VALUE : order.indexOf(f.rule())))
        .toList();
  }

  private static List<Count> counts(Map<Status, Long> totals) {
    List<Count> out = new ArrayList<>();
    for (Status s : Status.values()) {
      out.add(new Count(s.key, s.label, totals.getOrDefault(s, 0L)));
    }
    return out;
  }

  /** A stacked bar of the status counts, {@code width} pixels wide; empty statuses are left out. */
  private static List<Segment> bar(Map<Status, Long> totals, int width) {
    long all = totals.values().stream().mapToLong(Long::longValue).sum();
    List<Segment> out = new ArrayList<>();
    if (all == 0) {
      return out;
    }
    double x = 0;
    for (Status s : Status.values()) {
      long n = totals.getOrDefault(s, 0L);
      if (n == 0) {
        continue;
      }
      double w = width * (double) n / all;
      out.add(new Segment(s.key, s.label, n, px(x), px(w)));
      x += w;
    }
    return out;
  }

  private static String px(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Where in the city file (named in the city's heading) the finding's field is: "第 30 行". */
  private static String location(CityResult c, Finding f) {
    return f.path() == null || f.line() == null ? null : "第 " + f.line() + " 行";
  }

  static String days(Long d) {
    if (d == null) {
      return null;
    }
    return d >= 0 ? "还剩 " + d + " 天" : "已逾期 " + (-d) + " 天";
  }

  static List<String> refs(String clause) {
    if (clause == null) {
      return List.of();
    }
    return java.util.Arrays.stream(clause.split(";")).map(String::strip).filter(r -> !r.isEmpty()).toList();
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  static String mark(Status s) {
    return switch (s) {
      case VIOLATION -> "✗";
      case WARNING -> "!";
      case INDETERMINATE -> "?";
      case WAIVED -> "◇";
      case PASS -> "✓";
      case NOT_APPLICABLE -> "–";
    };
  }

  /** City codes are 4 digits (2101 沈阳 … 2114 葫芦岛); the provincial pool (210000) and any other come after. */
  static String codeKey(String code) {
    if (code == null) {
      return "9";
    }
    return (code.length() == 4 ? "0" : "1") + code;
  }
}
