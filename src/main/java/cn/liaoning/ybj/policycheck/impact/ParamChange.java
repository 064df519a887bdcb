package cn.liaoning.ybj.policycheck.impact;

import java.time.LocalDate;

/**
 * One parameter of the overlay as it stands at the as-of date: its value in force without and with
 * the overlay. A parameter whose overlay values have not taken effect by then changes nothing.
 *
 * @param before the value in force without the overlay (Double, LocalDate, String or a map tier →
 *     Double), or null when none is
 * @param after the value in force with the overlay, or null
 * @param from the date from which {@code after} holds, or null
 * @param firstProposed the first date of the overlay's values (when they start to differ)
 * @param line 1-based line of the parameter's key in the overlay
 */
public record ParamChange(String key, String description, String unit, String clause, Object before, Object after,
    LocalDate from, LocalDate firstProposed, int line, int column) {
  /** The value in force without the overlay, in words with its unit ("三级 80%、二级 84%、一级及以下 88%"). */
  public String beforeText() {
    return Values.describe(before, unit);
  }

  /** What the overlay changes at the as-of date, in words ("三级 80% → 87%；二级、一级及以下不变"). */
  public String changeText() {
    return Values.change(before, after, unit);
  }

  /** Whether the overlay changes the value in force at the as-of date. */
  public boolean inForce() {
    return !java.util.Objects.equals(before, after);
  }
}
