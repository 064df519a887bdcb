package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.engine.FieldRules;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import cn.liaoning.ybj.policycheck.yamledit.YamlText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the data-collection workbook of one city file: a 说明 sheet, the 参数 sheet (one row per
 * value, pre-filled from the file), one sheet per hospital-class list, and the 来源 sheet. Labels,
 * units, ranges and the words of enumerated values come from {@link Schema}; the clauses a value
 * serves from {@link FieldRules}. Only the cells a clerk fills are unlocked; each sheet is
 * protected without a password.
 */
public final class TemplateWriter {
  private final Doc doc;
  private final YamlText yaml;
  private final FieldRules rules;
  private final String fileName;
  private final List<Src> sources;
  private XSSFWorkbook wb;
  private Styles st;

  private TemplateWriter(String fileName, Doc doc, String text, FieldRules rules) {
    this.fileName = fileName;
    this.doc = doc;
    this.yaml = YamlText.of(text);
    this.rules = rules;
    this.sources = Src.of(doc);
  }

  /**
   * The workbook for a city file that the loader accepted.
   *
   * @param fileName the city file's name ({@code dalian.yaml}), recorded so the import finds it
   * @param text the file's text (for the remarks: the comments at the end of each value's line)
   */
  public static byte[] write(String fileName, Doc doc, String text, FieldRules rules) {
    return new TemplateWriter(fileName, doc, text, rules).write();
  }

