package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.DrlIndex;
import cn.liaoning.ybj.policycheck.regulation.Param;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.report.ReportModel.Cell;
import cn.liaoning.ybj.policycheck.report.ReportModel.ChartCell;
import cn.liaoning.ybj.policycheck.report.ReportModel.ChartColumn;
import cn.liaoning.ybj.policycheck.report.ReportModel.ChartRow;
import cn.liaoning.ybj.policycheck.report.ReportModel.CityRow;
import cn.liaoning.ybj.policycheck.report.ReportModel.CityView;
import cn.liaoning.ybj.policycheck.report.ReportModel.Count;
import cn.liaoning.ybj.policycheck.report.ReportModel.DeadlineItem;
import cn.liaoning.ybj.policycheck.report.ReportModel.DeadlineTotal;
import cn.liaoning.ybj.policycheck.report.ReportModel.ErrorView;
import cn.liaoning.ybj.policycheck.report.ReportModel.Item;
import cn.liaoning.ybj.policycheck.report.ReportModel.NoData;
import cn.liaoning.ybj.policycheck.report.ReportModel.Rectification;
import cn.liaoning.ybj.policycheck.report.ReportModel.RectificationItem;
import cn.liaoning.ybj.policycheck.report.ReportModel.StatusView;
import cn.liaoning.ybj.policycheck.report.ReportModel.Summary;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds a {@link ReportModel} from a run: one pass over the cities, sections left to be built lazily. */
final class ModelBuilder {
  static final String TITLE = "辽宁省基本医疗保险政策合规审计报告";
  static final String NO_DATA_ANCHOR = "no-data";
  /** The statuses the per-city chart shows, each on its own scale. */
  private static final List<Status> CHART = List.of(Status.VIOLATION, Status.WARNING, Status.INDETERMINATE, Status.WAIVED, Status.PASS);

  private final RunResult run;
  private final Catalogue catalogue;
  private final Parameters parameters;
  private final LocalDate asOf;
  private final CitySection sections;
  private List<Param> facts;
  private DrlIndex drl;

  ModelBuilder(RunResult run, Catalogue catalogue, Parameters parameters) {
    this.run = run;
    this.asOf = run.asOf();
    // Every summary in the report reads with the parameters in force on the run's as-of date.
    this.catalogue = catalogue.at(parameters, asOf);
    this.parameters = parameters;
    this.sections = new CitySection(this.catalogue, parameters);
  }

  /** A city file and its place: its sort key, and whether it goes into the shared section. */
  private record Entry(String key, String file, CityResult result, Unreadable unreadable, boolean noData) {}

  ReportModel build() {
    Parameters.Document doc = parameters.regulation();
    String regulation = doc.number() + "《" + doc.title() + "》";

    List<Entry> entries = new ArrayList<>();
    for (CityResult c : run.cities()) {
      entries.add(new Entry(ReportModel.codeKey(c.code()), c.file(), c, null, CitySection.noData(c)));
    }
    List<Unreadable> unreadable = Unreadable.of(run);
    for (Unreadable u : unreadable) {
      entries.add(new Entry(ReportModel.codeKey(u.code()), u.file(), null, u, false));
    }
    entries.sort(Comparator.comparing(Entry::key).thenComparing(Entry::file));

    List<Item> items = new ArrayList<>();
    List<Integer> sectionItems = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      boolean section = !e.noData();
      items.add(new Item(e.result(), e.unreadable(), section ? "city-" + (i + 1) : NO_DATA_ANCHOR));
      if (section) {
        sectionItems.add(i);
      }
    }

