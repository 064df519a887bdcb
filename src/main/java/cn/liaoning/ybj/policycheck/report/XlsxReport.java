package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.report.ReportModel.Item;
import cn.liaoning.ybj.policycheck.report.ReportModel.MissingField;
import cn.liaoning.ybj.policycheck.report.ReportModel.MissingGroup;
import cn.liaoning.ybj.policycheck.report.ReportModel.Rectification;
import cn.liaoning.ybj.policycheck.report.ReportModel.RectificationItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code findings.xlsx}: the findings as a workbook an auditor filters and sorts in Excel or WPS —
 * real cells (numbers as numbers, dates as dates), the header row frozen, an autofilter on every
 * data sheet, readable column widths. Sheets: 摘要 (headline and memo), 结论 (one row per finding,
 * the columns of findings.csv), 数据缺口 (one row per city and missing field), 整改期限 (each
 * required change with its deadline, from → to). Written with POI's streaming workbook: rows go
 * to temporary files as they are made, so memory stays bounded however many cities there are.
 */
public final class XlsxReport {
  private XlsxReport() {}

  private static final List<String> GAP_HEADER = List.of(
      "统筹区", "行政区划代码", "城市文件", "领域", "领域名称", "所缺数据", "医院类别", "单位", "说明", "等待此数据的规则",
      "条款", "行号", "字段路径");
  private static final List<String> DUE_HEADER = List.of(
      "整改期限", "剩余天数", "统筹区", "行政区划代码", "状态", "须调整的事项", "医院类别", "规则编号", "规则说明", "强度",
      "现行", "调整为", "要求", "条款", "行号", "字段路径");
  private static final int[] FINDING_WIDTHS = {10, 8, 26, 5, 12, 28, 40, 8, 12, 7, 20, 30, 60, 10, 6, 24, 14, 50, 40, 6, 30, 11, 8, 18};
  private static final int[] GAP_WIDTHS = {10, 8, 26, 5, 12, 34, 20, 6, 50, 40, 14, 6, 44};
  private static final int[] DUE_WIDTHS = {11, 8, 10, 8, 8, 34, 20, 28, 40, 7, 14, 16, 24, 14, 6, 44};

  /** Writes the workbook into {@code out} (left open). */
  public static void write(ReportModel model, OutputStream out) throws IOException {
    write(model, out, null);
  }

