package cn.liaoning.ybj.policycheck.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code findings.csv}: one row per finding, for Excel. UTF-8 with a byte-order mark (so Excel
 * reads the Chinese), CRLF line ends, quoting by Jackson's CSV module. A cell that begins with
 * {@code = + - @}, a tab or a carriage return is prefixed with {@code '} so a spreadsheet shows it
 * as text instead of running it as a formula; plain numbers (such as {@code -10} days) are left as
 * numbers.
 */
public final class CsvReport {
  /** Written first, so that Excel opens the file as UTF-8. */
  public static final String BOM = "\uFEFF";

  static final List<String> HEADER = List.of(
      "统筹区", "行政区划代码", "城市文件", "领域", "领域名称", "规则编号", "规则说明", "状态", "状态代码", "强度",
      "医院类别", "结论说明", "实际值", "要求", "条款", "条款原文", "字段路径", "行号", "值的来源", "整改期限",
      "剩余天数", "豁免批准文号");

  private static final CsvMapper MAPPER = new CsvMapper();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private CsvReport() {}

  public static String write(ReportModel model) {
    CsvSchema.Builder b = CsvSchema.builder();
    HEADER.forEach(b::addColumn);
    CsvSchema schema = b.setUseHeader(true).setLineSeparator("\r\n").build();
    StringWriter out = new StringWriter();
    out.write(BOM);
    try (SequenceWriter w = MAPPER.writerFor(String[].class).with(schema).writeValues(out)) {
      for (ReportModel.CityView c : model.cities()) {
        for (ReportModel.AreaGroup g : c.groups()) {
          for (ReportModel.FindingView f : g.findings()) {
            w.write(row(c, g, f));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String[] row(ReportModel.CityView c, ReportModel.AreaGroup g, ReportModel.FindingView f) {
    List<String> clauses = new ArrayList<>();
    f.clauseTexts().forEach(t -> clauses.add(t.ref() + "：" + t.text()));
    List<String> cells = List.of(
        text(c.name()), text(c.code()), text(c.file()), g.code(), g.title(), f.rule(), f.summary(), f.status().label(),
        f.status().key(), f.strength(), text(f.subject()), text(f.message()), text(f.actual()), text(f.expected()),
        text(f.clause()), String.join("\n", clauses), text(f.path()), f.line() == null ? "" : f.line().toString(),
        text(f.source()), text(f.deadline()), f.daysLeft() == null ? "" : f.daysLeft().toString(), text(f.waiver()));
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
