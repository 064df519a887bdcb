package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.yamledit.YamlScalars;
import cn.liaoning.ybj.policycheck.yamledit.YamlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hospital-class sheet against its list in the file: changed values of the listed classes,
 * classes added in the spare rows (one line each, as the file writes them), and — only with
 * {@code allowClear} — a listed class whose row was emptied is removed.
 */
final class ClassPlan {
  private final Planner p;
  private final Layout.ClassSheet sheet;
  private final Doc doc;
  private final YamlText y;
  private final String list;
  private final String itemLabel;

  ClassPlan(Planner p, Layout.ClassSheet sheet, Doc doc, YamlText y) {
    this.p = p;
    this.sheet = sheet;
    this.doc = doc;
    this.y = y;
    this.list = sheet.list();
    this.itemLabel = Schema.label(list + "[*]");
  }

  void plan(List<Filled.ClassRow> rows) {
    int n = Math.max(0, doc.size(list));
    List<String> fields = sheet.fields();
    String then = p.originals().get(list + Layout.COUNT);
    if (then != null && !then.equals(String.valueOf(n)) && !sameAsFile(rows, n, fields)) {
      // Rows are matched to the file's classes by position: with classes added or removed since
      // the workbook was made, a row would land on another class.
      p.error(p.cell(sheet.name(), 0, 0), itemLabel + "：生成填报表时文件中有 " + then + " 个类别，现在有 " + n
          + " 个：请用 policy-check template 重新生成填报表，再把改动填入新表");
      return;
    }
    List<Map<String, String>> added = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    int removed = 0;
    for (Filled.ClassRow r : rows) {
      String nameCell = p.cell(sheet.name(), r.excelRow(), 0);
      if (r.index() < n) {
        String item = list + "[" + r.index() + "]";
        String wasName = doc.string(item + ".name");
        if (r.blank()) {
          if (p.allowClear()) {
            y.removeItem(list, r.index());
            p.shifted.add(list);
            removed++;
            p.change(itemLabel + "“" + wasName + "”：删除（工作簿中该行已清空）");
          } else {
            p.notice(nameCell + "：" + itemLabel + "“" + wasName + "”一行在工作簿中为空，保留该类别（要删除请加 --allow-clear）");
          }
          continue;
        }
        existing(r, item, wasName, fields);
      } else if (!r.blank()) {
        Map<String, String> item = added(r, fields);
        if (item != null) {
          added.add(item);
          comments.add(r.remark() == null ? null : Planner.oneLine(r.remark()));
        }
      }
      Object name = r.values().get("name");
      if (name == null && !r.blank()) {
        p.error(nameCell, itemLabel + "：类别名称不能为空");
      } else if (name != null) {
        String first = names.putIfAbsent(name.toString().strip(), nameCell);
        if (first != null) {
          p.error(nameCell, itemLabel + "：类别名称“" + Values.visible(name.toString()) + "”重复（另见 " + first + "）");
        }
      }
    }
    if (removed > 0 && removed == n && added.isEmpty()) {
      p.error(p.cell(sheet.name(), 1, 0), itemLabel + "：不能在工作簿中删除全部类别（文件将没有这一项）：请直接编辑 YAML 文件");
      return;
    }
    if (!added.isEmpty()) {
      if (y.size(list) < 0) {
        p.error(p.cell(sheet.name(), 1, 0), "城市文件中没有 " + list + " 列表（应写 classes: []）：请先在文件中补上");
        return;
      }
      y.appendItems(list, added, YamlText.ItemStyle.FLOW, comments);
    }
  }

  /** Whether the sheet says exactly what the file's list holds (a workbook imported before). */
  private boolean sameAsFile(List<Filled.ClassRow> rows, int n, List<String> fields) {
    if (rows.size() != n) {
      return false;
    }
    for (Filled.ClassRow r : rows) {
      for (String field : fields) {
        if (!Planner.same(doc.values().get(list + "[" + r.index() + "]." + field), r.values().get(field))) {
          return false;
        }
      }
    }
    return true;
  }

  private void existing(Filled.ClassRow r, String item, String wasName, List<String> fields) {
    String shown = itemLabel + "“" + (wasName == null ? "" : wasName) + "”";
    String id = r.source() == null ? null : p.sources().resolve(r.source(), r.sourceCell());
    String wasSource = doc.string(item + ".source");
    for (int c = 0; c < fields.size(); c++) {
      String field = fields.get(c);
      String path = item + "." + field;
      Object was = doc.values().get(path);
      Object now = r.values().get(field);
      String label = Schema.at(list + "[*]." + field).label();
      if (p.changedSince(path, was, now, shown + " · " + label, p.cell(sheet.name(), r.excelRow(), c))) {
        continue;
      }
      if (now == null && was != null) {
        if (field.equals("name")) {
          continue; // reported by the caller
        }
        if (p.allowClear()) {
          y.setScalar(path, "null");
          p.change(shown + " · " + label + "：" + Show.value(path, was) + " → 未填（已清除）");
        } else {
          p.notice(p.cell(sheet.name(), r.excelRow(), c) + "：" + shown + " · " + label + "在工作簿中为空，保留原值 "
              + Show.value(path, was) + "（要清除请加 --allow-clear）");
        }
      } else if (now != null && !Planner.same(was, now)) {
        p.set(item, field, now, Planner.following(item, field));
        String src = id != null ? id : wasSource != null ? wasSource : p.inherited(list.substring(0, list.lastIndexOf('.')));
        p.change(shown + " · " + label + "：" + Show.value(path, was) + " → " + Show.value(path, now)
            + (src == null ? "（未注明来源）" : "（来源：" + p.sources().display(src) + "）"));
      }
    }
    if (id != null && !id.equals(wasSource)) {
      p.set(item, "source", id, List.of());
      p.change(shown + " 的来源：" + (wasSource == null ? "未注明" : p.sources().display(wasSource)) + " → " + p.sources().display(id));
    } else if (r.source() == null && wasSource != null) {
      p.notice(shown + " 的来源在工作簿中为空，保留原值 " + p.sources().display(wasSource));
    }
    p.remark(item, r.remark(), shown, p.cell(sheet.name(), r.excelRow(), fields.size() + 1));
  }

  private Map<String, String> added(Filled.ClassRow r, List<String> fields) {
    if (r.values().get("name") == null) {
      return null; // reported by the caller
    }
    Map<String, String> item = new LinkedHashMap<>();
    StringBuilder what = new StringBuilder();
    for (String field : fields) {
      Object v = r.values().get(field);
      item.put(field, YamlScalars.format(v, true));
      if (!field.equals("name") && v != null) {
        what.append(what.isEmpty() ? "" : "，").append(Schema.at(list + "[*]." + field).label()).append(" ")
            .append(Show.value(list + "[*]." + field, v));
      }
    }
    String id = r.source() == null ? null : p.sources().resolve(r.source(), r.sourceCell());
    if (id != null) {
      item.put("source", YamlScalars.format(id, true));
    }
    String src = id != null ? id : p.inherited(list.substring(0, list.lastIndexOf('.')));
    p.change(itemLabel + " 新增“" + r.values().get("name") + "”：" + what
        + (src == null ? "（未注明来源）" : "（来源：" + p.sources().display(src) + "）"));
    return item;
  }
}
