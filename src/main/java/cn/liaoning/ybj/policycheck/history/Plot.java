package cn.liaoning.ybj.policycheck.history;

import static cn.liaoning.ybj.policycheck.history.HistoryChart.days;
import static cn.liaoning.ybj.policycheck.history.HistoryChart.num;

import java.time.LocalDate;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One inline SVG step chart over time: the number of violations and of 待定 at each commit (a
 * state holds until the next commit), the deadline as a vertical line, and the latest state carried
 * on to the deadline as a dashed line. Points with no value (the file absent or unreadable) leave
 * a gap; an unreadable state is marked under the axis.
 */
final class Plot {
  static final String DEADLINE_COLOUR = "#d62728";
  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final int LEFT = 34;
  private static final int RIGHT = 12;
  private static final int TOP = 22;
  private static final int BOTTOM = 22;

  private final List<LocalDate> dates;
  private final LocalDate deadline;
  private final LocalDate extended;
  private final int width;
  private final int height;
  private final LocalDate from;
  private final LocalDate to;
  private final double pad;

  Plot(List<LocalDate> dates, LocalDate deadline, LocalDate extended, int width, int height) {
    this.dates = dates;
    this.width = width;
    this.height = height;
    LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
    LocalDate end = last;
    if (deadline != null && deadline.isAfter(end)) {
      end = deadline;
    }
    // The extended deadline is drawn once the standard one is reached (else it only squeezes the data).
    this.extended = extended != null && deadline != null && !last.isBefore(deadline) ? extended : null;
    if (this.extended != null && this.extended.isAfter(end)) {
      end = this.extended;
    }
    this.deadline = deadline;
    if (!end.isAfter(first)) {
      first = first.minusDays(1);
      end = end.plusDays(1);
    }
    this.from = first;
    this.to = end;
    this.pad = Math.max(1, days(first, end) * 0.02);
  }

  private double x(LocalDate d) {
    double span = days(from, to) + 2 * pad;
    return LEFT + (days(from, d) + pad) / span * (width - LEFT - RIGHT);
  }

  /** Space between the two panels. */
  private static final int GAP = 24;

  /** The value's height in panel 0 (violations, above) or 1 (待定, below), each with its own scale. */
  private double y(double v, double max, int panel) {
    double h = (height - TOP - BOTTOM - GAP) / 2.0;
    double top = TOP + panel * (h + GAP);
    return top + (1 - v / max) * h;
  }

  /** 1, 2, 5, 10, 20, 50 … at or above {@code v}. */
  static int niceMax(int v) {
    int step = 1;
    while (true) {
      for (int m : new int[] {1, 2, 5}) {
        if (m * step >= v) {
          return m * step;
        }
      }
      step *= 10;
    }
  }

  void draw(XMLStreamWriter x, String label, Integer[] violations, Integer[] missing, boolean[] unreadable, List<String> tips)
      throws XMLStreamException {
    // Commits in the order walked; a commit dated before the one before it is drawn at that one's date.
    double[] xs = new double[dates.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i == 0 ? x(dates.get(0)) : Math.max(xs[i - 1], x(dates.get(i)));
    }

    x.writeStartElement("svg");
    x.writeDefaultNamespace(SVG);
    x.writeAttribute("viewBox", "0 0 " + width + " " + height);
    x.writeAttribute("width", Integer.toString(width));
    x.writeAttribute("height", Integer.toString(height));
    x.writeAttribute("role", "img");
    x.writeAttribute("aria-label", label);
    HistoryChart.element(x, "title", label);

    // Time axis: the first and last commit dates and the deadline(s).
    LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
    text(x, x(first), height - 6, "start", first.toString());
    boolean lastFar = x(last) - x(first) > 80 && (deadline == null || Math.abs(x(deadline) - x(last)) > 80);
    if (lastFar) {
      text(x, x(last), height - 6, "middle", last.toString());
    }
    deadline(x, deadline, "期限 ", DEADLINE_COLOUR);
    deadline(x, extended, "延期 ", "#e8a0a0");

    panel(x, 0, "违规", xs, violations, HistoryChart.VIOLATION_COLOUR, null, tips);
    panel(x, 1, "待定", xs, missing, HistoryChart.MISSING_COLOUR, "4 3", tips);
    for (int i = 0; i < unreadable.length; i++) {
      if (unreadable[i]) {
        x.writeStartElement("text");
        x.writeAttribute("x", num(xs[i]));
        x.writeAttribute("y", num(height - BOTTOM + 11));
        x.writeAttribute("text-anchor", "middle");
        x.writeAttribute("style", "fill: #e67e22; font-weight: bold");
        x.writeCharacters("×");
        HistoryChart.element(x, "title", tips.get(i));
        x.writeEndElement();
      }
    }
    x.writeEndElement();
  }

