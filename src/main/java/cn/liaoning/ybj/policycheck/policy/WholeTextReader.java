package cn.liaoning.ybj.policycheck.policy;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} over a text held whole in memory (a city file is at most 1 MiB
 * and is decoded before it is parsed): the same code points, the same line, column and index
 * counting and the same {@link Mark}s, read straight from one array.
 *
 * <p>Why: SnakeYAML's own reader keeps a window of the text and, each time the scanner looks
 * 1,024 characters further ahead, copies the whole window from the current token's start into a
 * new array. The scanner looks ahead character by character through a token before it moves on,
 * so one token of n characters costs about n²/1,024 copied characters: a plain scalar of 1 MiB
 * (a value of a million digits, or a million spaces between two letters) took 5–9 seconds. Here
 * looking ahead costs nothing. The text has passed the reader's printable-character check before it
 * gets here, so SnakeYAML's own check (done as it fills the window) is not repeated.
 */
final class WholeTextReader extends StreamReader {
  private final int[] data;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String text) {
    super("");
    this.data = text.codePoints().toArray();
  }

  @Override
  public Mark getMark() {
    return new Mark("'string'", index, line, column, data, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < data.length; i++) {
      int ch = data[pointer++];
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(ch) || ch == '\r' && pointer < data.length && data[pointer] != '\n') {
        line++;
        column = 0;
      } else if (ch != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < data.length ? data[pointer] : 0;
  }

  @Override
  public int peek(int ahead) {
    return pointer + ahead < data.length ? data[pointer + ahead] : 0;
  }

  @Override
  public String prefix(int length) {
    if (length == 0) {
      return "";
    }
    return new String(data, pointer, Math.min(length, data.length - pointer));
  }

  @Override
  public String prefixForward(int length) {
    String s = prefix(length);
    pointer += length;
    index += length;
    documentIndex += length;
    column += length;
    return s;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
