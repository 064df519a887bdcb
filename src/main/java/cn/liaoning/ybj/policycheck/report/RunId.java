package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run id every file of one report carries, so that a set of files from different runs (a run
 * killed between moving its files in) can be told apart from a whole report: the first 16 hex
 * digits of the SHA-256 of {@code findings.json} as rendered without it. It depends only on the
 * results, so the same input and as-of date still give byte-identical files, and two runs with the
 * same id wrote the same files. Files are stamped as they stream to disk, never held whole.
 *
 * <ul>
 *   <li>{@code index.html}: {@code <meta name="policy-check-run" content="ID">} right after {@code <head>};
 *   <li>{@code report.md}: a first line {@code <!-- policy-check-run: ID -->} (not shown when rendered);
 *   <li>{@code findings.csv}: a last column 运行编号 with the id in every row;
 *   <li>{@code findings.xlsx}: the document identifier, and a row on the 摘要 sheet;
 *   <li>{@code findings.json}: a first member {@code "run_id"}.
 * </ul>
 */
final class RunId {
  private RunId() {}

  static final String CSV_COLUMN = "运行编号";

  /** The id of a run's report: the JSON is streamed into the digest, not held. */
  static String of(RunResult run) {
    MessageDigest sha = sha256();
    try (Writer w = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), sha), StandardCharsets.UTF_8)) {
      JsonReport.stream(run, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // nothing is written anywhere
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  /** The id of this JSON text. */
  static String of(byte[] json) {
    return HexFormat.of().formatHex(sha256().digest(json), 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }

  /** {@code content} with the id written into it as it streams (see the class comment). */
  static ReportFiles.Content stamped(String name, ReportFiles.Content content, String id) {
    return file -> {
      OutputStream out = new java.io.BufferedOutputStream(file, 1 << 16); // the stamps look at each byte
      Stamp s = switch (name) {
        case ReportFiles.HTML -> new InsertAfter(out, "<head>", "\n<meta name=\"policy-check-run\" content=\"" + id + "\">",
            "\n<!-- policy-check-run: " + id + " -->\n");
        case ReportFiles.JSON -> new InsertAfter(out, "{", "\n  \"run_id\" : \"" + id + "\",", null);
        case ReportFiles.CSV -> new CsvColumn(out, id);
        case ReportFiles.MARKDOWN -> new InsertAfter(out, "", "<!-- policy-check-run: " + id + " -->\n", null);
        default -> new InsertAfter(out, null, null, null);
      };
      content.writeTo(s);
      s.finish();
    };
  }

  /** A stream that adds the id to what passes through; {@link #finish} ends it (without closing {@code out}). */
  private abstract static class Stamp extends FilterOutputStream {
    Stamp(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public void close() throws IOException {
      flush(); // the file's owner closes it
    }

    abstract void finish() throws IOException;
  }

  /**
   * Writes {@code insert} right after the first occurrence of an ASCII {@code marker} ("" = at the
   * start; null = never); {@code orElse} at the end when the marker never came. Bytes are UTF-8, in
   * which an ASCII byte is always that character.
   */
  private static final class InsertAfter extends Stamp {
    private final byte[] marker;
    private final byte[] insert;
    private final byte[] orElse;
    private int matched;
    private boolean done;

    InsertAfter(OutputStream out, String marker, String insert, String orElse) {
      super(out);
      this.marker = marker == null ? null : marker.getBytes(StandardCharsets.US_ASCII);
      this.insert = insert == null ? null : insert.getBytes(StandardCharsets.UTF_8);
      this.orElse = orElse == null ? null : orElse.getBytes(StandardCharsets.UTF_8);
      this.done = marker == null;
      if (marker != null && marker.isEmpty()) {
        this.matched = -1; // insert before the first byte
      }
    }

    @Override
    public void write(int b) throws IOException {
      if (!done && matched < 0) {
        out.write(insert);
        done = true;
      }
      out.write(b);
      if (!done) {
        matched = (byte) b == marker[matched] ? matched + 1 : (byte) b == marker[0] ? 1 : 0;
        if (matched == marker.length) {
          out.write(insert);
          done = true;
        }
      }
    }

    @Override
    void finish() throws IOException {
      if (!done && matched < 0) {
        out.write(insert); // nothing was written: the stamp alone
      } else if (!done && orElse != null) {
        out.write(orElse);
      }
      out.flush();
    }
  }

  /**
   * The CSV with one more column: 运行编号 in the header, the id in every row. A record ends at a
   * line break outside quotes (a quoted cell may hold line breaks); nothing else is touched.
   */
  private static final class CsvColumn extends Stamp {
    private final byte[] header = (',' + CSV_COLUMN).getBytes(StandardCharsets.UTF_8);
    private final byte[] cell;
    private boolean quoted;
    private boolean first = true;
    private int last = -1;

    CsvColumn(OutputStream out, String id) {
      super(out);
      this.cell = (',' + id).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted && (b == '\r' || b == '\n') && !(b == '\n' && last == '\r')) {
        out.write(first ? header : cell);
        first = false;
      }
      out.write(b);
      last = b & 0xff;
    }

    @Override
    void finish() throws IOException {
      if (last >= 0 && last != '\n' && last != '\r') {
        out.write(first ? header : cell); // a last record without a line break
      }
      out.flush();
    }
  }

  /** The id a file carries, or null. */
  static String find(String name, byte[] bytes) {
    if (name.equals(ReportFiles.XLSX)) {
      return xlsxIdentifier(bytes);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (name.equals(ReportFiles.CSV)) {
      int eol = text.indexOf("\r\n", text.indexOf("\r\n") + 2); // the end of the first row after the header
      int comma = eol < 0 ? -1 : text.lastIndexOf(',', eol);
      return comma < 0 ? null : text.substring(comma + 1, eol);
    }
    String marker = switch (name) {
      case ReportFiles.HTML -> "<meta name=\"policy-check-run\" content=\"";
      case ReportFiles.MARKDOWN -> "<!-- policy-check-run: ";
      case ReportFiles.JSON -> "\"run_id\" : \"";
      default -> null;
    };
    int at = marker == null ? -1 : text.indexOf(marker);
    return at < 0 || at + marker.length() + 16 > text.length() ? null : text.substring(at + marker.length(), at + marker.length() + 16);
  }

  /**
   * The workbook's document identifier (docProps/core.xml), or null. Read through a temporary file:
   * POI streams its entries with sizes after the data, which a zip stream cannot follow.
   */
  private static String xlsxIdentifier(byte[] bytes) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("policy-check-run", ".xlsx");
      Files.write(tmp, bytes);
      try (ZipFile zip = new ZipFile(tmp.toFile())) {
        ZipEntry e = zip.getEntry("docProps/core.xml");
        if (e == null) {
          return null;
        }
        try (var in = zip.getInputStream(e)) {
          String xml = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
          int at = xml.indexOf("identifier>");
          int end = at < 0 ? -1 : xml.indexOf('<', at);
          return end < 0 ? null : xml.substring(at + "identifier>".length(), end);
        }
      }
    } catch (IOException e) {
      return null;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }
}
