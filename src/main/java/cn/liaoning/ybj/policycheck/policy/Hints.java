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

  /** The text to quote back in a message: at most {@link #MAX_QUOTED} characters. */
  public static String clip(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_QUOTED) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED)) + "…";
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
