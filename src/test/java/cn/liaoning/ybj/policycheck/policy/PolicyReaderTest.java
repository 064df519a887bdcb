package cn.liaoning.ybj.policycheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The reader's single pass over the text: its shortcuts give exactly what the slower way gave
 * (splitting lines, resolving scalars, decoding), and the diagnostics come out as if every event
 * had been scanned before the node tree was built.
 */
class PolicyReaderTest {
  private static final String DEEP = "[".repeat(45) + "1" + "]".repeat(45);

  private static List<String> diagnostics(String text) {
    PolicyReader.Result r = PolicyReader.read("x.yaml", text.getBytes(StandardCharsets.UTF_8), Schema.CITY);
    List<String> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      out.add(d.line() + ":" + d.column() + " " + d.message());
    }
    return out;
  }

  @Test
  void linesAreSplitWhereYamlBreaksThem() {
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"),
        PolicyReader.splitLines("a\r\nb\rc\nd\u0085e\u2028f\u2029g"));
    assertEquals(List.of("", "", ""), PolicyReader.splitLines("\r\n\r\n"));
    assertEquals(List.of("", "", ""), PolicyReader.splitLines("\r\r"));
    assertEquals(List.of("", "", ""), PolicyReader.splitLines("\n\r"));
    assertEquals(List.of("x", ""), PolicyReader.splitLines("x\n"));
    assertEquals(List.of(""), PolicyReader.splitLines(""));
    assertEquals(List.of("城市: 沈阳", "  code: 1"), PolicyReader.splitLines("城市: 沈阳\n  code: 1"));
  }

  @Test
  void lineSplittingAgreesWithTheYamlLineBreakPattern() {
    Pattern lineBreak = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");
    String every = "a \r\n\n\u0085\u2028\u2029中";
    String lfOnly = "a \n中"; // the usual text, split by the LF-only shortcut
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String alphabet = random.nextBoolean() ? every : lfOnly;
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      assertEquals(List.of(lineBreak.split(text, -1)), PolicyReader.splitLines(text), () -> text.chars()
          .mapToObj(c -> String.format("U+%04X", c)).toList().toString());
    }
  }

  @Test
  void quickResolverAgreesWithSnakeYaml() {
    Resolver snake = new Resolver();
    List<String> values = new ArrayList<>(List.of("", "0", "00", "07", "08", "09", "0100", "0800", "1", "10", "300", "80.5", "80.",
        ".5", "1.5.2", "1e3", "1_000", "0x1F", "0b101", "+5", "-5", "-0", "1:30", "2026-01-01", "2001-12-14t21:59:43.10-05:00",
        "yes", "Yes", "YES", "yES", "no", "NO", "n", "y", "on", "On", "OFF", "off", "true", "True", "TRUE", "false", "null",
        "Null", "NULL", "nULL", "nil", "name", "note", "tier", "fund", "title", "format", "outpatient", "~", "<<", "<", "=",
        "!", "&", "*", " ", ".inf", ".nan", "city", "沈阳", "8万", "1" + "0".repeat(70), "9".repeat(1100)));
    String alphabet = "0123456789_.:-+eExXbB yYnNtTfFoOuUlLsS~<!&*中";
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(9);
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      values.add(sb.toString());
    }
    for (String v : values) {
      for (boolean implicit : new boolean[] {true, false}) {
        assertEquals(snake.resolve(NodeId.scalar, v, implicit), PolicyReader.QuickResolver.INSTANCE.resolve(NodeId.scalar, v, implicit),
            () -> "tag of “" + v + "”, implicit " + implicit);
      }
    }
  }

  @Test
  void syntaxErrorAnywhereWinsOverTooDeepNesting() {
    // The nesting is too deep at line 2, but the stream itself breaks at the end (unclosed quote):
    // as when every event was scanned before composing, only the syntax error (and the tag seen
    // before it) is reported.
    assertEquals(List.of(
            "1:7 不允许使用 YAML 标签（!!str）：政策文件只能包含普通的数字、文字、列表和映射，请删去标签（文字可加引号）",
            "4:1 YAML 语法错误：文件意外结束：引号或括号没有闭合"),
        diagnostics("city: !!str 沈阳\nnote: " + DEEP + "\ncode: \"210100\n"));
    assertEquals(List.of(
            "0:0 YAML 嵌套过深（超过 40 层），拒绝读取",
            "1:7 不允许使用 YAML 标签（!!str）：政策文件只能包含普通的数字、文字、列表和映射，请删去标签（文字可加引号）"),
        diagnostics("city: !!str 沈阳\nnote: " + DEEP + "\ncode: 210100\n"));
    assertEquals(List.of("4:1 YAML 语法错误：无法解析（YAML：while parsing a flow node; expected the node content, but found '<stream end>'）"),
        diagnostics("city: 沈阳\nnote: *nope\ncode: [1,\n"));
  }

  @Test
  void undefinedAliasIsReportedAfterTheWholeStreamWasScanned() {
    assertEquals(List.of(
            "2:7 不支持 YAML 别名（*nope）：请直接写出每个值",
            "2:7 YAML 语法错误：不支持 YAML 别名（*）：请直接写出每个值",
            "3:7 不允许使用 YAML 标签（!!str）：政策文件只能包含普通的数字、文字、列表和映射，请删去标签（文字可加引号）"),
        diagnostics("city: 沈阳\nnote: *nope\ncode: !!str 210100\n"));
  }

  @Test
  void secondDocumentOrAliasBombLeavesNothingComposed() {
    assertEquals(List.of(
            "2:7 不支持 YAML 别名（*nope）：请直接写出每个值",
            "3:1 文件只能包含一个 YAML 文档（这里开始了第二个文档，如“---”）"),
        diagnostics("city: 沈阳\nnote: *nope\n---\ncity: x\n"));
    assertEquals(List.of(
            "1:4 不支持 YAML 锚点（&a）：请直接写出每个值",
            "2:5 YAML 别名过多（12 个，疑似“别名炸弹”），拒绝读取；政策文件不应使用锚点（&）和别名（*）"),
        diagnostics("x: &a [1]\ny: [" + "*a, ".repeat(11) + "*a]\nz: " + DEEP + "\n"));
    assertEquals(List.of(
            "0:0 YAML 嵌套过深（超过 40 层），拒绝读取",
            "2:7 不支持 YAML 锚点（&a）：请直接写出每个值",
            "3:7 不支持 YAML 别名（*a）：请直接写出每个值"),
        diagnostics("city: 沈阳\nnote: &a x\ncode: *a\nfund: " + DEEP + "\n"));
  }

  @Test
  void crLfAndLoneCrCountAsLineBreaks() {
    assertEquals(List.of(
            "3:14 “policy_date”的日期“2026-02-30”不存在（请检查月份和日期）",
            "5:9 不支持的格式版本 format: 2：本工具读取格式 1"),
        diagnostics("city: 沈阳\r\ncode: 21O100\r\npolicy_date: 2026-02-30\rnote: x\r\nformat: 2\n"));
  }

  @Test
  void aWrittenReplacementCharacterIsText() {
    PolicyReader.Result r = PolicyReader.read("x.yaml", "city: 沈阳\ncode: \"\uFFFD\"\n".getBytes(StandardCharsets.UTF_8), Schema.CITY);
    assertEquals(List.of(), r.diagnostics());
    assertNotNull(r.doc());
    assertEquals("\uFFFD", r.doc().string("code"));
    PolicyReader.Result bad = PolicyReader.read("x.yaml", new byte[] {'c', ':', ' ', (byte) 0xC3, '\n'}, Schema.CITY);
    assertNull(bad.doc());
    assertEquals("1:4", bad.diagnostics().get(0).line() + ":" + bad.diagnostics().get(0).column());
  }
}
