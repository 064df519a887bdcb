package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings come in one total order, whatever order the rules fired in: catalogue position, then
 * path, subject, status, message, actual and expected value (null first).
 */
class FindingOrderTest {
  private static final List<String> CATALOGUE = new ArrayList<>(TestSupport.catalogue().entries().keySet());

  private static final Comparator<Finding> REFERENCE = Comparator.comparingInt((Finding f) -> CATALOGUE.indexOf(f.rule()))
      .thenComparing(Finding::path, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Finding::subject, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Finding::status)
      .thenComparing(Finding::message, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing((Finding f) -> String.valueOf(f.actual()))
      .thenComparing((Finding f) -> String.valueOf(f.expected()));

  private static void assertOrdered(CityResult r) {
    List<Finding> sorted = new ArrayList<>(r.findings());
    sorted.sort(REFERENCE);
    assertEquals(sorted, r.findings());
  }

  @Test
  void theCompliantCityAndShenyangAreInTheReferenceOrder() throws Exception {
    assertOrdered(TestSupport.check(TestSupport.compliant()));
    assertOrdered(TestSupport.check(Files.readString(Path.of("city-policies/shenyang.yaml"))));
  }

  @Test
  void findingsOfOneRuleAreOrderedByPathThenClass() {
    // Per-class rules give several findings under one rule id: their order is by path, then subject.
    CityResult r = TestSupport.check(TestSupport.compliant());
    List<Finding> perClass = TestSupport.findings(r, "EMP-OUTPATIENT-DEDUCT-MIN");
    assertTrue(perClass.size() > 1, "the compliant fixture has several outpatient classes");
    for (int i = 1; i < perClass.size(); i++) {
      assertTrue(perClass.get(i - 1).path().compareTo(perClass.get(i).path()) <= 0, perClass.toString());
    }
  }

  @Test
  void aCityWithoutDataIsInTheReferenceOrderToo() throws Exception {
    // Every rule indeterminate, several under one rule id and one path: ties fall to the message.
    assertOrdered(TestSupport.check(Files.readString(Path.of("city-policies/dalian.yaml"))));
  }
}
