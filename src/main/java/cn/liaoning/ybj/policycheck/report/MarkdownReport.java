package cn.liaoning.ybj.policycheck.report;

import java.io.Writer;
import java.util.Map;

/** {@code report.md}: the same content as {@code index.html}, for pasting into documents. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String write(ReportModel model) {
    return Templates.markdown("report.md.peb", Map.of("r", model));
  }

  /** Writes the Markdown into {@code out} as it is rendered, one city section at a time. */
  public static void write(ReportModel model, Writer out) {
    Templates.markdown("report.md.peb", Map.of("r", model), out);
  }
}
