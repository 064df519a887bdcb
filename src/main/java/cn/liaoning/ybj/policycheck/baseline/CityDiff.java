package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.Finding;
import java.util.List;

/**
 * One city file compared with its baseline.
 *
 * @param baseline where the baseline file was read ({@code origin/main:city-policies/x.yaml}), or null
 * @param newFile true when there is no usable baseline file: every problem is new
 * @param deletedFile true when the baseline has the file and the proposal deleted it: the one
 *     current finding is the deletion itself (a new {@code PROC-APPROVAL} violation)
 * @param note why there is no usable baseline, in Chinese, or null
 * @param current the proposal's findings, in their order, each with its delta (null for a finding
 *     that is not a problem — pass, waived, not applicable — except the {@code PROC-APPROVAL}
 *     pass of a data entry, which is {@link Delta#ENTERED})
 * @param fixed the baseline's problems that the proposal no longer has
 * @param changes the parameters the proposal adds, removes or changes, in path order
 * @param notes what the proposal's {@code approvals} entries are worth a second look for: one dated
 *     after the as-of date (a warning: it approves nothing yet), one listing a field this change
 *     does not touch (a notice: stale, or the wrong field), in file order
 */
public record CityDiff(String baseline, boolean newFile, boolean deletedFile, String note, List<Entry> current, List<Entry> fixed,
    List<Change> changes, List<Note> notes) {
  public CityDiff {
    current = List.copyOf(current);
    fixed = List.copyOf(fixed);
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** How much a {@link Note} matters: a warning, or a notice. */
  public enum Level {
    WARNING("warning", "警告"),
    NOTICE("notice", "提示");

    public final String key;
    public final String label;

    Level(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /**
   * A remark on the proposal's approvals, at a place in the proposed file.
   *
   * @param path the field path of what it is about, e.g. {@code approvals[0].fields[1]}
   * @param line 1-based line in the proposed file, or null
   * @param column 1-based column, or null
   */
  public record Note(Level level, String path, Integer line, Integer column, String message) {}

  /**
   * A finding with its delta.
   *
   * @param finding for {@code current}, the proposal's finding; for {@code fixed}, the baseline's
   * @param other the finding at the same (rule, path) on the other side: for a current finding the
   *     baseline's (or null), for a fixed one the proposal's, e.g. the pass that replaced it (or null)
   * @param line 1-based line in the proposed file (for a fixed finding: of its field, or of the
   *     nearest ancestor still written), or null
   * @param column 1-based column in the proposed file, or null
   */
  public record Entry(Finding finding, Delta delta, Finding other, Integer line, Integer column) {
    /** Whether the other side's finding shows another value (e.g. a standing violation made worse). */
    public boolean valueChanged() {
      return other != null && !java.util.Objects.equals(other.actual(), finding.actual());
    }
  }

  /**
   * Whether the proposal changes nothing here that a reviewer must look at: no parameter changed
   * and no problem new, worse, fixed or entered (every problem as in the baseline).
   */
  public boolean unchanged() {
    if (newFile || deletedFile || !changes.isEmpty() || !fixed.isEmpty() || !notes.isEmpty()) {
      return false;
    }
    return current.stream().allMatch(e -> e.delta() == null || e.delta() == Delta.UNCHANGED);
  }

  /** The change of a parameter at this path, or null. */
  public Change change(String path) {
    for (Change c : changes) {
      if (c.path().equals(path)) {
        return c;
      }
    }
    return null;
  }

  /** The delta of one of the proposal's findings (by identity), or null. */
  public Delta deltaOf(Finding f) {
    for (Entry e : current) {
      if (e.finding() == f) {
        return e.delta();
      }
    }
    return null;
  }

  /** The current entry of one of the proposal's findings (by identity), or null. */
  public Entry entryOf(Finding f) {
    for (Entry e : current) {
      if (e.finding() == f) {
        return e;
      }
    }
    return null;
  }
}
