package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A city file's bytes to text: UTF-8 only (a byte-order mark is dropped; UTF-16, GBK, binary
 * content are refused, with where), split into lines as YAML splits them, and checked for
 * characters YAML does not allow or that cannot be seen.
 */
final class TextDecoder {
  private TextDecoder() {}

  static String decode(byte[] bytes, ReadProblems problems) {
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
        || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
      problems.fileError("文件是 UTF-16 编码：请另存为 UTF-8");
      return null;
    }
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3; // a UTF-8 byte-order mark is accepted and dropped
    }
    int controls = 0;
    int firstControl = -1;
    boolean nul = false;
    for (int i = start; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
        controls++;
        nul |= b == 0;
        firstControl = firstControl < 0 ? i : firstControl;
      }
    }
    if (nul || controls >= 3) {
      binary(bytes, start, firstControl, problems);
      return null;
    }
    String quick = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (quick.indexOf('\uFFFD') < 0) {
      // Malformed input would have been replaced by U+FFFD: without one, the bytes are valid UTF-8
      // and this is what the strict decoder gives. (A file with U+FFFD takes the strict path.)
      return quick;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return strict(StandardCharsets.UTF_8).decode(in).toString();
    } catch (CharacterCodingException e) {
      if (controls > 0) {
        binary(bytes, start, firstControl, problems);
        return null;
      }
      int pos = firstMalformed(bytes, start);
      String msg = looksLikeGbk(bytes, start)
          ? "不是有效的 UTF-8 文本（看起来是 GBK/GB18030 编码）：请用编辑器另存为 UTF-8"
          : "不是有效的 UTF-8 文本（文件已损坏或不是文本文件？）：城市政策文件应为 UTF-8 编码";
      problems.add(Severity.ERROR, lineAt(bytes, start, pos), columnAt(bytes, start, pos), msg);
      return null;
    }
  }

  private static void binary(byte[] bytes, int start, int at, ReadProblems problems) {
    problems.add(Severity.ERROR, lineAt(bytes, start, at), columnAt(bytes, start, at), String.format(Locale.ROOT,
        "文件含有控制字符（字节 0x%02X）：这不是文本文件（二进制文件？），城市政策文件应为 UTF-8 文本",
        bytes[at] & 0xff));
  }

  private static CharsetDecoder strict(Charset cs) {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static int firstMalformed(byte[] bytes, int from) {
    CharsetDecoder dec = strict(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    var result = dec.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  private static boolean looksLikeGbk(byte[] bytes, int from) {
    try {
      strict(Charset.forName("GB18030")).decode(ByteBuffer.wrap(bytes, from, bytes.length - from));
      return true;
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return false;
    }
  }

  private static int lineAt(byte[] bytes, int from, int pos) {
    int line = 1;
    for (int i = from; i < pos && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** 1-based column (in characters) of byte {@code pos}; the bytes before it are valid UTF-8. */
  private static int columnAt(byte[] bytes, int from, int pos) {
    int lineStart = from;
    for (int i = from; i < pos && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, Math.max(0, pos - lineStart), StandardCharsets.UTF_8);
    return before.codePointCount(0, before.length()) + 1;
  }

  /**
   * The text's lines, split where YAML 1.1 (and so SnakeYAML) breaks a line: CR LF, or a lone CR,
   * LF, U+0085, U+2028 or U+2029 (the last three are refused). A break at the very end leaves an
   * empty last line.
   */
  static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    if (text.indexOf('\r') < 0 && text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
      // LF only (the usual case): String.indexOf finds the breaks.
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
      out.add(text.substring(start));
      return List.copyOf(out);
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return List.copyOf(out);
  }

  /** Characters YAML does not allow in a document (SnakeYAML would stop with an English message). */
  static boolean checkPrintable(String text, ReadProblems problems) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); ) {
      char ch = text.charAt(i);
      if (ch >= 0x20 && ch < 0x7F || ch == '\t' || ch >= 0x4E00 && ch <= 0x9FFF || ch >= 0x3000 && ch <= 0x303F
          || ch >= 0xFF00 && ch <= 0xFFEF) {
        // Printable ASCII, tab, CJK ideographs, CJK punctuation, full-width forms: allowed by YAML,
        // none of them a format character or a line break.
        col++;
        i++;
        continue;
      }
      if (ch == '\n') {
        line++;
        col = 1;
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        problems.add(Severity.ERROR, line, col, String.format(Locale.ROOT,
            "文件含有特殊换行符 U+%04X（常见于从 Word 或网页复制的文字）：请改为普通换行", cp));
        return false;
      }
      if (Character.getType(cp) == Character.FORMAT) {
        // Zero-width characters, direction controls, a byte-order mark inside the text: invisible,
        // they make a key or value that looks right differ from what it seems ("ci\u200Bty").
        problems.add(Severity.ERROR, line, col, String.format(Locale.ROOT,
            "文件含有不可见字符 U+%04X（零宽字符或文字方向控制符，常见于从网页或 Word 复制的文字）："
                + "它使看起来相同的键或值实际不同，请删去", cp));
        return false;
      }
      if (!StreamReader.isPrintable(cp)) {
        problems.add(Severity.ERROR, line, col, String.format(Locale.ROOT,
            "文件含有 YAML 不允许的字符 U+%04X：请删去（或从其他软件复制时改为普通文字）", cp));
        return false;
      }
      if (cp == '\n' || cp == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        col = 1;
      } else if (cp != '\r') {
        col++;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
