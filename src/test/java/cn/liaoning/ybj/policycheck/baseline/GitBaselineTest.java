package cn.liaoning.ybj.policycheck.baseline;

import static cn.liaoning.ybj.policycheck.testsupport.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.PolicyReader;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate end to end: a temporary git repository with a baseline commit, a proposed change in
 * the working tree, and {@code check --baseline HEAD} reading the baseline from git.
 */
class GitBaselineTest {
  @TempDir Path repo;
  Path cities;


  String git(String... args) throws IOException, InterruptedException {
    return Git.run(repo, args);
  }

  void write(String name, String text) throws IOException {
    Files.writeString(cities.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** A repository whose baseline commit holds Shenyang and the compliant city. */
  @BeforeEach
  void baselineCommit() throws Exception {
    cities = Files.createDirectories(repo.resolve("city-policies"));
    git("init", "-q");
    write("shenyang.yaml", Shenyang.text());
    write("compliant.yaml", TestSupport.compliant());
    git("add", ".");
    git("commit", "-q", "-m", "baseline");
  }

  Run check(String... more) {
    List<String> args = new ArrayList<>(List.of("check", cities.toString(), "--baseline", "HEAD", "--as-of", "2026-06-30", "--format", "json"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  static JsonNode city(JsonNode root, String name) {
    for (JsonNode c : root.get("cities")) {
      if (c.get("city").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no city " + name + " in " + root);
  }

  static List<JsonNode> findings(JsonNode city, String rule, String path) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : city.get("findings")) {
      if (f.get("rule").asText().equals(rule) && (path == null || path.equals(f.get("path").asText()))) {
        out.add(f);
      }
    }
    return out;
  }

  static JsonNode one(JsonNode city, String rule, String path) {
    List<JsonNode> f = findings(city, rule, path);
    assertEquals(1, f.size(), rule + " " + path + ": " + f);
    return f.get(0);
  }

  static JsonNode fixed(JsonNode city, String rule, String path) {
    for (JsonNode f : city.get("fixed")) {
      if (f.get("rule").asText().equals(rule) && path.equals(f.get("path").asText())) {
        return f;
      }
    }
    return null;
  }

  @Test
  void noChangeFailsNothingAndEveryProblemIsUnchanged() throws IOException {
    Run r = check();
    assertEquals(0, r.code(), r.err());
    JsonNode root = r.json();
    assertEquals("git:HEAD", root.get("baseline").get("ref").asText());
    assertEquals(0, root.get("baseline").get("new").get("violation").asInt());
    JsonNode sy = city(root, "沈阳市");
    assertEquals("HEAD:city-policies/shenyang.yaml", sy.get("baseline_file").asText());
    assertFalse(sy.get("new_file").asBoolean());
    for (JsonNode c : root.get("cities")) {
      assertFalse(c.get("deleted_file").asBoolean(), c.get("file").asText());
    }
    for (JsonNode f : sy.get("findings")) {
      String status = f.get("status").asText();
      boolean problem = status.equals("violation") || status.equals("warning") || status.equals("indeterminate");
      assertEquals(problem ? "unchanged" : null, f.get("change").isNull() ? null : f.get("change").asText(), f.toString());
    }
    assertEquals("pass", one(sy, "PROC-APPROVAL", "approvals").get("status").asText());
    assertEquals(0, sy.get("fixed").size());
  }

  @Test
  void loweringShenyangsDeductibleWithoutApprovalFailsOnTheChangedLines() throws IOException {
    // Lower the outpatient deductible further (200 → 100) and the base floor (60 → 50), no approval entry.
    write("shenyang.yaml", Shenyang.withBaseFloor(Shenyang.withDeductible(Shenyang.text(), 100), 50));
    Run r = check();
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode sy = city(r.json(), "沈阳市");

    JsonNode approval = one(sy, "PROC-APPROVAL", Shenyang.DEDUCTIBLE);
    assertEquals("violation", approval.get("status").asText());
    assertEquals("new", approval.get("change").asText());
    assertEquals(Shenyang.DEDUCTIBLE_LINE, approval.get("line").asInt());
    assertEquals(100, approval.get("actual").asInt());
    assertTrue(approval.get("message").asText().contains("由 200 改为 100"), approval.toString());

    JsonNode floorApproval = one(sy, "PROC-APPROVAL", Shenyang.FLOOR);
    assertEquals("violation", floorApproval.get("status").asText());
    assertEquals("new", floorApproval.get("change").asText());
    assertEquals(Shenyang.FLOOR_LINE, floorApproval.get("line").asInt());

    // An existing rule breaks: the floor below 60% is a new violation on its line.
    JsonNode floor = one(sy, "EMP-BASE-FLOOR", Shenyang.FLOOR);
    assertEquals("violation", floor.get("status").asText());
    assertEquals("new", floor.get("change").asText());
    assertEquals(Shenyang.FLOOR_LINE, floor.get("line").asInt());
    assertEquals("pass", floor.get("baseline").get("status").asText());

    // Problems the change did not touch stay unchanged and do not fail the gate.
    JsonNode flexible = one(sy, "EMP-BASE-FLEXIBLE", null);
    assertEquals("indeterminate", flexible.get("status").asText());
    assertEquals("unchanged", flexible.get("change").asText());
    assertTrue(r.json().get("baseline").get("new").get("violation").asInt() >= 3, "two PROC-APPROVAL and EMP-BASE-FLOOR");
    // The compliant city did not change.
    assertEquals("pass", one(city(r.json(), "合规市"), "PROC-APPROVAL", "approvals").get("status").asText());
  }

  @Test
  void loweringTheDeductibleMakesTheStandingViolationWorse() throws IOException {
    assumeTrue(Shenyang.hasDeductibleRule(), "EMP-OUTPATIENT-DEDUCT-MIN is not in this build (employee-benefit rules)");
    write("shenyang.yaml", Shenyang.withDeductible(Shenyang.text(), 100));
    Run r = check();
    assertEquals(1, r.code(), r.out());
    JsonNode sy = city(r.json(), "沈阳市");
    JsonNode min = one(sy, "EMP-OUTPATIENT-DEDUCT-MIN", Shenyang.DEDUCTIBLE);
    assertEquals("violation", min.get("status").asText());
    assertEquals(Shenyang.DEDUCTIBLE_LINE, min.get("line").asInt());
    assertEquals(100, min.get("actual").asInt());
    // Already below 300 yuan in the baseline (200), now further below: worsened, not unchanged.
    assertEquals("worsened", min.get("change").asText());
    assertEquals(200, min.get("baseline").get("actual").asInt());
    assertEquals(1, r.json().get("baseline").get("worsened").get("violation").asInt());
    assertEquals("new", one(sy, "PROC-APPROVAL", Shenyang.DEDUCTIBLE).get("change").asText());
  }

  @Test
  void aWorseViolationFailsTheGateEvenWithAnApproval() throws IOException {
    assumeTrue(Shenyang.hasDeductibleRule(), "EMP-OUTPATIENT-DEDUCT-MIN is not in this build (employee-benefit rules)");
    write("shenyang.yaml", Shenyang.withApproval(Shenyang.withDeductible(Shenyang.text(), 100), List.of(Shenyang.DEDUCTIBLE)));
    Run r = check();
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode sy = city(r.json(), "沈阳市");
    assertEquals("pass", one(sy, "PROC-APPROVAL", Shenyang.DEDUCTIBLE).get("status").asText(), "the change itself is approved");
    assertEquals("worsened", one(sy, "EMP-OUTPATIENT-DEDUCT-MIN", Shenyang.DEDUCTIBLE).get("change").asText());

    // Raised, still below 300 (200 → 250), with the same approval: no worse, the gate passes.
    write("shenyang.yaml", Shenyang.withApproval(Shenyang.withDeductible(Shenyang.text(), 250), List.of(Shenyang.DEDUCTIBLE)));
    Run better = check();
    assertEquals(0, better.code(), better.out() + better.err());
    assertEquals("unchanged", one(city(better.json(), "沈阳市"), "EMP-OUTPATIENT-DEDUCT-MIN", Shenyang.DEDUCTIBLE).get("change").asText());
  }

  @Test
  void raisingTheDeductibleTo300WithApprovalPassesAndReportsTheFix() throws IOException {
    assumeTrue(Shenyang.hasDeductibleRule(), "EMP-OUTPATIENT-DEDUCT-MIN is not in this build (employee-benefit rules)");
    write("shenyang.yaml", Shenyang.withApproval(Shenyang.withDeductible(Shenyang.text(), 300), List.of(Shenyang.DEDUCTIBLE)));
    Run r = check();
    assertEquals(0, r.code(), r.out());
    JsonNode sy = city(r.json(), "沈阳市");
    JsonNode approval = one(sy, "PROC-APPROVAL", Shenyang.DEDUCTIBLE);
    assertEquals("pass", approval.get("status").asText());
    assertTrue(approval.get("message").asText().contains(Shenyang.APPROVAL_REF), approval.toString());
    JsonNode fix = fixed(sy, "EMP-OUTPATIENT-DEDUCT-MIN", Shenyang.DEDUCTIBLE);
    assertNotNull(fix, sy.get("fixed").toString());
    assertEquals("fixed", fix.get("change").asText());
    assertEquals("violation", fix.get("status").asText());
    assertEquals(200, fix.get("actual").asInt());
    assertEquals(Shenyang.DEDUCTIBLE_LINE, fix.get("line").asInt());
    assertEquals("pass", fix.get("now").get("status").asText());
    assertEquals(300, fix.get("now").get("actual").asInt());
  }

  @Test
  void raisingWithApprovalOnTheRulesOfThisBuild() throws Exception {
    // Baseline: floor at 50% (a violation). Proposal: back to 60% with an approval naming its parent path.
    write("shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    git("commit", "-q", "-am", "floor 50");
    write("shenyang.yaml", Shenyang.withApproval(Shenyang.text(), List.of("employee.contribution")));
    Run r = check();
    assertEquals(0, r.code(), r.out());
    JsonNode sy = city(r.json(), "沈阳市");
    assertEquals("pass", one(sy, "PROC-APPROVAL", Shenyang.FLOOR).get("status").asText());
    JsonNode fix = fixed(sy, "EMP-BASE-FLOOR", Shenyang.FLOOR);
    assertNotNull(fix, sy.get("fixed").toString());
    assertEquals("violation", fix.get("status").asText());
    assertEquals(50, fix.get("actual").asInt());
    assertEquals("pass", fix.get("now").get("status").asText());
    assertEquals(Shenyang.FLOOR_LINE, fix.get("line").asInt());
    assertEquals(1, r.json().get("baseline").get("fixed").get("violation").asInt());
    assertEquals("pass", one(sy, "EMP-BASE-FLOOR", Shenyang.FLOOR).get("status").asText());
  }

  @Test
  void existingViolationsAreReportedNotFailedUnlessAsked() throws Exception {
    write("shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    git("commit", "-q", "-am", "floor 50");
    Run r = check();
    assertEquals(0, r.code(), r.out());
    JsonNode floor = one(city(r.json(), "沈阳市"), "EMP-BASE-FLOOR", Shenyang.FLOOR);
    assertEquals("violation", floor.get("status").asText());
    assertEquals("unchanged", floor.get("change").asText());
    assertEquals(1, check("--fail-on-existing").code());
  }

  @Test
  void unapprovedChangeFailsEvenWhenItFixesSomething() throws Exception {
    write("shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    git("commit", "-q", "-am", "floor 50");
    write("shenyang.yaml", Shenyang.text());
    Run r = check();
    assertEquals(1, r.code(), r.out());
    JsonNode sy = city(r.json(), "沈阳市");
    assertNotNull(fixed(sy, "EMP-BASE-FLOOR", Shenyang.FLOOR));
    assertEquals("new", one(sy, "PROC-APPROVAL", Shenyang.FLOOR).get("change").asText());
  }

  /**
   * A baseline file is read from git whole up to the size limit of a city file: one just under the
   * limit is read as it is (the header git writes before it takes no room from it); one over the
   * limit is reported as unreadable, and the proposal is checked as a new file.
   */
  @Test
  void baselineFilesAtTheSizeLimit() throws Exception {
    String text = TestSupport.compliantWith("city", "边界市", "code", "2199");
    // The padding comes first, so that a file cut short would lose its last fields, not padding.
    String padded = "#".repeat(PolicyReader.MAX_BYTES - text.getBytes(StandardCharsets.UTF_8).length - 1) + "\n" + text;
    assertEquals(PolicyReader.MAX_BYTES, padded.getBytes(StandardCharsets.UTF_8).length);
    write("atlimit.yaml", padded);
    write("overlimit.yaml", TestSupport.compliantWith("city", "超限市", "code", "2197") + "#".repeat(PolicyReader.MAX_BYTES) + "\n");
    git("add", ".");
    git("commit", "-q", "-m", "two large baseline files");
    write("atlimit.yaml", text);
    write("overlimit.yaml", TestSupport.compliantWith("city", "超限市", "code", "2197"));

    JsonNode root = check().json();
    JsonNode at = city(root, "边界市");
    assertFalse(at.get("new_file").asBoolean(), at.toString());
    assertTrue(at.get("baseline_note").isNull(), at.get("baseline_note").toString());
    assertEquals("HEAD:city-policies/atlimit.yaml", at.get("baseline_file").asText());
    assertTrue(findings(at, "PROC-APPROVAL", null).stream().noneMatch(f -> f.get("status").asText().equals("violation")),
        "the baseline is the proposal's text: no changed field needs an approval");
    JsonNode over = city(root, "超限市");
    assertTrue(over.get("baseline_note").asText().contains("基线文件无法读取"), over.get("baseline_note").toString());
  }

  @Test
  void aCityFileNotInTheBaselineIsNew() throws IOException {
    write("newcity.yaml", TestSupport.compliantWith("city", "新市", "code", "2198"));
    Run r = check();
    assertEquals(1, r.code(), r.out());
    JsonNode c = city(r.json(), "新市");
    assertTrue(c.get("new_file").asBoolean());
    assertTrue(c.get("baseline_note").asText().contains("新城市文件"), c.get("baseline_note").toString());
    assertTrue(c.get("baseline_file").isNull());
    List<JsonNode> approvals = findings(c, "PROC-APPROVAL", null);
    assertTrue(approvals.size() > 50);
    assertTrue(approvals.stream().allMatch(f -> f.get("change").asText().equals("new") && f.get("status").asText().equals("violation")));
    assertEquals("not_applicable", one(c, "EMP-RATE-EMPLOYER-STABLE", null).get("status").asText());
  }

  @Test
  void anOlderRevisionByNameAndNothingIsCheckedOut() throws Exception {
    write("shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    git("commit", "-q", "-am", "floor 50");
    git("tag", "before-floor", "HEAD~1");
    Run r = run("check", cities.resolve("shenyang.yaml").toString(), "--baseline", "before-floor", "--as-of", "2026-06-30", "--format", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode sy = city(r.json(), "沈阳市");
    assertEquals("before-floor:city-policies/shenyang.yaml", sy.get("baseline_file").asText());
    assertEquals("new", one(sy, "EMP-BASE-FLOOR", Shenyang.FLOOR).get("change").asText());
    assertEquals("", git("status", "--porcelain"), "reading the baseline must not touch the work tree");
    assertTrue(git("rev-parse", "--abbrev-ref", "HEAD").strip().equals("main"));
  }

  @Test
  void aDirectoryBaselineMatchesByRelativePathOrName(@TempDir Path old) throws IOException {
    Files.writeString(old.resolve("shenyang.yaml"), Shenyang.text(), StandardCharsets.UTF_8);
    write("shenyang.yaml", Shenyang.withDeductible(Shenyang.text(), 100));
    Run r = run("check", cities.resolve("shenyang.yaml").toString(), "--baseline", old.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode sy = city(r.json(), "沈阳市");
    assertEquals(old.resolve("shenyang.yaml").toString(), sy.get("baseline_file").asText());
    assertEquals("new", one(sy, "PROC-APPROVAL", Shenyang.DEDUCTIBLE).get("change").asText());
  }

  @Test
  void unknownRevisionIsAUsageError() {
    Run r = run("check", cities.toString(), "--baseline", "no-such-branch", "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("基线版本“no-such-branch”"), r.err());
    assertEquals("", r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void revisionOutsideARepositoryIsAUsageError(@TempDir Path plain) throws IOException {
    Files.writeString(plain.resolve("x.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Run r = run("check", plain.resolve("x.yaml").toString(), "--baseline", "HEAD", "--as-of", "2026-06-30");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("须在 git 仓库中"), r.err());
  }

  @Test
  void textReportMarksNewUnchangedAndFixed() throws Exception {
    write("shenyang.yaml", Shenyang.withBaseFloor(Shenyang.text(), 50));
    git("commit", "-q", "-am", "floor 50");
    write("shenyang.yaml", Shenyang.withDeductible(Shenyang.text(), 100));
    Run r = run("check", cities.resolve("shenyang.yaml").toString(), "--baseline", "HEAD", "--as-of", "2026-06-30", "--color", "never");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("基线 git:HEAD"), r.out());
    assertTrue(r.out().contains("✗ 违规 ［新增］  PROC-APPROVAL"), r.out());
    assertTrue(r.out().contains("? 待定 ［既有］  EMP-BASE-FLEXIBLE"), r.out());
    assertTrue(r.out().contains("✓ 已修复  EMP-BASE-FLOOR"), r.out());
    assertTrue(r.out().contains("现在 通过，实际 60"), r.out());
    assertTrue(r.out().contains("与基线 git:HEAD 相比：新增违规 2 项"), r.out());
  }

  @Test
  void deletingACityFileFailsTheGate() throws Exception {
    git("rm", "-q", "city-policies/shenyang.yaml");
    Run r = check();
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode root = r.json();
    assertEquals(1, root.get("baseline").get("new").get("violation").asInt());
    JsonNode sy = city(root, "沈阳市");
    assertEquals("2101", sy.get("code").asText());
    assertEquals(cities.resolve("shenyang.yaml").toString(), sy.get("file").asText());
    assertEquals("HEAD:city-policies/shenyang.yaml", sy.get("baseline_file").asText());
    assertTrue(sy.get("deleted_file").asBoolean());
    assertFalse(sy.get("new_file").asBoolean());
    assertEquals(1, sy.get("findings").size(), sy.toString());
    JsonNode f = one(sy, "PROC-APPROVAL", null);
    assertEquals("violation", f.get("status").asText());
    assertEquals("new", f.get("change").asText());
    assertEquals("文件已删除", f.get("actual").asText());
    assertTrue(f.get("deadline").isNull(), "a process finding is due before the merge, not by the regulation's deadline: " + f);
    assertTrue(f.get("source").isNull(), f.toString());
    assertTrue(f.get("message").asText().contains("沈阳市的全部政策参数"), f.toString());
    assertEquals(0, sy.get("fixed").size(), "the deleted city's violations are gone, not fixed");
    assertFalse(city(root, "合规市").get("deleted_file").asBoolean());

    Run gh = run("check", cities.toString(), "--baseline", "HEAD", "--as-of", "2026-06-30", "--format", "github");
    assertEquals(1, gh.code());
    assertTrue(gh.out().contains("::error file=" + cities.resolve("shenyang.yaml") + ",title=沈阳市 PROC-APPROVAL（新增）"), gh.out());

    Run text = run("check", cities.toString(), "--baseline", "HEAD", "--as-of", "2026-06-30", "--color", "never");
    assertEquals(1, text.code());
    assertTrue(text.out().contains("合计　1 个统筹区已检查，1 个城市文件已删除"), text.out());
    assertTrue(text.out().contains("基线中有该城市文件，提议中已删除"), text.out());

    // Checking only the remaining file names no directory: nothing is reported as deleted.
    Run one = run("check", cities.resolve("compliant.yaml").toString(), "--baseline", "HEAD", "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, one.code(), one.out());
    assertEquals(1, one.json().get("cities").size());
  }

  @Test
  void aDirectoryBaselineReportsTheFilesTheProposalDeleted(@TempDir Path old) throws IOException {
    Files.writeString(old.resolve("shenyang.yaml"), Shenyang.text(), StandardCharsets.UTF_8);
    Files.writeString(old.resolve("compliant.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Files.writeString(old.resolve("gone.yaml"), TestSupport.compliantWith("city", "旧市", "code", "2198"), StandardCharsets.UTF_8);
    Files.writeString(old.resolve("notes.txt"), "不是城市文件", StandardCharsets.UTF_8);
    Run r = run("check", cities.toString(), "--baseline", old.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode gone = city(r.json(), "旧市");
    assertTrue(gone.get("deleted_file").asBoolean());
    assertEquals(cities.resolve("gone.yaml").toString(), gone.get("file").asText());
    assertEquals("new", one(gone, "PROC-APPROVAL", null).get("change").asText());
    assertEquals(3, r.json().get("cities").size(), "notes.txt is no city file");
  }

  @Test
  void insertingAnApprovedClassLeavesTheOtherClassesAndTheirFindingsAlone() throws Exception {
    // A new outpatient class right after the first one: the four classes after it move down one index.
    String first = "      - { name: 特三级, tier: 3, deductible: 600, in_service_pct: 50, retired_pct: 55 }\n";
    String yaml = Shenyang.withApproval(Shenyang.text(), List.of("employee.outpatient.classes[1]"));
    assertTrue(yaml.contains(first));
    write("shenyang.yaml", yaml.replace(first, first + "      - { name: 社区, tier: 1, deductible: 300, in_service_pct: 80, retired_pct: 85 }\n"));
    Run r = check();
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode sy = city(r.json(), "沈阳市");
    List<JsonNode> approvals = findings(sy, "PROC-APPROVAL", null);
    assertEquals(5, approvals.size(), approvals.toString()); // the five fields of the new class, nothing else
    assertTrue(approvals.stream().allMatch(f -> f.get("path").asText().startsWith("employee.outpatient.classes[1].")
        && f.get("status").asText().equals("pass")), approvals.toString());
    assertEquals(0, sy.get("fixed").size(), sy.get("fixed").toString());
    if (Shenyang.hasDeductibleRule()) {
      // 一级及以下 keeps its 200 deductible, now at index 4: the same violation, not a new one.
      JsonNode d = one(sy, "EMP-OUTPATIENT-DEDUCT-MIN", "employee.outpatient.classes[4].deductible");
      assertEquals("violation", d.get("status").asText());
      assertEquals("unchanged", d.get("change").asText());
      assertEquals(Shenyang.DEDUCTIBLE_LINE, d.get("baseline").get("line").asInt(), d.toString()); // its line in the baseline
      assertEquals(Shenyang.DEDUCTIBLE_LINE + 1, d.get("line").asInt());
    }
  }

  @Test
  void removingAClassIsOneUnapprovedChangeAndItsFindingsAreGone() throws Exception {
    String third = "      - { name: 三级, tier: 3, deductible: 400, in_service_pct: 55, retired_pct: 60 }\n";
    assertTrue(Shenyang.text().contains(third));
    write("shenyang.yaml", Shenyang.text().replace(third, ""));
    Run r = check();
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode sy = city(r.json(), "沈阳市");
    JsonNode f = one(sy, "PROC-APPROVAL", "employee.outpatient.classes");
    assertEquals("violation", f.get("status").asText());
    assertEquals("new", f.get("change").asText());
    assertTrue(f.get("message").asText().startsWith("删除（原为 类别 三级）"), f.toString());
    assertEquals(1, r.json().get("baseline").get("new").get("violation").asInt(), "only the removal is new");
  }
}
