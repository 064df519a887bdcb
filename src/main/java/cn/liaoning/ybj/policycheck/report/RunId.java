package cn.liaoning.ybj.policycheck.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run id every file of one report carries, so that a set of files from different runs (a run
 * killed between moving its files in) can be told apart from a whole report: the first 16 hex
 * digits of the SHA-256 of {@code findings.json} as rendered. It depends only on the results, so the
 * same input and as-of date still give byte-identical files, and two runs with the same id wrote
 * the same files.
 *
 * <ul>
 *   <li>{@code index.html}: {@code <meta name="policy-check-run" content="ID">} in the head;
 *   <li>{@code report.md}: a first line {@code <!-- policy-check-run: ID -->} (not shown when rendered);
 *   <li>{@code findings.csv}: a last column 运行编号 with the id in every row;
 *   <li>{@code findings.json}: a first member {@code "run_id"}.
 * </ul>
 */
final class RunId {
  private RunId() {}

  static final String CSV_COLUMN = "运行编号";

  static String of(byte[] json) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }

  /** The files with the id written into each. */
  static Map<String, byte[]> stamp(Map<String, byte[]> files, String id) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    files.forEach((name, bytes) -> out.put(name, stamp(name, bytes, id)));
    return out;
  }

  private static byte[] stamp(String name, byte[] bytes, String id) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String stamped = switch (name) {
      case ReportFiles.HTML -> {
        int head = text.indexOf("<head>");
        String meta = "<meta name=\"policy-check-run\" content=\"" + id + "\">";
        yield head < 0 ? "<!-- policy-check-run: " + id + " -->\n" + text
            : text.substring(0, head + 6) + "\n" + meta + text.substring(head + 6);
      }
      case ReportFiles.MARKDOWN -> "<!-- policy-check-run: " + id + " -->\n" + text;
      case ReportFiles.JSON -> {
        int brace = text.indexOf('{');
        yield text.substring(0, brace + 1) + "\n  \"run_id\" : \"" + id + "\"," + text.substring(brace + 1);
      }
      case ReportFiles.CSV -> csvColumn(text, id);
      default -> text;
    };
    return stamped.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The CSV with one more column: 运行编号 in the header, the id in every row. A record ends at a
   * line break outside quotes (a quoted cell may hold line breaks); nothing else is touched.
   */
  private static String csvColumn(String csv, String id) {
    StringBuilder b = new StringBuilder(csv.length() + 64 * 20);
    boolean quoted = false;
    boolean header = true;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\r' || c == '\n')) {
        b.append(',').append(header ? CSV_COLUMN : id);
        header = false;
        b.append(c);
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          b.append('\n');
          i++;
        }
        continue;
      }
      b.append(c);
    }
    if (!csv.isEmpty() && csv.charAt(csv.length() - 1) != '\n' && csv.charAt(csv.length() - 1) != '\r') {
      b.append(',').append(header ? CSV_COLUMN : id); // a last record without a line break
    }
    return b.toString();
  }

  /** The id a file carries, or null. */
  static String find(String name, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String marker = switch (name) {
      case ReportFiles.HTML -> "<meta name=\"policy-check-run\" content=\"";
      case ReportFiles.MARKDOWN -> "<!-- policy-check-run: ";
      case ReportFiles.JSON -> "\"run_id\" : \"";
      case ReportFiles.CSV -> null;
      default -> null;
    };
    if (name.equals(ReportFiles.CSV)) {
      int eol = text.indexOf("\r\n", text.indexOf("\r\n") + 2); // the end of the first row after the header
      int comma = eol < 0 ? -1 : text.lastIndexOf(',', eol);
      return comma < 0 ? null : text.substring(comma + 1, eol);
    }
    int at = marker == null ? -1 : text.indexOf(marker);
    return at < 0 || at + marker.length() + 16 > text.length() ? null : text.substring(at + marker.length(), at + marker.length() + 16);
  }
}
