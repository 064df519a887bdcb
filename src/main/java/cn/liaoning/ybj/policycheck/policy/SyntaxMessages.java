package cn.liaoning.ybj.policycheck.policy;

import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** SnakeYAML's syntax errors in plain Chinese, with what probably caused them (a full-width colon, an open quote). */
final class SyntaxMessages {
  private SyntaxMessages() {}

  private static final java.util.regex.Pattern BRACKETED_PATH =
      java.util.regex.Pattern.compile("[A-Za-z_][\\w.]*(?:\\[[^\\]\\s,]*][\\w.]*)+");

  /** Longest value looked at for the hint below: a field path is far shorter. */
  private static final int MAX_HINT_VALUE = 200;

  /**
   * For a "[" that stops a plain value inside a flow list ({@code fields: [a.classes[3].b]}):
   * the value needs quotes, since "[" opens a list there. Looks at most {@link #MAX_HINT_VALUE}
   * characters back and forward, so a pathological line costs no more than a short one.
   */
  private static String bracketInFlowHint(Mark m, List<String> lines) {
    if (m == null || m.getLine() < 0 || m.getLine() >= lines.size()) {
      return "";
    }
    String line = lines.get(m.getLine());
    int col = m.getColumn();
    if (col <= 0 || col >= line.length() || line.charAt(col) != '[' || " \t,[{".indexOf(line.charAt(col - 1)) >= 0) {
      return "";
    }
    int start = col;
    while (start > 0 && col - start < MAX_HINT_VALUE && " \t,[{".indexOf(line.charAt(start - 1)) < 0) {
      start--;
    }
    java.util.regex.Matcher v = BRACKETED_PATH.matcher(line).region(start, Math.min(line.length(), col + MAX_HINT_VALUE));
    String value = v.lookingAt() ? v.group() : null;
    return "；在 [ ] 或 { } 的写法中，“[”表示列表开始：含方括号的值要加引号，如 "
        + (value == null ? "[\"employee.outpatient.classes[0].deductible\"]" : "[\"" + Hints.clip(value) + "\"]");
  }

  static String syntaxMessage(MarkedYAMLException e, Mark m, List<String> lines) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    int at = m == null ? -1 : m.getLine();
    String src = (at >= 1 && at - 1 < lines.size() ? lines.get(at - 1) : "")
        + (at >= 0 && at < lines.size() ? lines.get(at) : "");
    String hint = src.contains("：") ? "；注意：键与值之间应使用半角冒号“:”加空格，而不是全角“：”" : "";
    String zh;
    if (problem.contains("TAB") || problem.contains("\t") || problem.contains("'\\t'")) {
      zh = "缩进中有制表符（Tab），请改用空格";
    } else if (problem.contains("mapping values are not allowed")) {
      zh = "此处不能出现“键: 值”（可能是缩进不对，或值中含有未加引号的“: ”）";
    } else if (problem.contains("could not find expected ':'")) {
      zh = "缺少冒号“:”（每一行应写成“键: 值”）";
    } else if (problem.contains("expected <block end>")) {
      zh = "缩进不一致（同一层的键应左对齐）";
    } else if (problem.contains("found unexpected end of stream")) {
      zh = "文件意外结束：引号或括号没有闭合";
    } else if (problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'")) {
      zh = "方括号或花括号内的写法有误（缺少逗号或右括号）";
      Mark open = e.getContextMark();
      if (open != null && m != null && open.getLine() != m.getLine()) {
        zh += "；括号从第 " + (open.getLine() + 1) + " 行第 " + (open.getColumn() + 1) + " 列开始";
      }
      zh += bracketInFlowHint(m, lines);
    } else if (problem.contains("found undefined alias")) {
      zh = "不支持 YAML 别名（*）：请直接写出每个值";
    } else if (problem.contains("found unknown escape character")) {
      zh = "双引号内有无效的转义字符“\\”：请改用单引号，或写成“\\\\”";
    } else if (problem.contains("found character '@'") || problem.contains("found character '`'")) {
      zh = "值不能以“@”或“`”开头：请给值加上引号";
    } else if (problem.contains("exceeds the limit") || problem.contains("aliases")) {
      zh = "YAML 别名过多（疑似“别名炸弹”），拒绝读取";
    } else if (problem.contains("Nesting Depth") || problem.contains("nesting")) {
      zh = "YAML 嵌套过深（超过 " + PolicyReader.MAX_DEPTH + " 层），拒绝读取";
    } else {
      zh = "无法解析（YAML：" + plain((context.isEmpty() ? "" : context + "; ") + problem) + "）";
    }
    if (!zh.contains("引号")) {
      zh += unclosedQuote(at, lines);
    }
    return "YAML 语法错误：" + zh + hint;
  }

  private static final Pattern QUOTED_VALUE_START = Pattern.compile("^[^#\"]*(?::|-)\\s+\"");

  /**
   * A double-quoted value left open runs on into the following lines, and YAML then complains
   * further down ("缩进不一致" on the next key). Names the nearest line above the problem (0-based
   * {@code at}) where a value opens a double quote that the line does not close.
   */
  private static String unclosedQuote(int at, List<String> lines) {
    for (int i = Math.min(at, lines.size() - 1); i >= 0 && i >= at - 10; i--) {
      String l = lines.get(i);
      long quotes = l.replace("\\\\", "").replace("\\\"", "").chars().filter(c -> c == '"').count();
      if (quotes % 2 == 1 && QUOTED_VALUE_START.matcher(l).find()) {
        return "；第 " + (i + 1) + " 行的双引号可能没有闭合";
      }
    }
    return "";
  }

  static String plainYamlMessage(String message) {
    String m = message == null ? "" : message;
    if (m.contains("aliases")) {
      return "YAML 别名过多（疑似“别名炸弹”），拒绝读取";
    }
    if (m.contains("Nesting Depth") || m.contains("nesting")) {
      return "YAML 嵌套过深（超过 " + PolicyReader.MAX_DEPTH + " 层），拒绝读取";
    }
    if (m.contains("exceeds the limit")) {
      return "文件过大，拒绝读取";
    }
    return "YAML 无法读取（" + plain(m) + "）";
  }

  private static String plain(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
