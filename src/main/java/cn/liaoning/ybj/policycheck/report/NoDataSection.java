package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.report.ReportModel.Item;
import cn.liaoning.ybj.policycheck.report.ReportModel.MissingField;
import cn.liaoning.ybj.policycheck.report.ReportModel.MissingGroup;
import cn.liaoning.ybj.policycheck.report.ReportModel.NoData;
import cn.liaoning.ybj.policycheck.report.ReportModel.NoDataCity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cities whose files hold no data at all, gathered city by city into one shared section:
 * their names, files and template workbooks, and the union of the data they lack, by area.
 */
final class NoDataSection {
  private final Catalogue catalogue;
  private final CitySection sections;

  final List<NoDataCity> cities = new ArrayList<>();
  final Map<String, Map<String, Field>> byArea = new LinkedHashMap<>();
  final Map<String, Field> fields = new LinkedHashMap<>();
  final Map<Status, Long> perCity = new EnumMap<>(Status.class);
  final Set<String> rules = new LinkedHashSet<>();
  boolean uniform = true;
  Map<Status, Long> first;

  NoDataSection(Catalogue catalogue, CitySection sections) {
    this.catalogue = catalogue;
    this.sections = sections;
    catalogue.areas().keySet().forEach(a -> byArea.put(a, new LinkedHashMap<>()));
  }

  private static final class Field {
    final String path;
    final Set<String> rules = new LinkedHashSet<>();
    final Set<String> clauses = new LinkedHashSet<>();
    int cities;
    int lastCity = -1;

    Field(String path) {
      this.path = path;
    }
  }

  void add(Item item, List<Finding> sorted, Map<Status, Long> totals) {
    String stem = item.file().replace('\\', '/');
    stem = stem.substring(stem.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
    cities.add(new NoDataCity(item.name(), item.code(), item.file(), "reports/templates/" + stem + ".xlsx"));
    if (first == null) {
      first = totals;
    } else if (!first.equals(totals)) {
      uniform = false;
    }
    totals.forEach((s, n) -> perCity.merge(s, n, Math::max));
    for (Finding f : sorted) {
      if (f.status() != Status.INDETERMINATE) {
        continue;
      }
      rules.add(f.rule());
      String key = f.path() == null ? f.rule() : f.path().replaceAll("\\[\\d+]", "[*]");
      Field field = fields.get(key);
      if (field == null) {
        field = new Field(f.path() == null ? null : key);
        fields.put(key, field);
        byArea.computeIfAbsent(sections.area(f.rule()), a -> new LinkedHashMap<>()).put(key, field);
      }
      field.rules.add(f.rule());
      field.clauses.addAll(ReportModel.refs(f.clause()));
      if (field.lastCity != cities.size()) { // counted once per city (the city just added is number cities.size())
        field.cities++;
        field.lastCity = cities.size();
      }
    }
  }

  boolean uniform() {
    return uniform;
  }

  Map<Status, Long> perCity() {
    return perCity;
  }

  NoData build() {
    List<MissingGroup> groups = new ArrayList<>();
    byArea.forEach((code, fs) -> {
      if (!fs.isEmpty()) {
        Catalogue.Area a = catalogue.areas().get(code);
        groups.add(new MissingGroup(code, a == null ? "其他" : a.title(), fs.values().stream().map(this::view).toList()));
      }
    });
    return new NoData(ModelBuilder.NO_DATA_ANCHOR, List.copyOf(cities), groups, fields.size(), rules.size());
  }

  private MissingField view(Field f) {
    Schema.Type t = f.path == null ? null : Schema.at(f.path);
    String label = f.path == null ? sections.summary(f.rules.iterator().next()) : Wording.field(f.path);
    return new MissingField(label, null, Wording.unit(f.path), t == null ? "" : t.help(), null, f.path, null,
        List.copyOf(f.rules), List.copyOf(f.clauses), f.cities);
  }
}