  private byte[] write() {
    try (XSSFWorkbook w = new XSSFWorkbook()) {
      wb = w;
      st = new Styles(w);
      w.getProperties().getCoreProperties().setCreator("policy-check");
      w.getProperties().getCoreProperties().setTitle(doc.string("city") + " 医保政策参数填报表");
      Readme.write(w.createSheet(Layout.README), st, doc, fileName);
      params(w.createSheet(Layout.PARAMS));
      for (Layout.ClassSheet c : Layout.CLASS_SHEETS) {
        classes(w.createSheet(c.name()), c);
      }
      sourceSheet(w.createSheet(Layout.SOURCES));
      originals(w.createSheet(Layout.ORIGINALS));
      w.setSheetVisibility(w.getSheetIndex(Layout.ORIGINALS), org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
      w.setActiveSheet(1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      w.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void params(XSSFSheet sh) {
    header(sh, Layout.PARAM_HEADERS);
    for (int i = 0; i < PARAM_WIDTHS.length; i++) {
      sh.setColumnWidth(i, PARAM_WIDTHS[i] * 256);
    }
    int r = 1;
    for (Layout.Row row : Layout.paramRows()) {
      XSSFRow x = sh.createRow(r);
      if (row.section()) {
        Schema.Type t = Schema.at(row.path());
        cell(x, Layout.LABEL, t.label(), st.section);
        for (int c = 1; c < Layout.PARAM_HEADERS.size(); c++) {
          cell(x, c, "", st.section);
        }
        boolean canSource = Schema.at(row.path() + ".source") != null;
        cell(x, Layout.SOURCE, display(doc.string(row.path() + ".source")), canSource ? st.input : st.section);
        cell(x, Layout.REMARK, orEmpty(doc.string(row.path() + ".note")), canSource ? st.inputWrap : st.section);
        cell(x, Layout.PATH, row.path(), st.path);
        if (canSource) {
          sourceList(sh, r, Layout.SOURCE);
        }
      } else {
        valueRow(sh, x, row);
      }
      r++;
    }
    sh.createFreezePane(1, 1);
    protect(sh);
  }

  private void valueRow(XSSFSheet sh, XSSFRow x, Layout.Row row) {
    String path = row.path();
    Schema.Type t = Schema.at(path);
    Scalar s = t instanceof NumberOrRange nr ? nr.number() : t instanceof Scalar sc ? sc : (Scalar) ((ListOf) t).element();
    cell(x, Layout.LABEL, Schema.label(path), st.wrap);
    cell(x, Layout.UNIT, t instanceof ListOf ? "" : s.unit(), st.plain);
    Cells.put(x.createCell(Layout.VALUE), st, t, value(path, t));
    cell(x, Layout.ALLOWED, Layout.allowed(t), st.wrap);
    cell(x, Layout.CLAUSES, clauses(path), st.wrap);
    String own = row.ownSource() ? doc.string(row.parent() + "." + Schema.VALUE_SOURCES + "." + row.key()) : null;
    cell(x, Layout.SOURCE, display(own), row.ownSource() ? st.input : st.plain);
    cell(x, Layout.REMARK, yaml.has(path) ? yaml.lineComment(path) : "", st.inputWrap);
    cell(x, Layout.PATH, path, st.path);
    Validations.value(sh, x.getRowNum(), Layout.VALUE, t, Schema.label(path), prompt(path, t));
    if (row.ownSource()) {
      sourceList(sh, x.getRowNum(), Layout.SOURCE);
    }
    fitHeight(x, PARAM_WIDTHS);
  }

  /** Column widths of the 参数 sheet, in characters. */
  private static final int[] PARAM_WIDTHS = {34, 6, 22, 30, 60, 26, 40, 44};

  /**
   * Sets a row's height to show its wrapped text: not every spreadsheet program sizes rows by
   * their content when it opens a file (LibreOffice keeps one line), so the height is estimated
   * here, a Chinese character taking two places.
   */
  static void fitHeight(XSSFRow x, int[] widths) {
    int lines = 1;
    for (int c = 0; c < widths.length; c++) {
      XSSFCell cell = x.getCell(c);
      if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getCellStyle().getWrapText()) {
        int width = 0;
        int most = 1;
        for (String part : cell.getStringCellValue().split("\n")) {
          width = 0;
          for (int i = 0; i < part.length(); i++) {
            width += part.charAt(i) < 0x2E80 ? 1 : 2;
          }
          most += (width + widths[c] - 3) / Math.max(1, widths[c] - 2);
        }
        lines = Math.max(lines, most - 1);
      }
    }
    if (lines > 1) {
      x.setHeightInPoints(15f * lines);
    }
  }

  /** The value of a field as the cell shows it: a number, words for codes, text for ranges and lists. */
  private Object value(String path, Schema.Type t) {
    if (t instanceof ListOf l && l.element() instanceof Scalar s) {
      List<String> codes = doc.strings(path);
      if (codes == null) {
        return null;
      }
      if (codes.isEmpty()) {
        return Cells.NONE;
      }
      List<String> words = new ArrayList<>();
      codes.forEach(c -> words.add(s.choiceLabel(c)));
      return String.join("、", words);
    }
    Object v = doc.values().get(path);
    if (v instanceof Doc.Range range) {
      return Cells.range(range.min(), range.max());
    }
    return v;
  }

  private String clauses(String path) {
    List<FieldRules.Use> uses = rules.of(path);
    if (uses.isEmpty()) {
      return "（本工具暂无规则检查此项，录入备查）";
    }
    StringBuilder sb = new StringBuilder();
    for (FieldRules.Use u : uses) {
      sb.append(sb.isEmpty() ? "" : "\n").append(u.clause()).append(" ").append(u.ruleId());
      if (!u.quote().isEmpty()) {
        sb.append("：“").append(u.quote()).append("”");
      }
    }
    return sb.toString();
  }

  private String prompt(String path, Schema.Type t) {
    StringBuilder sb = new StringBuilder();
    if (!t.help().isEmpty()) {
      sb.append(t.help()).append("。");
    }
    sb.append("允许：").append(Layout.allowed(t)).append("。不知道时留空。");
    List<FieldRules.Use> uses = rules.of(path);
    if (!uses.isEmpty()) {
      sb.append("依据：");
      for (int i = 0; i < uses.size(); i++) {
        sb.append(i == 0 ? "" : "；").append(uses.get(i).clause());
      }
    }
    return sb.toString();
  }

  /** The 原值 sheet: every value of the workbook as the file held it, and the length of each list. */
  private void originals(XSSFSheet sh) {
    int r = 0;
    for (Layout.Row row : Layout.paramRows()) {
      if (!row.section()) {
        Schema.Type t = Schema.at(row.path());
        Object v = t instanceof ListOf ? doc.strings(row.path()) : doc.values().get(row.path());
        original(sh, r++, row.path(), v);
      }
    }
    for (Layout.ClassSheet c : Layout.CLASS_SHEETS) {
      int n = Math.max(0, doc.size(c.list()));
      original(sh, r++, c.list() + Layout.COUNT, n);
      for (int i = 0; i < n; i++) {
        for (String f : c.fields()) {
          String path = c.list() + "[" + i + "]." + f;
          original(sh, r++, path, doc.values().get(path));
        }
      }
    }
    protect(sh);
  }

  private void original(XSSFSheet sh, int r, String path, Object v) {
    XSSFRow x = sh.createRow(r);
    x.createCell(0).setCellValue(path);
    x.createCell(1).setCellValue(Show.canonical(v));
  }

  // ---------------------------------------------------------------------------------------------

  private void classes(XSSFSheet sh, Layout.ClassSheet c) {
    List<String> headers = c.headers();
    header(sh, headers);
    List<String> fields = c.fields();
    int[] widths = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      widths[i] = i == 0 ? 30 : i == headers.size() - 1 ? 40 : i == headers.size() - 2 ? 26 : 16;
      sh.setColumnWidth(i, widths[i] * 256);
    }
    fitHeight(sh.getRow(0), widths);
    int existing = Math.max(0, doc.size(c.list()));
    for (int i = 0; i < existing + Layout.SPARE_ROWS; i++) {
      XSSFRow x = sh.createRow(i + 1);
      String item = c.list() + "[" + i + "]";
      for (int f = 0; f < fields.size(); f++) {
        String field = c.list() + "[*]." + fields.get(f);
        Schema.Type t = Schema.at(field);
        Object v = i < existing ? doc.values().get(item + "." + fields.get(f)) : null;
        Cells.put(x.createCell(f), st, t, v);
        Validations.value(sh, i + 1, f, t, Schema.label(field), prompt(field, t));
      }
      int src = fields.size();
      cell(x, src, i < existing ? display(doc.string(item + ".source")) : "", st.input);
      sourceList(sh, i + 1, src);
      cell(x, src + 1, i < existing && yaml.has(item) ? yaml.lineComment(item) : "", st.inputWrap);
    }
    sh.createFreezePane(1, 1);
    protect(sh);
  }

  private void sourceSheet(XSSFSheet sh) {
    header(sh, Layout.SOURCE_HEADERS);
    int[] widths = {48, 30, 26, 14, 18};
    for (int i = 0; i < widths.length; i++) {
      sh.setColumnWidth(i, widths[i] * 256);
    }
    for (int i = 0; i < sources.size() + Layout.SPARE_ROWS; i++) {
      XSSFRow x = sh.createRow(i + 1);
      Src s = i < sources.size() ? sources.get(i) : null;
      cell(x, 0, s == null ? "" : orEmpty(s.title()), st.inputWrap);
      cell(x, 1, s == null ? "" : orEmpty(s.issuer()), st.inputWrap);
      cell(x, 2, s == null ? "" : orEmpty(s.number()), st.input);
      cell(x, 3, s == null ? "" : orEmpty(s.date()), st.input);
      // An existing source keeps its id (the file refers to it); a new row may give one or leave it to the import.
      cell(x, 4, s == null ? "" : orEmpty(s.id()), s == null ? st.input : st.plain);
    }
    sh.createFreezePane(0, 1);
    protect(sh);
  }

  // ---------------------------------------------------------------------------------------------

  private String display(String id) {
    if (id == null) {
      return "";
    }
    Src s = Src.byId(sources, id);
    if (s == null) {
      return id;
    }
    // Two sources with the same 文号 or title are named by their ids, so that the import can tell them apart.
    long alike = sources.stream().filter(o -> o.named(s.display())).count();
    return alike > 1 ? id : s.display();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private void header(XSSFSheet sh, List<String> headers) {
    XSSFRow h = sh.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      cell(h, i, headers.get(i), st.header);
    }
  }

  static XSSFCell cell(XSSFRow row, int col, String text, org.apache.poi.ss.usermodel.CellStyle style) {
    XSSFCell c = row.createCell(col);
    if (!text.isEmpty()) {
      c.setCellValue(text);
    }
    c.setCellStyle(style);
    return c;
  }

  /** A drop-down of the 来源 sheet's titles; other text (a 文号) is accepted too. */
  private void sourceList(XSSFSheet sh, int row, int col) {
    DataValidationHelper h = sh.getDataValidationHelper();
    int last = sources.size() + Layout.SPARE_ROWS + 1;
    DataValidationConstraint c = h.createFormulaListConstraint("'" + Layout.SOURCES + "'!$A$2:$A$" + last);
    DataValidation dv = h.createValidation(c, new CellRangeAddressList(row, row, col, col));
    dv.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
    dv.setShowErrorBox(false);
    dv.setShowPromptBox(true);
    dv.createPromptBox("来源", "该值出自的文件：从“来源”表中选择标题，或写其文号。新文件请先在“来源”表的空行登记。");
    sh.addValidationData(dv);
  }

  /** Sheet protection without a password: only the unlocked (pale yellow) cells take input; printed A4 landscape, one page wide. */
  static void protect(XSSFSheet sh) {
    sh.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    sh.getPrintSetup().setLandscape(true);
    sh.setFitToPage(true);
    sh.getPrintSetup().setFitWidth((short) 1);
    sh.getPrintSetup().setFitHeight((short) 0);
    if (sh.getRow(0) != null && sh.getWorkbook().getSheetIndex(sh) > 0) {
      sh.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
    }
    sh.lockFormatColumns(false);
    sh.lockFormatRows(false);
    sh.lockSelectLockedCells(false);
    sh.lockSelectUnlockedCells(false);
    sh.enableLocking();
  }
}
