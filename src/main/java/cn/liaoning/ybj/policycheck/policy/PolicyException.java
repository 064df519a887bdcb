package cn.liaoning.ybj.policycheck.policy;

import java.util.List;

/** A file could not be read as a city policy; carries every problem found, not just the first. */
public final class PolicyException extends Exception {
  private final List<Diagnostic> diagnostics;

  public PolicyException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "invalid policy file" : diagnostics.get(0).format(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
