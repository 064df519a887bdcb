package cn.liaoning.ybj.policycheck.regulation;

/** How binding a requirement is, and so what a failed check becomes (rule catalogue, "Strength"). */
public enum Strength {
  /** 不低于, 不超过, 应 …: a failure is a violation. */
  MANDATORY("mandatory", "强制"),
  /** 原则上 …: a violation, unless the city holds a valid waiver. */
  IN_PRINCIPLE("in-principle", "原则性"),
  /** …左右, 可适当 …: a failure is a warning. */
  GUIDANCE("guidance", "指导性");

  public final String key;
  public final String label;

  Strength(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public static Strength of(String key) {
    for (Strength s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown strength: " + key);
  }
}
