package cn.liaoning.ybj.policycheck.engine;

/** What a DRL rule concluded, before strength, waivers and deadlines make it a {@link Status}. */
public enum Outcome {
  /** The requirement is met. */
  PASS,
  /** The requirement is not met: a violation or, for guidance rules, a warning. */
  FAIL,
  /** A sub-case the catalogue itself calls a warning (e.g. an inverted tier order). */
  WARN,
  /** The data needed is missing or ambiguous. */
  INDETERMINATE,
  /** The requirement does not apply to this city. */
  NOT_APPLICABLE
}
