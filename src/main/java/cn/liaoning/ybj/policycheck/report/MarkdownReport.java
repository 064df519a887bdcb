package cn.liaoning.ybj.policycheck.report;

import java.util.Map;

/** {@code report.md}: the same content as {@code index.html}, for pasting into documents. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String write(ReportModel model) {
    return Templates.markdown("report.md.peb", Map.of("r", model));
  }
}
