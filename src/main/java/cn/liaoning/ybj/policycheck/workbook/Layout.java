package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of the data-collection workbook, shared by the writer and the reader: sheet names,
 * header rows, and the rows of the 参数 sheet, all derived from {@link Schema}.
 */
final class Layout {
  private Layout() {}

  /** Version of the workbook layout, written on the 说明 sheet and checked on import. */
  static final String VERSION = "1";

  static final String README = "说明";
  static final String PARAMS = "参数";
  static final String SOURCES = "来源";
  /**
   * A very hidden sheet: each value as the file held it when the workbook was made (field path,
   * value), and the number of items of each list ({@code employee.inpatient.classes#}). The
   * import compares against it, so that a value changed in the file since is not overwritten
   * by the workbook's old copy of it.
   */
  static final String ORIGINALS = "原值";
  static final String COUNT = "#";

  /** 说明 sheet: labels in column A, values in column B. */
  static final String META_CITY = "统筹区";
  static final String META_CODE = "行政区划代码";
  static final String META_FILE = "政策文件";
  static final String META_VERSION = "模板格式";

  static final List<String> PARAM_HEADERS = List.of("项目", "单位", "当前值", "允许取值", "依据条款", "来源", "备注", "字段路径");
  static final int LABEL = 0;
  static final int UNIT = 1;
  static final int VALUE = 2;
  static final int ALLOWED = 3;
  static final int CLAUSES = 4;
  static final int SOURCE = 5;
  static final int REMARK = 6;
  static final int PATH = 7;

  static final List<String> SOURCE_HEADERS = List.of("标题", "发文机关", "文号", "日期", "编号");
  /** The source fields in the 来源 sheet's columns. */
  static final List<String> SOURCE_FIELDS = List.of("title", "issuer", "number", "date", "id");

  /** Rows a clerk may add to a list sheet (hospital classes, sources): sheet protection forbids inserting rows. */
  static final int SPARE_ROWS = 20;

  /** One sheet per hospital-class list. */
  record ClassSheet(String name, String list) {
    /** The class fields in column order (the item's fields, without its source and note). */
    List<String> fields() {
      Obj item = (Obj) ((ListOf) Schema.at(list)).element();
      List<String> out = new ArrayList<>();
      for (String k : item.fields().keySet()) {
        if (!k.equals("source") && !k.equals("note")) {
          out.add(k);
        }
      }
      return out;
    }

    /** Header texts: each field's label with its unit, then 来源 and 备注. */
    List<String> headers() {
      List<String> out = new ArrayList<>();
      for (String f : fields()) {
        Scalar s = Schema.scalarAt(list + "[*]." + f);
        String label = s.label();
        out.add(s.unit().isEmpty() ? label : label + "（" + s.unit() + "）");
      }
      out.add("来源");
      out.add("备注");
      return out;
    }
  }

  static final List<ClassSheet> CLASS_SHEETS = List.of(
      new ClassSheet("职工住院", "employee.inpatient.classes"),
      new ClassSheet("职工门诊", "employee.outpatient.classes"),
      new ClassSheet("居民住院", "resident.inpatient.classes"),
      new ClassSheet("居民门诊", "resident.outpatient.classes"));

  /** Every sheet, in workbook order. */
  static List<String> sheetNames() {
    List<String> out = new ArrayList<>(List.of(README, PARAMS));
    CLASS_SHEETS.forEach(c -> out.add(c.name()));
    out.add(SOURCES);
    return out;
  }

  /**
   * One row of the 参数 sheet: a mapping (its 来源 and 备注 are the mapping's source and note) or a
   * value. {@code ownSource}: the value may name its own source ({@code value_sources}).
   */
  record Row(String path, boolean section, boolean ownSource) {
    String parent() {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? "" : path.substring(0, dot);
    }

    String key() {
      return path.substring(path.lastIndexOf('.') + 1);
    }
  }

  /** Whether a field is a value of the 参数 sheet (not bookkeeping, not inside a list of items). */
  static boolean isValue(Schema.Field f) {
    String p = f.path();
    boolean value = f.type() instanceof Scalar || f.type() instanceof NumberOrRange
        || f.type() instanceof ListOf l && l.element() instanceof Scalar;
    String leaf = p.substring(p.lastIndexOf('.') + 1);
    return value && !p.contains("[") && !p.startsWith("sources") && !p.startsWith("approvals")
        && !p.startsWith("waivers") && !p.contains(Schema.VALUE_SOURCES) && !leaf.equals("source")
        && !leaf.equals("note") && !Set.of("format", "city", "code").contains(p);
  }

  /** The rows of the 参数 sheet, in the file's order: each mapping's row just before its first value. */
  static List<Row> paramRows() {
    List<Row> out = new ArrayList<>();
    Set<String> sections = new LinkedHashSet<>();
    for (Schema.Field f : Schema.fields()) {
      if (!isValue(f)) {
        continue;
      }
      Row r = new Row(f.path(), false, false);
      String parent = r.parent();
      if (!parent.isEmpty() && sections.add(parent)) {
        out.add(new Row(parent, true, false));
      }
      boolean own = !parent.isEmpty() && Schema.at(parent + "." + Schema.VALUE_SOURCES + "." + r.key()) != null;
      out.add(new Row(f.path(), false, own));
    }
    return out;
  }

  /** The choices a field's cell offers: Chinese words, code by code (是/否 for true/false). */
  static Map<String, String> words(Scalar s) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Schema.Choice c : s.choices()) {
      out.put(c.code(), c.label());
    }
    return out;
  }

  /** What a value cell accepts, in words, for the 允许取值 column and the input message. */
  static String allowed(Schema.Type t) {
    if (t instanceof ListOf l && l.element() instanceof Scalar s) {
      return "不区分，或以下一项或几项（用顿号分隔）：" + String.join("、", words(s).values());
    }
    if (t instanceof NumberOrRange nr) {
      return number(nr.number()) + "；可选择的区间写作 60–300";
    }
    Scalar s = (Scalar) t;
    if (!s.choices().isEmpty() && s.kind() != Kind.STRING) {
      return String.join(" / ", words(s).values());
    }
    return switch (s.kind()) {
      case NUMBER, INTEGER -> number(s);
      case DATE -> "日期 YYYY-MM-DD，如 2026-01-01";
      case MONTH_DAY -> "月-日，如 12-31";
      case STRING -> s.choices().isEmpty() ? "文字" : "文字；常见的有：" + String.join(" / ", words(s).values()) + "（也可照来源写出其他名称）";
      default -> "";
    };
  }

  private static String number(Scalar s) {
    String kind = s.kind() == Kind.INTEGER ? "整数" : "数字";
    String unit = s.unit().equals("%") ? "（百分数，8 表示 8%）" : "";
    if (s.max() >= 1_000_000) {
      return kind + " ≥ " + Hints.fmt(s.min()) + unit;
    }
    return kind + " " + Hints.fmt(s.min()) + "–" + Hints.fmt(s.max()) + unit;
  }
}
