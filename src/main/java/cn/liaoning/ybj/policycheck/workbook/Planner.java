package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.yamledit.YamlScalars;
import cn.liaoning.ybj.policycheck.yamledit.YamlText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Works out how a city file changes to say what its filled workbook says: only the values that
 * differ, each with its source (the source of its mapping, or of the value itself where the
 * mapping's values come from different documents), new hospital classes and sources as lines in
 * the file's own style. An emptied cell clears a known value only when asked to ({@code allowClear}).
 */
final class Planner {
  private final Filled f;
  private final Doc doc;
  private final YamlText y;
  private final boolean allowClear;
  private final String stem;
  private final SourcePlan sources = new SourcePlan(this);
  final List<Filled.Problem> errors = new ArrayList<>();
  final List<String> changes = new ArrayList<>();
  final List<String> notices = new ArrayList<>();
  /** Every value set, by path: the edited file must read back with these values. */
  final Map<String, Object> expected = new LinkedHashMap<>();
  /** Lists an item was removed from: the paths of the items after it shift. */
  final Set<String> shifted = new HashSet<>();

  Planner(Filled f, String fileName, String text, Doc doc, boolean allowClear) {
    this.f = f;
    this.doc = doc;
    this.y = YamlText.of(text);
    this.allowClear = allowClear;
    this.stem = fileName.replaceAll("\\.ya?ml$", "");
  }

  /** Plans every edit; the new text, or the old one when nothing changes. */
  String plan() {
    sources.plan(f, doc, y, stem);
    params();
    for (Layout.ClassSheet c : Layout.CLASS_SHEETS) {
      List<Filled.ClassRow> rows = f.classes().get(c.list());
      if (rows != null) {
        new ClassPlan(this, c, doc, y).plan(rows);
      }
    }
    return y.apply();
  }

  boolean allowClear() {
    return allowClear;
  }

  void error(String cell, String message) {
    errors.add(new Filled.Problem(cell, message));
  }

  void change(String line) {
    changes.add(Values.visible(line));
  }

  void notice(String line) {
    notices.add(Values.visible(line));
  }

  String cell(String sheet, int row, int col) {
    return f.workbook() + "!" + sheet + "!" + new org.apache.poi.ss.util.CellReference(row, col).formatAsString(false);
  }

  SourcePlan sources() {
    return sources;
  }

  Map<String, String> originals() {
    return f.originals();
  }

  // ---------------------------------------------------------------------------------------------

  private void params() {
    Map<String, Filled.Param> sections = new HashMap<>();
    Map<String, List<Filled.Param>> valuesOf = new LinkedHashMap<>();
    for (Filled.Param p : f.params()) {
      if (p.row().section()) {
        sections.put(p.row().path(), p);
      } else {
        valuesOf.computeIfAbsent(p.row().parent(), k -> new ArrayList<>()).add(p);
      }
    }
    for (Filled.Param p : f.params()) {
      if (p.row().section()) {
        section(p, valuesOf.getOrDefault(p.row().path(), List.of()));
      }
    }
    for (Map.Entry<String, List<Filled.Param>> e : valuesOf.entrySet()) {
      Map<String, String> own = new LinkedHashMap<>();
      for (Filled.Param p : e.getValue()) {
        value(p, own);
      }
      valueSources(e.getKey(), own);
    }
  }

  /** A mapping's source and note. With no source of its own or above, one source named by all its values becomes its source. */
  private void section(Filled.Param s, List<Filled.Param> values) {
    String m = s.row().path();
    String id = s.source() == null ? null : sources.resolve(s.source(), s.sourceCell());
    if (s.source() == null && inherited(m) == null && !hasValueSources(m)) {
      Set<String> named = new HashSet<>();
      for (Filled.Param v : values) {
        if (v.source() != null && v.value() != null) {
          named.add(v.source());
        }
      }
      if (named.size() == 1) {
        Filled.Param first = values.stream().filter(v -> v.source() != null && v.value() != null).findFirst().orElseThrow();
        id = sources.resolve(first.source(), first.sourceCell());
        sectionSourceFromValues.add(m);
      }
    }
    String was = doc.string(m + ".source");
    String label = Schema.at(m).label();
    if (id != null && !id.equals(was)) {
      planned.put(m, id);
      set(m, "source", id, keysExcept(m, Set.of("source")));
      change(label + " 的来源：" + (was == null ? "未注明" : sources.display(was)) + " → " + sources.display(id));
    } else if (s.source() == null && was != null && !sectionSourceFromValues.contains(m)) {
      clearOrKeep(m + ".source", label + " 的来源", sources.display(was));
    }
    String note = s.remark();
    String wasNote = doc.string(m + ".note");
    if (note != null && !note.equals(wasNote)) {
      set(m, "note", note, keysExcept(m, Set.of("source", "note")));
      change(label + " 的备注：" + (wasNote == null ? "无" : "“" + Hints.clip(wasNote) + "”") + " → “" + Hints.clip(note) + "”");
    } else if (note == null && wasNote != null) {
      clearOrKeep(m + ".note", label + " 的备注", "“" + Hints.clip(wasNote) + "”");
    }
  }

  /** Mappings whose source was set from the one source their values name (their values need no own source). */
  private final Set<String> sectionSourceFromValues = new HashSet<>();

  private void value(Filled.Param p, Map<String, String> own) {
    String path = p.row().path();
    String label = Schema.label(path);
    Object was = current(path);
    Object now = p.value();
    if (changedSince(path, was, now, label, p.cell())) {
      return;
    }
    boolean changed = false;
    if (!y.has(path) && p.remark() != null) {
      pendingComments.put(path, oneLine(p.remark())); // the key is added below: its remark goes on its line
    }
    if (now == null) {
      if (was != null) {
        if (allowClear) {
          y.setScalar(path, "null");
          change(label + "：" + Show.value(path, was) + " → 未填（已清除）");
        } else {
          notice(p.cell() + "：" + label + "在工作簿中为空，保留原值 " + Show.value(path, was) + "（要清除请加 --allow-clear）");
        }
      }
    } else if (!same(was, now)) {
      set(p.row().parent(), p.row().key(), now, following(p.row().parent(), p.row().key()));
      changed = true;
    }
    String id = null;
    String ownWas = p.row().ownSource() ? doc.string(p.row().parent() + "." + Schema.VALUE_SOURCES + "." + p.row().key()) : null;
    if (p.source() != null && !sectionSourceFromValues.contains(p.row().parent())) {
      id = sources.resolve(p.source(), p.sourceCell());
      if (id != null && !id.equals(ownWas) && !(ownWas == null && id.equals(inherited(p.row().parent())))) {
        own.put(p.row().key(), id);
        if (!changed) {
          change(label + " 的来源：" + (ownWas == null ? "未注明" : sources.display(ownWas)) + " → " + sources.display(id));
        }
      }
    } else if (p.source() == null && ownWas != null) {
      clearOrKeep(p.row().parent() + "." + Schema.VALUE_SOURCES + "." + p.row().key(), label + " 的来源", sources.display(ownWas));
    }
    if (changed) {
      String src = id != null ? id : ownWas != null ? ownWas : inherited(p.row().parent());
      change(label + "：" + Show.value(path, was) + " → " + Show.value(path, now)
          + (src == null ? "（未注明来源）" : "（来源：" + sources.display(src) + "）"));
    }
    remark(path, p.remark(), label, p.cell());
  }

  /**
   * Whether the file's value changed after the workbook was made (the workbook's 原值 says what it
   * was then). If the workbook left the value as it was, the file's newer value stays (noted); if
   * the workbook changed it too, to something else, that is a conflict (an error at the cell).
   * Either way the row is not applied.
   */
  boolean changedSince(String path, Object was, Object now, String label, String cell) {
    String then = f.originals().get(path);
    if (then == null || then.equals(Show.canonical(was))) {
      return false;
    }
    if (then.equals(Show.canonical(now))) {
      notice(cell + "：" + label + "在生成本填报表之后已在文件中改为 " + Show.value(path, was) + "，工作簿未改动此项，保留文件中的值");
    } else if (!same(was, now)) {
      error(cell, label + "：生成填报表时文件中为 " + (then.isEmpty() ? "未填" : then) + "，之后文件已改为 " + Show.value(path, was)
          + "，工作簿中又填为 " + Show.value(path, now) + "：请核对后用 policy-check template 重新生成填报表再填写");
    }
    return true;
  }

  /** A value's remark: the comment at the end of its line. */
  void remark(String path, String remark, String label, String cell) {
    if (!y.has(path)) {
      return; // an added key: its remark is written with it
    }
    String was = y.lineComment(path);
    if (remark != null && !oneLine(remark).equals(was)) {
      y.setLineComment(path, oneLine(remark));
      change(label + " 的备注：" + (was.isEmpty() ? "无" : "“" + Hints.clip(was) + "”") + " → “" + Hints.clip(oneLine(remark)) + "”");
    } else if (remark == null && !was.isEmpty()) {
      if (allowClear) {
        y.setLineComment(path, "");
        change(label + " 的备注：“" + Hints.clip(was) + "” → 无（已清除）");
      } else {
        notice(cell + "：" + label + "的备注在工作簿中为空，保留原注释（要清除请加 --allow-clear）");
      }
    }
  }

  /** Comments for keys that are added (they go on the new line). */
  private final Map<String, String> pendingComments = new HashMap<>();

  static String oneLine(String s) {
    return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  private void valueSources(String mapping, Map<String, String> own) {
    if (own.isEmpty()) {
      return;
    }
    String vs = mapping + "." + Schema.VALUE_SOURCES;
    if (y.has(vs) && !(y.node(vs) instanceof org.yaml.snakeyaml.nodes.ScalarNode)) {
      for (Map.Entry<String, String> e : own.entrySet()) {
        set(vs, e.getKey(), e.getValue(), following(vs, e.getKey()));
      }
    } else {
      Map<String, Object> m = new LinkedHashMap<>(own);
      String text = Show.flowMap(m);
      if (y.has(vs)) {
        y.setScalar(vs, text);
      } else {
        add(mapping, Schema.VALUE_SOURCES, text, keysExcept(mapping, Set.of("source", "note", Schema.VALUE_SOURCES)));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Sets {@code mapping.key} to a value: replaces the value written there, or adds the key. */
  void set(String mapping, String key, Object value, List<String> before) {
    String path = mapping.isEmpty() ? key : mapping + "." + key;
    expected.put(path, value);
    boolean flow = y.isFlow(mapping);
    String text = value instanceof Doc.Range r ? Show.range(r) : YamlScalars.format(value, flow);
    if (y.has(path)) {
      if (y.node(path) instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
        y.setScalar(path, text);
      } else if (y.isFlow(path)) {
        y.setFlow(path, text);
      } else {
        error(f.workbook(), "文件中 " + path + " 写成了多行的列表或映射，工作簿无法改写它：请直接编辑 YAML 文件");
      }
    } else {
      add(mapping, key, text, before);
    }
  }

  private void add(String mapping, String key, String text, List<String> before) {
    if (!y.has(mapping) || y.node(mapping) instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
      error(f.workbook(), "城市文件中没有 " + mapping + "（或为 null），无法在其中加入 " + key + "：请先在文件中写出这一节");
      return;
    }
    String path = mapping.isEmpty() ? key : mapping + "." + key;
    String comment = pendingComments.remove(path);
    y.addKey(mapping, key, comment == null || y.isFlow(mapping) ? text : text + "  # " + comment, before);
  }

  private void clearOrKeep(String path, String what, String was) {
    if (allowClear) {
      y.setScalar(path, "null");
      change(what + "：" + was + " → 未注明（已清除）");
    } else {
      notice(what + "在工作簿中为空，保留原值 " + was + "（要清除请加 --allow-clear）");
    }
  }

  /** The value the file holds at a path, as the workbook reads it (a list of factors, a range, a scalar). */
  Object current(String path) {
    if (Cells.isFactors(Schema.at(path))) {
      return doc.strings(path);
    }
    return doc.values().get(path);
  }

  /** Mapping sources this import sets. */
  private final Map<String, String> planned = new HashMap<>();

  /** The source named by a mapping or the nearest mapping above it (as this import leaves them); null when none is. */
  String inherited(String mapping) {
    String m = mapping;
    while (true) {
      String id = planned.containsKey(m) ? planned.get(m) : doc.string(m.isEmpty() ? "source" : m + ".source");
      if (id != null || m.isEmpty()) {
        return id;
      }
      int dot = m.lastIndexOf('.');
      m = dot < 0 ? "" : m.substring(0, dot);
    }
  }

  private boolean hasValueSources(String mapping) {
    String prefix = mapping + "." + Schema.VALUE_SOURCES + ".";
    return doc.values().keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  /** The keys of a mapping after {@code key} in the format's order: a new key goes before the first written one. */
  static List<String> following(String mapping, String key) {
    Schema.Type t = Schema.at(mapping.replaceAll("\\[\\d+]", "[*]"));
    List<String> out = new ArrayList<>();
    if (t instanceof Obj o) {
      boolean after = false;
      for (String k : o.fields().keySet()) {
        if (after && !Set.of("source", "note", Schema.VALUE_SOURCES).contains(k)) {
          out.add(k);
        }
        after |= k.equals(key);
      }
    }
    return out;
  }

  /** Every key of a mapping but these: source and note go before all of them. */
  static List<String> keysExcept(String mapping, Set<String> except) {
    Schema.Type t = Schema.at(mapping.replaceAll("\\[\\d+]", "[*]"));
    List<String> out = new ArrayList<>();
    if (t instanceof Obj o) {
      for (String k : o.fields().keySet()) {
        if (!except.contains(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** Equal values; numbers by value (300 and 300.0 are the same). */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number z) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(z.toString())) == 0;
    }
    if (a instanceof Doc.Range r && b instanceof Doc.Range s) {
      return same(r.min(), s.min()) && same(r.max(), s.max());
    }
    return Objects.equals(a, b);
  }
}
