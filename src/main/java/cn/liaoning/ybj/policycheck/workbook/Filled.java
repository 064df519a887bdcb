package cn.liaoning.ybj.policycheck.workbook;

import java.util.List;
import java.util.Map;

/**
 * What a filled workbook says, as read and checked cell by cell: empty cells are null (not known).
 * Every value is already of the type the city file stores (codes for enumerated words).
 *
 * @param originals each value as the file held it when the workbook was made ({@link Show#canonical}),
 *     and each list's length under {@code <list>#}; empty for a workbook without that record
 * @param problems every cell that could not be read, located ({@code dalian.xlsx!参数!C12})
 * @param warnings values accepted but worth a second look
 */
record Filled(
    String workbook,
    Meta meta,
    List<Param> params,
    Map<String, List<ClassRow>> classes,
    List<SourceRow> sources,
    Map<String, String> originals,
    List<Problem> problems,
    List<Problem> warnings) {

  /** The 说明 sheet's record of the city and file the workbook belongs to. */
  record Meta(String city, String code, String file, String version) {}

  /** A cell and what is wrong with it (or worth a look). */
  record Problem(String cell, String message) {
    String format(String severity) {
      return cell + ": " + severity + ": " + message;
    }
  }

  /**
   * One row of the 参数 sheet: a mapping's source and note, or a value with its own source (the
   * 来源 cell's text as written) and remark.
   */
  record Param(Layout.Row row, String cell, Object value, String source, String sourceCell, String remark) {}

  /**
   * One row of a hospital-class sheet: its values by field (null for an empty cell), source and
   * remark; {@code index} is the class's position in the file's list, or -1 for a row added below.
   */
  record ClassRow(int index, int excelRow, Map<String, Object> values, String source, String sourceCell, String remark,
      boolean blank) {}

  /** One row of the 来源 sheet ({@code index} -1 for a row added below the file's sources). */
  record SourceRow(int index, int excelRow, String title, String issuer, String number, String date, String id,
      boolean blank) {}
}
