package cn.liaoning.ybj.policycheck.cli;

import java.util.function.Function;

/** Lets tests in other packages give {@code check} an environment variable (GITHUB_STEP_SUMMARY). */
public final class TestEnvironment {
  private TestEnvironment() {}

  /** Sets one variable for {@code check}; returns what to restore. */
  public static synchronized Function<String, String> set(String name, String value) {
    Function<String, String> before = CheckCommand.environment;
    CheckCommand.environment = n -> n.equals(name) ? value : before.apply(n);
    return before;
  }

  public static synchronized void restore(Function<String, String> before) {
    CheckCommand.environment = before;
  }
}
