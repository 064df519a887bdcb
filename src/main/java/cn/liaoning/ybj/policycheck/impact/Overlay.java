package cn.liaoning.ybj.policycheck.impact;

import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.regulation.Parameters.Parameter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A proposed adjustment of provincial parameters (an overlay, after OpenFisca's reforms): for some
 * existing parameters, dated values that hold from their first date on. Applying it gives another
 * {@link Parameters}; the rules are never changed. Read and checked against the parameters it
 * overrides by {@link OverlayReader}.
 *
 * @param file the overlay file as the user named it
 */
public record Overlay(String file, List<Entry> entries) {
  public Overlay {
    entries = List.copyOf(entries);
  }

  /**
   * One overridden parameter.
   *
   * @param description the overlay's own description, or null to keep the parameter's
   * @param values date → value as the parameter holds them (Double, LocalDate, String, or for a
   *     per-tier guideline a map tier → Double that may name only some tiers)
   * @param line 1-based line of the parameter's key in the overlay file
   */
  public record Entry(String key, String description, NavigableMap<LocalDate, Object> values, int line, int column) {
    public Entry {
      values = new TreeMap<>(values);
    }

    /**
     * The parameter with this entry applied: its values before the entry's first date stay; from
     * that date on only the entry's values hold (as a reform replaces a parameter from a date on).
     * A per-tier value that names only some tiers keeps, for the others, the value in force just
     * before its date.
     */
    @SuppressWarnings("unchecked")
    Parameter applyTo(Parameter p) {
      NavigableMap<LocalDate, Object> merged = new TreeMap<>(p.values().headMap(values.firstKey(), false));
      for (Map.Entry<LocalDate, Object> e : values.entrySet()) {
        Object v = e.getValue();
        if (v instanceof Map<?, ?> tiers) {
          Map.Entry<LocalDate, Object> before = merged.floorEntry(e.getKey());
          Map<Integer, Double> full = new TreeMap<>();
          if (before != null && before.getValue() instanceof Map<?, ?> m) {
            full.putAll((Map<Integer, Double>) m);
          }
          full.putAll((Map<Integer, Double>) tiers);
          v = full;
        }
        merged.put(e.getKey(), v);
      }
      return new Parameter(p.key(), description == null ? p.description() : description, p.unit(), p.clause(), merged, p.note());
    }
  }

  /** The entries' keys, in file order. */
  public List<String> keys() {
    return entries.stream().map(Entry::key).toList();
  }

  /** {@code base} with every entry applied. */
  public Parameters applyTo(Parameters base) {
    return applyTo(base, keys());
  }

  /** {@code base} with the entries of these keys applied (to tell which entry a change comes from). */
  public Parameters applyTo(Parameters base, Collection<String> keys) {
    List<Parameter> replaced = new ArrayList<>();
    for (Entry e : entries) {
      if (keys.contains(e.key())) {
        replaced.add(e.applyTo(base.parameters().get(e.key())));
      }
    }
    return base.replacing(replaced);
  }
}
