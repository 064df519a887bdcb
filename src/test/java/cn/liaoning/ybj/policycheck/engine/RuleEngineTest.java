package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Param;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine production runs: the executable model generated at build time, loaded without a DRL
 * compiler, with pooled sessions. Pooled sessions must give exactly what a new session gives,
 * whatever was evaluated before on the same thread.
 */
class RuleEngineTest {
  @Test
  void loadsTheModelGeneratedFromEveryDrlFileWithItsMetadata() throws Exception {
    RuleEngine engine = TestSupport.engine();
    // Every rule in rules/*.drl is in the generated model.
    long written = 0;
    try (Stream<Path> drl = Files.list(Path.of("rules"))) {
      for (Path p : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
        written += Files.readAllLines(p).stream().filter(l -> l.startsWith("rule \"")).count();
      }
    }
    assertEquals(written, engine.rules().size(), "rules in the executable model");
    assertTrue(engine.rules().stream().allMatch(r -> r.clause() != null), "every rule keeps @clause");
    assertTrue(engine.ruleIds().contains("EMP-CAP-MIN"), "@ruleId survives: " + engine.ruleIds());
  }

  @Test
  void noDrlCompilerOnTheRuntimeClassPath() {
    for (String cls : List.of("org.drools.compiler.builder.impl.KnowledgeBuilderImpl", "org.mvel2.MVEL",
        "org.drools.drl.parser.DrlParser", "org.eclipse.jdt.internal.compiler.Compiler")) {
      boolean present;
      try {
        Class.forName(cls, false, RuleEngine.class.getClassLoader());
        present = true;
      } catch (ClassNotFoundException e) {
        present = false;
      }
      assertFalse(present, cls + " should not be on the class path");
    }
  }

  @Test
  void pooledSessionsGiveWhatNewSessionsGive() throws Exception {
    List<List<Object>> cities = cities();
    RuleEngine engine = TestSupport.engine();
    // Twice over, so that every city also follows another one on the same pooled session.
    for (int round = 0; round < 2; round++) {
      for (List<Object> facts : cities) {
        assertEquals(sorted(engine.evaluateFresh(facts)), sorted(engine.evaluate(facts)));
      }
    }
  }

  @Test
  void concurrentEvaluationsDoNotMix() throws Exception {
    List<List<Object>> cities = cities();
    RuleEngine engine = TestSupport.engine();
    List<List<String>> expected = new ArrayList<>();
    for (List<Object> facts : cities) {
      expected.add(sorted(engine.evaluateFresh(facts)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<String>>> got = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        List<Object> facts = cities.get(i % cities.size());
        got.add(pool.submit(() -> sorted(engine.evaluate(facts))));
      }
      for (int i = 0; i < got.size(); i++) {
        assertEquals(expected.get(i % cities.size()), got.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Facts of varied cities: compliant, failing, with unknowns, without hospital classes, real files. */
  private static List<List<Object>> cities() throws Exception {
    List<String> yamls = new ArrayList<>();
    yamls.add(TestSupport.compliant());
    yamls.add(TestSupport.compliantWith("employee.annual_cap", 79999, "employee.outpatient.classes[2].deductible", 299));
    yamls.add(TestSupport.compliantWith("employee.inpatient.classes", new ArrayList<>(), "resident.inpatient.classes", new ArrayList<>()));
    yamls.add(TestSupport.compliantWith("employee.contribution.employer_rate_pct", null, "maternity.rate_pct", null));
    yamls.add(TestSupport.compliantWith("fund.employee", "risk", "employee.inpatient.classes[0].in_service_pct", 99));
    try (Stream<Path> files = Files.list(Path.of("city-policies"))) {
      for (Path f : files.sorted().toList()) {
        yamls.add(Files.readString(f));
      }
    }
    List<Param> params = TestSupport.parameters().factsAt(TestSupport.AS_OF);
    List<List<Object>> out = new ArrayList<>();
    PolicyLoader loader = new PolicyLoader(TestSupport.catalogue().entries().keySet());
    for (String y : yamls) {
      PolicyLoader.Loaded l = loader.load("t.yaml", y);
      assertTrue(l.ok(), () -> "fixture loads: " + l.diagnostics());
      CityPolicy p = l.policy();
      List<Object> facts = new ArrayList<>(params);
      facts.addAll(p.facts());
      out.add(facts);
    }
    return out;
  }

  private static List<String> sorted(List<Check> checks) {
    return checks.stream().map(Check::toString).sorted(Comparator.naturalOrder()).toList();
  }
}
