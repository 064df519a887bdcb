package cn.liaoning.ybj.policycheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.Facts.Scheme;
import cn.liaoning.ybj.policycheck.policy.Facts.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the rules comparing classes with each other read from {@link HospitalClasses}. */
class HospitalClassesTest {
  private static HospitalClass c(int index, Integer tier, Double deductible, Double inService) {
    return new HospitalClass(Scheme.EMPLOYEE, Setting.INPATIENT, index, "类别" + index, tier, deductible, inService, null, null);
  }

  private static HospitalClasses of(HospitalClass... cs) {
    return new HospitalClasses(Scheme.EMPLOYEE, Setting.INPATIENT, List.of(cs));
  }

  @Test
  void firstLackingIsTheFirstInFileOrderLackingTheTierOrTheField() {
    HospitalClass noDeductible = c(1, 2, null, 84.0);
    HospitalClass noTier = c(2, null, 300.0, 88.0);
    HospitalClasses l = of(c(0, 3, 800.0, 80.0), noDeductible, noTier);
    assertSame(noDeductible, l.firstLacking("deductible"));
    assertSame(noTier, l.firstLacking("in_service_pct"));
    assertNull(of(c(0, 3, 800.0, 80.0)).firstLacking("deductible"));
    assertNull(of().firstLacking("deductible"));
  }

  @Test
  void countsDistinctTiersAndValuesLeavingOutWhatIsMissing() {
    HospitalClasses l = of(c(0, 3, 800.0, 80.0), c(1, 3, 800.0, null), c(2, null, 500.0, 80.0));
    assertEquals(1, l.tierCount());
    assertEquals(2, l.distinctValues("deductible"));
    assertEquals(1, l.distinctValues("in_service_pct"));
    assertEquals(0, of().tierCount());
    assertEquals(0, of().distinctValues("deductible"));
    assertTrue(l.valuesDiffer("deductible"));
    assertTrue(l.valuesAllSame("in_service_pct"));
    assertFalse(l.severalTiers());
    assertTrue(of(c(0, 3, 800.0, 80.0), c(1, 2, 800.0, 80.0)).severalTiers());
    assertFalse(of().valuesAllSame("deductible")); // no value at all is not "all the same"
    assertFalse(of().valuesDiffer("deductible"));
  }

  @Test
  void pairsCompareAHigherTierWithALowerOneOnly() {
    HospitalClass t1 = c(0, 1, 500.0, 88.0);
    HospitalClass t2 = c(1, 2, 500.0, 84.0);
    HospitalClass t3 = c(2, 3, 400.0, 90.0);
    HospitalClasses l = of(t1, t2, t3);
    // deductible: tier 3 asks less than tiers 1 and 2; equal values are no inversion
    assertEquals(List.of(new HospitalClasses.Pair(t1, t3), new HospitalClasses.Pair(t2, t3)), l.higherTierLower("deductible"));
    // in-service ratio: tier 3 pays more than tiers 1 and 2
    assertEquals(List.of(new HospitalClasses.Pair(t1, t3), new HospitalClasses.Pair(t2, t3)), l.higherTierHigher("in_service_pct"));
    assertTrue(of(t1, c(1, 2, 600.0, 84.0), c(2, 3, 800.0, 80.0)).higherTierLower("deductible").isEmpty());
    assertTrue(of(t1, c(1, 1, 300.0, 80.0)).higherTierLower("deductible").isEmpty()); // same tier: not compared
    assertTrue(of(t1, c(1, null, 100.0, 99.0), c(2, 2, null, 80.0)).higherTierLower("deductible").isEmpty());
  }

  @Test
  void factsCarryOneListPerSchemeAndSettingInFileOrder() throws Exception {
    byte[] yaml = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/fixtures/compliant.yaml"));
    CityPolicy p = new PolicyLoader(cn.liaoning.ybj.policycheck.regulation.Catalogue.load().entries().keySet()).load("compliant.yaml", yaml).policy();
    List<HospitalClasses> lists = p.facts().stream().filter(f -> f instanceof HospitalClasses).map(f -> (HospitalClasses) f).toList();
    assertEquals(4, lists.size());
    for (HospitalClasses l : lists) {
      List<HospitalClass> expected = p.hospitalClasses().stream()
          .filter(x -> x.scheme() == l.scheme() && x.setting() == l.setting()).toList();
      assertEquals(expected, l.classes());
    }
  }

  @Test
  void anUnknownFieldIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> of(c(0, 1, 1.0, 1.0)).firstLacking("dedcutible"));
  }
}
