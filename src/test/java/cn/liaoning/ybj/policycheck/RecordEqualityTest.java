package cn.liaoning.ybj.policycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import cn.liaoning.ybj.policycheck.engine.Check;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RateEstimate;
import cn.liaoning.ybj.policycheck.policy.CriticalIllness;
import cn.liaoning.ybj.policycheck.policy.EmployeeBenefits;
import cn.liaoning.ybj.policycheck.policy.EmployeeContribution;
import cn.liaoning.ybj.policycheck.policy.EmployeeLinkage;
import cn.liaoning.ybj.policycheck.policy.HospitalClass;
import cn.liaoning.ybj.policycheck.policy.HospitalClasses;
import cn.liaoning.ybj.policycheck.policy.Jurisdiction;
import cn.liaoning.ybj.policycheck.policy.Maternity;
import cn.liaoning.ybj.policycheck.policy.ResidentScheme;
import cn.liaoning.ybj.policycheck.policy.ResidentWaiting;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose equals and hashCode are written out by hand (to spare the start-up cost of the
 * generated ones) still compare every component, as a record's own would: two records built from
 * the same values are equal with the same hash, and changing any one component makes them
 * unequal. A component added later without being compared fails here.
 */
class RecordEqualityTest {
  /** The records with hand-written equals and hashCode: the facts, the checks and the checker's context. */
  static List<Class<?>> handWritten() throws ClassNotFoundException {
    return List.of(Check.class, RateEstimate.class, Class.forName(Checker.class.getName() + "$Context"),
        Jurisdiction.class, EmployeeContribution.class, EmployeeBenefits.class, EmployeeLinkage.class,
        HospitalClass.class, HospitalClasses.class, Maternity.class, ResidentScheme.class, ResidentWaiting.class,
        CriticalIllness.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handWritten")
  void comparesEveryComponent(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] base = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      base[i] = sample(types[i], 0);
    }
    Constructor<?> make = type.getDeclaredConstructor(types);
    make.setAccessible(true);
    Object a = make.newInstance(base);
    Object b = make.newInstance(base.clone());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, null);
    assertNotEquals(a, "not a record");
    for (int i = 0; i < components.length; i++) {
      Object[] changed = base.clone();
      changed[i] = sample(types[i], 1);
      Object c = make.newInstance(changed);
      assertNotEquals(a, c, type.getSimpleName() + "." + components[i].getName() + " is not compared");
      assertNotEquals(c, a, type.getSimpleName() + "." + components[i].getName() + " is not compared");
    }
  }

  /** Two different values of a component type (which = 0 or 1). */
  private static Object sample(Class<?> t, int which) {
    if (t == String.class || t == Object.class) {
      return which == 0 ? "a" : "b";
    }
    if (t == Double.class || t == double.class) {
      return which == 0 ? 1.0 : 2.0;
    }
    if (t == Integer.class || t == int.class) {
      return which == 0 ? 1 : 2;
    }
    if (t == Boolean.class || t == boolean.class) {
      return which == 0;
    }
    if (t == LocalDate.class) {
      return LocalDate.of(2026, 1, 1 + which);
    }
    if (t == MonthDay.class) {
      return MonthDay.of(1, 1 + which);
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[which];
    }
    if (t == List.class) {
      return which == 0 ? List.of() : List.of("x");
    }
    if (t == Map.class) {
      return which == 0 ? Map.of() : Map.of("k", "v");
    }
    return fail("no sample values for a component of type " + t.getName() + ": add them to RecordEqualityTest.sample");
  }
}
