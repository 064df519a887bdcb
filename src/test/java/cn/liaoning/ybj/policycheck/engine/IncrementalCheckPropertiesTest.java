package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.Example;

/**
 * The incremental checker (one rule session kept from variant to variant, as a sweep uses it) must
 * give, for every variant, exactly what a fresh check gives: the same findings in the same order,
 * the same waiver tally. So must {@link Checker#check}, which runs in sessions kept from earlier
 * checks. Variants are random walks over the compliant fixture and Shenyang —
 * numbers set to values around the thresholds, to zero, to null (unknown), switches flipped, the
 * as-of date moved, and jumps from one city file to the other (different facts, positions,
 * sources and number of hospital classes).
 */
class IncrementalCheckPropertiesTest {
  private static Checker checker;
  private static PolicyLoader loader;
  private static final List<CityPolicy> BASES = new ArrayList<>();
  private static final LocalDate[] DAYS = {
    LocalDate.of(2025, 1, 1), TestSupport.AS_OF, LocalDate.of(2027, 6, 30), LocalDate.of(2028, 1, 1)
  };

  @BeforeContainer
  static void setUp() throws IOException {
    checker = TestSupport.checker();
    loader = new PolicyLoader(checker.catalogue().entries().keySet());
    BASES.add(TestSupport.load(TestSupport.compliant()));
    BASES.add(loader.load("shenyang.yaml", Files.readString(Path.of("city-policies/shenyang.yaml"))).policy());
  }

  /** One step of a walk: which base file, which field (by index among its numbers), how to change it. */
  record Step(int base, int field, int how, int day) {}

  @Provide
  Arbitrary<List<Step>> walks() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(0, 9), // mostly the current base; 0 switches base
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(0, 9),
            Arbitraries.integers().between(0, 19))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 60)
  void everyVariantGetsWhatAFreshCheckGives(@ForAll("walks") List<Step> walk) {
    try (Checker.Incremental inc = checker.incremental()) {
      int base = 0;
      LocalDate day = TestSupport.AS_OF;
      Map<String, Object> values = new LinkedHashMap<>(BASES.get(0).doc().values());
      for (Step s : walk) {
        if (s.base() == 0) {
          base = 1 - base;
          values = new LinkedHashMap<>(BASES.get(base).doc().values());
        }
        if (s.day() == 0) {
          day = DAYS[s.field() % DAYS.length];
        }
        change(values, s);
        Doc doc = BASES.get(base).doc();
        PolicyLoader.Loaded l = loader.map(doc.withValues(values));
        if (!l.ok()) {
          continue; // a value the loader refuses (e.g. a cross-field contradiction): no check
        }
        CityResult fresh = checker.checkInNewSession(l.policy(), day, List.of());
        CityResult kept = inc.check(l.policy(), day);
        assertEquals(fresh, kept, () -> "after " + s + " on " + l.policy().file());
        // Checker.check runs in one of its kept sessions, last used for any earlier check.
        assertEquals(fresh, checker.check(l.policy(), day), () -> "pooled, after " + s + " on " + l.policy().file());
      }
    }
  }

  /** Sets one field: a number near its current value or a threshold-like value, or null; a switch flipped. */
  private static void change(Map<String, Object> values, Step s) {
    List<String> fields = new ArrayList<>();
    values.forEach((k, v) -> {
      if (v instanceof Number || v instanceof Boolean) {
        fields.add(k);
      }
    });
    if (fields.isEmpty()) {
      return;
    }
    String path = fields.get(s.field() % fields.size());
    Object v = values.get(path);
    if (s.how() == 9) {
      values.put(path, null);
    } else if (v instanceof Boolean b) {
      values.put(path, !b);
    } else if (v instanceof Integer i) {
      values.put(path, Math.max(0, i + s.how() - 4));
    } else if (v instanceof Number n) {
      double[] factor = {0, 0.5, 0.9, 0.99, 1, 1.01, 1.1, 1.5, 2};
      values.put(path, Math.round(n.doubleValue() * factor[s.how()] * 100) / 100.0);
    }
  }

  @Example
  void aSweepLikeWalkChangesOnlyWhatItTouches() {
    // Deductibles of every outpatient class walked from 100 to 600: findings of other rules are
    // the very same objects from one variant to the next (reused, not rebuilt).
    CityPolicy base = BASES.get(0);
    try (Checker.Incremental inc = checker.incremental()) {
      CityResult previous = null;
      for (int d = 100; d <= 600; d += 50) {
        Map<String, Object> values = new LinkedHashMap<>(base.doc().values());
        for (String k : base.doc().values().keySet()) {
          if (k.startsWith("employee.outpatient.classes[") && k.endsWith(".deductible")) {
            values.put(k, (double) d);
          }
        }
        Doc doc = base.doc();
        CityPolicy p = loader.map(doc.withValues(values)).policy();
        CityResult kept = inc.check(p, TestSupport.AS_OF);
        assertEquals(checker.checkInNewSession(p, TestSupport.AS_OF, List.of()), kept);
        Set<Status> statuses = Set.copyOf(TestSupport.findings(kept, "EMP-OUTPATIENT-DEDUCT-MIN").stream().map(Finding::status).toList());
        assertEquals(Set.of(d >= 300 ? Status.PASS : Status.VIOLATION), statuses, "deductible " + d);
        if (previous != null) {
          long same = 0;
          for (Finding f : kept.findings()) {
            if (!f.rule().startsWith("EMP-OUTPATIENT") && previous.findings().stream().anyMatch(g -> g == f)) {
              same++;
            }
          }
          assertTrue(same > 30, "findings of untouched rules are reused: " + same);
        }
        previous = kept;
      }
    }
  }
}
