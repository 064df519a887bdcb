package cn.liaoning.ybj.policycheck.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help text laid out for Chinese. picocli wraps long lines where {@link java.text.BreakIterator}
 * allows, which for Chinese is between any two characters, so a wrap could fall inside a word
 * (“距 / 整改期限”). Here every help section (bar the synopsis, which has no Chinese) is rendered
 * unwrapped and then wrapped to the usage width with wide characters counted as two columns,
 * breaking only at spaces and after Chinese punctuation (，。、；：）…), and inside a phrase only
 * when the phrase alone is wider than the line. Continuation lines keep picocli's hanging indent:
 * two columns past the start of a table's description column. Applies to any command, whatever
 * its sections, so commands added later need nothing of their own.
 */
final class HelpLayout {
  private HelpLayout() {}

  /** Width at which picocli is asked to render a section: wide enough that it never wraps. */
  private static final int UNWRAPPED = 2000;

  /** Characters after which a line may break (closing punctuation and pauses). */
  private static final String BREAK_AFTER = "，。、；：！？）》」』”’…,;";
  /** Characters before which a line may break (opening punctuation). */
  private static final String BREAK_BEFORE = "（《「『“‘";

  /** Lays out the help of this command and of all its subcommands. */
  static void apply(CommandLine cmd) {
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
    for (Map.Entry<String, IHelpSectionRenderer> e : cmd.getHelpSectionMap().entrySet()) {
      IHelpSectionRenderer r = e.getValue();
      sections.put(e.getKey(), e.getKey().equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS) ? new Synopsis(r) : wrapping(r));
    }
    cmd.setHelpSectionMap(sections);
    for (CommandLine sub : cmd.getSubcommands().values()) {
      apply(sub);
    }
  }

  private static IHelpSectionRenderer wrapping(IHelpSectionRenderer r) {
    return new Wrapping(r);
  }

  /**
   * The synopsis, wrapped by picocli itself (it knows where an option ends), but at a width less
   * the columns its Chinese heading ("用法：") takes beyond what picocli counts for it: picocli
   * counts a wide character as one column.
   */
  private static final class Synopsis implements IHelpSectionRenderer {
    private final IHelpSectionRenderer inner;

    Synopsis(IHelpSectionRenderer inner) {
      this.inner = inner;
    }

    @Override
    public String render(CommandLine.Help help) {
      UsageMessageSpec um = help.commandSpec().usageMessage();
      String heading = um.synopsisHeading() == null ? "" : um.synopsisHeading().replace("%n", "");
      int extra = columns(heading) - heading.length();
      if (extra <= 0) {
        return inner.render(help);
      }
      int width = um.width();
      boolean auto = um.autoWidth();
      um.autoWidth(false).width(width - extra);
      try {
        return inner.render(help);
      } finally {
        um.width(width).autoWidth(auto);
      }
    }
  }

  /** A section rendered unwrapped by picocli, then wrapped here (a class, not a lambda: no call site to link at start-up). */
  private static final class Wrapping implements IHelpSectionRenderer {
    private final IHelpSectionRenderer inner;

    Wrapping(IHelpSectionRenderer inner) {
      this.inner = inner;
    }

    @Override
    public String render(CommandLine.Help help) {
      UsageMessageSpec um = help.commandSpec().usageMessage();
      int width = um.width(); // the terminal's width where the command asks for it, else 80
      boolean auto = um.autoWidth();
      um.autoWidth(false).width(UNWRAPPED);
      try {
        return wrap(inner.render(help), width);
      } finally {
        um.width(width).autoWidth(auto);
      }
    }
  }

  /**
   * The short help printed when no subcommand is given: what the tool is, the synopsis and the
   * subcommands, then where the full help is.
   */
  static String shortHelp(CommandLine cmd) {
    CommandLine.Help help = cmd.getHelp();
    Map<String, IHelpSectionRenderer> m = cmd.getHelpSectionMap();
    StringBuilder b = new StringBuilder();
    for (String key : List.of(UsageMessageSpec.SECTION_KEY_HEADER, UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
        UsageMessageSpec.SECTION_KEY_SYNOPSIS, UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
        UsageMessageSpec.SECTION_KEY_COMMAND_LIST)) {
      IHelpSectionRenderer r = m.get(key);
      if (r != null) {
        b.append(r.render(help));
      }
    }
    String name = cmd.getCommandSpec().qualifiedName();
    b.append("\n请给出一个子命令。完整说明：").append(name).append(" --help；子命令的用法：").append(name).append(" <子命令> --help\n");
    return b.toString();
  }

  /** Wraps every line of a rendered section that is wider than {@code width} columns. */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
      boolean cr = line.endsWith("\r");
      if (cr) {
        line = line.substring(0, line.length() - 1);
      }
      out.append(columns(line) <= width ? line : String.join(cr ? "\r\n" : "\n", wrapLine(line, width)));
      if (nl < 0) {
        break;
      }
      out.append(cr ? "\r\n" : "\n");
      start = nl + 1;
    }
    return out.toString();
  }

  /** One line wrapped: its first part as it was, the rest with a hanging indent. */
  static List<String> wrapLine(String line, int width) {
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    // A table row ("  --as-of=DATE         基准日 …", "  1   发现违规…"): its description column
    // starts after the first run of two or more spaces that follows the row's first text.
    int textStart = lead;
    int indent = lead;
    java.util.regex.Matcher gap = java.util.regex.Pattern.compile("\\S( {2,})(?=\\S)").matcher(line);
    if (gap.find(lead)) {
      textStart = gap.end(1);
      indent = textStart + 2;
    }
    if (width - indent < 20) {
      indent = Math.min(lead, Math.max(0, width - 20));
    }
    String prefix = line.substring(0, textStart);
    List<String> pieces = pieces(line.substring(textStart));
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder(prefix);
    int curWidth = columns(prefix);
    boolean empty = true;
    String pad = " ".repeat(indent);
    for (String p : pieces) {
      int w = columns(p.stripTrailing());
      if (!empty && curWidth + w > width) {
        out.add(cur.toString().stripTrailing());
        cur = new StringBuilder(pad);
        curWidth = indent;
        empty = true;
        p = p.stripLeading();
        w = columns(p.stripTrailing());
      }
      if (empty && curWidth + w > width) {
        // a phrase wider than the line: cut it at the width, character by character
        int i = 0;
        while (i < p.length()) {
          int cp = p.codePointAt(i);
          int cw = width(cp);
          if (curWidth + cw > width && !empty) {
            out.add(cur.toString().stripTrailing());
            cur = new StringBuilder(pad);
            curWidth = indent;
            empty = true;
          }
          cur.appendCodePoint(cp);
          curWidth += cw;
          empty = false;
          i += Character.charCount(cp);
        }
        continue;
      }
      cur.append(p);
      curWidth += columns(p);
      empty = false;
    }
    if (!empty || out.isEmpty()) {
      out.add(cur.toString().stripTrailing());
    }
    return out;
  }

  /**
   * The text cut where a line may break: after a space or closing punctuation, before opening
   * punctuation. Each piece keeps its trailing spaces.
   */
  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean atEnd = i + 1 == text.length();
      char next = atEnd ? 0 : text.charAt(i + 1);
      boolean breakAfter = !atEnd && next != ' '
          && (c == ' ' || BREAK_AFTER.indexOf(c) >= 0 && BREAK_AFTER.indexOf(next) < 0
              || BREAK_BEFORE.indexOf(next) >= 0 && BREAK_BEFORE.indexOf(c) < 0);
      if (breakAfter) {
        out.add(text.substring(from, i + 1));
        from = i + 1;
      }
    }
    if (from < text.length()) {
      out.add(text.substring(from));
    }
    return out;
  }

  /** Display columns of a text: two for a wide (East Asian) character, one otherwise. */
  static int columns(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      n += width(cp);
      i += Character.charCount(cp);
    }
    return n;
  }

  /** The columns a character takes in a terminal (East Asian Wide and Fullwidth: two). */
  static int width(int cp) {
    boolean wide = cp >= 0x1100 && (cp <= 0x115F
        || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
        || cp >= 0xAC00 && cp <= 0xD7A3
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE30 && cp <= 0xFE4F
        || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }
}
