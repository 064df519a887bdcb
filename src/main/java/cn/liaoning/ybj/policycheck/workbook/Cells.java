package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Cells of the workbook: how a value is written into one (words for codes, 是/否, dates as dates),
 * and what one holds when read back — without evaluating anything: a formula is reported, never
 * computed.
 */
final class Cells {
  private Cells() {}

  /** The value of a list of factors that has none: written [] in the file. */
  static final Object NONE = new Object();
  static final String NONE_WORD = "不区分";

  static String range(Double min, Double max) {
    return (min == null ? "" : Hints.fmt(min)) + "–" + (max == null ? "" : Hints.fmt(max));
  }

  /** Writes a value (null: left empty) into an input cell styled for the field's kind. */
  static void put(Cell c, Styles st, Schema.Type t, Object v) {
    Scalar s = t instanceof NumberOrRange nr ? nr.number() : t instanceof Scalar x ? x : null;
    boolean number = s != null && s.numeric() && s.choices().isEmpty() && !(t instanceof NumberOrRange && v instanceof String);
    boolean date = s != null && s.kind() == Kind.DATE;
    c.setCellStyle(date ? st.inputDate : number ? st.input : st.inputText);
    if (v == null) {
      return;
    }
    if (v == NONE) {
      c.setCellValue(NONE_WORD);
    } else if (v instanceof LocalDate d) {
      c.setCellValue(d);
    } else if (v instanceof MonthDay md) {
      c.setCellValue(String.format(Locale.ROOT, "%02d-%02d", md.getMonthValue(), md.getDayOfMonth()));
    } else if (v instanceof Boolean b) {
      c.setCellValue(b ? "是" : "否");
    } else if (v instanceof Number n && s != null && !s.choices().isEmpty()) {
      c.setCellValue(s.choiceLabel(String.valueOf(n.intValue())));
    } else if (v instanceof Number n) {
      c.setCellValue(n.doubleValue());
    } else if (s != null && s.kind() == Kind.ENUM) {
      c.setCellValue(s.choiceLabel(v.toString()));
    } else if (s != null && s.kind() == Kind.STRING && !s.choices().isEmpty()) {
      c.setCellValue(s.choiceLabel(v.toString()));
    } else {
      c.setCellValue(v.toString());
    }
  }

  /**
   * What a cell holds: nothing, text, a number (as plain decimal text, and whether it is shown as a
   * percentage), a date, or a reason it cannot be read (a formula, an error value).
   */
  record Content(String text, boolean number, boolean percentShown, LocalDate date, String problem) {
    static final Content EMPTY = new Content(null, false, false, null, null);

    boolean empty() {
      return text == null && date == null && problem == null;
    }
  }

  static Content read(Cell c) {
    if (c == null) {
      return Content.EMPTY;
    }
    CellType type = c.getCellType();
    switch (type) {
      case BLANK:
        return Content.EMPTY;
      case STRING: {
        String s = c.getStringCellValue();
        return s == null || s.isBlank() ? Content.EMPTY : new Content(s.strip(), false, false, null, null);
      }
      case BOOLEAN:
        return new Content(c.getBooleanCellValue() ? "true" : "false", false, false, null, null);
      case NUMERIC: {
        if (DateUtil.isCellDateFormatted(c)) {
          LocalDateTime dt = c.getLocalDateTimeCellValue();
          return new Content(null, false, false, dt == null ? null : dt.toLocalDate(), null);
        }
        double d = c.getNumericCellValue();
        if (!Double.isFinite(d)) {
          return new Content(null, false, false, null, "数字无效");
        }
        String text = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        CellStyle style = c.getCellStyle();
        String fmt = style == null ? "" : style.getDataFormatString();
        return new Content(text, true, fmt != null && fmt.contains("%"), null, null);
      }
      case FORMULA:
        return new Content(null, false, false, null, "是公式（=" + Hints.clip(c.getCellFormula()) + "），本工具不计算公式："
            + "请直接填写数值（可复制该单元格，再“选择性粘贴 → 数值”）");
      case ERROR:
        return new Content(null, false, false, null, "显示错误值（如 #N/A、#VALUE!）：请填写数值或留空");
      default:
        return new Content(null, false, false, null, "无法读取的单元格类型 " + type);
    }
  }

  /** Whether the type is a list of words (ratios_vary_by) or a field with enumerated words. */
  static boolean isFactors(Schema.Type t) {
    return t instanceof ListOf l && l.element() instanceof Scalar;
  }
}
