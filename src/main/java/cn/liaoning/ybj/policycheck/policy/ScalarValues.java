package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one scalar value from the text a person wrote: the typed value, or a plain Chinese message
 * saying what is wrong and, where it can tell, what was meant ("15万" → 150000, "8.6%" → 8.6).
 * Shared by the YAML reader and the workbook import, so both accept and refuse the same values
 * with the same words.
 */
public final class ScalarValues {
  private ScalarValues() {}

  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern WAN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*万\\s*元?");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
  /** An unquoted number with a leading zero (0100, 09, 007.5): octal to YAML 1.1, decimal to a person. */
  private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]*[0-9][0-9_]*(?:\\.[0-9]*)?");

  /** The value read, or the error; a value may come with a warning (it is accepted). */
  public record Read(Object value, String error, String warning) {
    static Read ok(Object v) {
      return new Read(v, null, null);
    }

    static Read error(String message) {
      return new Read(null, message, null);
    }
  }

  /**
   * Reads {@code text} as a value of {@code s}.
   *
   * @param name how messages name the field, e.g. “employee.annual_cap”
   * @param path the field path (some checks depend on the field)
   * @param plain whether the text was written without quotes (a quoted number is a mistake)
   * @param tag the YAML 1.1 tag the resolver gives the text (INT, FLOAT, BOOL, STR, NULL)
   */
  public static Read read(String name, String path, String text, Scalar s, boolean plain, Tag tag) {
    switch (s.kind()) {
      case STRING -> {
        if (text.isBlank()) {
          // Blank would be read as "not known" by one reader and as a value by another.
          return Read.error(name + "是空白文字：不知道时写 null，或删去这一行");
        }
        return Read.ok(text);
      }
      case BOOLEAN -> {
        if (tag.equals(Tag.BOOL)) {
          return Read.ok(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on"));
        }
        String hint = text.matches("是|对|有|否|不|无|没有") ? "（请用 true 表示“是”，false 表示“否”）" : "";
        return Read.error(name + "应为 true 或 false，而不是“" + Hints.clip(text) + "”" + hint);
      }
      case NUMBER, INTEGER -> {
        return number(name, path, text, s, plain, tag);
      }
      case DATE -> {
        String t = text.trim();
        if (!ISO_DATE.matcher(t).matches()) {
          return Read.error(name + "应为日期 YYYY-MM-DD（如 2026-01-01），而不是“" + Hints.clip(text) + "”");
        }
        try {
          return Read.ok(LocalDate.parse(t));
        } catch (DateTimeException e) {
          return Read.error(name + "的日期“" + Hints.clip(text) + "”不存在（请检查月份和日期）");
        }
      }
      case MONTH_DAY -> {
        Matcher m = MONTH_DAY.matcher(text.trim());
        if (!m.matches()) {
          return Read.error(name + "应为月-日 MM-DD（如 12-31），而不是“" + Hints.clip(text) + "”");
        }
        try {
          return Read.ok(MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException e) {
          return Read.error(name + "的月-日“" + Hints.clip(text) + "”不存在（请检查月份和日期）");
        }
      }
      case ENUM -> {
        if (s.values().contains(text)) {
          return Read.ok(text);
        }
        String hint = Hints.closest(text, s.values());
        return Read.error(name + "的值“" + Hints.clip(text) + "”无效，可选：" + String.join(" | ", s.values())
            + (hint == null ? "" : "（是否想写 " + hint + "？）"));
      }
      default -> throw new IllegalStateException("unknown kind " + s.kind());
    }
  }

  private static Read number(String name, String path, String raw, Scalar s, boolean plain, Tag tag) {
    String text = raw.trim();
    if (plain && leadingZeroDigit(text) && LEADING_ZERO.matcher(text).matches()) {
      // YAML 1.1 reads 0100 as octal (64), a person means 100: neither reading is safe to assume.
      String decimal = new BigDecimal(text.replace("_", "")).toPlainString();
      return Read.error(name + "的值 " + Hints.clip(text) + " 以 0 开头，有歧义（YAML 会把 0 开头的整数读作八进制）："
          + "是否想写 " + decimal + "？");
    }
    if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)) {
      return Read.error(name + "应为数字，而不是“" + Hints.clip(text) + "”" + numberHint(text, s, plain));
    }
    BigDecimal v;
    try {
      v = new BigDecimal(text.replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      return Read.error(name + "应为普通的十进制数字，而不是“" + Hints.clip(text) + "”");
    }
    if (s.kind() == Kind.INTEGER && v.stripTrailingZeros().scale() > 0) {
      return Read.error(name + "应为整数，而不是 " + text);
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d) || d < s.min() || d > s.max()) {
      if (path.equals("format")) {
        return Read.error("不支持的格式版本 format: " + Hints.clip(text) + "：本工具读取格式 "
            + (s.min() == s.max() ? Hints.fmt(s.min()) : Hints.fmt(s.min()) + "–" + Hints.fmt(s.max())));
      }
      String what = d < 0 && s.min() >= 0
          ? "不能为负数"
          : "超出允许范围 " + Hints.fmt(s.min()) + "–" + Hints.fmt(s.max()) + s.unit();
      return Read.error(name + "的值 " + Hints.clip(text) + " " + what);
    }
    String warningText = null;
    if ("%".equals(s.unit()) && v.signum() > 0
        && v.compareTo(Schema.SMALL_PERCENTAGES.contains(path) ? new BigDecimal("0.1") : BigDecimal.ONE) < 0) {
      warningText = (name + "的值 " + Hints.clip(text) + " 像是小数写法：百分比字段以百分数填写（8 表示 8%），是否想写 "
          + v.movePointRight(2).stripTrailingZeros().toPlainString() + "？");
    }
    return new Read(s.kind() == Kind.INTEGER ? (Object) v.intValueExact() : (Object) d, null, warningText);
  }

  /** Whether the text (after a sign) starts with 0 and a digit or '_': what {@link #LEADING_ZERO} needs first. */
  private static boolean leadingZeroDigit(String text) {
    int p = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (text.length() < p + 2 || text.charAt(p) != '0') {
      return false;
    }
    char next = text.charAt(p + 1);
    return next >= '0' && next <= '9' || next == '_';
  }

  private static String numberHint(String text, Scalar s, boolean plain) {
    String bare = text.replaceAll("[\\s%％]", "");
    if (PLAIN_NUMBER.matcher(bare).matches() && !bare.equals(text)) {
      return "（百分比直接写数字，如 8 表示 8%，不要加“%”：是否想写 " + bare + "？）";
    }
    if (PLAIN_NUMBER.matcher(text).matches() && !plain) {
      return "（数字不要加引号：是否想写 " + text + "？）";
    }
    Matcher wan = WAN.matcher(text);
    if (wan.matches()) {
      return "（金额以元为单位写阿拉伯数字：是否想写 "
          + new BigDecimal(wan.group(1)).movePointRight(4).stripTrailingZeros().toPlainString() + "？）";
    }
    String noCommas = text.replace(",", "").replace("，", "");
    if (PLAIN_NUMBER.matcher(noCommas).matches()) {
      return "（不要用逗号分隔千位：是否想写 " + noCommas + "？）";
    }
    String noUnit = text.replaceAll("\\s*(元|个月|月|年)$", "");
    if (!noUnit.equals(text) && PLAIN_NUMBER.matcher(noUnit).matches()) {
      return "（只写数字，不要带单位：是否想写 " + noUnit + "？）";
    }
    if (text.matches(".*[万元千百亿].*") || "元".equals(s.unit())) {
      return "（金额以元为单位写阿拉伯数字，如 80000）";
    }
    if ("%".equals(s.unit())) {
      return "（百分比写阿拉伯数字，如 8 表示 8%）";
    }
    return "（请写阿拉伯数字；不知道时写 null）";
  }

}
