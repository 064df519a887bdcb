package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.policy.Doc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the named elements of a baseline file's lists (the hospital classes: {@code - { name: 三级, … }})
 * line up with the proposal's, so that a class is compared with the class of the same name and not
 * with whatever now stands at its index. Without it, inserting one class before others would show
 * every later class as changed (each needing an approval) and move their findings to new paths
 * (each a "new" problem and a "fixed" one).
 *
 * <p>Elements are matched by {@code name} first (a name that occurs once on each side), then,
 * among those left, by index (a class renamed in place stays one class, with its name changed).
 * A baseline element left over was removed; a proposal element left over is new.
 */
public final class Alignment {
  /** A baseline element with no counterpart in the proposal. */
  public record Removed(String list, int index, String name) {}

  /** Baseline element prefix ({@code employee.outpatient.classes[3]}) → proposal prefix, where they differ. */
  private final Map<String, String> moved;
  /** Baseline element prefixes without a counterpart. */
  private final Map<String, Removed> removed;
  /** Proposal element prefixes without a counterpart in a list the baseline has items in. */
  private final java.util.Set<String> added;

  private Alignment(Map<String, String> moved, Map<String, Removed> removed, java.util.Set<String> added) {
    this.moved = moved;
    this.removed = removed;
    this.added = added;
  }

  /** Nothing moved, nothing removed: paths are compared as they are (also for a new file). */
  public static final Alignment IDENTITY = new Alignment(Map.of(), Map.of(), java.util.Set.of());

  /** The alignment of a baseline document with a proposal; {@link #IDENTITY} when there is no baseline. */
  public static Alignment of(Doc before, Doc after) {
    if (before == null) {
      return IDENTITY;
    }
    Map<String, String> moved = new HashMap<>();
    Map<String, Removed> removed = new HashMap<>();
    java.util.Set<String> added = new java.util.HashSet<>();
    TreeSet<String> lists = new TreeSet<>(before.listSizes().keySet());
    for (String list : lists) {
      int nb = Math.max(0, before.size(list));
      int na = Math.max(0, after.size(list));
      String[] bn = names(before, list, nb);
      String[] an = names(after, list, na);
      if (bn == null) {
        for (int j = nb; j < na; j++) {
          added.add(list + "[" + j + "]"); // not a list of named elements: compared by index
        }
        continue;
      }
      int[] to = new int[nb];
      boolean[] taken = new boolean[na];
      java.util.Arrays.fill(to, -1);
      for (int i = 0; i < nb; i++) {
        int j = an == null ? -1 : uniqueIndex(an, bn[i]);
        if (bn[i] != null && uniqueIndex(bn, bn[i]) == i && j >= 0) {
          to[i] = j;
          taken[j] = true;
        }
      }
      for (int i = 0; i < nb; i++) {
        if (to[i] < 0 && i < na && !taken[i]) {
          to[i] = i; // the same place, another (or no) name: edited in place
          taken[i] = true;
        }
      }
      for (int j = 0; j < na; j++) {
        if (!taken[j]) {
          added.add(list + "[" + j + "]");
        }
      }
      for (int i = 0; i < nb; i++) {
        String from = list + "[" + i + "]";
        if (to[i] < 0) {
          removed.put(from, new Removed(list, i, bn[i]));
        } else if (to[i] != i) {
          moved.put(from, list + "[" + to[i] + "]");
        }
      }
    }
    return moved.isEmpty() && removed.isEmpty() && added.isEmpty() ? IDENTITY
        : new Alignment(Map.copyOf(moved), Map.copyOf(removed), java.util.Set.copyOf(added));
  }

  /** The {@code name} of each element, or null when no element of the list has one. */
  private static String[] names(Doc doc, String list, int n) {
    String[] out = new String[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      out[i] = doc.string(list + "[" + i + "].name");
      any |= out[i] != null;
    }
    return any ? out : null;
  }

  /** The index of the one element with this name, or -1 (none, several, or a null name). */
  private static int uniqueIndex(String[] names, String name) {
    if (name == null) {
      return -1;
    }
    int at = -1;
    for (int i = 0; i < names.length; i++) {
      if (name.equals(names[i])) {
        if (at >= 0) {
          return -1;
        }
        at = i;
      }
    }
    return at;
  }

  /**
   * A baseline field path in the proposal's terms ({@code classes[3].deductible} of a class that
   * now stands at index 4 becomes {@code classes[4].deductible}), or null when the path lies in a
   * removed element. Paths outside named lists come back as they are.
   */
  public String translate(String path) {
    if (path == null || moved.isEmpty() && removed.isEmpty()) {
      return path;
    }
    // Longest element prefix first: the path's own element, at the first "]" followed by "." / "[" / end.
    for (int end = path.indexOf(']'); end >= 0; end = path.indexOf(']', end + 1)) {
      String prefix = path.substring(0, end + 1);
      if (removed.containsKey(prefix)) {
        return null;
      }
      String to = moved.get(prefix);
      if (to != null) {
        return to + path.substring(end + 1);
      }
    }
    return path;
  }

  /**
   * Where a baseline field is to be shown in the proposal: its translated path, or for a field of a
   * removed element the path of the list it was in.
   */
  public String locate(String path) {
    String t = translate(path);
    if (t != null || path == null) {
      return t;
    }
    for (int end = path.indexOf(']'); end >= 0; end = path.indexOf(']', end + 1)) {
      Removed r = removed.get(path.substring(0, end + 1));
      if (r != null) {
        return r.list();
      }
    }
    return path;
  }

  /**
   * Whether a proposal element ({@code employee.outpatient.classes[1]}) has no counterpart in the
   * baseline's list, where the baseline's list has elements (a class inserted among known ones).
   */
  public boolean added(String element) {
    return added.contains(element);
  }

  /** The baseline elements the proposal no longer has, in path order. */
  public List<Removed> removed() {
    List<Removed> out = new ArrayList<>(removed.values());
    out.sort(java.util.Comparator.comparing(Removed::list).thenComparingInt(Removed::index));
    return out;
  }
}