  /** One series in its own panel: value axis, grid, step line and the dots where it changes. */
  private void panel(XMLStreamWriter x, int panel, String name, double[] xs, Integer[] values, String colour, String dash,
      List<String> tips) throws XMLStreamException {
    int top = 1;
    for (Integer v : values) {
      top = v != null && v > top ? v : top;
    }
    double max = niceMax(top);
    for (double v : max % 2 == 0 ? new double[] {0, max / 2, max} : new double[] {0, max}) {
      line(x, LEFT, y(v, max, panel), width - RIGHT, y(v, max, panel), v == 0 ? "#888" : "#e3e3e3", null);
      text(x, LEFT - 4, y(v, max, panel) + 4, "end", Integer.toString((int) v));
    }
    x.writeStartElement("text");
    x.writeAttribute("x", num(LEFT + 4));
    x.writeAttribute("y", num(y(max, max, panel) - 5));
    x.writeAttribute("style", "fill: " + colour + "; font-weight: bold");
    x.writeCharacters(name);
    x.writeEndElement();
    series(x, xs, values, colour, dash, max, panel);
    points(x, xs, values, colour, tips, max, panel);
  }

  private void deadline(XMLStreamWriter x, LocalDate d, String prefix, String colour) throws XMLStreamException {
    if (d == null) {
      return;
    }
    double at = x(d);
    line(x, at, TOP - 4, at, height - BOTTOM, colour, "5 3");
    boolean nearRight = at > width - 110;
    text(x, nearRight ? at - 3 : at + 3, TOP - 6, nearRight ? "end" : "start", prefix + d);
  }

  /** The step line of one series, with gaps where it has no value, then dashed on to the deadline. */
  private void series(XMLStreamWriter x, double[] xs, Integer[] values, String colour, String dash, double max, int panel)
      throws XMLStreamException {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        continue;
      }
      double y = y(values[i], max, panel);
      if (i == 0 || values[i - 1] == null) {
        d.append('M').append(num(xs[i])).append(' ').append(num(y));
      } else {
        d.append('V').append(num(y));
      }
      if (i + 1 < values.length) {
        d.append('H').append(num(xs[i + 1]));
      }
    }
    if (d.length() > 0) {
      path(x, d.toString(), colour, dash);
    }
    Integer lastValue = values[values.length - 1];
    double lastX = xs[xs.length - 1];
    if (lastValue != null && deadline != null && x(deadline) > lastX) {
      double y = y(lastValue, max, panel);
      path(x, "M" + num(lastX) + " " + num(y) + "H" + num(x(deadline)), colour, "2 3");
    }
  }

  /** A dot with the commit's tooltip wherever a series' value changes (and at its first value). */
  private void points(XMLStreamWriter x, double[] xs, Integer[] values, String colour, List<String> tips, double max, int panel)
      throws XMLStreamException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && (i == 0 || !values[i].equals(values[i - 1]))) {
        x.writeStartElement("circle");
        x.writeAttribute("cx", num(xs[i]));
        x.writeAttribute("cy", num(y(values[i], max, panel)));
        x.writeAttribute("r", "3");
        x.writeAttribute("fill", colour);
        HistoryChart.element(x, "title", tips.get(i));
        x.writeEndElement();
      }
    }
  }

  private static void path(XMLStreamWriter x, String d, String colour, String dash) throws XMLStreamException {
    x.writeEmptyElement("path");
    x.writeAttribute("d", d);
    x.writeAttribute("fill", "none");
    x.writeAttribute("stroke", colour);
    x.writeAttribute("stroke-width", "2");
    if (dash != null) {
      x.writeAttribute("stroke-dasharray", dash);
    }
  }

  private static void line(XMLStreamWriter x, double x1, double y1, double x2, double y2, String colour, String dash)
      throws XMLStreamException {
    x.writeEmptyElement("line");
    x.writeAttribute("x1", num(x1));
    x.writeAttribute("y1", num(y1));
    x.writeAttribute("x2", num(x2));
    x.writeAttribute("y2", num(y2));
    x.writeAttribute("stroke", colour);
    if (dash != null) {
      x.writeAttribute("stroke-dasharray", dash);
    }
  }

  private static void text(XMLStreamWriter x, double at, double y, String anchor, String s) throws XMLStreamException {
    x.writeStartElement("text");
    x.writeAttribute("x", num(at));
    x.writeAttribute("y", num(y));
    x.writeAttribute("text-anchor", anchor);
    x.writeCharacters(s);
    x.writeEndElement();
  }
}
