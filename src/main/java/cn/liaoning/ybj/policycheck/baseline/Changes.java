package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.policy.Approval;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Position;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy parameters that differ between a baseline file and a proposed one, and whether an
 * approval entry covers a field.
 *
 * <p>Parameters are the values under {@code employee}, {@code maternity} and {@code resident}:
 * what the city pays and what it pays out. The file's bookkeeping is not a policy change and
 * needs no approval: its name and code, {@code policy_date}, {@code sources}, {@code approvals},
 * {@code waivers}, {@code extension}, the fund status, and every {@code source:} / {@code note:} /
 * {@code value_sources:}.
 */
public final class Changes {
  private static final List<String> PARAMETER_ROOTS = List.of("employee", "maternity", "resident");

  /** The value of a list written as {@code []}, as a change shows it. */
  static final String EMPTY_LIST = "[]";

  private Changes() {}

  /**
   * Every parameter added, removed or changed, in path order. Hospital classes are compared by
   * name ({@link Alignment}): a class that moved to another index is not changed, and a class the
   * proposal no longer has is one change at its list's path ("删除（原为 类别 三级）").
   *
   * @param before the baseline document, or null when the file is new (every parameter is added)
   */
  public static List<Change> between(Doc before, Doc after) {
    return between(before, after, Alignment.of(before, after));
  }

  static List<Change> between(Doc before, Doc after, Alignment alignment) {
    Map<String, Object> old = new HashMap<>();
    if (before != null) {
      for (Map.Entry<String, Object> e : before.values().entrySet()) {
        String p = alignment.translate(e.getKey());
        if (p != null) {
          old.put(p, e.getValue());
        }
      }
    }
    Map<String, Object> now = after.values();
    Set<String> paths = new TreeSet<>();
    old.keySet().stream().filter(Changes::isParameter).forEach(paths::add);
    now.keySet().stream().filter(Changes::isParameter).forEach(paths::add);
    List<Change> out = new ArrayList<>();
    for (String p : paths) {
      Object a = old.get(p);
      Object b = now.get(p);
      if (!same(a, b)) {
        Position pos = after.positionOrAncestor(p);
        out.add(new Change(p, a, b, pos == null ? null : pos.line()));
      }
    }
    // A list written as [] says "none" (e.g. ratios_vary_by: the ratios vary by nothing): a list
    // that goes between null (unknown) and [] changes no element value, but it is a change.
    Set<String> lists = new TreeSet<>(after.listSizes().keySet());
    if (before != null) {
      lists.addAll(before.listSizes().keySet());
    }
    for (String list : lists) {
      int was = before == null ? -1 : before.size(list);
      int is = after.size(list);
      if (isParameter(list) && Math.min(was, is) == -1 && Math.max(was, is) == 0 && alignment.translate(list) != null) {
        Position pos = after.positionOrAncestor(list);
        out.add(new Change(list, was == 0 ? EMPTY_LIST : null, is == 0 ? EMPTY_LIST : null, pos == null ? null : pos.line()));
      }
    }
    for (Alignment.Removed r : alignment.removed()) {
      if (isParameter(r.list())) {
        Position pos = after.positionOrAncestor(r.list());
        String what = r.name() == null ? "第 " + (r.index() + 1) + " 个类别" : "类别 " + r.name();
        out.add(new Change(r.list(), what, null, pos == null ? null : pos.line()));
      }
    }
    out.sort(java.util.Comparator.comparing(Change::path));
    return out;
  }

  /** Whether a field path names a policy parameter (see the class comment). */
  public static boolean isParameter(String path) {
    String root = path.split("[.\\[]", 2)[0];
    if (!PARAMETER_ROOTS.contains(root)) {
      return false;
    }
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    return !leaf.equals("source") && !leaf.equals("note") && !path.contains(".value_sources.");
  }

  /** Whether an approval entry with a provincial approval reference covers the field (see {@link #covers}). */
  public static boolean approves(Approval a, String path) {
    return approves(a, path, null);
  }

  /**
   * Whether an approval entry covers the field and is in force at the as-of date: it has a
   * provincial approval reference, and it is not dated after {@code asOf} (an approval not yet
   * given approves nothing). With {@code asOf} null the date is not looked at.
   */
  public static boolean approves(Approval a, String path, LocalDate asOf) {
    return a.ref() != null && !a.ref().isBlank() && covers(a.wholeFile(), a.fields(), path)
        && (asOf == null || a.date() == null || !a.date().isAfter(asOf));
  }

  /** Approval entries as "ref（date）", joined with "、". */
  public static String dated(List<?> approvals) {
    StringBuilder sb = new StringBuilder();
    for (Object o : approvals) {
      if (o instanceof Approval a) {
        sb.append(sb.length() == 0 ? "" : "、").append(a.ref()).append(a.date() == null ? "" : "（" + a.date() + "）");
      }
    }
    return sb.toString();
  }

  /**
   * Whether an approval covers a field: it covers the whole file, or one of its {@code fields}
   * names the field itself or a parent of it ({@code employee.outpatient} covers
   * {@code employee.outpatient.classes[3].deductible}); {@code [*]} stands for every item of a
   * list ({@code employee.outpatient.classes[*].deductible}).
   */
  public static boolean covers(boolean wholeFile, List<String> fields, String path) {
    if (wholeFile) {
      return true;
    }
    for (String f : fields) {
      if (covers(f.strip(), path)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one listed field path names {@code path} or a parent of it. */
  static boolean covers(String field, String path) {
    if (field.isEmpty()) {
      return false;
    }
    int i = 0;
    int j = 0;
    while (i < field.length()) {
      if (field.startsWith("[*]", i)) {
        if (j >= path.length() || path.charAt(j) != '[') {
          return false;
        }
        int close = path.indexOf(']', j);
        if (close < 0) {
          return false;
        }
        i += 3;
        j = close + 1;
      } else if (j < path.length() && field.charAt(i) == path.charAt(j)) {
        i++;
        j++;
      } else {
        return false;
      }
    }
    return j == path.length() || path.charAt(j) == '.' || path.charAt(j) == '[';
  }

  /** Equal values; numbers by value (300 and 300.0 are the same). */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }
}
