package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.history.History;
import cn.liaoning.ybj.policycheck.history.HistoryChart;
import cn.liaoning.ybj.policycheck.policy.Hints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's optional section 八、整改进展 ({@code report --history}): the cities' violations and
 * 待定 over the git history of their files, as {@code policy-check history} gives them. The charts
 * are the history's own inline SVG ({@link HistoryChart#svg}), whose writer escapes every text from
 * the files and the repository; the templates insert them as they are, every other value escaped.
 *
 * @param paths the files or folders walked, joined
 * @param since the revision named with {@code --since}, or null
 * @param states how many states of the files (commits) were checked
 * @param first the first state ("abc1234（2026-03-01）"), or null when there is none
 * @param last the latest state, or null
 * @param fixedAsOf the as-of date of every check, or null when each commit's own date is used
 * @param deadline the deadline marked on the charts, or null
 * @param extendedDeadline the deadline of a city with the approved extension, or null
 * @param province the province's chart ({@code <svg>}), or "" when there is no state
 * @param cities every city file seen in the history, in path order
 * @param totals the province at the first state, each state where its totals change, and the latest
 * @param unchanged how many states are left out of {@link #totals} (no change from the one before)
 * @param unreadable how many file states (a file at a commit) could not be read; their errors go to standard error
 */
public record ProgressSection(
    String paths,
    String since,
    int states,
    String first,
    String last,
    String fixedAsOf,
    String deadline,
    String extendedDeadline,
    String province,
    List<City> cities,
    List<Total> totals,
    int unchanged,
    int unreadable) {

  /**
   * One city file through the history: its chart and its counts at the first and the latest
   * state it was checked in ("3 → 1", "5" when unchanged, "—" when never checked).
   */
  public record City(String anchor, String name, String code, String file, String violations, String warnings,
      String missing, String passes, long unreadableStates, String svg) {}

  /** The province's totals at one state. */
  public record Total(String commit, String date, String asOf, String subject, int violations, int missing, int unreadable) {}

  public boolean empty() {
    return states == 0;
  }

  /**
   * The section of a walked history.
   *
   * @param anchors the anchor of each city's section in the report ({@code #city-1}), by its code
   *     (the history names files relative to the repository root, the report as given)
   */
  public static ProgressSection of(History h, Map<String, String> anchors) {
    int n = h.commits().size();
    List<City> cities = new ArrayList<>();
    for (History.CityLine c : h.cities()) {
      cities.add(new City(c.code() == null ? null : anchors.get(c.code()), c.city(), c.code(), c.file(), c.change(Status.VIOLATION),
          c.change(Status.WARNING), c.change(Status.INDETERMINATE), c.change(Status.PASS),
          c.marks().stream().filter(m -> m.state() == History.State.UNREADABLE).count(), n == 0 ? "" : svg(h, c.file())));
    }
    List<Total> totals = new ArrayList<>();
    int unchanged = 0;
    int[] previous = null;
    for (int i = 0; i < n; i++) {
      int[] t = new int[3];
      for (History.CityLine c : h.cities()) {
        History.Mark m = c.marks().get(i);
        t[0] += m.count(Status.VIOLATION);
        t[1] += m.count(Status.INDETERMINATE);
        t[2] += m.state() == History.State.UNREADABLE ? 1 : 0;
      }
      if (i == 0 || i == n - 1 || !java.util.Arrays.equals(t, previous)) {
        History.Point p = h.commits().get(i);
        totals.add(new Total(p.commit().shortId(), p.commit().date().toLocalDate().toString(), p.asOf().toString(),
            Hints.clip(p.commit().subject()), t[0], t[1], t[2]));
      } else {
        unchanged++;
      }
      previous = t;
    }
    return new ProgressSection(String.join("、", h.paths()), h.since(), n, n == 0 ? null : state(h.commits().get(0)),
        n == 0 ? null : state(h.commits().get(n - 1)), h.fixedAsOf() == null ? null : h.fixedAsOf().toString(),
        text(h.deadline()), text(h.extendedDeadline()), n == 0 ? "" : svg(h, null), List.copyOf(cities),
        List.copyOf(totals), unchanged, (int) h.errors().stream().map(d -> d.file()).distinct().count());
  }

  /** The chart, with every character no page should carry written out (a second line of defence). */
  private static String svg(History h, String file) {
    return Echo.text(HistoryChart.svg(h, file));
  }

  private static String state(History.Point p) {
    return p.commit().shortId() + "（" + p.commit().date().toLocalDate() + "）";
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
