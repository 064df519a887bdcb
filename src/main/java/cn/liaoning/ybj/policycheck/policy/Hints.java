package cn.liaoning.ybj.policycheck.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * How messages quote what a person wrote, and guess what they meant: a bounded excerpt of the
 * input, the closest known word ("是否想写 …？"), a number as people write it.
 */
public final class Hints {
  private Hints() {}

  /** Longest text quoted back in a message; the rest is cut with "…". */
  public static final int MAX_QUOTED = 60;

  /**
   * The text to quote back in a message: at most {@link #MAX_QUOTED} characters, each character
   * that is not {@link #allowed} written out as {@code \\uXXXX} (see {@link #visible}).
   */
  public static String clip(String text) {
    if (text.length() <= MAX_QUOTED || text.codePointCount(0, Math.min(text.length(), 2 * MAX_QUOTED + 2)) <= MAX_QUOTED) {
      return visible(text, false);
    }
    return visible(text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED)), false) + "…";
  }

  /**
   * Whether a character may stand in a value, a key or a file name, and be echoed into any output
   * as it is: not a control character (a tab excepted), not a line or paragraph separator, not an
   * invisible format character (zero-width characters, direction controls, a byte-order mark),
   * not half of a surrogate pair, not a noncharacter (U+FFFE, U+FDD0 …). Such characters end
   * lines, drive terminals, make two equal-looking names differ, or make XML unreadable.
   */
  public static boolean allowed(int cp) {
    if (cp == '\t') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> {
        return false;
      }
      default -> {
        return (cp & 0xFFFE) != 0xFFFE && (cp < 0xFDD0 || cp > 0xFDEF);
      }
    }
  }

  /** The first character of {@code s} that is not {@link #allowed}, or -1. */
  public static int firstDisallowed(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp >= 0x20 && cp < 0x7F || cp >= 0x4E00 && cp <= 0x9FFF) {
        i++; // printable ASCII, CJK ideographs: the usual case, allowed
        continue;
      }
      if (!allowed(cp)) {
        return cp;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** A character that is not {@link #allowed}, named for a message: “换行符 U+000A”. */
  public static String describe(int cp) {
    String u = codePoint(cp);
    return switch (cp) {
      case '\n' -> "换行符 " + u;
      case '\r' -> "回车符 " + u;
      case 0 -> "空字符 " + u;
      case 0x1B -> "终端控制字符 ESC " + u;
      case 0x85, 0x2028, 0x2029 -> "特殊换行符 " + u;
      default -> switch (Character.getType(cp)) {
        case Character.CONTROL -> "控制字符 " + u;
        case Character.FORMAT -> "不可见字符 " + u + "（零宽字符或文字方向控制符）";
        case Character.SURROGATE -> "不成对的代理码元 " + u + "（不是有效的字符）";
        default -> "非字符 " + u;
      };
    };
  }

  /**
   * The text with every character that is not {@link #allowed} written as {@code \\uXXXX}: one
   * line that shows what is there, and nothing that acts on a terminal.
   *
   * @param keepNewlines whether {@code \\n} stays a line break (for multi-line text)
   */
  public static String visible(String s, boolean keepNewlines) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F || c >= 0x4E00 && c <= 0x9FFF) {
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      if (!allowed(cp) && !(keepNewlines && cp == '\n')) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (allowed(cp) || keepNewlines && cp == '\n') {
        b.appendCodePoint(cp);
      } else if (cp > 0xFFFF) {
        b.append(String.format(Locale.ROOT, "\\U%08X", cp));
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04X", cp));
      }
    }
    return b.toString();
  }

  private static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  /**
   * For an unknown key with a character outside ASCII: names it, since every key of the format
   * is plain ASCII and a look-alike ("сity" with a Cyrillic с) is otherwise hard to see.
   */
  static String nonAscii(String key) {
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      if (cp > 0x7E && !Character.isIdeographic(cp)) {
        return String.format(Locale.ROOT, "（键中的“%s”是 U+%04X，不是英文字母：键只用英文字母、数字和下划线）",
            new String(Character.toChars(cp)), cp);
      }
      i += Character.charCount(cp);
    }
    return "";
  }

  /** The candidate closest to a misspelt word, or null when none is close enough to suggest. */
  public static String closest(String word, List<String> candidates) {
    if (word.length() > 4 * MAX_QUOTED) {
      return null; // no key, value or rule id is that long: nothing to suggest, nothing to compute
    }
    String w = normal(word);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c == null) {
        continue;
      }
      String n = normal(c);
      int lengths = Math.abs(w.length() - n.length());
      boolean prefix = w.length() >= 4 && n.length() >= 4 && (n.startsWith(w) || w.startsWith(n));
      int limit = Math.max(1, Math.min(w.length(), n.length()) / 3);
      if (!prefix && lengths > limit) {
        continue; // the distance is at least the difference in length: not close (a file of many unknown keys stays cheap)
      }
      // One word a prefix of the other: the distance is the difference in length.
      int dist = prefix ? lengths : distance(w, n);
      boolean close = dist <= limit;
      if ((close || prefix) && dist < bestDistance) {
        best = c;
        bestDistance = dist;
      }
    }
    return best;
  }

  /** Case, hyphens and spaces do not matter when guessing what was meant. */
  private static String normal(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** A number as written in a message: 8.6, 300, 0.5. */
  public static String fmt(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
