package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.Scheme;
import cn.liaoning.ybj.policycheck.policy.Facts.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kie.api.definition.type.ClassReactive;

/**
 * All of one scheme's hospital classes for one setting, in file order: one fact for the rules
 * that compare classes with each other (差异化设置 by tier), so that such a rule matches one
 * fact instead of joining every class with every other. The methods only read the classes; what
 * counts as compliant stays in the DRL. A field is named as in the YAML: {@code deductible},
 * {@code in_service_pct}, {@code retired_pct}, {@code ratio_pct}.
 */
@ClassReactive
public record HospitalClasses(Scheme scheme, Setting setting, List<HospitalClass> classes) {
  // Written out, not generated: a record's generated equals and hashCode are linked through
  // invokedynamic on first use, 2–3 ms of start-up per class (README, 性能). RecordEqualityTest
  // checks that they compare every component.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof HospitalClasses o
        && Objects.equals(scheme, o.scheme)
        && Objects.equals(setting, o.setting)
        && Objects.equals(classes, o.classes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, setting, classes);
  }

  public HospitalClasses {
    classes = List.copyOf(classes);
  }

  /** A lower-tier class and a higher-tier class (a smaller and a bigger {@code tier} number). */
  public record Pair(HospitalClass lower, HospitalClass higher) {}

  public boolean isEmpty() {
    return classes.isEmpty();
  }

  /** The first class, in file order, that lacks its tier or the field; null when none does. */
  public HospitalClass firstLacking(String field) {
    for (HospitalClass c : classes) {
      if (c.tier() == null || c.value(field) == null) {
        return c;
      }
    }
    return null;
  }

  /** How many different tiers the classes name (a class without a tier is not counted). */
  public int tierCount() {
    Set<Integer> tiers = new HashSet<>();
    for (HospitalClass c : classes) {
      if (c.tier() != null) {
        tiers.add(c.tier());
      }
    }
    return tiers.size();
  }

  /** Whether the classes name at least two different tiers. */
  public boolean severalTiers() {
    return tierCount() > 1;
  }

  /** Whether the field has at least two different values over the classes. */
  public boolean valuesDiffer(String field) {
    return distinctValues(field) > 1;
  }

  /** Whether the field has one value only over the classes (at least one class has it). */
  public boolean valuesAllSame(String field) {
    return distinctValues(field) == 1;
  }

  /** How many different values the field has over the classes (a missing value is not counted). */
  public int distinctValues(String field) {
    Set<Double> values = new HashSet<>();
    for (HospitalClass c : classes) {
      Double v = c.value(field);
      if (v != null) {
        values.add(v);
      }
    }
    return values.size();
  }

  /**
   * Every pair of classes where the higher tier has a lower value of the field than the lower
   * tier; classes lacking the tier or the value are left out.
   */
  public List<Pair> higherTierLower(String field) {
    return pairs(field, true);
  }

  /**
   * Every pair of classes where the higher tier has a higher value of the field than the lower
   * tier; classes lacking the tier or the value are left out.
   */
  public List<Pair> higherTierHigher(String field) {
    return pairs(field, false);
  }

  /**
   * Every pair of classes in adjacent tiers (consecutive among the tiers the classes name) with
   * the same value of the field; classes lacking the tier or the value are left out.
   */
  public List<Pair> adjacentTiersEqual(String field) {
    java.util.TreeSet<Integer> tiers = new java.util.TreeSet<>();
    for (HospitalClass c : classes) {
      if (c.tier() != null && c.value(field) != null) {
        tiers.add(c.tier());
      }
    }
    List<Pair> out = new ArrayList<>();
    for (HospitalClass lo : classes) {
      for (HospitalClass hi : classes) {
        Double a = lo.value(field);
        Double b = hi.value(field);
        if (lo.tier() != null && hi.tier() != null && a != null && b != null && hi.tier() > lo.tier()
            && hi.tier().equals(tiers.higher(lo.tier())) && a.equals(b)) {
          out.add(new Pair(lo, hi));
        }
      }
    }
    return out;
  }

  private List<Pair> pairs(String field, boolean lower) {
    List<Pair> out = new ArrayList<>();
    for (HospitalClass lo : classes) {
      for (HospitalClass hi : classes) {
        Double a = lo.value(field);
        Double b = hi.value(field);
        if (lo.tier() != null && hi.tier() != null && a != null && b != null && hi.tier() > lo.tier()
            && (lower ? b < a : b > a)) {
          out.add(new Pair(lo, hi));
        }
      }
    }
    return out;
  }
}
