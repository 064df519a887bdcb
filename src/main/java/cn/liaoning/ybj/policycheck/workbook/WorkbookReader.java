package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a filled workbook: checks its sheets and header rows, then reads every cell it knows with
 * the loader's rules ({@link Values}), collecting every problem with its cell. Nothing is
 * evaluated: a formula cell is a problem, not a value.
 */
public final class WorkbookReader {
  /** Most rows read from one sheet: a template has under a hundred. */
  static final int MAX_ROWS = 400;

  private final String name;
  private final List<Filled.Problem> problems = new ArrayList<>();
  private final List<Filled.Problem> warnings = new ArrayList<>();

  private WorkbookReader(String name) {
    this.name = name;
  }

  /** A workbook that could not be opened at all (the reason in words). */
  public static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads the workbook at {@code file}; {@code name} is how messages name it (as the user gave it).
   *
   * @throws Unreadable when the file is not a readable .xlsx (see {@link SafeOpen})
   */
  static Filled read(Path file, String name) throws Unreadable {
    XSSFWorkbook wb;
    try {
      wb = SafeOpen.open(file);
    } catch (SafeOpen.Refused e) {
      throw new Unreadable(e.getMessage());
    }
    try (wb) {
      return new WorkbookReader(name).read(wb);
    } catch (IOException e) {
      throw new Unreadable("无法读取文件：" + SafeOpen.reason(e));
    } catch (RuntimeException e) {
      throw new Unreadable("工作簿内容无法读取（" + e.getClass().getSimpleName() + "）：文件可能已损坏");
    }
  }

