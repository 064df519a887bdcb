package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.policy.Approval;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Position;
import cn.liaoning.ybj.policycheck.policy.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reviewer should look at again in the proposal's {@code approvals} (the loader has already
 * refused paths the format does not have):
 *
 * <ul>
 *   <li>an approval dated after the as-of date — a warning: an approval not yet given approves
 *       nothing ({@code PROC-APPROVAL} does not count it);
 *   <li>an approval entry this proposal adds or edits that lists a field the proposal does not
 *       change, or covers the whole file when nothing changed — a notice: a stale entry, or the
 *       wrong field. Entries already in the baseline are the record of earlier changes and are
 *       left alone.
 * </ul>
 */
final class ApprovalNotes {
  private ApprovalNotes() {}

  /**
   * @param base the baseline policy, or null when there is none
   * @param changes the parameters the proposal changes
   */
  static List<CityDiff.Note> of(CityPolicy base, CityPolicy proposal, List<Change> changes, LocalDate asOf) {
    List<CityDiff.Note> out = new ArrayList<>();
    List<Approval> earlier = base == null ? List.of() : base.approvals();
    for (Approval a : proposal.approvals()) {
      if (a.date() != null && a.date().isAfter(asOf)) {
        out.add(note(proposal, CityDiff.Level.WARNING, a.path() + ".date",
            "批准 " + a.ref() + " 的日期 " + a.date() + " 晚于基准日 " + asOf + "：尚未作出的批准不计为批准（日期是否写错？）"));
      }
      if (earlier.stream().anyMatch(e -> same(e, a))) {
        continue;
      }
      if (a.wholeFile() && changes.isEmpty()) {
        out.add(note(proposal, CityDiff.Level.NOTICE, a.path() + ".whole_file",
            "批准 " + a.ref() + " 覆盖整个文件，但与基线相比没有参数改动：该批准条目可能已过时"));
      }
      for (int j = 0; j < a.fields().size(); j++) {
        String field = a.fields().get(j).strip();
        if (changes.stream().noneMatch(c -> Changes.covers(field, c.path()))) {
          out.add(note(proposal, CityDiff.Level.NOTICE, a.path() + ".fields[" + j + "]",
              "批准 " + a.ref() + " 列出的“" + Schema.label(field) + "”（" + field + "）本次没有改动："
                  + "该批准条目可能已过时，或字段路径写错了"));
        }
      }
    }
    return out;
  }

  /** The same approval entry (wherever it stands in the list). */
  private static boolean same(Approval a, Approval b) {
    return Objects.equals(a.ref(), b.ref()) && Objects.equals(a.date(), b.date()) && a.fields().equals(b.fields())
        && a.wholeFile() == b.wholeFile();
  }

  private static CityDiff.Note note(CityPolicy p, CityDiff.Level level, String path, String message) {
    Position pos = p.position(path);
    return new CityDiff.Note(level, path, pos == null ? null : pos.line(), pos == null ? null : pos.column(), message);
  }
}
