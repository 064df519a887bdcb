package cn.liaoning.ybj.policycheck.history;

import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.report.CsvReport;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code history.csv}: one row per city file and commit, for Excel or WPS (a pivot table or a
 * chart). As {@code findings.csv}: UTF-8 with a byte-order mark, CRLF line ends, quoting by
 * Jackson's CSV module, and a cell that a spreadsheet would run as a formula neutralised
 * ({@link CsvReport#neutralise}). The counts are empty where the file was absent or unreadable.
 */
public final class HistoryCsv {
  static final List<String> HEADER = List.of(
      "统筹区", "行政区划代码", "城市文件", "提交", "提交时间", "基准日", "提交说明", "状态", "状态代码",
      "违规", "警告", "待定", "已豁免", "通过", "不适用", "问题");

  private static final CsvMapper MAPPER = new CsvMapper();

  private HistoryCsv() {}

  public static String write(History h) {
    CsvSchema.Builder b = CsvSchema.builder();
    HEADER.forEach(b::addColumn);
    CsvSchema schema = b.setUseHeader(true).setLineSeparator("\r\n").build();
    StringWriter out = new StringWriter();
    out.write(CsvReport.BOM);
    try (SequenceWriter w = MAPPER.writerFor(String[].class).with(schema).writeValues(out)) {
      for (History.CityLine c : h.cities()) {
        for (int i = 0; i < c.marks().size(); i++) {
          History.Mark m = c.marks().get(i);
          History.Point p = h.commits().get(i);
          List<String> cells = new ArrayList<>(List.of(c.city(), c.code() == null ? "" : c.code(), c.file(), p.commit().id(),
              p.commit().date().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME), p.asOf().toString(), HistoryText.clean(p.commit().subject()), m.state().label, m.state().key));
          for (Status s : List.of(Status.VIOLATION, Status.WARNING, Status.INDETERMINATE, Status.WAIVED, Status.PASS, Status.NOT_APPLICABLE)) {
            cells.add(m.counts() == null ? "" : Integer.toString(m.count(s)));
          }
          cells.add(m.problem() == null ? "" : m.problem());
          w.write(cells.stream().map(CsvReport::neutralise).toArray(String[]::new));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
