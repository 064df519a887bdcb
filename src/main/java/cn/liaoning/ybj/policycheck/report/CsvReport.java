package cn.liaoning.ybj.policycheck.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code findings.csv}: one row per finding (and one per error of a file that could not be read,
 * in status 文件有误), for Excel. UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF
 * line ends, quoting by Jackson's CSV module. The field is named in Chinese, values are in words
 * with the unit in its own column; a requirement never starts with {@code =} (written 等于). A cell
 * that still begins with {@code = + - @}, a tab or a carriage return (text from a city file) is
 * prefixed with {@code '} so a spreadsheet shows it as text instead of running it as a formula;
 * plain numbers (such as {@code -10} days) are left as numbers. findings.xlsx has the same rows as
 * typed cells.
 */
public final class CsvReport {
  /** Written first, so that Excel opens the file as UTF-8. */
  public static final String BOM = "\uFEFF";

  static final List<String> HEADER = List.of(
      "统筹区", "行政区划代码", "城市文件", "领域", "领域名称", "规则编号", "规则说明", "状态", "状态代码", "强度",
      "医院类别", "字段", "结论说明", "实际值", "单位", "要求", "条款", "条款原文", "字段路径", "行号", "值的来源",
      "整改期限", "剩余天数", "豁免批准文号");

  private static final CsvMapper MAPPER = new CsvMapper();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private CsvReport() {}

  public static String write(ReportModel model) {
    StringWriter out = new StringWriter();
    write(model, out);
    return out.toString();
  }

  /** Writes the CSV into {@code out}, city by city. */
  public static void write(ReportModel model, Writer out) {
    CsvSchema.Builder b = CsvSchema.builder();
    HEADER.forEach(b::addColumn);
    CsvSchema schema = b.setUseHeader(true).setLineSeparator("\r\n").build();
    try {
      out.write(BOM);
      try (SequenceWriter w = MAPPER.writerFor(String[].class).with(schema).writeValues(out)) {
        for (ReportModel.Item item : model.items()) {
          for (FindingRows.Row r : model.findingRows().of(item)) {
            w.write(row(r));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] row(FindingRows.Row r) {
    List<String> cells = new ArrayList<>(List.of(
        text(r.city()), text(r.code()), text(r.file()), r.area(), r.areaTitle(), r.rule(), r.ruleSummary(), r.status(),
        r.statusKey(), r.strength(), text(r.subject()), r.field(), text(r.message()), r.actualText(), r.unit(),
        r.requirement(), r.clause(), r.clauseTexts(), r.path(), r.line() == null ? "" : r.line().toString(),
        text(r.source()), r.deadline() == null ? "" : r.deadline().toString(),
        r.daysLeft() == null ? "" : r.daysLeft().toString(), text(r.waiver())));
    return cells.stream().map(CsvReport::neutralise).toArray(String[]::new);
  }

  private static String text(String s) {
    return s == null ? "" : Echo.line(s);
  }

  /**
   * Makes a cell safe to open in a spreadsheet: text that a spreadsheet would read as a formula
   * (first character {@code = + - @}, tab or carriage return) gets a leading apostrophe.
   */
  public static String neutralise(String cell) {
    if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
      return cell;
    }
    char first = cell.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
      return "'" + cell;
    }
    return cell;
  }
}
