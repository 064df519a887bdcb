package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON written city by city (check --format json) is the same text as the whole tree written at once. */
class JsonStreamTest {
  @TempDir Path dir;

  @Test
  void streamedTextIsTheTreeText() throws Exception {
    RunResult plain = Reports.run(TestSupport.compliant(), TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    RunResult withError = new RunResult(plain.asOf(), plain.cities(),
        List.of(new Diagnostic("x.yaml", 3, 4, Diagnostic.Severity.ERROR, "有误", "a: b")));
    for (RunResult run : List.of(plain, withError, new RunResult(plain.asOf(), List.of(), List.of()))) {
      StringWriter out = new StringWriter();
      JsonReport.write(run, null, out);
      assertEquals(JsonReport.write(run, null), out.toString());
    }

    Path old = dir.resolve("old");
    Gates.write(old, "a.yaml", TestSupport.compliant());
    Path now = Gates.write(dir.resolve("now"), "a.yaml", TestSupport.compliantWith("employee.contribution.base_ceiling_pct", 250));
    Comparison cmp = Gates.compare(old, now);
    StringWriter out = new StringWriter();
    JsonReport.write(cmp.run(), cmp, out);
    assertEquals(JsonReport.write(cmp.run(), cmp), out.toString());
    assertTrue(out.toString().contains("\"baseline\""), "with a baseline");
  }
}
