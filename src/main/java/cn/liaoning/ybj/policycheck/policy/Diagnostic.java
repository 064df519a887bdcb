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
    StringBuilder sb = new StringBuilder();
    sb.append(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(Math.max(column, 1));
    }
    sb.append(": ").append(severity.label()).append(": ").append(message);
    if (sourceLine != null && line > 0) {
      sb.append('\n').append("    ").append(sourceLine);
      sb.append('\n').append("    ").append(caretPad(sourceLine, Math.max(column, 1) - 1)).append('^');
    }
    return sb.toString();
  }

  private static String caretPad(String text, int columns) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < columns && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        pad.append('\t');
      } else if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
          || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
          || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
        pad.append("  ");
      } else {
        pad.append(' ');
      }
    }
    return pad.toString();
  }
}
