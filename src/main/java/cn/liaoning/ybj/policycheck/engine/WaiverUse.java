package cn.liaoning.ybj.policycheck.engine;

/**
 * What became of one waiver in a city file: honoured, or why not. Reported apart from findings,
 * so that an expired or unused waiver is seen.
 */
public record WaiverUse(String rule, String approvalRef, String expires, State state, String message, String path, Integer line) {
  /** The fate of a waiver. */
  public enum State {
    HONOURED("honoured", "已采用"),
    UNUSED("unused", "未使用"),
    EXPIRED("expired", "已过期"),
    NO_APPROVAL("no_approval", "缺少批准文号"),
    NOT_WAIVABLE("not_waivable", "规则不可豁免");

    public final String key;
    public final String label;

    State(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }
}
