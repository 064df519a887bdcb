package cn.liaoning.ybj.policycheck.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * The Pebble engines behind the HTML and Markdown reports (templates in
 * {@code src/main/resources/templates/}). Auto-escaping is on in both, so every value a template
 * prints is escaped for its format: HTML entities in the page, Markdown (and HTML) metacharacters in
 * the Markdown. Undefined variables are errors, not blanks.
 */
final class Templates {
  private static final PebbleEngine HTML = builder()
      .addEscapingStrategy("html", s -> html(Echo.line(s)))
      .defaultEscapingStrategy("html")
      .build();
  private static final PebbleEngine MARKDOWN = builder()
      .addEscapingStrategy("markdown", s -> markdown(Echo.line(s)))
      .defaultEscapingStrategy("markdown")
      .build();

  private Templates() {}

  private static PebbleEngine.Builder builder() {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setCharset("UTF-8");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .strictVariables(true)
        .defaultLocale(Locale.SIMPLIFIED_CHINESE);
  }

  static String html(String template, Map<String, Object> context) {
    StringWriter out = new StringWriter();
    html(template, context, out);
    return out.toString();
  }

  static String markdown(String template, Map<String, Object> context) {
    StringWriter out = new StringWriter();
    markdown(template, context, out);
    return out.toString();
  }

  /** Renders straight into {@code out}: the page is written as it is rendered, never held whole. */
  static void html(String template, Map<String, Object> context, Writer out) {
    render(HTML, template, context, out);
  }

  static void markdown(String template, Map<String, Object> context, Writer out) {
    render(MARKDOWN, template, context, out);
  }

  private static void render(PebbleEngine engine, String template, Map<String, Object> context, Writer out) {
    try {
      engine.getTemplate(template).evaluate(out, context, Locale.SIMPLIFIED_CHINESE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Escapes text for HTML content and quoted attribute values: {@code & < > " '} become
   * {@code &amp; &lt; &gt; &quot; &#39;}, everything else (Chinese text included) is kept. This is
   * exactly what Pebble's own "html" strategy gives (unbescape's {@code escapeHtml4Xml}, tested
   * character by character); it replaces it because unbescape builds its tables of all 2,000-odd
   * HTML5 entity names on first use, about a tenth of a cold {@code report} run.
   */
  static String html(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      String entity = switch (s.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (entity != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (entity != null) {
          b.append(entity);
        } else {
          b.append(s.charAt(i));
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * Escapes text for Markdown (CommonMark with GitHub tables): the inline markup characters and
   * {@code |} get a backslash, {@code & < >} become entities (so no raw HTML reaches a Markdown
   * renderer), and line breaks become spaces (a value never ends a table row or a list item).
   */
  static String markdown(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\r' -> { }
        case '\n' -> b.append(' ');
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' -> b.append('\\').append(c);
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
