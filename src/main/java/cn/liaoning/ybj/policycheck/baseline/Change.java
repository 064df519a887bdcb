package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.Checks;
import cn.liaoning.ybj.policycheck.policy.Doc;
import org.kie.api.definition.type.ClassReactive;

/**
 * A fact for the baseline-mode rules: one policy parameter whose value differs between the
 * baseline file and the proposed one (added, removed or changed).
 *
 * @param path the field path, e.g. {@code employee.outpatient.classes[3].deductible}
 * @param before the baseline value, or null when the field was not set there
 * @param after the proposed value, or null when the proposal no longer sets it
 * @param line 1-based line of the field (or of its nearest written ancestor) in the proposed file
 * @param source where the proposal says the value comes from ("id：title"), or null
 * @param entry data entry, not a policy change: the baseline file exists and did not know the
 *     value (null), and the proposal records it with a named {@code source}
 */
@ClassReactive
public record Change(String path, Object before, Object after, Integer line, String source, boolean entry) {
  /** A change as found by comparing two files, before its source is looked up. */
  public Change(String path, Object before, Object after, Integer line) {
    this(path, before, after, line, null, false);
  }

  /** The same change with the proposal's source of its value; an entry when {@code baselineExists}. */
  public Change withSource(String source, boolean baselineExists) {
    return new Change(path, before, after, line, source, baselineExists && before == null && after != null && source != null);
  }

  /** The baseline value as people write it ("未填" when not set). */
  public String beforeText() {
    return text(before);
  }

  /** The proposed value as people write it ("未填" when not set). */
  public String afterText() {
    return text(after);
  }

  /** "由 200 改为 100", "新增 300" or "删除（原为 200）". */
  public String describe() {
    if (before == null) {
      return "新增 " + afterText();
    }
    if (after == null) {
      return "删除（原为 " + beforeText() + "）";
    }
    return "由 " + beforeText() + " 改为 " + afterText();
  }

  static String text(Object v) {
    if (v == null) {
      return "未填";
    }
    if (v instanceof Number n) {
      return Checks.n(n);
    }
    if (v instanceof Doc.Range r) {
      return Checks.n(r.min()) + "–" + Checks.n(r.max());
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    return v.toString();
  }
}
