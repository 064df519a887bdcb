package cn.liaoning.ybj.policycheck.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Adapts the report writers to {@link ReportFiles.Content}: each writes into the file's stream as it
 * renders, buffered, and never closes it (the file's owner forces it to disk and closes it, and
 * some libraries close what they are given).
 */
final class Streams {
  private Streams() {}

  interface TextBody {
    void writeTo(Writer w) throws IOException;
  }

  interface ByteBody {
    void writeTo(OutputStream out) throws IOException;
  }

  /** UTF-8 text. */
  static ReportFiles.Content text(TextBody body) {
    return out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(shielded(out), StandardCharsets.UTF_8), 1 << 16);
      Writer open = new FilterWriter(w) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
      try {
        body.writeTo(open);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      w.flush();
    };
  }

  /** Bytes (the workbook). */
  static ReportFiles.Content bytes(ByteBody body) {
    return out -> {
      BufferedOutputStream b = new BufferedOutputStream(shielded(out), 1 << 16);
      body.writeTo(b);
      b.flush();
    };
  }

  /** {@code out}, except that closing it only flushes. */
  private static OutputStream shielded(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
