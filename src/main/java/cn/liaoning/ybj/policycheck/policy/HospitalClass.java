package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.Scheme;
import cn.liaoning.ybj.policycheck.policy.Facts.Setting;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.kie.api.definition.type.ClassReactive;

/**
 * One hospital class a city distinguishes (一级, 区属二级, 特大型三级 …), mapped to a guideline tier
 * 1–3. Employee classes carry in-service and retired ratios; resident classes carry one ratio.
 */
@ClassReactive
public record HospitalClass(
    Scheme scheme,
    Setting setting,
    int index,
    String name,
    Integer tier,
    Double deductible,
    Double inServicePct,
    Double retiredPct,
    Double ratioPct) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof HospitalClass o
        && Objects.equals(scheme, o.scheme)
        && Objects.equals(setting, o.setting)
        && index == o.index
        && Objects.equals(name, o.name)
        && Objects.equals(tier, o.tier)
        && Objects.equals(deductible, o.deductible)
        && Objects.equals(inServicePct, o.inServicePct)
        && Objects.equals(retiredPct, o.retiredPct)
        && Objects.equals(ratioPct, o.ratioPct);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, setting, index, name, tier, deductible, inServicePct, retiredPct, ratioPct);
  }


  /** The YAML path of this class, e.g. {@code employee.inpatient.classes[2]}. */
  public String path() {
    return Paths.of(scheme, setting, index)[Paths.CLASS];
  }

  /** The value of one of this class's numeric fields, by its YAML name ({@code in_service_pct}). */
  public Double value(String field) {
    return switch (Paths.field(field)) {
      case Paths.DEDUCTIBLE -> deductible;
      case Paths.IN_SERVICE -> inServicePct;
      case Paths.RETIRED -> retiredPct;
      case Paths.RATIO -> ratioPct;
      default -> throw new IllegalArgumentException("no such hospital-class field: " + field);
    };
  }

  /** The YAML path of one of this class's fields. */
  public String path(String field) {
    int f = Paths.field(field);
    return f >= 0 ? Paths.of(scheme, setting, index)[f] : path() + "." + field;
  }

  /**
   * The field paths of hospital class i, built once and kept: the same String objects each time,
   * so their hash codes are computed once (a what-if sweep maps a document tens of thousands of
   * times).
   */
  static final class Paths {
    static final int CLASS = 0, NAME = 1, TIER = 2, DEDUCTIBLE = 3, IN_SERVICE = 4, RETIRED = 5, RATIO = 6;
    /** The YAML names of the fields, at the indexes above (the class itself has none). */
    private static final String[] NAMES = {null, "name", "tier", "deductible", "in_service_pct", "retired_pct", "ratio_pct"};
    private static final int KEPT = 256;
    private static final String[] LISTS = new String[Scheme.values().length * Setting.values().length];
    private static final AtomicReferenceArray<String[]> KEPT_PATHS = new AtomicReferenceArray<>(LISTS.length * KEPT);

    static {
      for (Scheme scheme : Scheme.values()) {
        for (Setting setting : Setting.values()) {
          LISTS[slot(scheme, setting)] = scheme.key + "." + setting.key + ".classes";
        }
      }
    }

    private Paths() {}

    private static int slot(Scheme scheme, Setting setting) {
      return scheme.ordinal() * Setting.values().length + setting.ordinal();
    }

    /** {@code employee.inpatient.classes} and the like. */
    static String list(Scheme scheme, Setting setting) {
      return LISTS[slot(scheme, setting)];
    }

    /** The index above of a class field's path, by its YAML name; -1 for another name. */
    static int field(String name) {
      for (int f = NAME; f < NAMES.length; f++) {
        if (NAMES[f].equals(name)) {
          return f;
        }
      }
      return -1;
    }

    /** The class's own path, then its fields, indexed by the constants above. */
    static String[] of(Scheme scheme, Setting setting, int i) {
      int k = slot(scheme, setting) * KEPT + i;
      String[] p = i < KEPT ? KEPT_PATHS.get(k) : null;
      if (p == null) {
        String base = list(scheme, setting) + "[" + i + "]";
        p = new String[NAMES.length];
        p[CLASS] = base;
        for (int f = NAME; f < NAMES.length; f++) {
          p[f] = base + "." + NAMES[f];
        }
        if (i < KEPT) {
          KEPT_PATHS.set(k, p);
        }
      }
      return p;
    }
  }
}
