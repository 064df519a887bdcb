package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.report.ReportModel.Item;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as one row per finding, for the spreadsheet writers (findings.csv, findings.xlsx):
 * typed values (numbers, dates) in words where a person reads them. An unreadable file is a row
 * per error, in status 文件有误, so that a filter on the sheet never loses it.
 */
final class FindingRows {
  /** The status of an unreadable file's rows. */
  static final String UNREADABLE_LABEL = "文件有误";
  static final String UNREADABLE_KEY = "unreadable";

  /**
   * One row.
   *
   * @param actualNumber the value found when it is a number (else null)
   * @param actualText the value found: the number as written, or the value in words; "" for none
   * @param unit the unit of a numeric value ("" for none)
   */
  record Row(
      String city,
      String code,
      String file,
      String area,
      String areaTitle,
      String rule,
      String ruleSummary,
      String status,
      String statusKey,
      String strength,
      String subject,
      String field,
      String message,
      Double actualNumber,
      String actualText,
      String unit,
      String requirement,
      String clause,
      String clauseTexts,
      String path,
      Integer line,
      String source,
      LocalDate deadline,
      Long daysLeft,
      String waiver) {}

  private final CitySection sections;
  private final Catalogue catalogue;

  FindingRows(CitySection sections, Catalogue catalogue) {
    this.sections = sections;
    this.catalogue = catalogue;
  }

  CitySection sections() {
    return sections;
  }

  /** The rows of one city file, worst first. */
  List<Row> of(Item item) {
    List<Row> out = new ArrayList<>();
    if (!item.readable()) {
      for (Diagnostic d : item.unreadable().errors()) {
        out.add(new Row(item.name(), item.code(), item.file(), "", "", "", "", UNREADABLE_LABEL, UNREADABLE_KEY, "", null,
            "", "文件有误，未能检查：" + Unreadable.location(d) + "：" + d.message(), null, "", "", "", "", "", "",
            d.line() > 0 ? d.line() : null, null, null, null, null));
      }
      return out;
    }
    CityResult c = item.result();
    for (Finding f : sections.sorted(c.findings())) {
      String area = sections.area(f.rule());
      Catalogue.Area a = catalogue.areas().get(area);
      List<String> texts = new ArrayList<>();
      ReportModel.refs(f.clause()).forEach(r -> texts.add(r + "：" + sections.clause(r).text()));
      Double number = Wording.number(f.actual());
      String actual = number != null ? cn.liaoning.ybj.policycheck.engine.Checks.n(number) : orEmpty(Wording.actual(f));
      out.add(new Row(c.city(), c.code(), c.file(), area, a == null ? "其他" : a.title(), f.rule(), sections.summary(f.rule()),
          f.status().label, f.status().key, f.strength().label, f.subject(), Wording.field(f.path()), f.message(),
          number, actual, number != null ? Wording.unit(f.path()) : "", Wording.requirement(f), orEmpty(f.clause()),
          String.join("\n", texts), orEmpty(f.path()), f.line(), f.source(), f.deadline(), f.daysLeft(), f.waiver()));
    }
    return out;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
