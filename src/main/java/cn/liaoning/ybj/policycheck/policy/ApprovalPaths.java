package cn.liaoning.ybj.policycheck.policy;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a field path listed in an approval entry ({@code approvals[i].fields}) against the format
 * ({@link Schema}) and against the file's own lists: a misspelt path would otherwise approve
 * nothing, and the change it was meant for would be reported as unapproved with no word of why.
 */
final class ApprovalPaths {
  private ApprovalPaths() {}

  private static final Pattern STEP = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\[(\\d+|\\*)])?");

  /**
   * What is wrong with a listed path, in Chinese with a "是否想写 …？" where a field of the format
   * is close; null when the path names a field (or a mapping, list or list item) of the format
   * whose list items exist in the file ({@code [*]} stands for every item).
   */
  static String problem(String path, Doc doc) {
    String p = path.strip();
    String quoted = "“" + Hints.clip(p) + "”";
    Schema.Type t = Schema.CITY;
    StringBuilder done = new StringBuilder();
    String[] steps = p.split("\\.", -1);
    for (int i = 0; i < steps.length; i++) {
      Matcher m = STEP.matcher(steps[i]);
      String where = done.length() == 0 ? "文件顶层" : done.toString();
      if (t instanceof Schema.NumberOrRange && (steps[i].equals("min") || steps[i].equals("max")) && i == steps.length - 1) {
        return null; // one end of a range: {min, max}
      }
      if (t instanceof Schema.ListOf) {
        return "批准所列的字段" + quoted + "不存在：" + where + " 是列表，要写出是哪一项，如 " + where + "[0]" + rest(steps, i)
            + "（[*] 表示每一项）";
      }
      if (!(t instanceof Schema.Obj o) || !m.matches() || !o.fields().containsKey(m.group(1))) {
        String name = m.matches() ? m.group(1) : steps[i];
        String hint = null;
        if (t instanceof Schema.Obj o) {
          String key = Hints.closest(name, new ArrayList<>(o.fields().keySet()));
          if (key != null) {
            String suggestion = (done.length() == 0 ? "" : done + ".") + key
                + (m.matches() && m.group(2) != null ? "[" + m.group(2) + "]" : "") + rest(steps, i + 1);
            hint = Schema.at(suggestion) != null ? suggestion : null;
          }
        }
        return "批准所列的字段" + quoted + "不存在：" + where + (t instanceof Schema.Obj ? " 下没有" : " 是单个值，下面没有字段") + "“" + Hints.clip(steps[i]) + "”"
            + (hint == null ? "（字段路径见城市文件格式，如 employee.outpatient.classes[0].deductible）" : "，是否想写“" + hint + "”？");
      }
      Schema.Type next = o.fields().get(m.group(1));
      String here = (done.length() == 0 ? "" : done + ".") + m.group(1);
      if (m.group(2) != null) {
        if (!(next instanceof Schema.ListOf l)) {
          return "批准所列的字段" + quoted + "不存在：" + here + " 不是列表，不能写 [" + m.group(2) + "]";
        }
        if (!m.group(2).equals("*")) {
          int index = Integer.parseInt(m.group(2));
          int size = Math.max(0, doc.size(here));
          if (index >= size) {
            return "批准所列的字段" + quoted + "不存在：文件中 " + here + " 只有 " + size + " 项（序号从 0 起），没有第 "
                + (index + 1) + " 项（批准删除一项时，写列表本身的路径 " + here + "）";
          }
        }
        next = l.element();
        here += "[" + m.group(2) + "]";
      }
      t = next;
      done.setLength(0);
      done.append(here);
    }
    return null;
  }

  private static String rest(String[] steps, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < steps.length; i++) {
      sb.append('.').append(steps[i]);
    }
    return sb.toString();
  }
}