    List<CityRow> rows = new ArrayList<>();
    List<ChartRow> chart = new ArrayList<>();
    List<DeadlineItem> deadlines = new ArrayList<>();
    List<Rectification> rects = new ArrayList<>();
    Map<String, String> rectAnchors = new LinkedHashMap<>();
    NoDataSection noData = new NoDataSection(catalogue, sections);
    Map<Status, Long> chartMax = new EnumMap<>(Status.class);
    List<Map<Status, Long>> chartCounts = new ArrayList<>();
    Memo memo = new Memo(catalogue);
    int violations = 0;
    int alsoMissing = 0;
    int missing = 0;
    int compliant = 0;
    int compliantWarn = 0;
    for (Item item : items) {
      if (!item.readable()) {
        rows.add(new CityRow("#" + item.anchor(), item.name(), item.code(), item.file(), "unreadable", "文件有误",
            List.of(), List.of(), item.unreadable().firstError()));
        chart.add(new ChartRow(item.name(), "#" + item.anchor(), "文件有误，未能检查", true, List.of()));
        chartCounts.add(Map.of());
        memo.unreadable(item);
        continue;
      }
      CityResult c = item.result();
      Map<Status, Long> totals = CitySection.totals(c);
      rows.add(row(item, c, totals));
      if (c.has(Status.VIOLATION)) {
        violations++;
        alsoMissing += c.has(Status.INDETERMINATE) ? 1 : 0;
      } else if (c.has(Status.INDETERMINATE)) {
        missing++;
      } else {
        compliant++;
        compliantWarn += c.has(Status.WARNING) ? 1 : 0;
      }
      if (CitySection.noData(c)) {
        noData.add(item, sections.sorted(c.findings()), totals);
        continue;
      }
      chart.add(new ChartRow(c.city(), "#" + item.anchor(), null, false, List.of()));
      chartCounts.add(totals);
      CHART.forEach(s -> chartMax.merge(s, totals.getOrDefault(s, 0L), Math::max));
      List<Finding> due = sections.sorted(c.findings()).stream()
          .filter(f -> f.status() == Status.VIOLATION || f.status() == Status.WARNING).toList();
      for (Finding f : due) {
        if (f.deadline() != null) {
          deadlines.add(new DeadlineItem(f.deadline().toString(), DaysLeft.ofNullable(f.daysLeft()), f.daysLeft() < 0,
              c.city(), "#" + item.anchor(), StatusView.of(f.status()), f.rule(), sections.summary(f.rule()), f.subject(),
              Wording.field(f.path()), f.path(), f.message(), orDash(Wording.actual(f)), Wording.requirement(f), f.clause()));
        }
      }
      if (!due.isEmpty()) {
        Rectification r = rectification(item, due, rects.size() + 1);
        rects.add(r);
        rectAnchors.put(item.anchor(), r.anchor());
      }
      memo.city(c, due, CitySection.noData(c));
    }
    // By deadline first; within a date, cities keep their order and findings theirs (stable sort).
    deadlines.sort(Comparator.comparing(DeadlineItem::deadline));

    NoData shared = noData.build();
    if (!shared.empty()) {
      chart.add(new ChartRow(shared.cities().size() + " 个无数据的统筹区", "#" + NO_DATA_ANCHOR,
          noData.uniform() ? "每个" : "每个最多", false, List.of()));
      chartCounts.add(noData.perCity());
      CHART.forEach(s -> chartMax.merge(s, noData.perCity().getOrDefault(s, 0L), Math::max));
    }
    List<ChartColumn> columns = new ArrayList<>();
    for (Status s : CHART) {
      long max = chartMax.getOrDefault(s, 0L);
      if (max > 0 || s != Status.WAIVED) {
        columns.add(new ChartColumn(s.key, s.label, max));
      }
    }
    List<ChartRow> bars = new ArrayList<>();
    for (int i = 0; i < chart.size(); i++) {
      ChartRow r = chart.get(i);
      List<ChartCell> cells = new ArrayList<>();
      if (!r.unreadable()) {
        for (ChartColumn col : columns) {
          long n = chartCounts.get(i).getOrDefault(status(col.key()), 0L);
          cells.add(new ChartCell(col.key(), n, width(n, col.max())));
        }
      }
      bars.add(new ChartRow(r.name(), r.anchor(), r.note(), r.unreadable(), cells));
    }

    int evaluated = (int) catalogue.entries().values().stream().filter(e -> !e.baselineOnly()).count();
    int baselineOnly = catalogue.entries().size() - evaluated;
    Summary summary = summary(items.size(), unreadable, violations, alsoMissing, missing, shared.cities().size(),
        compliant, compliantWarn, evaluated, baselineOnly);

