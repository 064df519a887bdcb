package cn.liaoning.ybj.policycheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.cli.Main;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import cn.liaoning.ybj.policycheck.testsupport.Git;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which baseline {@code --baseline} names: a proposal must never be able to supply its own
 * baseline. A pull request that commits copies of its own files under {@code origin/main/} would
 * otherwise make the baseline equal to the proposal, so that no change is seen and no approval
 * asked for.
 */
class BaselineKindTest {
  @TempDir Path repo;
  Path cities;

  String git(String... args) throws IOException, InterruptedException {
    return Git.run(repo, args);
  }

  /** main holds Shenyang as it is; origin/main points at it, as after a fetch. */
  @BeforeEach
  void repository() throws Exception {
    cities = Files.createDirectories(repo.resolve("city-policies"));
    git("init", "-q");
    Files.writeString(cities.resolve("shenyang.yaml"), Shenyang.text(), StandardCharsets.UTF_8);
    git("add", ".");
    git("commit", "-q", "-m", "baseline");
    git("update-ref", "refs/remotes/origin/main", "HEAD");
  }

  /** The proposal: a deductible lowered without approval, and a copy of itself under origin/main/. */
  void hostileProposal() throws Exception {
    git("checkout", "-q", "-b", "lower-deductible");
    Files.writeString(cities.resolve("shenyang.yaml"), Shenyang.withDeductible(Shenyang.text(), 100), StandardCharsets.UTF_8);
    Path copy = Files.createDirectories(repo.resolve("origin/main/city-policies"));
    Files.copy(cities.resolve("shenyang.yaml"), copy.resolve("shenyang.yaml"));
    git("add", ".");
    git("commit", "-q", "-m", "lower the deductible");
  }

  /** The real command line, run from the repository root as CI runs it. */
  Run cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = repo.resolve("../" + repo.getFileName() + ".out");
    Path err = repo.resolve("../" + repo.getFileName() + ".err");
    Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the check ends");
    try {
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void aProposalThatCommitsItsOwnBaselineDoesNotPassTheGate() throws Exception {
    hostileProposal();
    Run bare = cli("check", "city-policies", "--baseline", "origin/main", "--as-of", "2026-06-30", "--format", "github");
    assertEquals(2, bare.code(), bare.out() + bare.err());
    assertTrue(bare.err().contains("基线“origin/main”有歧义"), bare.err());
    assertTrue(bare.err().contains("--baseline git:origin/main") && bare.err().contains("--baseline dir:origin/main"), bare.err());
    assertEquals("", bare.out(), "nothing is checked against a baseline nobody chose");

    Run rev = cli("check", "city-policies", "--baseline", "git:origin/main", "--as-of", "2026-06-30", "--format", "json");
    assertEquals(1, rev.code(), rev.err());
    var json = new ObjectMapper().readTree(rev.out());
    assertEquals("git:origin/main", json.get("baseline").get("ref").asText(), "the output says which kind of baseline");
    assertTrue(json.get("baseline").get("new").get("violation").asInt() >= 1, rev.out());
    assertTrue(rev.out().contains("\"PROC-APPROVAL\""), rev.out());

    // Asked for by name, the directory is what is compared with (and the output says so).
    Run dir = cli("check", "city-policies", "--baseline", "dir:origin/main", "--as-of", "2026-06-30", "--color", "never");
    assertEquals(0, dir.code(), dir.out() + dir.err());
    assertTrue(dir.out().contains("基线 dir:origin/main"), dir.out());
    assertTrue(dir.err().contains("基线为 目录 " + repo.resolve("origin/main").toRealPath()), dir.err());
  }

  @Test
  void aBareNameIsADirectoryOnlyWhenNoRevisionHasIt(@TempDir Path old) throws Exception {
    assertInstanceOf(BaselineSource.Directory.class, BaselineSource.open(old.toString(), List.of(cities)));
    assertEquals("dir:" + old, BaselineSource.open(old.toString(), List.of(cities)).ref());
    BaselineSource rev = BaselineSource.open("origin/main", List.of(cities));
    assertInstanceOf(BaselineSource.GitRevision.class, rev);
    assertEquals("git:origin/main", rev.ref());
    assertInstanceOf(BaselineSource.GitRevision.class, BaselineSource.open("git:" + old, List.of(cities)),
        "git: is a revision, whatever the file system has");
  }

  @Test
  void theExplicitFormsRefuseWhatTheyCannotBe() {
    BaselineException noDir = assertThrows(BaselineException.class,
        () -> BaselineSource.open("dir:" + repo.resolve("no-such-folder"), List.of(cities)));
    assertTrue(noDir.getMessage().contains("不存在或不是目录"), noDir.getMessage());
    for (String bad : List.of("git:", "git:-x", "git:--output=/tmp/x", "dir:", "", " ")) {
      assertThrows(BaselineException.class, () -> BaselineSource.open(bad, List.of(cities)), bad);
    }
  }

  @Test
  void everyOutputFormatNamesTheKindOfBaseline() throws Exception {
    Files.writeString(cities.resolve("shenyang.yaml"), Shenyang.withDeductible(Shenyang.text(), 100), StandardCharsets.UTF_8);
    Run text = Cli.run("check", cities.toString(), "--baseline", "git:HEAD", "--as-of", "2026-06-30",
        "--color", "never");
    assertEquals(1, text.code(), text.err());
    assertTrue(text.out().contains("基线 git:HEAD"), text.out());
    Run sarif = Cli.run("check", cities.toString(), "--baseline", "git:HEAD", "--as-of", "2026-06-30",
        "--format", "sarif");
    assertTrue(sarif.out().contains("\"baseline\" : \"git:HEAD\""), sarif.out());
    String head = git("rev-parse", "HEAD").strip();
    for (String format : List.of("text", "json", "sarif", "junit", "github")) {
      Run r = Cli.run("check", cities.toString(), "--baseline", "HEAD", "--as-of", "2026-06-30",
          "--format", format);
      assertEquals(1, r.code(), r.err());
      // stderr, whatever the format: the kind and the commit compared with
      assertEquals("policy-check: 基线为 git 版本 HEAD（提交 " + head + "）\n", r.err().replace("\r", ""), format);
    }
    try (Stream<Path> s = Files.list(repo)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("origin")), "nothing written into the repository");
    }
  }
}
