package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** Whatever a city file says reaches the HTML and Markdown reports as text, never as markup. */
class EscapingTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(2)>";
  static final String MARKUP = " | **粗体** [链接](javascript:alert(3))";

  static RunResult hostile() {
    return Reports.run(TestSupport.compliantWith(
        "city", SCRIPT,
        "code", "\"><b>x</b>",
        "sources[0].title", IMG + MARKUP,
        // A violation, so the class name and the source also appear in the deadline view.
        "employee.contribution.base_ceiling_pct", 250));
  }

  @Test
  void htmlShowsACityNamedScriptAsText() {
    String html = HtmlReport.write(Reports.model(hostile()));
    assertFalse(html.contains(SCRIPT), "raw script tag in the page");
    assertFalse(html.contains("<img"), "raw img tag in the page");
    assertFalse(html.contains("<b>x</b>"), "raw markup from the city code");
    assertFalse(html.contains("\"><b>"), "attribute break-out from the city code");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
    assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"), "the source title is shown, escaped");
    assertTrue(html.contains("&quot;&gt;&lt;b&gt;x&lt;/b&gt;"), "the code is shown, escaped");
    assertFalse(Pattern.compile("(?i)<script").matcher(html).find(), "the page has no script at all");
  }

  @Test
  void htmlIsSelfContained() {
    String html = HtmlReport.write(Reports.model(hostile()));
    assertFalse(Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(html.replace("http://www.w3.org/2000/svg", "")).find(),
        "no network reference");
    assertFalse(Pattern.compile("(?i)<link|<img|<iframe|@import|url\\(").matcher(html).find(), "nothing loaded from elsewhere");
    assertTrue(html.contains("<style>"));
    assertTrue(html.contains("@page { size: A4 landscape"), "print stylesheet");
  }

  @Test
  void markdownShowsTheNameAsTextAndKeepsTablesIntact() {
    String md = MarkdownReport.write(Reports.model(hostile()));
    assertFalse(md.contains(SCRIPT), md);
    assertFalse(md.contains("<img"), md);
    assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), md);
    assertTrue(md.contains("&lt;img src=x onerror=alert(2)&gt; \\| \\*\\*粗体\\*\\* \\[链接\\](javascript:alert(3))"), md);
    // Every matrix row has the same number of unescaped cell separators as the header.
    String header = md.lines().filter(l -> l.startsWith("| 统筹区 | 结论 |")).findFirst().orElseThrow();
    long columns = separators(header);
    md.lines().dropWhile(l -> !l.equals(header)).skip(2).takeWhile(l -> l.startsWith("|"))
        .forEach(l -> assertEquals(columns, separators(l), l));
  }

  @Test
  void htmlEscaperIsPebblesOwnHtmlStrategy() {
    // Pebble's "html" strategy is unbescape's escapeHtml4Xml: the same text for every UTF-16 unit,
    // for surrogate pairs and for mixed text.
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String s = "x" + c + "y";
      assertEquals(HtmlEscape.escapeHtml4Xml(s), Templates.html(s), () -> "U+" + Integer.toHexString(s.charAt(1)));
    }
    for (String s : List.of("", "沈阳 <b>&amp;</b> \"8.6%\" 'a' 𠮷 \uD83D\uDE00 &#39; \r\n\t", "<<>>&&\"\"''")) {
      assertEquals(HtmlEscape.escapeHtml4Xml(s), Templates.html(s), s);
    }
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;", Templates.html("<script>alert('x')</script> & \""));
  }

  @Test
  void markdownEscaper() {
    assertEquals("a \\| b \\*c\\* \\_d\\_ \\`e\\` &lt;f&gt; &amp; g h", Templates.markdown("a | b *c* _d_ `e` <f> & g\nh"));
    assertEquals("", Templates.markdown(null));
  }

  private static long separators(String row) {
    return Pattern.compile("(?<!\\\\)\\|").matcher(row).results().count();
  }
}
