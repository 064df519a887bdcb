package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Excel data validation for a value cell, from the field's schema: a drop-down of Chinese words for
 * an enumerated field, a number range for numbers (0–100 for percentages, ≥ 0 for money), a date
 * range for dates; every cell gets an input message. The import checks every cell again.
 */
final class Validations {
  private Validations() {}

  /** Longest title and text Excel takes for an input message or an error box. */
  private static final int MAX_TITLE = 32;
  private static final int MAX_TEXT = 255;

  static void value(XSSFSheet sh, int row, int col, Schema.Type t, String label, String prompt) {
    DataValidationHelper h = sh.getDataValidationHelper();
    DataValidationConstraint c;
    boolean strict = true;
    String error;
    if (t instanceof ListOf l && l.element() instanceof Scalar s) {
      List<String> words = new ArrayList<>();
      words.add(Cells.NONE_WORD);
      words.addAll(Layout.words(s).values());
      c = h.createExplicitListConstraint(words.toArray(new String[0]));
      strict = false; // several at once ("参保年限、年龄") are typed, not picked
      error = "";
    } else if (t instanceof NumberOrRange) {
      c = h.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "40", null);
      strict = false; // a number, or a range typed as text
      error = "";
    } else {
      Scalar s = (Scalar) t;
      if (!s.choices().isEmpty()) {
        c = h.createExplicitListConstraint(Layout.words(s).values().toArray(new String[0]));
        strict = s.kind() != Kind.STRING; // suggestions only: another named basis is allowed
        error = "请从下拉列表中选择：" + String.join(" / ", Layout.words(s).values());
      } else {
        switch (s.kind()) {
          case NUMBER -> {
            c = h.createDecimalConstraint(OperatorType.BETWEEN, Hints.fmt(s.min()), Hints.fmt(s.max()));
            error = "应为数字：" + Layout.allowed(s) + "。金额以元为单位，百分比写百分数。";
          }
          case INTEGER -> {
            c = h.createIntegerConstraint(OperatorType.BETWEEN, Hints.fmt(s.min()), Hints.fmt(s.max()));
            error = "应为" + Layout.allowed(s) + "。";
          }
          case DATE -> {
            c = h.createDateConstraint(OperatorType.BETWEEN, "DATE(1949,10,1)", "DATE(2100,12,31)", "yyyy-mm-dd");
            error = "应为日期，如 2026-01-01。";
          }
          default -> {
            c = h.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "500", null);
            error = "文字过长（最多 500 字）。";
          }
        }
      }
    }
    DataValidation dv = h.createValidation(c, new CellRangeAddressList(row, row, col, col));
    dv.setEmptyCellAllowed(true);
    dv.setSuppressDropDownArrow(c.getValidationType() == DataValidationConstraint.ValidationType.LIST); // XSSF: true shows the arrow
    dv.setShowPromptBox(true);
    dv.createPromptBox(clip(label, MAX_TITLE), clip(prompt, MAX_TEXT));
    dv.setShowErrorBox(strict);
    if (strict) {
      dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
      dv.createErrorBox(clip(label, MAX_TITLE), clip(error + "不知道时留空。", MAX_TEXT));
    }
    sh.addValidationData(dv);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
