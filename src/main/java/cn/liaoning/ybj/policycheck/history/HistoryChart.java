package cn.liaoning.ybj.policycheck.history;

import cn.liaoning.ybj.policycheck.engine.Status;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code history.html}: a small standalone page (no script, no network) with inline SVG step
 * charts of the violations and the 待定 (missing data) over the commits' dates, for the province
 * and for each city, the deadline of 2号 四(一) marked, and a table of the first and latest
 * states. Written with the JDK's StAX writer, so every text from the files or the repository is
 * escaped and the page is well-formed XML as well as HTML.
 */
public final class HistoryChart {
  private HistoryChart() {}

  static final String VIOLATION_COLOUR = "#c0392b";
  static final String MISSING_COLOUR = "#6c7a89";

  private static final String CSS = String.join("\n",
      "body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; margin: 24px; color: #222; max-width: 1100px; }",
      "h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 24px 0 8px; }",
      "p.meta { color: #555; margin: 4px 0; }",
      ".grid { display: flex; flex-wrap: wrap; gap: 12px; }",
      "figure { margin: 0; } figure.city { width: 340px; border: 1px solid #ddd; padding: 6px; }",
      "figcaption { font-size: 14px; margin-bottom: 4px; } figcaption span { color: #555; font-size: 12px; }",
      "svg { display: block; max-width: 100%; height: auto; } svg text { font-size: 11px; fill: #444; }",
      ".legend span { display: inline-block; margin-right: 16px; }",
      ".swatch { display: inline-block; width: 18px; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: 4px; }",
      "table { border-collapse: collapse; font-size: 13px; } th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }",
      "th:first-child, td:first-child, td.file { text-align: left; }",
      "@page { size: A4 landscape; margin: 12mm; }",
      "@media print { body { margin: 0; max-width: none; } figure.city { break-inside: avoid; } }");

