package cn.liaoning.ybj.policycheck.policy;

/**
 * A problem found in an input file, located by 1-based line and column.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param severity error (the file is rejected) or warning (it is read, but look again)
 * @param message a plain Chinese message
 * @param sourceLine the text of the offending line, or null
 */
public record Diagnostic(
    String file, int line, int column, Severity severity, String message, String sourceLine) {

  public enum Severity {
    ERROR("错误"),
    WARNING("警告");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: 错误: message}, then the source line and a caret where known. */
  public String format() {
    // Each part on one line, nothing in it that acts on a terminal (see Hints.visible): the
    // file name and the source line come from outside.
    StringBuilder sb = new StringBuilder();
    sb.append(Hints.visible(file, false));
    if (line > 0) {
      sb.append(':').append(line).append(':').append(Math.max(column, 1));
    }
    sb.append(": ").append(severity.label()).append(": ").append(Hints.visible(message, false));
    if (sourceLine != null && line > 0) {
      // A very long line is shown as a window around the column, so the output stays readable.
      String shown = sourceLine;
      int col = Math.max(column, 1) - 1;
      int length = sourceLine.codePointCount(0, sourceLine.length());
      if (length > MAX_SHOWN) {
        int from = Math.max(0, Math.min(col - MAX_SHOWN / 2, length - MAX_SHOWN));
        int to = Math.min(length, from + MAX_SHOWN);
        shown = (from > 0 ? "…" : "")
            + sourceLine.substring(sourceLine.offsetByCodePoints(0, from), sourceLine.offsetByCodePoints(0, to))
            + (to < length ? "…" : "");
        col = col - from + (from > 0 ? 1 : 0);
      }
      sb.append('\n').append("    ").append(Hints.visible(shown, false));
      sb.append('\n').append("    ").append(caretPad(shown, col)).append('^');
    }
    return sb.toString();
  }

  /** Most characters of the source line shown under a message. */
  static final int MAX_SHOWN = 120;

  /**
   * Blanks that put a caret under column {@code columns + 1} (counted in code points, as the YAML
   * reader counts them): a tab stays a tab, a wide (CJK, full-width) character takes two places,
   * a character shown as {@code \\uXXXX} (see {@link Hints#visible}) as many as that takes.
   */
  private static String caretPad(String text, int columns) {
    StringBuilder pad = new StringBuilder();
    int i = 0;
    for (int n = 0; n < columns && i < text.length(); n++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\t') {
        pad.append('\t');
      } else if (!Hints.allowed(cp)) {
        pad.append(" ".repeat(cp > 0xFFFF ? 10 : 6));
      } else {
        pad.append(isWide(cp) ? "  " : " ");
      }
    }
    return pad.toString();
  }

  /** East Asian wide and full-width characters, as terminals draw them. */
  static boolean isWide(int cp) {
    return cp >= 0x1100 && cp <= 0x115F
        || cp >= 0x2E80 && cp <= 0x303E
        || cp >= 0x3041 && cp <= 0x33FF
        || cp >= 0x3400 && cp <= 0x4DBF
        || cp >= 0x4E00 && cp <= 0x9FFF
        || cp >= 0xA000 && cp <= 0xA4CF
        || cp >= 0xAC00 && cp <= 0xD7A3
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE30 && cp <= 0xFE4F
        || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x1F300 && cp <= 0x1F64F
        || cp >= 0x20000 && cp <= 0x3FFFD;
  }
}
