package cn.liaoning.ybj.policycheck.history;

import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Hints;
import java.util.Locale;
import java.util.Objects;

/**
 * The history as Chinese text for the terminal: per city, the commits at which its counts changed
 * (and the first and the last), with the violations, warnings, 待定 and passes.
 */
public final class HistoryText {
  private HistoryText() {}

  /** Longest commit subject shown. */
  private static final int SUBJECT = 40;

  public static String write(History h) {
    StringBuilder sb = new StringBuilder();
    sb.append("城市文件的整改进度（git 历史）　").append(String.join("、", h.paths())).append('\n');
    if (h.commits().isEmpty()) {
      sb.append("没有改动这些文件的提交").append(h.since() == null ? "" : "（自 " + clean(h.since()) + " 之后）").append('\n');
      return sb.toString();
    }
    History.Point first = h.commits().get(0);
    History.Point last = h.commits().get(h.commits().size() - 1);
    sb.append(h.commits().size()).append(" 个状态：").append(first.commit().shortId()).append("（").append(first.commit().date().toLocalDate())
        .append("）至 ").append(last.commit().shortId()).append("（").append(last.commit().date().toLocalDate()).append("）");
    if (h.since() != null) {
      sb.append("，自 ").append(clean(h.since())).append(" 起");
    }
    sb.append("；").append(h.fixedAsOf() == null ? "基准日取各提交的日期" : "基准日均为 " + h.fixedAsOf()).append('\n');
    if (h.deadline() != null) {
      sb.append("整改期限 ").append(h.deadline());
      if (h.extendedDeadline() != null) {
        sb.append("（经批准延期的 ").append(h.extendedDeadline()).append("）");
      }
      sb.append('\n');
    }
    long violating = h.cities().stream().filter(c -> last(c).count(Status.VIOLATION) > 0).count();
    long unreadable = h.cities().stream().filter(c -> last(c).state() == History.State.UNREADABLE).count();
    sb.append("最近的状态：有违规的统筹区 ").append(violating).append(" 个；违规 ").append(h.latest(Status.VIOLATION))
        .append(" 项，警告 ").append(h.latest(Status.WARNING)).append(" 项，待定 ").append(h.latest(Status.INDETERMINATE))
        .append(" 项，通过 ").append(h.latest(Status.PASS)).append(" 项");
    if (unreadable > 0) {
      sb.append("；").append(unreadable).append(" 个城市文件无法读取");
    }
    sb.append('\n');

    for (History.CityLine c : h.cities()) {
      sb.append('\n').append(c.city()).append("　").append(c.file()).append('\n');
      History.Mark only = c.marks().get(0);
      if (c.marks().stream().allMatch(m -> m.state() == History.State.CHECKED && same(m, only))) {
        sb.append(String.format(Locale.ROOT, "  全部 %d 个状态无变化：违规 %d　警告 %d　待定 %d　通过 %d\n", c.marks().size(),
            only.count(Status.VIOLATION), only.count(Status.WARNING), only.count(Status.INDETERMINATE), only.count(Status.PASS)));
        continue;
      }
      sb.append("  提交      基准日        违规  警告  待定  通过\n");
      int skipped = 0;
      History.Mark previous = null;
      for (int i = 0; i < c.marks().size(); i++) {
        History.Mark m = c.marks().get(i);
        boolean shown = i == 0 || i == c.marks().size() - 1 || !same(m, previous);
        previous = m;
        if (!shown) {
          skipped++;
          continue;
        }
        History.Point p = h.commits().get(i);
        sb.append("  ").append(p.commit().shortId()).append("  ").append(p.asOf()).append("  ");
        if (m.state() == History.State.CHECKED) {
          sb.append(String.format(Locale.ROOT, "%4d  %4d  %4d  %4d", m.count(Status.VIOLATION), m.count(Status.WARNING),
              m.count(Status.INDETERMINATE), m.count(Status.PASS)));
        } else {
          sb.append(m.state().label).append(m.problem() == null ? "" : "：" + Hints.clip(m.problem()));
        }
        sb.append("  ").append(subject(p)).append('\n');
      }
      if (skipped > 0) {
        sb.append("  （其余 ").append(skipped).append(" 个提交中无变化）\n");
      }
    }
    return sb.toString();
  }

  private static History.Mark last(History.CityLine c) {
    return c.marks().get(c.marks().size() - 1);
  }

  private static boolean same(History.Mark a, History.Mark b) {
    return b != null && a.state() == b.state() && Objects.equals(a.counts(), b.counts()) && Objects.equals(a.problem(), b.problem());
  }

  private static String subject(History.Point p) {
    String s = clean(p.commit().subject());
    return s.codePointCount(0, s.length()) <= SUBJECT ? s : s.substring(0, s.offsetByCodePoints(0, SUBJECT)) + "…";
  }

  /**
   * Text from the repository (a commit subject, a revision name) as it may be shown: control and
   * format characters (terminal escapes, direction overrides) become U+FFFD.
   */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int t = Character.getType(cp);
      boolean bad = t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
          || t == Character.PARAGRAPH_SEPARATOR || t == Character.SURROGATE || t == Character.UNASSIGNED;
      out.appendCodePoint(bad ? 0xFFFD : cp);
    });
    return out.toString();
  }
}
