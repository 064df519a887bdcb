package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the auditors' report shows, computed from a run and handed to the HTML and Markdown
 * templates (which only lay it out) and to the CSV and workbook writers. Every text is plain: the
 * templates escape it. Nothing here depends on the clock or on hash order, so the same run gives
 * the same report byte for byte.
 *
 * <p>Memory: everything the top of the report needs (summary, matrix rows, chart, deadlines,
 * rectification lists, the data still to collect) is small per city and built once; the findings
 * of each city's section are built only when that section is written ({@link #cities} is a lazy
 * list), so rendering holds one city's views at a time however many cities there are.
 *
 * @param title the report's title
 * @param regulation the regulation's number and title, e.g. 辽医保规〔2025〕2号《…》
 * @param asOf the as-of date
 * @param summary the province summary
 * @param memo the 摘要: a paragraph of plain Chinese to paste into a memo
 * @param chartColumns the columns of the per-city chart, each on its own scale
 * @param chart the per-city chart's rows
 * @param areas the catalogue areas, the matrix's columns
 * @param rows one matrix row per city file, readable or not, in order of administrative code
 * @param deadlines what must change by when: every violation and warning, by deadline
 * @param rectifications the 整改清单 of each city with violations or warnings
 * @param noData the cities whose files hold no data at all, and the data to collect from them
 * @param cities the sections of the cities with data and of the unreadable files (lazy)
 * @param errors every error of the files that could not be read
 * @param items every city file in report order, for the row-per-finding writers (CSV, workbook)
 * @param findingRows the rows of each item for those writers
 * @param impact the optional section 七、参数调整的影响 ({@code report --overlay}), or null
 * @param progress the optional section 八、整改进展 ({@code report --history}), or null
 */
