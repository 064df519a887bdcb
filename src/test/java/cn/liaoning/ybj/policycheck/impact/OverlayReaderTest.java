package cn.liaoning.ybj.policycheck.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Param;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reading a parameter overlay: what it may leave out, and every mistake at file:line:column. */
class OverlayReaderTest {
  static final String GUIDELINE = "emp.inpatient.guideline_pct";

  static OverlayReader.Result read(String yaml) {
    return OverlayReader.read("o.yaml", yaml.getBytes(StandardCharsets.UTF_8), TestSupport.parameters());
  }

  /** The single error of a rejected overlay, as "line:column: message". */
  static String error(String yaml) {
    OverlayReader.Result r = read(yaml);
    assertFalse(r.ok(), "accepted: " + yaml);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    Diagnostic d = errors.get(0);
    return d.line() + ":" + d.column() + ": " + d.message();
  }

  static Double valueAt(Parameters p, String key, int tier, String date) {
    for (Param f : p.factsAt(LocalDate.parse(date))) {
      if (f.key().equals(key) && f.tier() == tier) {
        return f.value();
      }
    }
    return null;
  }

  @Test
  void anEntryMayLeaveOutDescriptionUnitAndClauseAndNameSomeTiers() {
    OverlayReader.Result r = read("parameters:\n  " + GUIDELINE + ":\n    values:\n      2026-01-01: { tier3: 87 }\n");
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals(List.of(), r.diagnostics());
    Overlay.Entry e = r.overlay().entries().get(0);
    assertEquals(2, e.line());
    assertEquals(3, e.column());
    Parameters base = TestSupport.parameters();
    Parameters with = r.overlay().applyTo(base);
    Parameters.Parameter p = with.parameters().get(GUIDELINE);
    Parameters.Parameter p0 = base.parameters().get(GUIDELINE);
    assertEquals(p0.description(), p.description());
    assertEquals(p0.unit(), p.unit());
    assertEquals(p0.clause(), p.clause());
    assertEquals(87.0, valueAt(with, GUIDELINE, 3, "2026-01-01"));
    assertEquals(84.0, valueAt(with, GUIDELINE, 2, "2026-01-01"), "a tier not named keeps its value");
    assertEquals(88.0, valueAt(with, GUIDELINE, 1, "2026-12-07"));
    assertEquals(80.0, valueAt(with, GUIDELINE, 3, "2025-12-31"), "before its date the value in force stays");
    assertEquals(80.0, valueAt(base, GUIDELINE, 3, "2026-12-07"), "the parameters themselves are not changed");
    // Everything else is the same parameter object.
    base.parameters().forEach((k, v) -> {
      if (!k.equals(GUIDELINE)) {
        assertTrue(v == with.parameters().get(k), k);
      }
    });
  }

  @Test
  void theOverlayReplacesFromItsFirstDateAndLaterPartialTiersBuildOnEarlierOnes() {
    Parameters.Parameter base = new Parameters.Parameter("k", "d", "%", null, new TreeMap<>(Map.of(
        LocalDate.parse("2025-01-01"), Map.of(3, 80.0, 2, 84.0, 1, 88.0),
        LocalDate.parse("2028-01-01"), Map.of(3, 90.0, 2, 90.0, 1, 90.0))), null);
    NavigableMap<LocalDate, Object> values = new TreeMap<>(Map.of(
        LocalDate.parse("2026-01-01"), Map.of(3, 87.0),
        LocalDate.parse("2027-01-01"), Map.of(2, 86.0)));
    Parameters.Parameter p = new Overlay.Entry("k", null, values, 1, 1).applyTo(base);
    assertEquals(Map.of(3, 80.0, 2, 84.0, 1, 88.0), p.valueAt(LocalDate.parse("2025-12-31")));
    assertEquals(Map.of(3, 87.0, 2, 84.0, 1, 88.0), p.valueAt(LocalDate.parse("2026-06-30")));
    assertEquals(Map.of(3, 87.0, 2, 86.0, 1, 88.0), p.valueAt(LocalDate.parse("2027-06-30")));
    assertEquals(Map.of(3, 87.0, 2, 86.0, 1, 88.0), p.valueAt(LocalDate.parse("2029-01-01")),
        "a value of the parameter after the overlay's first date no longer holds");
  }

