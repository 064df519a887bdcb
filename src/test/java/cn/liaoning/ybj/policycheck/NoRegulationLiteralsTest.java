package cn.liaoning.ybj.policycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The regulation's name, number and deadlines are data (rules/parameters/), never literals in the
 * program: the main Java sources name none of them outside comments. A comment may cite a clause
 * (Javadoc, {@code //}); code, strings and annotations may not.
 */
class NoRegulationLiteralsTest {
  /** The regulation's number and its parts, and the deadlines of its 四(一). */
  private static final Pattern LITERAL = Pattern.compile("(?<![0-9])2号|辽医保规|〔2025〕|2026-12-31|2027-12-31");

  @Test
  void theMainSourcesNameNoRegulationOrDeadline() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
          Line line = scan(lines.get(i), inComment);
          inComment = line.inComment();
          if (LITERAL.matcher(line.code()).find()) {
            found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertEquals(List.of(), found, "take the regulation and its deadlines from the parameter files (Parameters.regulation(), deadline.*)");
  }

  @Test
  void theScannerSeesCodeAndSkipsComments() {
    assertEquals("x = \"辽医保规\"; ", code("x = \"辽医保规\"; // 2号 四(一)", false));
    assertEquals("", code(" * 2号 四(一) in Javadoc", true));
    assertEquals("url(\"http://a\") ", code("url(\"http://a\") /* 2号 */", false));
    assertEquals(" y", code("2号 */ y", true));
    assertEquals("c == '\"' ", code("c == '\"' // 2号", false));
  }

  /** One line's code (what is outside comments, strings and characters kept whole), and whether a block comment is still open after it. */
  record Line(String code, boolean inComment) {}

  static String code(String line, boolean inComment) {
    return scan(line, inComment).code();
  }

  static Line scan(String line, boolean inComment) {
    StringBuilder out = new StringBuilder();
    char quote = 0; // '"' or '\'' inside a literal
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inComment) {
        if (line.startsWith("*/", i)) {
          inComment = false;
          i++;
        }
      } else if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < line.length()) {
          out.append(line.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (line.startsWith("//", i)) {
        break;
      } else if (line.startsWith("/*", i)) {
        inComment = true;
        i++;
      } else {
        if (c == '"' || c == '\'') {
          quote = c;
        }
        out.append(c);
      }
    }
    return new Line(out.toString(), inComment);
  }
}
