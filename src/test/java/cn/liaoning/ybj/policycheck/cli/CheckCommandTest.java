package cn.liaoning.ybj.policycheck.cli;

import static cn.liaoning.ybj.policycheck.testsupport.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a function: exit status, stdout and stderr. */
class CheckCommandTest {
  @TempDir Path dir;


  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void compliantCityExitsZero() throws IOException {
    Path f = write("ok.yaml", TestSupport.compliant());
    Run r = run("check", f.toString(), "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("合规市"), r.out());
    assertTrue(r.out().contains("违规 0"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void violationExitsOneAndShowsClauseValuesAndDeadline() throws IOException {
    Path f = write("bad.yaml", TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    Run r = run("check", f.toString(), "--as-of", "2026-06-30", "--color", "never");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("✗ 违规  EMP-BASE-CEILING"), r.out());
    assertTrue(r.out().contains("实际 250　要求 = 300%"), r.out());
    assertTrue(r.out().contains("条款 2号 一(一)3（强制）"), r.out());
    assertTrue(r.out().contains("期限 2026-12-31（还剩 184 天）"), r.out());
  }

  @Test
  void jsonFollowsTheOutputContract() throws IOException {
    Path f = write("bad.yaml", TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    Run r = run("check", f.toString(), "--as-of", "2027-01-10", "--format", "json");
    assertEquals(1, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("2027-01-10", root.get("as_of").asText());
    JsonNode city = root.get("cities").get(0);
    assertEquals("合规市", city.get("city").asText());
    assertEquals(f.toString(), city.get("file").asText());
    JsonNode v = null;
    for (JsonNode n : city.get("findings")) {
      for (String key : new String[] {"rule", "status", "strength", "clause", "message", "path", "line", "actual", "expected", "deadline", "days_left"}) {
        assertTrue(n.has(key), "finding lacks " + key + ": " + n);
      }
      if (n.get("rule").asText().equals("EMP-BASE-CEILING")) {
        v = n;
      }
    }
    assertEquals("violation", v.get("status").asText());
    assertEquals("mandatory", v.get("strength").asText());
    assertEquals("2号 一(一)3", v.get("clause").asText());
    assertEquals("employee.contribution.base_ceiling_pct", v.get("path").asText());
    assertEquals(250, v.get("actual").asInt());
    assertTrue(v.get("actual").isIntegralNumber(), "250, not 250.0");
    assertTrue(v.get("line").asInt() > 0);
    assertEquals("2026-12-31", v.get("deadline").asText());
    assertEquals(-10, v.get("days_left").asInt(), "overdue is negative");
  }

  @Test
  void oneBadFileDoesNotStopTheOthers() throws IOException {
    write("a-good.yaml", TestSupport.compliant());
    write("b-bad.yaml", "city: 错误市\nemployee:\n  annual_cap: 八万\n  anual_cap: 80000\n");
    Run r = run("check", dir.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(2, r.code());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(2, root.get("cities").size(), "the unreadable file is listed among the cities too");
    assertEquals("合规市", root.get("cities").get(0).get("city").asText());
    JsonNode bad0 = root.get("cities").get(1);
    assertTrue(bad0.get("unreadable").asBoolean(), bad0.toString());
    assertEquals("错误市", bad0.get("city").asText(), "its name, read from its city: line");
    assertEquals(0, bad0.get("findings").size());
    assertEquals(2, bad0.get("errors").size());
    assertEquals(1, root.get("summary").get("cities").asInt(), "summary.cities counts the cities checked");
    assertEquals(2, root.get("errors").size(), r.out());
    String bad = dir.resolve("b-bad.yaml").toString();
    assertTrue(r.err().contains(bad + ":3:15: 错误: "), r.err());
    assertTrue(r.err().contains(bad + ":4:3: 错误: 未知的键“anual_cap”"), r.err());
    assertTrue(r.err().contains("是否想写“annual_cap”"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void missingPathIsBadInput() {
    Run r = run("check", dir.resolve("nope.yaml").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nope.yaml: 错误: 文件或目录不存在"), r.err());
  }

  @Test
  void badDateIsAUsageError() {
    Run r = run("check", "--as-of", "2026-02-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("不是有效日期"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void waiverTurnsAnInPrincipleViolationIntoWaived() throws IOException {
    Path f = write("warn.yaml", TestSupport.compliantWith("employee.contribution.flexible_rate_pct", 7.5));
    // EMP-RATE-FLEXIBLE-BAND is in-principle: without a waiver it is a violation.
    Run waived = run("check", write("w.yaml", TestSupport.compliantWith(
        "employee.contribution.flexible_rate_pct", 7.5,
        "employee.contribution.flexible_with_account_rate_pct", 9.5,
        "waivers", java.util.List.of(java.util.Map.of("rule", "EMP-RATE-FLEXIBLE-BAND", "reason", "过渡期",
            "approval_ref", "辽医保函〔2026〕3号", "expires", "2027-12-31")))).toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, waived.code(), waived.out());
    assertTrue(waived.out().contains("\"status\" : \"waived\""), waived.out());
    assertTrue(waived.out().contains("\"state\" : \"honoured\""), waived.out());
    Run violation = run("check", f.toString(), "--as-of", "2026-06-30");
    assertEquals(1, violation.code());
  }

  @Test
  void helpDocumentsExitCodes() {
    Run r = run("check", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("退出状态"), r.out());
    assertTrue(r.out().contains("2   有文件无法读取或有误"), r.out());
  }
}