  @Test
  void aScalarAndADateParameterTakeTheirOwnKindOfValue() {
    OverlayReader.Result r = read("parameters:\n  emp.outpatient.deductible_min:\n    description: 提议\n    unit: 元/年\n"
        + "    clause: \"2号 二(一)2\"\n    values: { 2027-01-01: 400 }\n  deadline.standard:\n    values:\n      2025-06-30: 2027-06-30\n");
    assertTrue(r.ok(), r.diagnostics().toString());
    Parameters with = r.overlay().applyTo(TestSupport.parameters());
    assertEquals("提议", with.parameters().get("emp.outpatient.deductible_min").description());
    assertEquals(400.0, valueAt(with, "emp.outpatient.deductible_min", 0, "2027-01-01"));
    assertEquals(300.0, valueAt(with, "emp.outpatient.deductible_min", 0, "2026-12-31"));
    assertEquals(LocalDate.parse("2027-06-30"), with.date("deadline.standard", LocalDate.parse("2026-12-07")));
  }

  @Test
  void aParameterThatDoesNotExistIsAnErrorWithItsLine() {
    String m = error("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: { tier3: 87 } }\n"
        + "  emp.inpatient.no_such_param:\n    values: { 2026-01-01: 3 }\n");
    assertTrue(m.startsWith("4:3: 省级参数中没有“emp.inpatient.no_such_param”"), m);
    assertTrue(error("parameters:\n  emp.inpatient.guidline_pct:\n    values: { 2026-01-01: 3 }\n")
        .contains("是否想写 emp.inpatient.guideline_pct？"));
  }

  @Test
  void aUnitOrClauseOtherThanTheParametersIsAnError() {
    String m = error("parameters:\n  " + GUIDELINE + ":\n    unit: 元\n    values: { 2026-01-01: { tier3: 87 } }\n");
    assertTrue(m.startsWith("3:11: 单位“元”与所调整的参数不同：" + GUIDELINE + " 的单位是“%”"), m);
    m = error("parameters:\n  " + GUIDELINE + ":\n    clause: \"2号 二(二)5\"\n    values: { 2026-01-01: { tier3: 87 } }\n");
    assertTrue(m.startsWith("3:13: 条款“2号 二(二)5”与所调整的参数不同"), m);
  }

  @Test
  void aShapeOtherThanTheParametersIsAnError() {
    String m = error("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: 87 }\n");
    assertTrue(m.startsWith("3:27: ") && m.contains("形状不同") && m.contains("按医院级别取值，应写成 { tier3: 80, tier2: 84, tier1: 88 }"), m);
    m = error("parameters:\n  emp.cap_min:\n    values: { 2026-01-01: { tier3: 90000 } }\n");
    assertTrue(m.startsWith("3:27: ") && m.contains("形状不同：emp.cap_min 是单个数值，不是映射"), m);
    m = error("parameters:\n  emp.cap_min:\n    values: [ 90000 ]\n");
    assertTrue(m.startsWith("3:13: emp.cap_min 的 values应为“键: 值”的映射，而不是列表"), m);
    m = error("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: { tier4: 87 } }\n");
    assertTrue(m.endsWith("没有键“tier4”，可写：tier1、tier2、tier3"), m);
    m = error("parameters:\n  deadline.standard:\n    values: { 2025-06-30: 2027-02-30 }\n");
    assertTrue(m.startsWith("3:27: ") && m.contains("日期“2027-02-30”不存在"), m);
  }

  @Test
  void valuesAreReadAsTheCityFilesAreWithTheSameHints() {
    assertTrue(error("parameters:\n  emp.cap_min:\n    values: { 2026-01-01: \"90000\" }\n").contains("数字不要加引号"));
    assertTrue(error("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: { tier3: 87% } }\n").contains("是否想写 87？"));
    assertTrue(error("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: { tier3: 187 } }\n").contains("超出允许范围 0–100%"));
    OverlayReader.Result r = read("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: { tier3: 0.87 } }\n");
    assertTrue(r.ok(), "a fraction is accepted with a warning, as in a city file");
    assertTrue(r.diagnostics().get(0).message().contains("是否想写 87？"), r.diagnostics().toString());
  }

