package cn.liaoning.ybj.policycheck.yamledit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A value as YAML scalar text that reads back as the same value: numbers in plain decimal, dates
 * as YYYY-MM-DD, and text plain where a YAML reader would take it as that text, else in double
 * quotes ("2102", "true", "a: b").
 */
public final class YamlScalars {
  private YamlScalars() {}

  private static final Resolver RESOLVER = new Resolver();
  /** Characters that may not start a plain scalar. */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  /** The value as YAML text; {@code flow} when it is written inside { … } or [ … ]. */
  public static String format(Object value, boolean flow) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return number(new BigDecimal(value.toString()));
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof MonthDay md) {
      return String.format(Locale.ROOT, "%02d-%02d", md.getMonthValue(), md.getDayOfMonth());
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(format(list.get(i), true));
      }
      return sb.append(']').toString();
    }
    return text(value.toString(), flow);
  }

  /** A number without exponent or trailing zeros: 150000, 8.6, 0.5. */
  public static String number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  /** Text, plain where that reads back as the same text, else double-quoted. */
  public static String text(String s, boolean flow) {
    return plainSafe(s, flow) ? s : quoted(s);
  }

  static boolean plainSafe(String s, boolean flow) {
    if (s.isEmpty() || s.strip().length() != s.length() || INDICATORS.indexOf(s.charAt(0)) >= 0) {
      return false;
    }
    if (s.contains(": ") || s.endsWith(":") || s.contains(" #") || s.contains("\t")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
        return false;
      }
      if (flow && ",[]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR);
  }

  /** Double-quoted, with backslash escapes for '\\', '"' and control characters. */
  static String quoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
