package cn.liaoning.ybj.policycheck.report;

import java.util.Map;

/**
 * {@code index.html}: the auditors' report as one self-contained page (inline CSS and SVG, no
 * script, nothing fetched from the network), Chinese, printable on A4 landscape.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String write(ReportModel model) {
    return Templates.html("index.html.peb", Map.of("r", model));
  }
}
