package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Param;
import cn.liaoning.ybj.policycheck.regulation.Strength;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the report says, in words an auditor reads: labels, enum words, units, the nearest compliant value, the memo. */
class ReportModelTest {
  static String city(String name) throws IOException {
    return Files.readString(Path.of("city-policies", name + ".yaml"));
  }

  static ReportModel shenyangAndTwoEmptyCities() throws IOException {
    return Reports.model(Reports.run(city("shenyang"), city("dalian"), city("anshan")));
  }

  @Test
  void theDeadlineTableSpeaksChinese() throws IOException {
    ReportModel m = shenyangAndTwoEmptyCities();
    ReportModel.DeadlineItem link = m.deadlines().stream().filter(d -> d.rule().equals("LINK-EMP-FIRST-ENROLL")).findFirst().orElseThrow();
    assertEquals("首次参保职工享受待遇的起始时间", link.field(), "the field by its label from Schema");
    assertEquals(Schema.label(link.path()), link.field());
    assertEquals("次月起", link.actual(), "the enum value in words, not next_month");
    assertEquals("自缴费到账之日起", link.expected(), "the requirement in words, without the code");
    ReportModel.DeadlineItem deductible = m.deadlines().stream()
        .filter(d -> d.rule().equals("EMP-OUTPATIENT-DEDUCT-MIN")).findFirst().orElseThrow();
    assertEquals("职工门诊医院类别 · 起付标准", deductible.field());
    assertEquals("200 元/年", deductible.actual(), "a number with its unit (an outpatient deductible is per year)");
    for (ReportModel.DeadlineItem d : m.deadlines()) {
      for (String text : List.of(d.field(), d.actual(), d.expected())) {
        assertFalse(text.matches(".*\\b[a-z]+_[a-z_]+\\b.*"), "a code or path where words belong: " + text);
      }
    }
  }

  @Test
  void missingDataIsOneRowPerFieldByItsLabel() throws IOException {
    ReportModel m = shenyangAndTwoEmptyCities();
    ReportModel.CityView shenyang = m.cities().get(0);
    assertEquals("沈阳市", shenyang.name());
    assertEquals(1, m.cities().size(), "only 沈阳市 has a section of its own");
    List<ReportModel.MissingField> fields = shenyang.missing().stream().flatMap(g -> g.fields().stream()).toList();
    long distinctPaths = fields.stream().map(ReportModel.MissingField::path).distinct().count();
    assertEquals(fields.size(), distinctPaths, "one row per field");
    for (ReportModel.MissingField f : fields) {
      assertEquals(Schema.label(f.path()), f.label(), f.path());
      assertFalse(f.label().contains("_"), "a label, not a path: " + f.label());
      assertFalse(f.rules().isEmpty());
    }
    ReportModel.MissingField flexible = fields.stream()
        .filter(f -> "employee.contribution.flexible_base_pct".equals(f.path())).findFirst().orElseThrow();
    assertEquals("灵活就业人员缴费基数", flexible.label());
    assertEquals("%", flexible.unit());
    assertEquals(List.of("EMP-BASE-FLEXIBLE"), flexible.rules());
    long waiting = Reports.run(city("shenyang")).cities().get(0).findings().stream()
        .filter(f -> f.status() == Status.INDETERMINATE).count();
    assertTrue(fields.size() < waiting, "fewer rows than 待定 findings: " + fields.size() + " < " + waiting);
  }

  @Test
  void citiesWithoutDataShareOneSection() throws IOException {
    ReportModel m = shenyangAndTwoEmptyCities();
    assertEquals(List.of("大连市", "鞍山市"), m.noData().cities().stream().map(ReportModel.NoDataCity::name).toList());
    assertEquals("reports/templates/test.xlsx", m.noData().cities().get(0).workbook(), "the template workbook named after the file (test.yaml here)");
    assertTrue(m.noData().fields() > 10, "the data to collect");
    for (ReportModel.MissingGroup g : m.noData().groups()) {
      for (ReportModel.MissingField f : g.fields()) {
        assertEquals(Schema.label(f.path()), f.label());
        assertEquals(2, f.cities(), "both lack it: " + f.path());
      }
    }
    assertTrue(m.rows().stream().filter(r -> r.name().equals("大连市")).allMatch(r -> r.anchor().equals("#no-data")));
  }

