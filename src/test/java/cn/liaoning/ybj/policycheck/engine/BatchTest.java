package cn.liaoning.ybj.policycheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of city files: each gets its own answer, whatever happens to another one. */
class BatchTest {
  @TempDir Path dir;

  @Test
  void aDefectWhileCheckingOneCityIsThatFilesErrorAndTheOthersAreStillChecked() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), TestSupport.compliant());
    Files.writeString(dir.resolve("b.yaml"), TestSupport.compliantWith("city", "出错市"));
    Files.writeString(dir.resolve("c.yaml"), TestSupport.compliantWith("city", "另一市"));
    List<Integer> progress = new ArrayList<>();
    RunResult run = new Batch(TestSupport.checker()).run(List.of(dir), TestSupport.AS_OF, (done, total) -> progress.add(done),
        // A check for a rule id the catalogue does not know: the checker treats it as its own defect.
        p -> p.city().equals("出错市")
            ? List.of(new Check("NO-SUCH-RULE", "", Outcome.PASS, null, "city", null, null, "defect"))
            : List.of());
    assertEquals(List.of("合规市", "另一市"), run.cities().stream().map(CityResult::city).toList());
    assertEquals(1, run.errors().size());
    Diagnostic d = run.errors().get(0);
    assertEquals(dir.resolve("b.yaml").toString(), d.file());
    assertEquals("检查时发生内部错误（IllegalStateException），这是检查工具的缺陷，请报告", d.message());
    assertTrue(run.hasErrors(), "the run ends with exit status 2");
    assertEquals(List.of(1, 2, 3), progress, "progress counts every file");
  }
}
