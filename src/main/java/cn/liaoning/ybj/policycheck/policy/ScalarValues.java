package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
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
    // Checked on the value as read (after YAML's escapes, such as "\n" or "\u200b", are decoded):
    // such a character would end a line of the output, act on a terminal, or make a name differ
    // from an equal-looking one.
    int bad = Hints.firstDisallowed(text);
    if (bad >= 0) {
      return Read.error(name + "含有" + Hints.describe(bad) + "：文字须写在一行内，不能含有控制字符或不可见字符"
          + "（双引号中的 \\n、\\e、\\x01、\\u200b 等转义也不行）");
    }
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

  /**
   * Longest text read as a number, or looked at for a hint ("15万", "8.6%"): no amount, rate or
   * count is written with more characters, and nothing longer is parsed, computed with or matched
   * against a pattern (a hostile value of a megabyte costs one length check).
   */
  static final int MAX_NUMBER_CHARS = 40;

  /**
   * Most significant digits a number may have. Decisions are taken on a double, which holds every
   * decimal of up to 15 significant digits exactly enough that two different such decimals never
   * become the same double and their order is kept: so no decision can differ from the decimal
   * written (299.99999999999999999 would otherwise become 300 and pass "≥ 300").
   */
  static final int MAX_SIGNIFICANT_DIGITS = 15;

  /** Magnitudes a number may have: 10^-{@value} ≤ |x| < 10^{@value} (or 0). */
  static final int MAX_DECIMAL_EXPONENT = 20;

  private static Read number(String name, String path, String raw, Scalar s, boolean plain, Tag tag) {
    String text = raw.trim();
    if (text.length() > MAX_NUMBER_CHARS) {
      if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
        return Read.error(name + "的值 " + Hints.clip(text) + " 写得过长（共 " + text.length() + " 个字符）：请按政策原文写出这个数（最多 "
            + MAX_SIGNIFICANT_DIGITS + " 位有效数字）");
      }
      return Read.error(name + "应为数字，而不是“" + Hints.clip(text) + "”" + genericHint(text, s));
    }
    if (plain && leadingZeroNumber(text)) {
      // YAML 1.1 reads 0100 as octal (64), a person means 100: neither reading is safe to assume.
      String decimal = new BigDecimal(text.replace("_", "")).toPlainString();
      return Read.error(name + "的值 " + Hints.clip(text) + " 以 0 开头，有歧义（YAML 会把 0 开头的整数读作八进制）："
          + "是否想写 " + decimal + "？");
    }
    if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)) {
      return Read.error(name + "应为数字，而不是“" + Hints.clip(text) + "”" + numberHint(text, s, plain));
    }
    DecimalText dt = DecimalText.scan(text);
    if (dt == null) {
      return Read.error(name + "应为普通的十进制数字，而不是“" + Hints.clip(text) + "”");
    }
    // Digits and exponent are bounded here, before any arithmetic on the value.
    if (!dt.zero() && dt.magnitude() >= MAX_DECIMAL_EXPONENT) {
      return outOfRange(name, path, text, s, dt.negative());
    }
    if (!dt.zero() && dt.magnitude() < -MAX_DECIMAL_EXPONENT) {
      return Read.error(name + "的值 " + Hints.clip(text) + " 过于接近 0（绝对值小于 10 的 -" + MAX_DECIMAL_EXPONENT
          + " 次方）：请写出实际的数");
    }
    if (dt.significant() > MAX_SIGNIFICANT_DIGITS) {
      return Read.error(name + "的值 " + Hints.clip(text) + " 有 " + dt.significant() + " 位有效数字，超过能精确比较的 "
          + MAX_SIGNIFICANT_DIGITS + " 位：请按政策原文写出这个数（最多 " + MAX_SIGNIFICANT_DIGITS + " 位有效数字）");
    }
    BigDecimal v = new BigDecimal(text.replace("_", "").replace("+", ""));
    if (s.kind() == Kind.INTEGER && v.stripTrailingZeros().scale() > 0) {
      return Read.error(name + "应为整数，而不是 " + text);
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d) || d < s.min() || d > s.max()) {
      return outOfRange(name, path, text, s, d < 0);
    }
    String warningText = null;
    if ("%".equals(s.unit()) && v.signum() > 0
        && v.compareTo(Schema.SMALL_PERCENTAGES.contains(path) ? new BigDecimal("0.1") : BigDecimal.ONE) < 0) {
      warningText = (name + "的值 " + Hints.clip(text) + " 像是小数写法：百分比字段以百分数填写（8 表示 8%），是否想写 "
          + v.movePointRight(2).stripTrailingZeros().toPlainString() + "？");
    }
    return new Read(s.kind() == Kind.INTEGER ? (Object) v.intValueExact() : (Object) d, null, warningText);
  }

  /** Whether {@code text} is written as a plain decimal number (sign, digits, point, exponent; no '_'). */
  public static boolean isDecimal(String text) {
    String t = text.strip();
    return DecimalText.scan(t) != null && t.indexOf('_') < 0;
  }

  /**
   * Why {@code text} is not a decimal number as this tool reads one — at most
   * {@value #MAX_NUMBER_CHARS} characters, {@value #MAX_SIGNIFICANT_DIGITS} significant digits, a
   * magnitude between 10^-{@value #MAX_DECIMAL_EXPONENT} and 10^{@value #MAX_DECIMAL_EXPONENT} (or
   * 0) — or null when it is one (then {@code new BigDecimal(text)} is safe and exact). For numbers
   * typed on the command line (sweep's ranges), with the limits of the city files.
   */
  public static String decimalProblem(String text) {
    String t = text.strip();
    if (t.length() > MAX_NUMBER_CHARS) {
      return "“" + Hints.clip(t) + "”写得过长（共 " + t.length() + " 个字符）";
    }
    DecimalText dt = DecimalText.scan(t);
    if (dt == null || t.indexOf('_') >= 0) {
      return "“" + Hints.clip(t) + "”不是十进制数";
    }
    if (!dt.zero() && (dt.magnitude() >= MAX_DECIMAL_EXPONENT || dt.magnitude() < -MAX_DECIMAL_EXPONENT)) {
      return "“" + t + "”超出可读取的范围（绝对值须小于 10 的 " + MAX_DECIMAL_EXPONENT + " 次方，不为 0 时不小于 10 的 -"
          + MAX_DECIMAL_EXPONENT + " 次方）";
    }
    if (dt.significant() > MAX_SIGNIFICANT_DIGITS) {
      return "“" + t + "”有 " + dt.significant() + " 位有效数字，最多 " + MAX_SIGNIFICANT_DIGITS + " 位";
    }
    return null;
  }

  private static Read outOfRange(String name, String path, String text, Scalar s, boolean negative) {
    if (path.equals("format")) {
      return Read.error("不支持的格式版本 format: " + Hints.clip(text) + "：本工具读取格式 "
          + (s.min() == s.max() ? Hints.fmt(s.min()) : Hints.fmt(s.min()) + "–" + Hints.fmt(s.max())));
    }
    String what = negative && s.min() >= 0
        ? "不能为负数"
        : "超出允许范围 " + Hints.fmt(s.min()) + "–" + Hints.fmt(s.max()) + s.unit();
    return Read.error(name + "的值 " + Hints.clip(text) + " " + what);
  }

  /**
   * A decimal number as YAML writes it ({@code -1_000.50e+3}), read in one pass over its
   * characters: its sign, how many significant digits it has, and the decimal exponent of its
   * first significant digit (100 → 2, 0.05 → -2). Null for anything else (hex, 1:30, .inf).
   */
  record DecimalText(boolean negative, boolean zero, int significant, long magnitude) {
    /** Exponents written with more digits than this are beyond every magnitude allowed. */
    private static final int MAX_EXPONENT_DIGITS = 6;

    static DecimalText scan(String t) {
      int n = t.length();
      int i = 0;
      boolean negative = false;
      if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
        negative = t.charAt(i) == '-';
        i++;
      }
      int digits = 0; // mantissa digits seen
      int point = -1; // mantissa digits before the point, once seen
      int firstNonZero = -1; // index (among mantissa digits) of the first non-zero digit
      int lastNonZero = -1;
      for (; i < n; i++) {
        char c = t.charAt(i);
        if (c >= '0' && c <= '9') {
          if (c != '0') {
            if (firstNonZero < 0) {
              firstNonZero = digits;
            }
            lastNonZero = digits;
          }
          digits++;
        } else if (c == '.' && point < 0) {
          point = digits;
        } else if (c != '_') {
          break;
        }
      }
      if (digits == 0) {
        return null;
      }
      long exponent = 0;
      if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
        i++;
        boolean minus = false;
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
          minus = t.charAt(i) == '-';
          i++;
        }
        int from = i;
        int significantFrom = -1;
        for (; i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9'; i++) {
          if (significantFrom < 0 && t.charAt(i) != '0') {
            significantFrom = i;
          }
        }
        if (i == from) {
          return null;
        }
        if (significantFrom >= 0) {
          if (i - significantFrom > MAX_EXPONENT_DIGITS) {
            exponent = minus ? -10_000_000L : 10_000_000L; // far beyond any magnitude allowed
          } else {
            exponent = Long.parseLong(t, significantFrom, i, 10) * (minus ? -1 : 1);
          }
        }
      }
      if (i != n) {
        return null;
      }
      if (firstNonZero < 0) {
        return new DecimalText(negative, true, 0, 0);
      }
      int intDigits = point < 0 ? digits : point;
      return new DecimalText(negative, false, lastNonZero - firstNonZero + 1, intDigits - firstNonZero - 1 + exponent);
    }
  }

  /**
   * Whether the text is a number with a leading zero (0100, 09, -007.5, 0_1): after a sign, a 0,
   * then digits or '_' with at least one digit, then optionally '.' and digits. One pass, no
   * backtracking.
   */
  static boolean leadingZeroNumber(String text) {
    int n = text.length();
    int i = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (i >= n || text.charAt(i) != '0') {
      return false;
    }
    i++;
    boolean digit = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '_') {
        break;
      }
    }
    if (!digit) {
      return false;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
    }
    return i == n;
  }

  /** What was probably meant, for a short text ({@link #MAX_NUMBER_CHARS}) that is not a number. */
  private static String numberHint(String text, Scalar s, boolean plain) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '%' && c != '％') {
        b.append(c);
      }
    }
    String bare = b.toString();
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
    String noUnit = withoutUnit(text);
    if (!noUnit.equals(text) && PLAIN_NUMBER.matcher(noUnit).matches()) {
      return "（只写数字，不要带单位：是否想写 " + noUnit + "？）";
    }
    return genericHint(text, s);
  }

  private static final List<String> UNITS = List.of("元/年", "元/次", "个月", "元", "月", "年");

  /** The text without a unit word at its end and the blanks before it ("300 元" → "300"). */
  private static String withoutUnit(String text) {
    for (String u : UNITS) {
      if (text.endsWith(u)) {
        return text.substring(0, text.length() - u.length()).stripTrailing();
      }
    }
    return text;
  }

  /** The hint that needs no reading of the text beyond a search for a money word. */
  private static String genericHint(String text, Scalar s) {
    boolean money = false;
    for (int i = 0; i < text.length() && !money; i++) {
      money = "万元千百亿".indexOf(text.charAt(i)) >= 0;
    }
    if (money || s.unit().startsWith("元")) {
      return "（金额以元为单位写阿拉伯数字，如 80000）";
    }
    if ("%".equals(s.unit())) {
      return "（百分比写阿拉伯数字，如 8 表示 8%）";
    }
    return "（请写阿拉伯数字；不知道时写 null）";
  }

}
