package cn.liaoning.ybj.policycheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one fail-on decision: {@code --fail-on LEVEL} × {@code --fail-on-existing} × status × delta. */
class GateTest {
  /** Whether one finding fails, as the commands' help says. */
  private static boolean expected(Gate.Level level, boolean existing, Status s, Delta d) {
    boolean counted = s == Status.VIOLATION || s == Status.WARNING && level == Gate.Level.warning;
    if (!counted) {
      return false;
    }
    if (d == null || d == Delta.NEW || d == Delta.WORSENED) {
      return true; // without a baseline every problem counts; with one, what the proposal brought
    }
    return existing && (d == Delta.UNCHANGED || d == Delta.ENTERED); // FIXED never fails
  }

  @Test
  void theWholeDecisionTable() {
    for (Gate.Level level : Gate.Level.values()) {
      for (boolean existing : new boolean[] {false, true}) {
        Gate gate = Gate.of(level, existing);
        for (Status s : Status.values()) {
          for (Delta d : new Delta[] {null, Delta.NEW, Delta.WORSENED, Delta.FIXED, Delta.ENTERED, Delta.UNCHANGED}) {
            assertEquals(expected(level, existing, s, d), gate.fails(s, d),
                "--fail-on " + level + (existing ? " --fail-on-existing" : "") + "：" + s + " / " + d);
          }
        }
      }
    }
  }

  @Test
  void theDefaultIsViolationsWithoutExisting() {
    assertEquals(Gate.DEFAULT, Gate.of(Gate.Level.violation, false));
    assertFalse(Gate.DEFAULT.warningsFail());
    assertTrue(Gate.of(Gate.Level.warning, false).warningsFail());
  }

  @Test
  void aRunFailsWhenAnyFindingDoes() {
    CityResult warned = TestSupport.checkWith("employee.inpatient.overall_ratio_pct", 70);
    assertTrue(warned.has(Status.WARNING));
    assertFalse(warned.has(Status.VIOLATION));
    RunResult warnings = new RunResult(TestSupport.AS_OF, List.of(warned), List.of());
    assertFalse(Gate.of(Gate.Level.violation, false).fails(warnings, null));
    assertTrue(Gate.of(Gate.Level.warning, false).fails(warnings, null));

    RunResult clean = new RunResult(TestSupport.AS_OF, List.of(TestSupport.check(TestSupport.compliant())), List.of());
    assertFalse(Gate.of(Gate.Level.warning, true).fails(clean, null));
  }
}
