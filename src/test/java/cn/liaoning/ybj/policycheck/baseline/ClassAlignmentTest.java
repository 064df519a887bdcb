package cn.liaoning.ybj.policycheck.baseline;

import static cn.liaoning.ybj.policycheck.engine.TestSupport.compliant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Doc;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hospital classes are compared with the baseline class of the same name, not with whatever stands
 * at their index: inserting or removing one class does not make the others "changed".
 */
class ClassAlignmentTest {
  static final String L = "employee.outpatient.classes";
  static final String TIER3 = "      - { name: 三级, tier: 3, deductible: 600, in_service_pct: 55, retired_pct: 60 }\n";
  static final String TIER2 = "      - { name: 二级, tier: 2, deductible: 400, in_service_pct: 60, retired_pct: 65 }\n";
  static final String TIER1 = "      - { name: 一级及以下, tier: 1, deductible: 300, in_service_pct: 70, retired_pct: 75 }\n";
  static final String EXTRA = "      - { name: 社区, tier: 1, deductible: 300, in_service_pct: 80, retired_pct: 85 }\n";

  static Doc doc(String yaml) {
    return TestSupport.load(yaml).doc();
  }

  static String outpatient(String... classes) {
    String base = compliant();
    assertTrue(base.contains(TIER3 + TIER2 + TIER1), "fixture changed");
    return base.replace(TIER3 + TIER2 + TIER1, String.join("", classes));
  }

  @Test
  void anInsertedClassMovesTheOthersWithoutChangingThem() {
    Doc before = doc(compliant());
    Doc after = doc(outpatient(TIER3, EXTRA, TIER2, TIER1));
    Alignment a = Alignment.of(before, after);
    assertEquals(L + "[2].deductible", a.translate(L + "[1].deductible"));
    assertEquals(L + "[3]", a.translate(L + "[2]"));
    assertEquals(L + "[0].tier", a.translate(L + "[0].tier"));
    assertEquals("employee.inpatient.classes[1].deductible", a.translate("employee.inpatient.classes[1].deductible"));
    assertTrue(a.removed().isEmpty());

    List<Change> changes = Changes.between(before, after);
    assertEquals(List.of(L + "[1].deductible", L + "[1].in_service_pct", L + "[1].name", L + "[1].retired_pct", L + "[1].tier"),
        changes.stream().map(Change::path).toList());
    assertTrue(changes.stream().allMatch(c -> c.before() == null), changes.toString());
  }

  @Test
  void aRemovedClassIsOneChangeAtItsList() {
    Doc before = doc(compliant());
    Doc after = doc(outpatient(TIER3, TIER1));
    Alignment a = Alignment.of(before, after);
    assertEquals(List.of(new Alignment.Removed(L, 1, "二级")), a.removed());
    assertNull(a.translate(L + "[1].deductible"));
    assertEquals(L, a.locate(L + "[1].deductible"));
    assertEquals(L + "[1].deductible", a.translate(L + "[2].deductible"));

    List<Change> changes = Changes.between(before, after);
    assertEquals(1, changes.size(), changes.toString());
    Change c = changes.get(0);
    assertEquals(L, c.path());
    assertEquals("删除（原为 类别 二级）", c.describe());
    assertEquals(38, c.line());
  }

  @Test
  void aClassRenamedInPlaceChangesOnlyItsName() {
    Doc before = doc(compliant());
    Doc after = doc(outpatient(TIER3, TIER2.replace("二级", "二级（含专科）"), TIER1));
    assertTrue(Alignment.of(before, after).removed().isEmpty());
    List<Change> changes = Changes.between(before, after);
    assertEquals(List.of(L + "[1].name"), changes.stream().map(Change::path).toList());
  }

  @Test
  void reorderedClassesAreNoChange() {
    assertEquals(List.of(), Changes.between(doc(compliant()), doc(outpatient(TIER1, TIER3, TIER2))));
  }

  @Test
  void aChangedValueInAMovedClassIsAChangeAtItsNewPath() {
    Doc after = doc(outpatient(EXTRA, TIER3, TIER2.replace("deductible: 400", "deductible: 350"), TIER1));
    List<Change> changes = Changes.between(doc(compliant()), after);
    Change d = changes.stream().filter(c -> c.path().equals(L + "[2].deductible")).findFirst().orElseThrow();
    assertEquals("由 400 改为 350", d.describe());
    assertEquals(6, changes.size(), changes.toString()); // five fields of the new class, one changed value
  }

  @Test
  void aClassRenamedAndMovedIsRemovedAndNew() {
    Doc after = doc(outpatient(TIER1, TIER3, TIER2.replace("二级", "二级（含专科）")));
    List<Change> changes = Changes.between(doc(compliant()), after);
    assertEquals(List.of(L, L + "[2].deductible", L + "[2].in_service_pct", L + "[2].name", L + "[2].retired_pct", L + "[2].tier"),
        changes.stream().map(Change::path).toList());
    assertEquals("删除（原为 类别 二级）", changes.get(0).describe());
  }

  @Test
  void noBaselineIsTheIdentity() {
    assertSame(Alignment.IDENTITY, Alignment.of(null, doc(compliant())));
    assertSame(Alignment.IDENTITY, Alignment.of(doc(compliant()), doc(compliant())));
  }
}