public record ReportModel(
    String title,
    String regulation,
    String asOf,
    Summary summary,
    String memo,
    List<ChartColumn> chartColumns,
    List<ChartRow> chart,
    List<AreaView> areas,
    List<CityRow> rows,
    List<DeadlineItem> deadlines,
    List<Rectification> rectifications,
    NoData noData,
    List<CityView> cities,
    List<ErrorView> errors,
    List<Item> items,
    FindingRows findingRows,
    ImpactSection impact,
    ProgressSection progress) {

  /** Builds the report's content from one run (without the optional sections). */
  public static ReportModel of(RunResult run, Catalogue catalogue, Parameters parameters) {
    return new ModelBuilder(run, catalogue, parameters).build();
  }

  /** This report with the section on a proposed adjustment of the provincial parameters. */
  public ReportModel withImpact(ImpactSection section) {
    return new ReportModel(title, regulation, asOf, summary, memo, chartColumns, chart, areas, rows, deadlines,
        rectifications, noData, cities, errors, items, findingRows, section, progress);
  }

  /** This report with the section on the cities' progress over their git history. */
  public ReportModel withProgress(ProgressSection section) {
    return new ReportModel(title, regulation, asOf, summary, memo, chartColumns, chart, areas, rows, deadlines,
        rectifications, noData, cities, errors, items, findingRows, impact, section);
  }

  /**
   * Where each city file is in the report ({@code #city-1}, or {@code #no-data} for the cities
   * without data), by file as the run names it.
   */
  public Map<String, String> anchorsByFile() {
    Map<String, String> out = new LinkedHashMap<>();
    items.forEach(i -> out.putIfAbsent(i.file(), "#" + i.anchor()));
    return out;
  }

  /** Where each city is in the report, by city code (only for the codes that one file alone has). */
  public Map<String, String> anchorsByCode() {
    Map<String, Long> seen = items.stream().filter(i -> i.code() != null)
        .collect(Collectors.groupingBy(Item::code, Collectors.counting()));
    Map<String, String> out = new LinkedHashMap<>();
    items.stream().filter(i -> i.code() != null && seen.get(i.code()) == 1).forEach(i -> out.put(i.code(), "#" + i.anchor()));
    return out;
  }

  /** One city file in the report: its results, or why it could not be read. */
  public record Item(CityResult result, Unreadable unreadable, String anchor) {
    public boolean readable() {
      return result != null;
    }

    public String name() {
      return result != null ? result.city() : unreadable.name();
    }

    public String code() {
      return result != null ? result.code() : unreadable.code();
    }

    public String file() {
      return result != null ? result.file() : unreadable.file();
    }
  }

  /** Status colours and marks: one key per status (CSS class suffix), plus "none" for no finding. */
  public record StatusView(String key, String label, String mark) {
    static StatusView of(Status s) {
      return new StatusView(s.key, s.label, ReportModel.mark(s));
    }

    static final StatusView UNREADABLE = new StatusView("unreadable", "文件有误", "✗");
  }

  /** One count of findings in a given status. */
  public record Count(String key, String label, long count) {}

  /**
   * The province at a glance. Each city file is in exactly one class: unreadable (文件有误, not
   * checked), with violations (at least one), with missing data (no violation, at least one
   * indeterminate finding; {@code noData} of them have no decided finding at all), or compliant
   * (neither; it may still have guidance warnings, counted apart).
   *
   * @param files city files named (checked + unreadable)
   * @param rules the rules a check evaluates; {@code baselineRules} more are evaluated only
   *     against a baseline (check --baseline), {@code catalogueRules} ids in all
   */
  public record Summary(
      int files,
      int checked,
      int unreadable,
      int withViolations,
      int violationsAlsoMissing,
      int missingData,
      int noData,
      int compliant,
      int compliantWithWarnings,
      int withIndeterminate,
      boolean incomplete,
      String headline,
      String deadline,
      String deadlineText,
      boolean overdue,
      String extendedDeadline,
      List<Count> counts,
      List<DeadlineTotal> deadlineTotals,
      int rules,
      int baselineRules,
      int catalogueRules) {}

  /** How many violations and warnings fall due on one date. */
  public record DeadlineTotal(String deadline, String daysText, boolean overdue, long violations, long warnings) {}

  /** A column of the per-city chart: one status, scaled to its own largest count. */
  public record ChartColumn(String key, String label, long max) {}

  /** A row of the per-city chart: a city, an unreadable file, or the cities without data (per city). */
  public record ChartRow(String name, String anchor, String note, boolean unreadable, List<ChartCell> cells) {}

  /** One bar: its count and its width as a percentage of its column's largest count. */
  public record ChartCell(String key, long count, String width) {}

  /** A catalogue area (A–H). */
  public record AreaView(String code, String title) {}

  /**
   * One matrix row.
   *
   * @param anchor where the city's details are (its own section, or the section of cities without data)
   * @param klass "violation", "indeterminate", "pass" or "unreadable"
   * @param counts violations, warnings, indeterminate, passes
   * @param error for an unreadable file: its first error, {@code file:line:column：message}
   */
  public record CityRow(String anchor, String name, String code, String file, String klass, String klassLabel,
      List<Cell> cells, List<Count> counts, String error) {}

  /** One matrix cell: the worst status among the city's findings in one area. */
  public record Cell(String anchor, String area, String key, String label, String mark, long count, String detail) {}

  /**
   * A city's section: its decided findings by area, the data it still lacks (one row per field),
   * its waivers and input warnings; for an unreadable file, its errors.
   */
  public record CityView(
      String anchor,
      int number,
      String name,
      String code,
      String file,
      String klass,
      String klassLabel,
      List<Count> counts,
      String countsText,
      List<ErrorView> errors,
      List<MissingGroup> missing,
      int missingFields,
      String rectificationAnchor,
      List<AreaGroup> groups,
      List<WaiverView> waivers,
      List<String> inputWarnings) {
    public boolean unreadable() {
      return "unreadable".equals(klass);
    }
  }

  /** A city's decided findings in one area, worst first, and the text of the clauses its problems cite. */
  public record AreaGroup(String anchor, String code, String title, List<FindingView> findings, List<ClauseText> clauses) {}

  /** The data still missing in one area. */
  public record MissingGroup(String code, String title, List<MissingField> fields) {}

  /**
   * A field whose absence (or insufficiency) keeps rules from a decision.
   *
   * @param label the field's Chinese label
   * @param subject the hospital class, or null
   * @param unit the unit to write the value in ("" for none)
   * @param help what to write, from the format's schema ("" for none)
   * @param note why the value present is not enough, or null when none is written
   * @param path the field path (a secondary detail; {@code [*]} for every item in the shared section)
   * @param location "第 30 行", or null
   * @param rules the rule ids waiting on it
   * @param clauses the clauses those rules apply
   * @param cities in the shared section: how many of its cities lack it
   */
  public record MissingField(String label, String subject, String unit, String help, String note, String path,
      String location, List<String> rules, List<String> clauses, int cities) {
    public String rulesText() {
      return String.join("、", rules);
    }

    public String clausesText() {
      return String.join("；", clauses);
    }
  }

  /**
   * The cities whose files hold no data at all: one shared section instead of a section each.
   *
   * @param rules how many rules wait on each of them
   */
  public record NoData(String anchor, List<NoDataCity> cities, List<MissingGroup> groups, int fields, int rules) {
    public boolean empty() {
      return cities.isEmpty();
    }

    /** The cities' names for a heading: the first ten, then how many more. */
    public String names() {
      String named = String.join("、", cities.stream().limit(10).map(NoDataCity::name).toList());
      return cities.size() > 10 ? named + " 等 " + cities.size() + " 个统筹区" : named;
    }
  }

  /** One city without data: where its file is, and the workbook to fill in for it. */
  public record NoDataCity(String name, String code, String file, String workbook) {}

  /** What became of one waiver. */
  public record WaiverView(String rule, String state, String stateLabel, String approvalRef, String expires, String message) {}

  /** The verbatim text of one cited clause. */
  public record ClauseText(String ref, String text) {}

  /** One decided finding, every value already in words. */
  public record FindingView(
      StatusView status,
      String rule,
      String summary,
      String strength,
      String subject,
      String field,
      String message,
      String actual,
      String expected,
      String clause,
      String path,
      String location,
      String source,
      String deadline,
      String daysText,
      boolean overdue,
      String waiver) {
    /** The references of a compound clause, one by one. */
    public List<String> clauseRefs() {
      return refs(clause);
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
      String field,
      String path,
      String message,
      String actual,
      String expected,
      String clause) {
    /** The references of a compound clause ("2号 一(一)4; 3号 二(一)2"), one by one. */
    public List<String> clauseRefs() {
      return refs(clause);
    }
  }

  /** A city's 整改清单: every change it must (violations) or should (warnings) make. */
  public record Rectification(String anchor, String cityAnchor, String city, String code, String file,
      List<RectificationItem> items, String deadline, String daysText, boolean overdue) {}

  /**
   * One required change.
   *
   * @param to the nearest compliant value in words, or null when the requirement has no single value
   */
  public record RectificationItem(
      int number,
      StatusView status,
      String strength,
      String rule,
      String summary,
      String field,
      String subject,
      String path,
      String location,
      String from,
      String to,
      String requirement,
      List<ClauseText> clauses,
      String deadline,
      String daysText,
      boolean overdue) {}

  /** One error of a file that could not be read. */
  public record ErrorView(String location, String message) {}

  static List<String> refs(String clause) {
    if (clause == null) {
      return List.of();
    }
    return java.util.Arrays.stream(clause.split(";")).map(String::strip).filter(r -> !r.isEmpty()).toList();
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
