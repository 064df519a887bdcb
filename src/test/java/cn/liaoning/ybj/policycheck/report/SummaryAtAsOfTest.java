package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every writer states a rule's summary with the parameters in force on the run's as-of date, not
 * on the day the catalogue was loaded: with a threshold that rises on a date (an overlay on the
 * provincial parameters), two as-of dates give two texts.
 */
class SummaryAtAsOfTest {
  static final String RULE = "EMP-OUTPATIENT-DEDUCT-MIN";
  static final LocalDate BEFORE = LocalDate.of(2026, 6, 30);
  static final LocalDate AFTER = LocalDate.of(2026, 7, 2);
  /** The catalogue as the CLI holds it: rendered once, with today's parameters. */
  static final Catalogue CATALOGUE = TestSupport.catalogue();

  /** The provincial parameters with the outpatient deductible floor raised from 300 to 400 元 on 2026-07-01. */
  static Parameters rising() {
    Parameters p = TestSupport.parameters();
    Parameters.Parameter now = p.parameters().get("emp.outpatient.deductible_min");
    TreeMap<LocalDate, Object> values = new TreeMap<>(now.values());
    values.put(LocalDate.of(2026, 7, 1), 400.0);
    return p.replacing(List.of(new Parameters.Parameter(now.key(), now.description(), now.unit(), now.clause(), values, now.note())));
  }

  static RunResult run(Parameters p, LocalDate day) {
    Checker checker = new Checker(CATALOGUE, p, TestSupport.engine());
    // 一级及以下 at 250 元: below the floor on both days
    String yaml = TestSupport.compliantWith("employee.outpatient.classes[2].deductible", 250);
    return new RunResult(day, List.of(checker.check(TestSupport.load(yaml), day)), List.of());
  }

  static String file(Map<String, ReportFiles.Content> files, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.get(name).writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void twoAsOfDatesGiveTwoSummariesInEveryWriter() throws IOException {
    Parameters p = rising();
    String before = "普通门诊统筹起付标准原则上不低于300元/年";
    String after = "普通门诊统筹起付标准原则上不低于400元/年";
    for (LocalDate day : List.of(BEFORE, AFTER)) {
      RunResult run = run(p, day);
      String want = day.equals(BEFORE) ? before : after;
      String other = day.equals(BEFORE) ? after : before;
      Map<String, ReportFiles.Content> files = ReportFiles.render(run, CATALOGUE, p);
      Map<String, String> texts = new TreeMap<>();
      for (String name : List.of("index.html", "report.md", "findings.csv")) {
        texts.put(name, file(files, name));
      }
      texts.put("text", new TextReport(CATALOGUE, p, false, true).write(run));
      texts.put("sarif", new SarifReport(CATALOGUE, p, "test").write(run, null));
      texts.put("github", new GithubReport(CATALOGUE, p, Gate.of(Gate.Level.warning, false)).write(run, null));
      for (Map.Entry<String, String> t : texts.entrySet()) {
        assertTrue(t.getValue().contains(want), t.getKey() + " as of " + day + " lacks " + want);
        assertFalse(t.getValue().contains(other), t.getKey() + " as of " + day + " says " + other);
      }

      // The JSON has no summaries: what it says of the rule (required value, message) is of the day too.
      JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file(files, "findings.json"));
      String floor = day.equals(BEFORE) ? "300" : "400";
      int seen = 0;
      for (JsonNode f : json.get("cities").get(0).get("findings")) {
        if (f.get("rule").asText().equals(RULE) && f.get("path").asText().endsWith("classes[2].deductible")) {
          assertTrue(f.get("expected").asText().contains(floor), day + ": " + f);
          seen++;
        }
      }
      assertEquals(1, seen, json.toString());
    }
  }
}