    List<CityView> cityViews = new AbstractList<>() {
      @Override
      public CityView get(int i) {
        Item item = items.get(sectionItems.get(i));
        return sections.build(item, i + 1, rectAnchors.get(item.anchor()));
      }

      @Override
      public int size() {
        return sectionItems.size();
      }
    };
    List<ErrorView> errors = run.errors().stream().map(d -> new ErrorView(Unreadable.location(d), d.message())).toList();
    return new ReportModel(TITLE, regulation, asOf.toString(), summary,
        memo.text(summary, shared, asOf.toString(), regulation), columns, bars,
        catalogue.areas().values().stream().map(a -> new ReportModel.AreaView(a.code(), a.title())).toList(),
        rows, deadlines, rects, shared, cityViews, errors, items, new FindingRows(sections, catalogue), null, null);
  }

  private CityRow row(Item item, CityResult c, Map<Status, Long> totals) {
    Map<String, Map<Status, Long>> byArea = new LinkedHashMap<>();
    catalogue.areas().keySet().forEach(a -> byArea.put(a, new EnumMap<>(Status.class)));
    for (Finding f : c.findings()) {
      Map<Status, Long> m = byArea.get(sections.area(f.rule()));
      if (m != null) {
        m.merge(f.status(), 1L, Long::sum);
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (Catalogue.Area a : catalogue.areas().values()) {
      Map<Status, Long> k = byArea.get(a.code());
      if (k.isEmpty()) {
        cells.add(new Cell(null, a.code(), "none", "未评估", "—", 0, a.code() + " " + a.title() + "：本次没有可评估的规则"));
        continue;
      }
      Status worst = k.keySet().stream().min(Comparator.comparingInt(s -> s.rank)).orElseThrow();
      String detail = a.code() + " " + a.title() + "：" + k.entrySet().stream()
          .map(x -> x.getKey().label + " " + x.getValue()).collect(Collectors.joining("，"));
      String link = item.anchor().equals(NO_DATA_ANCHOR) ? "#" + NO_DATA_ANCHOR : "#" + item.anchor() + "-" + a.code();
      if (worst == Status.INDETERMINATE && !item.anchor().equals(NO_DATA_ANCHOR)) {
        link = "#" + item.anchor() + "-missing";
      }
      cells.add(new Cell(link, a.code(), worst.key, worst.label, ReportModel.mark(worst), k.get(worst), detail));
    }
    List<Count> counts = new ArrayList<>();
    for (Status s : List.of(Status.VIOLATION, Status.WARNING, Status.INDETERMINATE, Status.PASS)) {
      counts.add(new Count(s.key, s.label, totals.getOrDefault(s, 0L)));
    }
    return new CityRow("#" + item.anchor(), c.city(), c.code(), c.file(), CitySection.klass(c), CitySection.klassLabel(c),
        cells, counts, null);
  }

  private Rectification rectification(Item item, List<Finding> due, int number) {
    if (facts == null) {
      facts = parameters.factsAt(asOf);
      drl = DrlIndex.load();
    }
    List<RectificationItem> out = new ArrayList<>();
    LocalDate first = null;
    Long firstDays = null;
    for (Finding f : due) {
      Remedy r = Remedy.of(f, Remedy.among(facts, drl.paramsOf(f.rule())));
      boolean hasDue = f.deadline() != null;
      out.add(new RectificationItem(out.size() + 1, StatusView.of(f.status()), f.strength().label, f.rule(),
          sections.summary(f.rule()), Wording.field(f.path()), f.subject(), f.path(), CitySection.location(f),
          r.from(), r.to(), r.requirement(), ReportModel.refs(f.clause()).stream().map(sections::clause).toList(),
          hasDue ? f.deadline().toString() : null, hasDue ? DaysLeft.ofNullable(f.daysLeft()) : null,
          hasDue && f.daysLeft() < 0));
      if (hasDue && (first == null || f.deadline().isBefore(first))) {
        first = f.deadline();
        firstDays = f.daysLeft();
      }
    }
    CityResult c = item.result();
    return new Rectification("fix-" + number, "#" + item.anchor(), c.city(), c.code(), c.file(), out,
        first == null ? null : first.toString(), DaysLeft.ofNullable(firstDays), firstDays != null && firstDays < 0);
  }

  private Summary summary(int files, List<Unreadable> unreadable, int violations, int alsoMissing, int missing, int noData,
      int compliant, int compliantWarn, int rules, int baselineRules) {
    LocalDate deadline = parameters.date("deadline.standard", asOf);
    LocalDate extended = parameters.date("deadline.extended", asOf);
    Long left = deadline == null ? null : DaysLeft.between(asOf, deadline);
    Map<Status, Long> totals = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      totals.put(s, run.count(s));
    }
    Map<LocalDate, long[]> due = new TreeMap<>();
    run.cities().stream().flatMap(c -> c.findings().stream())
        .filter(f -> f.deadline() != null && (f.status() == Status.VIOLATION || f.status() == Status.WARNING))
        .forEach(f -> due.computeIfAbsent(f.deadline(), d -> new long[2])[f.status() == Status.VIOLATION ? 0 : 1]++);
    List<DeadlineTotal> dueTotals = new ArrayList<>();
    due.forEach((d, n) -> {
      long days = DaysLeft.between(asOf, d);
      dueTotals.add(new DeadlineTotal(d.toString(), DaysLeft.text(days), days < 0, n[0], n[1]));
    });
    int checked = run.cities().size();
    String counted = "有违规 " + violations + " 个，缺数据 " + missing + " 个，合规 " + compliant + " 个";
    String headline = unreadable.isEmpty()
        ? files + " 个统筹区全部已检查：" + counted + "。"
        : "结果不完整：" + unreadable.size() + " 个统筹区（" + String.join("、", unreadable.stream().map(Unreadable::name).toList())
            + "）的文件有误，未能检查，其结论不在本报告的计数之内。已检查的 " + checked + " 个统筹区中：" + counted + "。";
    return new Summary(files, checked, unreadable.size(), violations, alsoMissing, missing, noData, compliant, compliantWarn,
        (int) run.citiesWith(Status.INDETERMINATE), !unreadable.isEmpty(), headline,
        deadline == null ? "—" : deadline.toString(), left == null ? "—" : DaysLeft.text(left), left != null && left < 0,
        extended == null ? null : extended.toString(), CitySection.counts(totals), dueTotals, rules, baselineRules,
        catalogue.entries().size());
  }

  private static Status status(String key) {
    for (Status s : Status.values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(key);
  }

  /** A bar's width in percent of its column's largest count; a count of one or more is always visible. */
  private static String width(long n, long max) {
    if (n == 0 || max == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.1f", Math.max(2.0, 100.0 * n / max));
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "未填" : s;
  }
}
