package cn.liaoning.ybj.policycheck.baseline;

/** How a problem (violation, warning, indeterminate) compares with the baseline. */
public enum Delta {
  /** Not in the baseline at this (city, rule, path) with this status: the change brings it. */
  NEW("new", "新增"),
  /** In the baseline, gone from the proposal: the change fixes it. */
  FIXED("fixed", "已修复"),
  /** In the baseline and still in the proposal. */
  UNCHANGED("unchanged", "既有");

  public final String key;
  public final String label;

  Delta(String key, String label) {
    this.key = key;
    this.label = label;
  }
}
