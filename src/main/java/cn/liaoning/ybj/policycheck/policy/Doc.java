package cn.liaoning.ybj.policycheck.policy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated file as typed values keyed by field path ({@code employee.inpatient.classes[0].tier}),
 * with the position of every key that was written. A path absent from {@link #values()} but
 * present in {@link #written()} was written as {@code null}.
 */
public record Doc(
    String file,
    Map<String, Object> values,
    Map<String, Integer> listSizes,
    Map<String, Position> positions,
    Set<String> written,
    List<String> lines) {

  /** Copies everything: a Doc (and so a loaded policy) cannot change after loading. */
  public Doc {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    listSizes = Map.copyOf(listSizes);
    positions = Map.copyOf(positions);
    written = Set.copyOf(written);
    lines = List.copyOf(lines);
  }

  /**
   * The same document with other values (what-if variants): positions, list sizes, written keys
   * and lines stay those of this file.
   */
  public Doc withValues(Map<String, Object> values) {
    return new Doc(file, values, listSizes, positions, written, lines);
  }

  /** A flexible base offered as a range of choice. */
  public record Range(Double min, Double max) {}

  public Double number(String path) {
    Object v = values.get(path);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  public Integer integer(String path) {
    Object v = values.get(path);
    return v instanceof Number n ? n.intValue() : null;
  }

  public Boolean bool(String path) {
    return values.get(path) instanceof Boolean b ? b : null;
  }

  public String string(String path) {
    return values.get(path) instanceof String s ? s : null;
  }

  public LocalDate date(String path) {
    return values.get(path) instanceof LocalDate d ? d : null;
  }

  public MonthDay monthDay(String path) {
    return values.get(path) instanceof MonthDay d ? d : null;
  }

  public Range range(String path) {
    return values.get(path) instanceof Range r ? r : null;
  }

  /** Number of elements of a list, or -1 when the list is missing or null. */
  public int size(String path) {
    return listSizes.getOrDefault(path, -1);
  }

  /** The strings of a list of scalars; null when the list itself is missing. */
  public List<String> strings(String path) {
    int n = size(path);
    if (n < 0) {
      return null;
    }
    String[] out = new String[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      String s = string(path + "[" + i + "]");
      if (s != null) {
        out[k++] = s;
      }
    }
    return List.of(java.util.Arrays.copyOf(out, k));
  }

  /** Position of the path, or of its nearest written ancestor; null if nothing is known. */
  public Position positionOrAncestor(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Position pos = positions.get(p);
      if (pos != null) {
        return pos;
      }
      p = parent(p);
    }
    return null;
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int br = path.lastIndexOf('[');
    int cut = Math.max(dot, br);
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  public Map<String, Object> valuesView() {
    return Collections.unmodifiableMap(values);
  }
}
