package cn.liaoning.ybj.policycheck.cli;

import static cn.liaoning.ybj.policycheck.testsupport.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy-check impact}: the cities' findings with and without a proposed adjustment of the
 * provincial parameters. Assertions are about what the overlay changes, not about absolute counts.
 */
class ImpactCommandTest {
  static final String GUIDELINE = "emp.inpatient.guideline_pct";
  static final String AS_OF = "2026-12-07";

  @TempDir Path dir;


  Path overlay(String yaml) throws IOException {
    Path p = dir.resolve("o.yaml");
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  Run impact(Path overlay, String... more) {
    List<String> args = new ArrayList<>(List.of("impact", overlay.toString(), "city-policies", "--as-of", AS_OF, "--format", "json"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** Every change but a mere rewording, as "city|kind|rule|class|causes". */
  static List<String> changes(JsonNode root) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : root.get("cities")) {
      for (JsonNode ch : c.get("changes")) {
        if (!ch.get("kind").asText().equals("requirement")) {
          List<String> causes = new ArrayList<>();
          ch.get("causes").forEach(x -> causes.add(x.asText()));
          out.add(c.get("city").asText() + "|" + ch.get("kind").asText() + "|" + ch.get("rule").asText() + "|"
              + ch.get("class").asText() + "|" + String.join(",", causes));
        }
      }
    }
    return out;
  }

  /**
   * The changes that bring or end a violation or move its deadline, as in {@link #changes}: what
   * "nothing else new" is about. (A rule that only changes between 待定 and 通过 — the
   * above-the-guideline rule once a class is no longer above it — is a change too, but not a new
   * violation.)
   */
  static List<String> violationChanges(JsonNode root) {
    return changes(root).stream().filter(c -> !c.contains("|status|")).toList();
  }

  static JsonNode city(JsonNode root, String name) {
    for (JsonNode c : root.get("cities")) {
      if (c.get("city").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no city " + name);
  }

  @Test
  void raisingTheTier3GuidelineTo87MakesShenyangsLargestTier3ClassAViolationAndNothingElse() throws IOException {
    Path o = overlay("# 三级医院职工住院指导线提高到 87%\nparameters:\n  " + GUIDELINE + ":\n    values:\n      2026-01-01: { tier3: 87 }\n");
    Run r = impact(o);
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode root = r.json();
    assertEquals(List.of("沈阳市|becomes_violation|EMP-INPATIENT-GUIDELINE|特大型三级|" + GUIDELINE), violationChanges(root));
    assertTrue(changes(root).stream().allMatch(c -> c.startsWith("沈阳市|")), changes(root).toString());
    // The rule that was waiting for the fund status now concludes from the ratio: one change, not a
    // finding gone and another come.
    assertEquals(1, changes(root).stream().filter(c -> c.equals("沈阳市|status|EMP-ABOVE-GUIDELINE-RISK|特大型三级|" + GUIDELINE)).count(),
        changes(root).toString());
    JsonNode ch = null;
    for (JsonNode c : city(root, "沈阳市").get("changes")) {
      if (c.get("kind").asText().equals("becomes_violation")) {
        ch = c;
      }
    }
    assertEquals(86, ch.get("after").get("actual").asInt());
    assertEquals("violation", ch.get("after").get("status").asText());
    assertTrue(!ch.get("before").get("status").asText().equals("violation"));
    assertTrue(ch.get("after").get("message").asText().contains("87%"), ch.toString());
    assertEquals("employee.inpatient.classes[4].in_service_pct", ch.get("path").asText());
    assertTrue(ch.get("after").get("deadline").isTextual(), "a new violation has its deadline");
    JsonNode p = root.get("parameters").get(0);
    assertEquals(80, p.get("before").get("tier3").asInt());
    assertEquals(87, p.get("after").get("tier3").asInt());
    assertEquals(84, p.get("after").get("tier2").asInt());
    assertEquals(1, root.get("summary").get("becomes_violation").asInt());
    assertEquals(1, root.get("summary").get("cities_affected").asInt());
    assertEquals(15, root.get("cities").size(), "every city is listed, affected or not");

    // The cities without the data cannot tell: listed apart, never as unaffected.
    Set<String> undetermined = new TreeSet<>();
    city(root, "大连市").get("undetermined").forEach(f -> undetermined.add(f.get("rule").asText()));
    assertTrue(undetermined.contains("EMP-INPATIENT-GUIDELINE"), undetermined.toString());

    Run text = run("impact", o.toString(), "city-policies", "--as-of", AS_OF);
    assertEquals(1, text.code());
    assertTrue(text.out().contains("✗ 变为违规　EMP-INPATIENT-GUIDELINE［特大型三级］"), text.out());
    assertTrue(text.out().contains("起因 " + GUIDELINE), text.out());
    assertTrue(text.out().contains("基准日有效值 三级 80% → 87%；二级、一级及以下不变"), text.out());
    assertTrue(text.out().contains("无法判断（缺数据"), text.out());
    assertTrue(text.out().contains("  大连市　EMP-INPATIENT-GUIDELINE"), text.out());
  }

  @Test
  void anOverlayNamingAParameterThatDoesNotExistIsAnErrorWithItsLine() throws IOException {
    Path o = overlay("parameters:\n  " + GUIDELINE + ":\n    values:\n      2026-01-01: { tier3: 87 }\n"
        + "  emp.inpatient.no_such_param:\n    values: { 2026-01-01: 90 }\n");
    Run r = impact(o);
    assertEquals(2, r.code());
    assertEquals("", r.out(), "nothing is compared");
    assertTrue(r.err().startsWith(o + ":5:3: 错误: 省级参数中没有“emp.inpatient.no_such_param”"), r.err());
    assertTrue(!r.err().contains("Exception"), r.err());
  }

  @Test
  void anOverlayNotYetInForceAtTheAsOfDateChangesNothingAndSaysSo() throws IOException {
    Path o = overlay("parameters:\n  " + GUIDELINE + ":\n    values:\n      2027-01-01: { tier3: 87 }\n");
    Run r = impact(o);
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(), changes(r.json()));
    assertTrue(!r.json().get("parameters").get(0).get("in_force").asBoolean());
    Run text = run("impact", o.toString(), "city-policies", "--as-of", AS_OF);
    assertTrue(text.out().contains("不改变有效值（三级 80%、二级 84%、一级及以下 88%；调整自 2027-01-01 起）"), text.out());
    Run later = run("impact", o.toString(), "city-policies", "--as-of", "2027-01-10", "--format", "json");
    assertEquals(List.of("沈阳市|becomes_violation|EMP-INPATIENT-GUIDELINE|特大型三级|" + GUIDELINE), violationChanges(later.json()));
  }

  @Test
  void aLaterDeadlineChangesTheDeadlineOfEveryViolation() throws IOException {
    Run check = run("check", "city-policies/shenyang.yaml", "--as-of", AS_OF, "--format", "json");
    JsonNode summary = check.json().get("summary");
    int due = summary.get("violation").asInt() + summary.get("warning").asInt();
    assertTrue(due > 0);
    Path o = overlay("parameters:\n  deadline.standard:\n    values: { 2025-06-30: 2027-06-30 }\n");
    Run r = impact(o, "city-policies/shenyang.yaml");
    assertEquals(0, r.code(), r.err());
    List<String> all = changes(r.json());
    assertEquals(due, all.size(), all.toString());
    for (JsonNode ch : city(r.json(), "沈阳市").get("changes")) {
      assertEquals("deadline", ch.get("kind").asText());
      assertEquals("2026-12-31", ch.get("before").get("deadline").asText());
      assertEquals("2027-06-30", ch.get("after").get("deadline").asText());
      assertEquals("deadline.standard", ch.get("causes").get(0).asText());
    }
  }

  @Test
  void eachChangeIsPutDownToTheParameterThatCausesIt() throws IOException {
    Path o = overlay("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: { tier3: 87 } }\n"
        + "  emp.outpatient.deductible_min:\n    values: { 2026-01-01: 200 }\n");
    Run r = impact(o, "city-policies/shenyang.yaml");
    List<String> all = changes(r.json());
    assertTrue(all.contains("沈阳市|becomes_violation|EMP-INPATIENT-GUIDELINE|特大型三级|" + GUIDELINE), all.toString());
    assertTrue(all.contains("沈阳市|stops_violation|EMP-OUTPATIENT-DEDUCT-MIN|一级及以下|emp.outpatient.deductible_min"), all.toString());
    for (String c : all) {
      assertTrue(!c.endsWith(GUIDELINE + ",emp.outpatient.deductible_min"), "each has one cause: " + c);
    }
  }

  @Test
  void anUnreadableCityFileIsShownAndTheOthersAreStillCompared() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "city: [\n", StandardCharsets.UTF_8);
    Path o = overlay("parameters:\n  " + GUIDELINE + ":\n    values: { 2026-01-01: { tier3: 87 } }\n");
    Run r = run("impact", o.toString(), bad.toString(), "city-policies/shenyang.yaml", "--as-of", AS_OF, "--format", "json");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith(bad + ":"), r.err());
    JsonNode root = r.json();
    assertEquals(1, root.get("errors").size());
    assertEquals(1, root.get("summary").get("files_with_errors").asInt());
    assertEquals(List.of("沈阳市|becomes_violation|EMP-INPATIENT-GUIDELINE|特大型三级|" + GUIDELINE), violationChanges(root));
    assertTrue(changes(root).stream().allMatch(c -> c.startsWith("沈阳市|")), changes(root).toString());
  }
}
