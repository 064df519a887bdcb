package cn.liaoning.ybj.policycheck.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The workbook's cell styles: locked structure, pale yellow unlocked input cells. */
final class Styles {
  final CellStyle header;
  final CellStyle section;
  final CellStyle plain;
  final CellStyle wrap;
  final CellStyle path;
  final CellStyle title;
  /** Unlocked input cells: general (numbers), text ("@": 12-31 stays text), date, and wrapped text. */
  final CellStyle input;
  final CellStyle inputText;
  final CellStyle inputDate;
  final CellStyle inputWrap;

  Styles(XSSFWorkbook wb) {
    XSSFFont bold = wb.createFont();
    bold.setBold(true);
    XSSFFont grey = wb.createFont();
    grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    grey.setFontHeightInPoints((short) 9);
    XSSFFont big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);

    header = base(wb, true);
    header.setFont(bold);
    fill(header, IndexedColors.GREY_25_PERCENT);
    header.setWrapText(true);

    section = base(wb, true);
    section.setFont(bold);
    fill(section, IndexedColors.PALE_BLUE);

    plain = base(wb, true);
    wrap = base(wb, true);
    wrap.setWrapText(true);
    path = base(wb, true);
    path.setFont(grey);
    title = wb.createCellStyle();
    title.setFont(big);

    input = input(wb);
    inputText = input(wb);
    inputText.setDataFormat(wb.createDataFormat().getFormat("@"));
    inputDate = input(wb);
    inputDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
    inputWrap = input(wb);
    inputWrap.setWrapText(true);
    inputWrap.setDataFormat(wb.createDataFormat().getFormat("@"));
  }

  private static CellStyle base(XSSFWorkbook wb, boolean locked) {
    CellStyle s = wb.createCellStyle();
    s.setLocked(locked);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    s.setBorderBottom(BorderStyle.HAIR);
    s.setBottomBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
    return s;
  }

  private static CellStyle input(XSSFWorkbook wb) {
    CellStyle s = base(wb, false);
    fill(s, IndexedColors.LIGHT_YELLOW);
    return s;
  }

  private static void fill(CellStyle s, IndexedColors c) {
    s.setFillForegroundColor(c.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
  }
}
