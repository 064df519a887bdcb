package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.Scheme;
import cn.liaoning.ybj.policycheck.policy.Facts.Setting;

/**
 * One hospital class a city distinguishes (一级, 区属二级, 特大型三级 …), mapped to a guideline tier
 * 1–3. Employee classes carry in-service and retired ratios; resident classes carry one ratio.
 */
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

  /** The YAML path of this class, e.g. {@code employee.inpatient.classes[2]}. */
  public String path() {
    return PolicyLoader.ClassPaths.of(scheme, setting, index)[PolicyLoader.ClassPaths.CLASS];
  }

  /** The YAML path of one of this class's fields. */
  public String path(String field) {
    int f = PolicyLoader.ClassPaths.field(field);
    return f >= 0 ? PolicyLoader.ClassPaths.of(scheme, setting, index)[f] : path() + "." + field;
  }
}