  private Filled read(XSSFWorkbook wb) {
    List<String> present = new ArrayList<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      present.add(Values.visible(wb.getSheetName(i)));
    }
    Map<String, XSSFSheet> sheets = new HashMap<>();
    for (String s : Layout.sheetNames()) {
      XSSFSheet sh = wb.getSheet(s);
      if (sh == null) {
        String hint = Hints.closest(s, present);
        problems.add(new Filled.Problem(name, "缺少工作表“" + s + "”（工作簿中有：" + String.join("、", present) + "）"
            + (hint != null ? "，是否被改名为“" + hint + "”？" : "")
            + "：请在本工具生成的模板中填写，不要改工作表的名称"));
      } else {
        sheets.put(s, sh);
      }
    }
    Filled.Meta meta = sheets.containsKey(Layout.README) ? meta(sheets.get(Layout.README)) : null;
    List<Filled.Param> params = sheets.containsKey(Layout.PARAMS) ? params(sheets.get(Layout.PARAMS)) : List.of();
    Map<String, List<Filled.ClassRow>> classes = new LinkedHashMap<>();
    for (Layout.ClassSheet c : Layout.CLASS_SHEETS) {
      if (sheets.containsKey(c.name())) {
        classes.put(c.list(), classes(sheets.get(c.name()), c));
      }
    }
    List<Filled.SourceRow> sources = sheets.containsKey(Layout.SOURCES) ? sources(sheets.get(Layout.SOURCES)) : List.of();
    return new Filled(name, meta, params, classes, sources, originals(wb.getSheet(Layout.ORIGINALS)), problems, warnings);
  }

  private Filled.Meta meta(XSSFSheet sh) {
    Map<String, String> m = new HashMap<>();
    for (int r = 0; r <= Math.min(sh.getLastRowNum(), 20); r++) {
      Row row = sh.getRow(r);
      if (row == null) {
        continue;
      }
      String label = text(row.getCell(0), sh);
      if (label != null) {
        m.put(label, text(row.getCell(1), sh));
      }
    }
    if (!m.containsKey(Layout.META_FILE) || !m.containsKey(Layout.META_CITY)) {
      problems.add(new Filled.Problem(name + "!" + Layout.README, "“说明”表中没有“" + Layout.META_CITY + "”和“" + Layout.META_FILE
          + "”：无法确定这份工作簿属于哪个统筹区（请用本工具生成的模板）"));
      return null;
    }
    String version = m.get(Layout.META_VERSION);
    if (!Layout.VERSION.equals(version)) {
      problems.add(new Filled.Problem(name + "!" + Layout.README, "模板格式“" + (version == null ? "" : Values.visible(version))
          + "”不是本工具的格式 " + Layout.VERSION + "：请用 policy-check template 重新生成模板"));
    }
    return new Filled.Meta(m.get(Layout.META_CITY), m.get(Layout.META_CODE), m.get(Layout.META_FILE), version);
  }

  /** Checks the header row; false (with the problem noted) when a column was moved, renamed or removed. */
  private boolean header(XSSFSheet sh, List<String> expected) {
    Row row = sh.getRow(0);
    for (int c = 0; c < expected.size(); c++) {
      String got = row == null ? null : text(row.getCell(c), sh);
      if (!expected.get(c).equals(got)) {
        String where = cell(sh, 0, c);
        problems.add(new Filled.Problem(where, "表头应为“" + expected.get(c) + "”，这里是"
            + (got == null ? "空白" : "“" + Values.visible(Hints.clip(got)) + "”")
            + "：列被移动、插入、删除或改名了；请在本工具生成的模板中填写，不要改动列"));
        return false;
      }
    }
    return true;
  }

  private List<Filled.Param> params(XSSFSheet sh) {
    List<Filled.Param> out = new ArrayList<>();
    if (!header(sh, Layout.PARAM_HEADERS)) {
      return out;
    }
    Map<String, Layout.Row> known = new HashMap<>();
    for (Layout.Row r : Layout.paramRows()) {
      known.put(r.path(), r);
    }
    Map<String, String> seen = new HashMap<>();
    for (int r = 1; r <= Math.min(sh.getLastRowNum(), MAX_ROWS); r++) {
      Row row = sh.getRow(r);
      String path = row == null ? null : text(row.getCell(Layout.PATH), sh);
      if (path == null) {
        continue;
      }
      String pathCell = cell(sh, r, Layout.PATH);
      Layout.Row lr = known.get(path);
      if (lr == null) {
        String hint = Hints.closest(path, new ArrayList<>(known.keySet()));
        problems.add(new Filled.Problem(pathCell, "字段路径“" + Values.visible(Hints.clip(path)) + "”不是城市文件的字段"
            + (hint == null ? "" : "（是否想写 " + hint + "？）") + "：请不要改动“字段路径”列"));
        continue;
      }
      String first = seen.putIfAbsent(path, pathCell);
      if (first != null) {
        problems.add(new Filled.Problem(pathCell, "字段路径“" + path + "”重复（第一次出现在 " + first + "）"));
        continue;
      }
      String valueCell = cell(sh, r, Layout.VALUE);
      Object value = null;
      if (!lr.section()) {
        Schema.Type t = Schema.at(path);
        Values.Read v = Values.read(Cells.read(row.getCell(Layout.VALUE)), t, path);
        String label = Schema.label(path);
        if (v.error() != null) {
          problems.add(new Filled.Problem(valueCell, label + "：" + v.error()));
          continue;
        }
        if (v.warning() != null) {
          warnings.add(new Filled.Problem(valueCell, label + "：" + v.warning()));
        }
        value = v.value();
      }
      String source = lr.section() || lr.ownSource() ? text(row.getCell(Layout.SOURCE), sh) : null;
      String remark = text(row.getCell(Layout.REMARK), sh);
      out.add(new Filled.Param(lr, valueCell, value, source, cell(sh, r, Layout.SOURCE), remark));
    }
    return out;
  }

  private List<Filled.ClassRow> classes(XSSFSheet sh, Layout.ClassSheet c) {
    List<Filled.ClassRow> out = new ArrayList<>();
    if (!header(sh, c.headers())) {
      return out;
    }
    List<String> fields = c.fields();
    for (int r = 1; r <= Math.min(sh.getLastRowNum(), MAX_ROWS); r++) {
      Row row = sh.getRow(r);
      Map<String, Object> values = new LinkedHashMap<>();
      boolean blank = true;
      boolean ok = true;
      for (int f = 0; f < fields.size(); f++) {
        String path = c.list() + "[*]." + fields.get(f);
        Cells.Content content = Cells.read(row == null ? null : row.getCell(f));
        blank &= content.empty();
        Values.Read v = Values.read(content, Schema.at(path), path);
        if (v.error() != null) {
          problems.add(new Filled.Problem(cell(sh, r, f), Schema.label(path) + "：" + v.error()));
          ok = false;
          continue;
        }
        if (v.warning() != null) {
          warnings.add(new Filled.Problem(cell(sh, r, f), Schema.label(path) + "：" + v.warning()));
        }
        values.put(fields.get(f), v.value());
      }
      String source = row == null ? null : text(row.getCell(fields.size()), sh);
      String remark = row == null ? null : text(row.getCell(fields.size() + 1), sh);
      blank &= source == null && remark == null;
      if (ok) {
        out.add(new Filled.ClassRow(r - 1, r, values, source, cell(sh, r, fields.size()), remark, blank));
      }
    }
    // Trailing blank rows (the spare ones) say nothing.
    while (!out.isEmpty() && out.get(out.size() - 1).blank()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private List<Filled.SourceRow> sources(XSSFSheet sh) {
    List<Filled.SourceRow> out = new ArrayList<>();
    if (!header(sh, Layout.SOURCE_HEADERS)) {
      return out;
    }
    for (int r = 1; r <= Math.min(sh.getLastRowNum(), MAX_ROWS); r++) {
      Row row = sh.getRow(r);
      String[] v = new String[Layout.SOURCE_FIELDS.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = row == null ? null : text(row.getCell(c), sh);
      }
      boolean blank = java.util.Arrays.stream(v).allMatch(x -> x == null);
      out.add(new Filled.SourceRow(r - 1, r, v[0], v[1], v[2], v[3], v[4], blank));
    }
    while (!out.isEmpty() && out.get(out.size() - 1).blank()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The 原值 sheet: field path → value when the workbook was made (read quietly: a clerk never sees it). */
  private static Map<String, String> originals(XSSFSheet sh) {
    Map<String, String> out = new HashMap<>();
    if (sh == null) {
      return out;
    }
    for (int r = 0; r <= Math.min(sh.getLastRowNum(), 10 * MAX_ROWS); r++) {
      Row row = sh.getRow(r);
      if (row == null) {
        continue;
      }
      Cells.Content k = Cells.read(row.getCell(0));
      Cells.Content v = Cells.read(row.getCell(1));
      if (k.text() != null && !k.number()) {
        out.put(k.text(), v.text() == null ? "" : v.text());
      }
    }
    return out;
  }

  /** A text cell's text (a date as YYYY-MM-DD, a number as written), or null when empty or unreadable (noted). */
  private String text(Cell c, XSSFSheet sh) {
    Cells.Content content = Cells.read(c);
    if (content.problem() != null) {
      problems.add(new Filled.Problem(cell(sh, c.getRowIndex(), c.getColumnIndex()), "该单元格" + content.problem()));
      return null;
    }
    if (content.empty()) {
      return null;
    }
    String t = content.date() != null ? content.date().toString() : content.text();
    String bad = Values.invisible(t);
    if (bad != null) {
      problems.add(new Filled.Problem(cell(sh, c.getRowIndex(), c.getColumnIndex()), bad));
      return null;
    }
    return t;
  }

  private String cell(XSSFSheet sh, int row, int col) {
    return name + "!" + sh.getSheetName() + "!" + new CellReference(row, col).formatAsString(false);
  }
}
