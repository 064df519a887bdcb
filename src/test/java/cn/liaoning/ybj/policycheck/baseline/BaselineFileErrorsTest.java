package cn.liaoning.ybj.policycheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In baseline mode, one file whose baseline cannot be read is reported and the others are
 * checked, as in a plain check (it used to end the run: exit 2 and nothing on stdout); and a file
 * outside the checked folder, or outside the baseline directory, is never read.
 */
class BaselineFileErrorsTest {
  static final String SECRET = "root:$6$SECRET-SALT$SECRET-HASH:19000:0:99999:7:::\nunknown_key: SECRET-VALUE\n";

  @TempDir Path repo;
  @TempDir Path elsewhere;
  Path cities;

  String git(String... args) throws IOException, InterruptedException {
    return Git.run(repo, args);
  }

  @BeforeEach
  void baselineCommit() throws Exception {
    cities = Files.createDirectories(repo.resolve("city-policies"));
    git("init", "-q");
    Files.writeString(cities.resolve("shenyang.yaml"), Shenyang.text(), StandardCharsets.UTF_8);
    Files.writeString(cities.resolve("compliant.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    git("add", ".");
    git("commit", "-q", "-m", "baseline");
  }

  Run check(String baseline, String format) {
    return Cli.run("check", cities.toString(), "--baseline", baseline, "--as-of", "2026-06-30", "--format", format);
  }

  @Test
  void aLinkOutOfTheRepositoryIsReportedAndTheOthersAreCompared() throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("shadow"), SECRET);
    Files.createSymbolicLink(cities.resolve("zz.yaml"), secret);
    for (String format : List.of("github", "json", "text")) {
      Run r = check("git:HEAD", format);
      assertEquals(2, r.code(), r.err());
      assertFalse(r.out().isEmpty(), "the other files are checked and reported");
      assertFalse((r.out() + r.err()).contains("SECRET"), r.out() + r.err());
      assertTrue(r.err().contains(cities.resolve("zz.yaml") + ": 错误: 符号链接指向所检查的文件夹之外"), r.err());
    }
    JsonNode json = check("git:HEAD", "json").json();
    assertEquals(2, checked(json));
    assertEquals(1, json.get("errors").size());
  }

  @Test
  void oneUnreadableBaselineFileStopsNothingElse() throws Exception {
    // At the baseline, compliant.yaml was a folder: git has a tree there, not a file.
    git("rm", "-q", "city-policies/compliant.yaml");
    Files.createDirectories(cities.resolve("compliant.yaml"));
    Files.writeString(cities.resolve("compliant.yaml/inner.txt"), "x");
    git("add", ".");
    git("commit", "-q", "-m", "a folder named like a city file");
    Files.delete(cities.resolve("compliant.yaml/inner.txt"));
    Files.delete(cities.resolve("compliant.yaml"));
    Files.writeString(cities.resolve("compliant.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);

    Run r = check("git:HEAD", "json");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(cities.resolve("compliant.yaml") + ": 错误: 无法读取它的基线：无法从 git 读取基线文件 HEAD:city-policies/compliant.yaml"),
        r.err());
    JsonNode json = r.json();
    assertEquals(1, checked(json), "Shenyang is still compared");
    assertEquals("沈阳市", json.get("cities").get(0).get("city").asText());
    assertEquals("HEAD:city-policies/shenyang.yaml", json.get("cities").get(0).get("baseline_file").asText());
  }

  @Test
  void aBaselineDirectoryFileThatLinksOutIsNotRead(@TempDir Path base) throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("shadow"), SECRET);
    Files.createSymbolicLink(base.resolve("shenyang.yaml"), secret);
    Files.writeString(base.resolve("compliant.yaml"), TestSupport.compliant(), StandardCharsets.UTF_8);
    Run r = check("dir:" + base, "github");
    assertEquals(2, r.code(), r.err());
    assertFalse((r.out() + r.err()).contains("SECRET"), r.out() + r.err());
    assertTrue(r.err().contains(cities.resolve("shenyang.yaml") + ": 错误: 无法读取它的基线：基线文件 " + base.resolve("shenyang.yaml")
        + " 是指向基线目录之外的符号链接"), r.err());
    JsonNode json = check("dir:" + base, "json").json();
    assertEquals(1, checked(json), "the compliant city is still compared");
  }

  /** The cities that were checked (an unreadable file is listed among the cities too, marked unreadable). */
  static long checked(JsonNode json) {
    long n = 0;
    for (JsonNode c : json.get("cities")) {
      if (!c.path("unreadable").asBoolean(false)) {
        n++;
      }
    }
    return n;
  }
}