  public static String write(History h) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      out.write("<!DOCTYPE html>\n");
      x.writeStartElement("html");
      x.writeDefaultNamespace("http://www.w3.org/1999/xhtml");
      x.writeAttribute("lang", "zh-CN");
      x.writeStartElement("head");
      x.writeEmptyElement("meta");
      x.writeAttribute("charset", "utf-8");
      x.writeEmptyElement("meta");
      x.writeAttribute("name", "viewport");
      x.writeAttribute("content", "width=device-width, initial-scale=1");
      element(x, "title", "城市文件的整改进度");
      element(x, "style", CSS);
      x.writeEndElement();
      x.writeStartElement("body");
      element(x, "h1", "城市文件的整改进度（" + h.regulation() + "）");
      for (String line : meta(h)) {
        x.writeStartElement("p");
        x.writeAttribute("class", "meta");
        x.writeCharacters(line);
        x.writeEndElement();
      }
      if (!h.commits().isEmpty()) {
        total(x, h);
        cities(x, h);
        table(x, h);
      }
      x.writeStartElement("p");
      x.writeAttribute("class", "meta");
      x.writeCharacters("每个提交、每个城市文件的完整数目见同一目录的 history.csv（Excel/WPS）和 history.json。");
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out + "\n";
  }

  /**
   * One chart as an {@code <svg>} element alone, for a page of another writer (the audit report):
   * the province's when {@code file} is null, else that city file's. Its texts are escaped.
   */
  public static String svg(History h, String file) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      if (file == null) {
        provinceChart(x, h);
      } else {
        for (History.CityLine c : h.cities()) {
          if (c.file().equals(file)) {
            cityChart(x, h, c);
          }
        }
      }
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static List<String> meta(History h) {
    List<String> lines = new ArrayList<>();
    lines.add("路径 " + String.join("、", h.paths()) + (h.since() == null ? "" : "，自 " + HistoryText.clean(h.since()) + " 起"));
    if (h.commits().isEmpty()) {
      lines.add("没有改动这些文件的提交。");
      return lines;
    }
    History.Point first = h.commits().get(0);
    History.Point last = h.commits().get(h.commits().size() - 1);
    lines.add(h.commits().size() + " 个状态：" + first.commit().shortId() + "（" + first.commit().date().toLocalDate() + "）至 "
        + last.commit().shortId() + "（" + last.commit().date().toLocalDate() + "）；"
        + (h.fixedAsOf() == null ? "每个状态按其提交日期的参数和期限检查" : "每个状态都按 " + h.fixedAsOf() + " 的参数和期限检查")
        + "；横轴为提交日期。");
    if (h.deadline() != null) {
      lines.add("整改期限 " + h.deadline() + (h.extendedDeadline() == null ? "" : "（经批准延期的 " + h.extendedDeadline() + "）")
          + "：图中红色竖线。每幅图上为违规、下为待定，各用自己的刻度；点线为最近的状态延续到期限（若不再调整）。"
          + "待定即缺少数据、无法判断，不算作通过；橙色 × 为该提交中有无法读取的城市文件。");
    }
    return lines;
  }

  /** The province: the sum over the cities read at each commit. */
  private static void total(XMLStreamWriter x, History h) throws XMLStreamException {
    element(x, "h2", "全省合计");
    x.writeStartElement("figure");
    provinceChart(x, h);
    x.writeStartElement("p");
    x.writeAttribute("class", "legend");
    legend(x, VIOLATION_COLOUR, "solid", "违规");
    legend(x, MISSING_COLOUR, "dashed", "待定（缺数据）");
    legend(x, Plot.DEADLINE_COLOUR, "dashed", "整改期限");
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void provinceChart(XMLStreamWriter x, History h) throws XMLStreamException {
    int n = h.commits().size();
    if (n == 0) {
      return;
    }
    Integer[] violations = new Integer[n];
    Integer[] missing = new Integer[n];
    boolean[] unreadable = new boolean[n];
    List<String> tips = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int v = 0;
      int m = 0;
      int bad = 0;
      for (History.CityLine c : h.cities()) {
        History.Mark mark = c.marks().get(i);
        v += mark.count(Status.VIOLATION);
        m += mark.count(Status.INDETERMINATE);
        bad += mark.state() == History.State.UNREADABLE ? 1 : 0;
      }
      violations[i] = v;
      missing[i] = m;
      unreadable[i] = bad > 0;
      History.Point p = h.commits().get(i);
      tips.add(p.commit().shortId() + " " + p.commit().date().toLocalDate() + " " + HistoryText.clean(p.commit().subject())
          + "：违规 " + v + "，待定 " + m + (bad > 0 ? "，" + bad + " 个文件无法读取" : ""));
    }
    new Plot(dates(h), h.deadline(), h.extendedDeadline(), 760, 300).draw(x, "全省违规和待定的数目随提交变化", violations, missing, unreadable, tips);
  }

  private static void cities(XMLStreamWriter x, History h) throws XMLStreamException {
    element(x, "h2", "各统筹区");
    x.writeStartElement("div");
    x.writeAttribute("class", "grid");
    for (History.CityLine c : h.cities()) {
      x.writeStartElement("figure");
      x.writeAttribute("class", "city");
      x.writeStartElement("figcaption");
      x.writeCharacters(c.city() + " ");
      element(x, "span", c.file() + "　违规 " + c.change(Status.VIOLATION) + "，待定 " + c.change(Status.INDETERMINATE));
      x.writeEndElement();
      cityChart(x, h, c);
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void cityChart(XMLStreamWriter x, History h, History.CityLine c) throws XMLStreamException {
    int n = h.commits().size();
    if (n == 0) {
      return;
    }
    Integer[] violations = new Integer[n];
    Integer[] missing = new Integer[n];
    boolean[] unreadable = new boolean[n];
    List<String> tips = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      History.Mark m = c.marks().get(i);
      boolean checked = m.state() == History.State.CHECKED;
      violations[i] = checked ? m.count(Status.VIOLATION) : null;
      missing[i] = checked ? m.count(Status.INDETERMINATE) : null;
      unreadable[i] = m.state() == History.State.UNREADABLE;
      History.Point p = h.commits().get(i);
      tips.add(p.commit().shortId() + " " + p.commit().date().toLocalDate() + "：" + (checked
          ? "违规 " + m.count(Status.VIOLATION) + "，待定 " + m.count(Status.INDETERMINATE)
          : m.state().label + (m.problem() == null ? "" : "（" + m.problem() + "）")));
    }
    new Plot(dates(h), h.deadline(), h.extendedDeadline(), 340, 200).draw(x, c.city() + "：违规和待定的数目随提交变化",
        violations, missing, unreadable, tips);
  }


  private static void table(XMLStreamWriter x, History h) throws XMLStreamException {
    element(x, "h2", "首个与最近的状态（首个 → 最近）");
    x.writeStartElement("table");
    x.writeStartElement("tr");
    for (String head : List.of("统筹区", "城市文件", "违规", "警告", "待定", "通过", "无法读取的状态数")) {
      element(x, "th", head);
    }
    x.writeEndElement();
    for (History.CityLine c : h.cities()) {
      x.writeStartElement("tr");
      element(x, "td", c.city());
      x.writeStartElement("td");
      x.writeAttribute("class", "file");
      x.writeCharacters(c.file());
      x.writeEndElement();
      for (Status s : List.of(Status.VIOLATION, Status.WARNING, Status.INDETERMINATE, Status.PASS)) {
        element(x, "td", c.change(s));
      }
      element(x, "td", Long.toString(c.marks().stream().filter(m -> m.state() == History.State.UNREADABLE).count()));
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static List<LocalDate> dates(History h) {
    return h.commits().stream().map(p -> p.commit().date().toLocalDate()).toList();
  }

  private static void legend(XMLStreamWriter x, String colour, String style, String label) throws XMLStreamException {
    x.writeStartElement("span");
    x.writeStartElement("span");
    x.writeAttribute("class", "swatch");
    x.writeAttribute("style", "border-top-color: " + colour + "; border-top-style: " + style);
    x.writeEndElement();
    x.writeCharacters(label);
    x.writeEndElement();
  }

  static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  /** Days between two dates, as a double for scaling. */
  static double days(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b);
  }

  static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
