package cn.liaoning.ybj.policycheck.baseline;

/** How a finding compares with the baseline. */
public enum Delta {
  /** A problem not in the baseline at this (city, rule, path) with this status: the change brings it. */
  NEW("new", "新增"),
  /**
   * A problem in the baseline with the same status whose value moved further from what the rule
   * requires ({@link Distance}): the change makes it worse. Fails the gate like a new one.
   */
  WORSENED("worsened", "恶化"),
  /** In the baseline, gone from the proposal: the change fixes it. */
  FIXED("fixed", "已修复"),
  /**
   * Data entry, not a policy change: a field that was unknown (null) now records the policy in
   * force with a named source (the {@code PROC-APPROVAL} pass), or a problem that only came to
   * light through such entries (the file changes nothing else). Does not fail the gate.
   */
  ENTERED("entered", "录入"),
  /** In the baseline and still in the proposal, no worse. */
  UNCHANGED("unchanged", "既有");

  public final String key;
  public final String label;

  Delta(String key, String label) {
    this.key = key;
    this.label = label;
  }
}
