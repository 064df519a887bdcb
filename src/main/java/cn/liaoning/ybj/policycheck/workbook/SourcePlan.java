package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.yamledit.YamlScalars;
import cn.liaoning.ybj.policycheck.yamledit.YamlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The 来源 sheet against the file's {@code sources}: edits of the listed documents, new documents
 * (with an id given or made up: {@code <file>-1}, {@code <file>-2}, …), and what a 来源 cell's text
 * (a 文号, a title or an id) names.
 */
final class SourcePlan {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}");

  private final Planner p;
  private final List<Src> all = new ArrayList<>();

  SourcePlan(Planner p) {
    this.p = p;
  }

  void plan(Filled f, Doc doc, YamlText y, String stem) {
    List<Src> existing = Src.of(doc);
    all.addAll(existing);
    List<Map<String, String>> added = new ArrayList<>();
    for (Filled.SourceRow r : f.sources()) {
      if (r.index() < existing.size()) {
        edit(existing.get(r.index()), r, y);
      } else if (!r.blank()) {
        Map<String, String> item = add(r, stem, f.workbook());
        if (item != null) {
          added.add(item);
        }
      }
    }
    if (!added.isEmpty()) {
      if (y.size("sources") < 0) {
        p.error(f.workbook() + "!" + Layout.SOURCES, "城市文件中没有 sources 列表（应写 sources: []）：请先在文件中补上");
        return;
      }
      y.appendItems("sources", added, YamlText.ItemStyle.BLOCK);
    }
  }

  private void edit(Src s, Filled.SourceRow r, YamlText y) {
    String base = "sources[" + s.index() + "]";
    String where = p.cell(Layout.SOURCES, r.excelRow(), 0);
    if (r.blank()) {
      p.notice(where + "：来源“" + s.display() + "”一行被清空；来源不能在工作簿中删除（文件中其他值可能引用它），已保留");
      return;
    }
    // A row of the file's sources keeps its id. A row a clerk added and an earlier import listed
    // has none in the workbook: it is the same document when its 文号 or title is.
    boolean same = r.id() == null
        ? r.number() != null && r.number().equals(s.number()) || r.title() != null && r.title().equals(s.title())
        : r.id().equals(s.id());
    if (!same) {
      p.error(p.cell(Layout.SOURCES, r.excelRow(), 4), r.id() == null
          ? "这一行对应文件中的来源“" + s.id() + "”（" + s.display() + "），但编号为空、文号和标题也都不同：已有来源的编号不能删去；新来源请写在空行"
          : "已有来源的编号不能修改（原为“" + s.id() + "”）");
      return;
    }
    String[] now = {r.title(), r.issuer(), r.number(), r.date()};
    String[] was = {s.title(), s.issuer(), s.number(), s.date()};
    for (int i = 0; i < now.length; i++) {
      String key = Layout.SOURCE_FIELDS.get(i);
      if (now[i] == null && was[i] != null) {
        if (p.allowClear()) {
          y.setScalar(base + "." + key, "null");
          p.change("来源 " + s.id() + " 的" + Layout.SOURCE_HEADERS.get(i) + "：" + was[i] + " → 未填");
        } else {
          p.notice("来源 " + s.id() + " 的" + Layout.SOURCE_HEADERS.get(i) + "在工作簿中为空，保留原值“" + was[i] + "”");
        }
      } else if (now[i] != null && !now[i].equals(was[i])) {
        p.set(base, key, now[i], List.of());
        p.change("来源 " + s.id() + " 的" + Layout.SOURCE_HEADERS.get(i) + "：" + (was[i] == null ? "未填" : was[i]) + " → " + now[i]);
      }
    }
    all.set(s.index(), new Src(s.index(), s.id(), now[0] != null ? now[0] : was[0], now[1] != null ? now[1] : was[1],
        now[2] != null ? now[2] : was[2], now[3] != null ? now[3] : was[3]));
  }

  private Map<String, String> add(Filled.SourceRow r, String stem, String workbook) {
    if (r.title() == null && r.number() == null) {
      p.error(p.cell(Layout.SOURCES, r.excelRow(), 0), "新来源至少要写标题或文号");
      return null;
    }
    String id = r.id();
    if (id == null) {
      int n = 1;
      while (byId(stem + "-" + n) != null) {
        n++;
      }
      id = stem + "-" + n;
    } else if (!ID.matcher(id).matches()) {
      p.error(p.cell(Layout.SOURCES, r.excelRow(), 4), "编号“" + Values.visible(Hints.clip(id))
          + "”只能用英文字母、数字和 - _ .（如 dl-2025-1），或留空由导入自动生成");
      return null;
    } else if (byId(id) != null) {
      p.error(p.cell(Layout.SOURCES, r.excelRow(), 4), "编号“" + id + "”已被另一个来源使用");
      return null;
    }
    Src s = new Src(-1, id, r.title(), r.issuer(), r.number(), r.date());
    all.add(s);
    Map<String, String> item = new LinkedHashMap<>();
    item.put("id", YamlScalars.text(id, false));
    String[] values = {r.title(), r.issuer(), r.number(), r.date()};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        item.put(Layout.SOURCE_FIELDS.get(i), YamlScalars.text(values[i], false));
      }
    }
    p.change("新增来源 " + id + "：" + s.display() + (r.issuer() == null ? "" : "（" + r.issuer() + "）"));
    return item;
  }

  private Src byId(String id) {
    return Src.byId(all, id);
  }

  /** The id of the source a 来源 cell names, or null (with the problem noted at the cell). */
  String resolve(String text, String cell) {
    for (Src s : all) {
      if (s.id() != null && s.id().equals(text.strip())) {
        return s.id(); // an id names one source, whatever the titles say
      }
    }
    List<Src> hits = new ArrayList<>();
    for (Src s : all) {
      if (s.named(text)) {
        hits.add(s);
      }
    }
    if (hits.size() == 1) {
      return hits.get(0).id();
    }
    if (hits.size() > 1) {
      p.error(cell, "“" + Values.visible(Hints.clip(text)) + "”同时是几个来源的文号或标题：请写其文号或编号以区分");
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Src s : all) {
      names.add(s.display());
    }
    String hint = Hints.closest(text, names);
    p.error(cell, "来源“" + Values.visible(Hints.clip(text)) + "”不在“来源”表中" + (hint == null ? "" : "（是否想写“" + hint + "”？）")
        + "：请先在“来源”表的空行登记该文件（标题、发文机关、文号、日期）");
    return null;
  }

  /** How a source is named in the change list: "沈医保发〔2024〕28号" or its title. */
  String display(String id) {
    Src s = byId(id);
    return s == null ? id : s.display();
  }
}