  @Test
  void unknownKeysAndWhatTheFormatDoesNotAllowAreErrors() {
    assertTrue(error("parameters:\n  emp.cap_min:\n    value: { 2026-01-01: 90000 }\n").startsWith("3:5: ")
        , "an unknown key of an entry");
    assertTrue(error("parameters:\n  emp.cap_min:\n    value: { 2026-01-01: 90000 }\n").contains("是否想写 values？"));
    assertTrue(error("paramters:\n  emp.cap_min:\n    values: { 2026-01-01: 90000 }\n").contains("是否想写 parameters？"));
    assertTrue(error("parameters:\n  emp.cap_min:\n    values: { 2026-01-01: 90000 }\nclauses:\n  x: y\n")
        .startsWith("4:1: 调整方案只调整参数的值，不能增改来源文件（documents）或条款原文（clauses）"));
    assertTrue(error("parameters:\n  emp.cap_min:\n    values: { 2026-01-01: 90000 }\n  emp.cap_min:\n    values: { 2027-01-01: 1 }\n")
        .startsWith("4:3: parameters中的键“emp.cap_min”写了两次（第一次在第 2 行）"));
    assertTrue(error("parameters:\n  emp.cap_min:\n    values: { 2026-01-01: &a 90000, 2027-01-01: *a }\n").contains("锚点"));
    // Indented too little, the dates become parameters of their own: both are reported.
    List<Diagnostic> both = read("parameters:\n  emp.cap_min:\n    values:\n  2026-01-01: 90000\n").diagnostics();
    assertEquals(List.of("3:12: emp.cap_min 的 values应为“键: 值”的映射，而不是空值", "4:3: 省级参数中没有“2026-01-01”"),
        both.stream().map(d -> d.line() + ":" + d.column() + ": " + d.message().replaceFirst("：调整方案只能.*", "")).toList());
    assertTrue(error("parameters:\n  emp.cap_min:\n    description: x\n").contains("缺少 values"));
    assertTrue(error("parameters:\n  emp.cap_min:\n    values: {}\n").contains("values 为空"));
  }

  @Test
  void aPartialTierValueBeforeAnyValueIsInForceMustNameEveryTier() {
    assertTrue(error("parameters:\n  " + GUIDELINE + ":\n    values: { 2020-01-01: { tier3: 87 } }\n")
        .contains("须写出全部级别（tier1、tier2、tier3）"));
    assertTrue(read("parameters:\n  " + GUIDELINE + ":\n    values: { 2020-01-01: { tier3: 87, tier2: 88, tier1: 89 } }\n").ok());
  }

  @Test
  void syntaxErrorsEmptyFilesAndOtherBytesAreErrorsNotExceptions() {
    assertTrue(error("parameters:\n  emp.cap_min:\n    values: { 2026-01-01: 90000\n").contains("YAML 语法错误"));
    assertTrue(error("").contains("文件为空"));
    assertTrue(error("# 只有注释\n").contains("文件为空"));
    assertTrue(error("[1, 2]\n").contains("文件顶层应为“键: 值”的映射"));
    assertTrue(error("format: 1\ncity: 沈阳市\n").contains("这是城市政策文件，不是调整方案"), "the arguments in the wrong order");
    assertTrue(error("parameters:\n  emp.cap_min:\n    values: { 2026-01-01: 9\u200b0000 }\n").startsWith("3:28: 文件含有不可见或不允许的字符 U+200B"));
    OverlayReader.Result r = OverlayReader.read("o.yaml", new byte[] {(byte) 0xB2, (byte) 0xCE, '\n'}, TestSupport.parameters());
    assertNull(r.overlay());
    assertTrue(r.diagnostics().get(0).message().contains("UTF-8"));
  }
}
