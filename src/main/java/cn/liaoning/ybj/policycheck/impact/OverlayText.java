package cn.liaoning.ybj.policycheck.impact;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of an overlay file before YAML reads it: its decoding, invisible characters, YAML's complaints in Chinese. */
final class OverlayText {
  private OverlayText() {}

  /** The text of UTF-8 bytes (a byte-order mark dropped), or null when they are not UTF-8. */
  static String decode(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The first control, format (zero-width, direction), line-separator or unassigned character as
   * {line, column, code point} (1-based), or null when there is none.
   */
  static int[] firstInvisible(String text) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int type = Character.getType(cp);
      boolean bad = cp != '\n' && cp != '\r' && cp != '\t' && (type == Character.CONTROL || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
          || type == Character.SURROGATE || type == Character.PRIVATE_USE);
      if (bad) {
        return new int[] {line, col, cp};
      }
      if (cp == '\n') {
        line++;
        col = 1;
      } else if (cp != '\r') {
        col++;
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /** SnakeYAML's problem in Chinese, for the common mistakes; otherwise quoted in plain form. */
  static String syntax(String problem) {
    String p = problem == null ? "" : problem;
    String zh;
    if (p.contains("\\t") || p.contains("TAB") || p.contains("tab")) {
      zh = "缩进中有制表符（Tab），请改用空格";
    } else if (p.contains("mapping values are not allowed")) {
      zh = "此处不能出现“键: 值”（可能是缩进不对，或值中含有未加引号的“: ”）";
    } else if (p.contains("could not find expected ':'")) {
      zh = "缺少冒号“:”（每一行应写成“键: 值”）";
    } else if (p.contains("expected <block end>")) {
      zh = "缩进不一致（同一层的键应左对齐）";
    } else if (p.contains("end of stream")) {
      zh = "文件意外结束：引号或括号没有闭合";
    } else if (p.contains("expected ',' or")) {
      zh = "方括号或花括号内的写法有误（缺少逗号或右括号）";
    } else if (p.contains("alias") || p.contains("exceeds the limit") || p.contains("Nesting Depth")) {
      zh = "YAML 别名过多或嵌套过深，拒绝读取";
    } else {
      String one = p.replaceAll("\\s+", " ").trim();
      zh = "无法解析（YAML：" + (one.length() > 200 ? one.substring(0, 200) + "…" : one) + "）";
    }
    return "YAML 语法错误：" + zh;
  }
}
