package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.util.ArrayList;
import java.util.List;

/** Builds runs from fixture cities for the report writers' tests. */
final class Reports {
  private Reports() {}

  /** A run over the given city files' texts (each checked as of {@link TestSupport#AS_OF}). */
  static RunResult run(String... yamls) {
    List<CityResult> cities = new ArrayList<>();
    for (String y : yamls) {
      cities.add(TestSupport.check(y));
    }
    return new RunResult(TestSupport.AS_OF, cities, List.of());
  }

  static ReportModel model(RunResult run) {
    return ReportModel.of(run, TestSupport.catalogue(), TestSupport.parameters());
  }
}
