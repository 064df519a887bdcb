package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.ScalarValues;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.policy.Schema.Kind;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns what a cell holds into the value the city file stores, with the YAML loader's own rules
 * and hints ({@link ScalarValues}): "15万" in a money cell is an error that asks "是否想写 150000？".
 * Chinese words of enumerated fields become their codes; an empty cell is "not known" (null).
 */
final class Values {
  private Values() {}

  /** The value read (null: empty), or why not; a value may come with a warning. */
  record Read(Object value, String error, String warning) {
    static Read of(Object v) {
      return new Read(v, null, null);
    }

    static Read error(String e) {
      return new Read(null, e, null);
    }
  }

  private static final Resolver RESOLVER = new Resolver();
  /** How messages name the value: "<label>：所填应为数字……", "<label>：所填的值 150 超出允许范围……". */
  private static final String NAME = "所填";
  private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:–|—|-|~|～|至|到)\\s*(\\d+(?:\\.\\d+)?)");

  static Read read(Cells.Content c, Schema.Type t, String path) {
    if (c.problem() != null) {
      return Read.error("该单元格" + c.problem());
    }
    if (c.empty()) {
      return Read.of(null);
    }
    String bad = invisible(c.text());
    if (bad != null) {
      return Read.error(bad);
    }
    if (t instanceof ListOf l && l.element() instanceof Scalar s) {
      return factors(c, s);
    }
    if (t instanceof NumberOrRange nr) {
      if (c.text() != null && !c.number()) {
        Matcher m = RANGE.matcher(c.text());
        if (m.matches()) {
          Read lo = scalar(new Cells.Content(m.group(1), true, false, null, null), nr.number(), path);
          Read hi = scalar(new Cells.Content(m.group(2), true, false, null, null), nr.number(), path);
          if (lo.error() != null || hi.error() != null) {
            return lo.error() != null ? lo : hi;
          }
          double a = ((Number) lo.value()).doubleValue();
          double b = ((Number) hi.value()).doubleValue();
          if (a > b) {
            return Read.error("区间的下限 " + Hints.fmt(a) + " 大于上限 " + Hints.fmt(b));
          }
          return Read.of(new Doc.Range(a, b));
        }
      }
      return scalar(c, nr.number(), path);
    }
    return scalar(c, (Scalar) t, path);
  }

  private static Read scalar(Cells.Content c, Scalar s, String path) {
    if (c.date() != null) {
      return switch (s.kind()) {
        case DATE -> Read.of(c.date());
        case MONTH_DAY -> Read.of(MonthDay.from(c.date()));
        case STRING -> Read.of(c.date().toString());
        default -> Read.error("该单元格是日期（" + c.date() + "），而此项应为" + expected(s)
            + "：请把单元格格式改为“常规”后重新填写");
      };
    }
    String text = c.text();
    if (c.number() && c.percentShown() && "%".equals(s.unit())) {
      String meant = new BigDecimal(text).movePointRight(2).stripTrailingZeros().toPlainString();
      return Read.error("该单元格按百分比格式显示，存的是 " + text + "：百分比请写百分数，是否想写 " + meant
          + "？（单元格格式用“常规”）");
    }
    if (!s.choices().isEmpty() && s.kind() != Kind.STRING) {
      return choice(text, s, path);
    }
    if (s.kind() == Kind.STRING && !s.choices().isEmpty()) {
      // Suggested words (a named basis): the words of a suggestion stand for its code; other text as written.
      for (Map.Entry<String, String> e : Layout.words(s).entrySet()) {
        if (e.getValue().equals(text)) {
          return Read.of(e.getKey());
        }
      }
    }
    if (s.kind() == Kind.DATE && c.number()) {
      return Read.error("所填应为日期 YYYY-MM-DD（如 2026-01-01），而不是数字 " + text);
    }
    Tag tag = c.number() ? (text.contains(".") ? Tag.FLOAT : Tag.INT) : RESOLVER.resolve(NodeId.scalar, text, true);
    ScalarValues.Read r = ScalarValues.read(NAME, path, text, s, true, tag);
    return new Read(r.value(), r.error(), r.warning());
  }

  /** An enumerated value: its Chinese words, or its code. */
  private static Read choice(String text, Scalar s, String path) {
    Map<String, String> words = Layout.words(s);
    for (Map.Entry<String, String> e : words.entrySet()) {
      if (e.getValue().equals(text) || e.getKey().equalsIgnoreCase(text)) {
        return code(e.getKey(), s, path);
      }
    }
    if (s.kind() == Kind.BOOLEAN && List.of("对", "有", "yes", "y").contains(text.toLowerCase(Locale.ROOT))) {
      return Read.error("“" + Hints.clip(text) + "”不是可选的值，可选：是 / 否");
    }
    String hint = Hints.closest(text, new ArrayList<>(words.values()));
    return Read.error("“" + Hints.clip(text) + "”不是可选的值，可选：" + String.join(" / ", words.values())
        + (hint == null ? "" : "（是否想写 " + hint + "？）"));
  }

  private static Read code(String code, Scalar s, String path) {
    return switch (s.kind()) {
      case BOOLEAN -> Read.of(Boolean.valueOf(code));
      case INTEGER -> Read.of(Integer.valueOf(code));
      default -> Read.of(code);
    };
  }

  /** A list of factors: 不区分 (none), or words separated by 、 , ； (参保年限、年龄). */
  private static Read factors(Cells.Content c, Scalar s) {
    String text = c.text() == null ? "" : c.text();
    if (text.equals(Cells.NONE_WORD) || text.equals("无") || text.equals("[]")) {
      return Read.of(List.of());
    }
    Map<String, String> words = Layout.words(s);
    List<String> codes = new ArrayList<>();
    for (String part : text.split("[、,，;；/\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      String code = null;
      for (Map.Entry<String, String> e : words.entrySet()) {
        if (e.getValue().equals(part) || e.getKey().equalsIgnoreCase(part)) {
          code = e.getKey();
        }
      }
      if (code == null) {
        String hint = Hints.closest(part, new ArrayList<>(words.values()));
        return Read.error("“" + Hints.clip(part) + "”不是可选的因素：写“" + Cells.NONE_WORD + "”，或以下一项或几项（用顿号分隔）："
            + String.join("、", words.values()) + (hint == null ? "" : "（是否想写 " + hint + "？）"));
      }
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return Read.of(List.copyOf(codes));
  }

  private static String expected(Scalar s) {
    return switch (s.kind()) {
      case NUMBER, INTEGER -> "数字";
      case BOOLEAN -> "是或否";
      case ENUM -> "下拉列表中的一项";
      default -> "文字";
    };
  }

  /**
   * Why a text cannot go into the file, or null: control characters, zero-width and direction
   * characters are refused by the loader too, and would be invisible in the workbook.
   */
  static String invisible(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean bad = cp < 0x20 && cp != '\n' || cp == 0x7F || cp >= 0x80 && cp <= 0x9F || cp == 0x200B || cp == 0x200C
          || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069
          || cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F;
      if (bad) {
        return String.format(Locale.ROOT, "含有不可见字符或控制字符 U+%04X：请删去后重新输入", cp);
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /** Text for a message: control and invisible characters shown as \\uXXXX. */
  static String visible(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029) {
        sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
      } else {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }
}
