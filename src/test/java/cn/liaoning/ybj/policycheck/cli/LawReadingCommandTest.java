package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second reading of the law as a user meets it on the command line: waivers of in-principle texts, dated strengths, deadlines. */
class LawReadingCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static Map<String, Object> waiver(String rule, String ref) {
    return Map.of("rule", rule, "reason", "逐步调整", "approval_ref", ref, "expires", "2027-12-31");
  }

  /** 原则上应: a tier-3 ratio of 79% with an approved, unexpired waiver is waived, and the run exits 0. */
  @Test
  void aGuidelineShortfallWithAnApprovedWaiverIsWaivedAndExitsZero() throws IOException {
    Path f = write("guideline.yaml", TestSupport.compliantWith("employee.inpatient.classes[2].in_service_pct", 79,
        "waivers", List.of(waiver("EMP-INPATIENT-GUIDELINE", "辽医保函〔2026〕15号"))));
    Run r = Cli.run("check", f.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode city = new ObjectMapper().readTree(r.out()).get("cities").get(0);
    assertEquals(1, city.get("summary").get("waived").asInt(), r.out());
    assertEquals(0, city.get("summary").get("violation").asInt(), r.out());
    Run without = Cli.run("check", write("no-waiver.yaml",
        TestSupport.compliantWith("employee.inpatient.classes[2].in_service_pct", 79)).toString(), "--as-of", "2026-06-30");
    assertEquals(1, without.code(), without.out());
  }

  /** Under 3号 (before 2号) the 7%–8% band is in-principle: 6.5% with an approved waiver is no violation. */
  @Test
  void before2haoAnEmployerRateBelowTheBandWithAWaiverIsNoViolation() throws IOException {
    Path f = write("rate.yaml", TestSupport.compliantWith("employee.contribution.employer_rate_pct", 6.5,
        "employee.contribution.employer_combined_rate_pct", null,
        "waivers", List.of(waiver("EMP-RATE-EMPLOYER-BAND", "辽医保函〔2025〕5号"))));
    Run r = Cli.run("check", f.toString(), "--as-of", "2025-03-01", "--format", "json");
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode findings = new ObjectMapper().readTree(r.out()).get("cities").get(0).get("findings");
    for (JsonNode n : findings) {
      if (n.get("rule").asText().equals("EMP-RATE-EMPLOYER-BAND")) {
        assertEquals("waived", n.get("status").asText(), n.toString());
        assertEquals("in-principle", n.get("strength").asText(), n.toString());
      }
    }
    Run after = Cli.run("check", f.toString(), "--as-of", "2025-06-30");
    assertEquals(1, after.code(), "mandatory under 2号: " + after.out());
  }

  /** No violation in the JSON output without a deadline, at as-of dates from 2024-09-01 to 2028-12-31. */
  @Test
  void everyViolationInTheJsonHasADeadline() throws IOException {
    Path bad = write("bad.yaml", TestSupport.everythingWrong());
    ObjectMapper json = new ObjectMapper();
    int seen = 0;
    for (String day : List.of("2024-09-01", "2024-12-31", "2025-01-01", "2025-03-01", "2025-06-29", "2025-06-30", "2026-12-31",
        "2027-01-10", "2028-12-31")) {
      Run r = Cli.run("check", bad.toString(), "city-policies", "--as-of", day, "--format", "json");
      assertEquals(1, r.code(), day + ": " + r.err());
      for (JsonNode city : json.readTree(r.out()).get("cities")) {
        for (JsonNode f : city.get("findings")) {
          String status = f.get("status").asText();
          if (status.equals("violation") || status.equals("warning")) {
            seen++;
            assertFalse(f.get("deadline").isNull(), day + ": " + f);
            assertTrue(f.get("days_left").isNumber(), day + ": " + f);
          }
        }
      }
    }
    assertTrue(seen > 200, "violations seen: " + seen);
  }
}
