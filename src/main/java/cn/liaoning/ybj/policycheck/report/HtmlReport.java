package cn.liaoning.ybj.policycheck.report;

import java.io.Writer;
import java.util.Map;

/**
 * {@code index.html}: the auditors' report as one self-contained page (inline CSS, no script,
 * nothing fetched from the network), Chinese, printable on A4 landscape.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String write(ReportModel model) {
    return Templates.html("index.html.peb", Map.of("r", model));
  }

  /** Writes the page into {@code out} as it is rendered, one city section at a time. */
  public static void write(ReportModel model, Writer out) {
    Templates.html("index.html.peb", Map.of("r", model), out);
  }
}
