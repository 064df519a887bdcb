package cn.liaoning.ybj.policycheck.engine;

/** The status of a finding, as in the JSON output contract. */
public enum Status {
  VIOLATION("violation", "违规", 0),
  WARNING("warning", "警告", 1),
  INDETERMINATE("indeterminate", "待定", 2),
  WAIVED("waived", "已豁免", 3),
  PASS("pass", "通过", 4),
  NOT_APPLICABLE("not_applicable", "不适用", 5);

  public final String key;
  public final String label;
  /** Lower is worse; used to order findings and colour summaries. */
  public final int rank;

  Status(String key, String label, int rank) {
    this.key = key;
    this.label = label;
    this.rank = rank;
  }
}