  /**
   * Writes the workbook into {@code out} (left open), carrying the report's run id (see
   * {@code RunId}) in its document properties (identifier) and on the 摘要 sheet.
   */
  static void write(ReportModel model, OutputStream out, String runId) throws IOException {
    Path scratch = Files.createTempDirectory("policy-check-xlsx");
    try {
      synchronized (XlsxReport.class) {
        // POI's temporary files (one per sheet while rows stream) go to a directory of this run's own.
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(scratch.toFile()));
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
          fill(wb, model, runId);
          wb.write(out);
        } finally {
          wb.dispose();
          wb.close();
          TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy()); // POI's default again
        }
      }
    } finally {
      try (var s = Files.walk(scratch)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void fill(SXSSFWorkbook wb, ReportModel model, String runId) {
    Styles st = new Styles(wb);
    // Fixed document properties: the same report gives the same workbook contents.
    LocalDate asOf = LocalDate.parse(model.asOf());
    var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
    core.setCreated(Optional.of(Date.from(asOf.atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC))));
    core.setCreator("policy-check");
    core.setTitle(model.title() + "（基准日 " + model.asOf() + "）");
    if (runId != null) {
      core.setIdentifier(runId);
    }

    Sheet memo = wb.createSheet("摘要");
    memo.setColumnWidth(0, 16 * 256);
    memo.setColumnWidth(1, 120 * 256);
    int m = 0;
    m = pair(memo, m, "报告", model.title(), st);
    m = pair(memo, m, "依据", model.regulation(), st);
    m = pair(memo, m, "基准日", model.asOf(), st);
    m = pair(memo, m, model.summary().incomplete() ? "结果不完整" : "概况", model.summary().headline(), st);
    m = pair(memo, m, "摘要", model.memo(), st);
    if (runId != null) {
      m = pair(memo, m, "运行编号", runId, st);
    }
    pair(memo, m, "各工作表", "结论：每条结论一行（文件有误的统筹区每个错误一行）；数据缺口：每个统筹区所缺的每项数据一行；"
        + "整改期限：每项须调整的事项一行（现行值与最接近的合规值）。每个工作表首行冻结，可筛选。", st);

    Sheet findings = header(wb.createSheet("结论"), CsvReport.HEADER, FINDING_WIDTHS, st);
    Sheet gaps = header(wb.createSheet("数据缺口"), GAP_HEADER, GAP_WIDTHS, st);
    Sheet due = header(wb.createSheet("整改期限"), DUE_HEADER, DUE_WIDTHS, st);
    int fr = 1;
    int gr = 1;
    CitySection sections = model.findingRows().sections();
    for (Item item : model.items()) {
      for (FindingRows.Row r : model.findingRows().of(item)) {
        Row row = findings.createRow(fr++);
        int c = 0;
        text(row, c++, r.city(), st);
        text(row, c++, r.code(), st);
        text(row, c++, r.file(), st);
        text(row, c++, r.area(), st);
        text(row, c++, r.areaTitle(), st);
        text(row, c++, r.rule(), st);
        text(row, c++, r.ruleSummary(), st);
        text(row, c++, r.status(), st);
        text(row, c++, r.statusKey(), st);
        text(row, c++, r.strength(), st);
        text(row, c++, r.subject(), st);
        text(row, c++, r.field(), st);
        text(row, c++, r.message(), st);
        if (r.actualNumber() != null) {
          number(row, c++, r.actualNumber(), st);
        } else {
          text(row, c++, r.actualText(), st);
        }
        text(row, c++, r.unit(), st);
        text(row, c++, r.requirement(), st);
        text(row, c++, r.clause(), st);
        text(row, c++, r.clauseTexts(), st);
        text(row, c++, r.path(), st);
        integer(row, c++, r.line(), st);
        text(row, c++, r.source(), st);
        date(row, c++, r.deadline(), st);
        integer(row, c++, r.daysLeft(), st);
        text(row, c, r.waiver(), st);
      }
      if (!item.readable()) {
        Row row = gaps.createRow(gr++);
        String[] cells = {item.name(), item.code(), item.file(), "", "", "（文件有误，未能检查：所缺数据未知）", null, "",
            item.unreadable().firstError(), "", ""};
        for (int i = 0; i < cells.length; i++) {
          text(row, i, cells[i], st);
        }
        continue;
      }
      List<Finding> sorted = sections.sorted(item.result().findings());
      for (MissingGroup g : sections.missing(sorted)) {
        for (MissingField f : g.fields()) {
          Row row = gaps.createRow(gr++);
          int c = 0;
          text(row, c++, item.name(), st);
          text(row, c++, item.code(), st);
          text(row, c++, item.file(), st);
          text(row, c++, g.code(), st);
          text(row, c++, g.title(), st);
          text(row, c++, f.label(), st);
          text(row, c++, f.subject(), st);
          text(row, c++, f.unit(), st);
          text(row, c++, f.note() != null ? "现有数据不足以判定：" + f.note() : f.help(), st);
          text(row, c++, f.rulesText(), st);
          text(row, c++, f.clausesText(), st);
          integer(row, c++, line(f.location()), st);
          text(row, c, f.path(), st);
        }
      }
    }
    int dr = 1;
    for (Rectification x : model.rectifications()) {
      for (RectificationItem i : x.items()) {
        Row row = due.createRow(dr++);
        int c = 0;
        date(row, c++, i.deadline() == null ? null : LocalDate.parse(i.deadline()), st);
        integer(row, c++, i.deadline() == null ? null : DaysLeft.between(asOf, LocalDate.parse(i.deadline())), st);
        text(row, c++, x.city(), st);
        text(row, c++, x.code(), st);
        text(row, c++, i.status().label(), st);
        text(row, c++, i.field(), st);
        text(row, c++, i.subject(), st);
        text(row, c++, i.rule(), st);
        text(row, c++, i.summary(), st);
        text(row, c++, i.strength(), st);
        text(row, c++, i.from() == null ? "未填" : i.from(), st);
        text(row, c++, i.to() == null ? "按要求：" + i.requirement() : i.to(), st);
        text(row, c++, i.requirement(), st);
        text(row, c++, String.join("；", i.clauses().stream().map(ReportModel.ClauseText::ref).toList()), st);
        integer(row, c++, line(i.location()), st);
        text(row, c, i.path(), st);
      }
    }
    filter(findings, fr, CsvReport.HEADER.size());
    filter(gaps, gr, GAP_HEADER.size());
    filter(due, dr, DUE_HEADER.size());
    wb.setActiveSheet(0);
  }

  /** The line number in "第 30 行", or null. */
  private static Integer line(String location) {
    if (location == null) {
      return null;
    }
    String digits = location.replaceAll("\\D", "");
    return digits.isEmpty() ? null : Integer.valueOf(digits);
  }

  private static int pair(Sheet s, int r, String key, String value, Styles st) {
    Row row = s.createRow(r);
    Cell k = row.createCell(0);
    k.setCellValue(key);
    k.setCellStyle(st.header);
    Cell v = row.createCell(1);
    v.setCellValue(value);
    v.setCellStyle(st.wrap);
    return r + 1;
  }

  private static Sheet header(Sheet s, List<String> names, int[] widths, Styles st) {
    Row h = s.createRow(0);
    for (int i = 0; i < names.size(); i++) {
      Cell c = h.createCell(i);
      c.setCellValue(names.get(i));
      c.setCellStyle(st.header);
      s.setColumnWidth(i, widths[i] * 256);
    }
    s.createFreezePane(0, 1);
    return s;
  }

  private static void filter(Sheet s, int rows, int columns) {
    s.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
  }

  private static void text(Row row, int col, String v, Styles st) {
    if (v == null || v.isEmpty()) {
      return;
    }
    Cell c = row.createCell(col);
    c.setCellValue(v.length() > 32_000 ? v.substring(0, 32_000) + "…" : v); // a cell holds at most 32,767 characters
    c.setCellStyle(st.text);
  }

  private static void number(Row row, int col, double v, Styles st) {
    Cell c = row.createCell(col);
    c.setCellValue(v);
    c.setCellStyle(st.number);
  }

  private static void integer(Row row, int col, Number v, Styles st) {
    if (v != null) {
      Cell c = row.createCell(col);
      c.setCellValue(v.doubleValue());
      c.setCellStyle(st.integer);
    }
  }

  private static void date(Row row, int col, LocalDate v, Styles st) {
    if (v != null) {
      Cell c = row.createCell(col);
      c.setCellValue(v);
      c.setCellStyle(st.date);
    }
  }

  /** The few cell styles the workbook uses (a workbook holds a limited number of styles). */
  private static final class Styles {
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrap;
    final CellStyle number;
    final CellStyle integer;
    final CellStyle date;

    Styles(SXSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      text = wb.createCellStyle();
      text.setVerticalAlignment(VerticalAlignment.TOP);
      wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
      number = wb.createCellStyle();
      number.setDataFormat(wb.createDataFormat().getFormat("General"));
      number.setVerticalAlignment(VerticalAlignment.TOP);
      integer = wb.createCellStyle();
      integer.setDataFormat(wb.createDataFormat().getFormat("0"));
      integer.setVerticalAlignment(VerticalAlignment.TOP);
      date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      date.setVerticalAlignment(VerticalAlignment.TOP);
    }
  }

}