  @Test
  void theRectificationListGoesToTheNearestCompliantValue() throws IOException {
    ReportModel m = shenyangAndTwoEmptyCities();
    assertEquals(1, m.rectifications().size());
    ReportModel.Rectification r = m.rectifications().get(0);
    assertEquals("沈阳市", r.city());
    ReportModel.RectificationItem deductible = r.items().stream()
        .filter(i -> i.rule().equals("EMP-OUTPATIENT-DEDUCT-MIN")).findFirst().orElseThrow();
    assertEquals("200 元/年", deductible.from());
    assertEquals("300 元/年", deductible.to());
    assertEquals("2号 二(一)2", deductible.clauses().get(0).ref());
    assertTrue(deductible.clauses().get(0).text().contains("300"), "the clause text");
    ReportModel.RectificationItem link = r.items().stream()
        .filter(i -> i.rule().equals("LINK-EMP-FIRST-ENROLL")).findFirst().orElseThrow();
    assertEquals("次月起", link.from());
    assertEquals("自缴费到账之日起", link.to(), "a choice with one compliant value: its words");
  }

  /** The target must be a value the rule's parameters hold at the as-of date, never a number read from text alone. */
  @Test
  void theTargetComesFromTheParametersInForce() {
    Finding f = new Finding("EMP-OUTPATIENT-DEDUCT-MIN", Status.VIOLATION, Strength.IN_PRINCIPLE, "2号 二(一)2", "一级及以下",
        "employee.outpatient.classes[3].deductible", 60, 5, 200.0, "≥ 300 元", "低于 300 元", LocalDate.of(2026, 12, 31), 10L, null, null);
    assertEquals("300 元/年", Remedy.of(f, List.of(new Param("emp.outpatient.deductible_min", 0, 300.0, null))).to());
    assertNull(Remedy.of(f, List.of(new Param("emp.outpatient.deductible_min", 0, 350.0, null))).to(),
        "300 is not the parameter in force: no target, the requirement in words instead");
    assertEquals("≥ 300 元", Remedy.of(f, List.of()).requirement());
    Finding band = new Finding("EMP-RATE-FLEXIBLE-BAND", Status.VIOLATION, Strength.IN_PRINCIPLE, "2号 一(一)4", null,
        "employee.contribution.flexible_rate_pct", 34, 5, 8.5, "5%–7%", "高于 7%", LocalDate.of(2026, 12, 31), 10L, null, null);
    List<Param> params = List.of(new Param("emp.rate.flexible_min_pct", 0, 5.0, null), new Param("emp.rate.flexible_max_pct", 0, 7.0, null));
    assertEquals("8.5%", Remedy.of(band, params).from());
    assertEquals("7%", Remedy.of(band, params).to(), "the nearer end of the band");
  }

  @Test
  void requirementsNeverStartWithAFormulaCharacter() {
    assertEquals("等于 100%", Wording.requirement("employee.contribution.flexible_base_pct", "= 100%"));
    assertEquals("≥ 300 元", Wording.requirement(null, "≥ 300 元"));
    assertEquals("用人单位上年度职工月平均工资", Wording.requirement("maternity.allowance_basis", "employer_prev_year_avg_monthly_wage"));
    assertEquals("—", Wording.requirement(null, null));
  }

  @Test
  void theMemoSaysWhoViolatesWhatByWhenAndWhoLacksData() throws IOException {
    String memo = shenyangAndTwoEmptyCities().memo();
    assertTrue(memo.contains("对 3 个统筹区"), memo);
    assertTrue(memo.contains("1 个统筹区有违规：沈阳市 4 项"), memo);
    assertTrue(memo.contains("普通门诊统筹起付标准原则上不低于300元/年，3 个医院类别"), memo); // 沈阳's row spanning tiers 2 and 3 is two classes
    assertTrue(memo.contains("2026-12-31 前整改到位"), memo);
    assertTrue(memo.contains("2 个统筹区（大连市、鞍山市）的政策文件尚无数据"), memo);
    assertTrue(memo.contains("没有统筹区可判定为完全合规"), memo);
    assertFalse(memo.contains("不完整"), "nothing unreadable here");
  }

  @Test
  void anUnreadableFileMakesTheHeadlineIncomplete() throws IOException {
    RunResult ok = Reports.run(city("dalian"));
    RunResult run = new RunResult(ok.asOf(), ok.cities(), List.of(new cn.liaoning.ybj.policycheck.policy.Diagnostic(
        "missing/shenyang.yaml", 0, 0, cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity.ERROR, "文件不存在", null)));
    ReportModel m = Reports.model(run);
    assertTrue(m.summary().incomplete());
    assertEquals(1, m.summary().unreadable());
    assertTrue(m.summary().headline().startsWith("结果不完整：1 个统筹区（shenyang.yaml）"), m.summary().headline());
    assertTrue(m.memo().contains("本次结果不完整"), m.memo());
    assertTrue(m.rows().stream().anyMatch(r -> r.klass().equals("unreadable") && r.error().contains("missing/shenyang.yaml")));
    assertTrue(m.cities().stream().anyMatch(ReportModel.CityView::unreadable), "a section of its own");
  }
}
