package cn.liaoning.ybj.policycheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How far a value lies from the requirement its finding states: what makes a violation "worsened". */
class DistanceTest {
  static final String DEDUCTIBLE = "employee.outpatient.classes[3].deductible";

  @Test
  void aLowerBoundMeasuresHowFarBelow() {
    assertEquals(100.0, Distance.of(200, "≥ 300 元", DEDUCTIBLE));
    assertEquals(200.0, Distance.of(100.0, "≥ 300 元", DEDUCTIBLE));
    assertEquals(0.0, Distance.of(400, "≥ 300 元", DEDUCTIBLE));
    assertTrue(Distance.further(200, 100, "≥ 300 元", DEDUCTIBLE));
    assertFalse(Distance.further(200, 250, "≥ 300 元", DEDUCTIBLE));
    assertFalse(Distance.further(200, 200.0, "≥ 300 元", DEDUCTIBLE));
    assertEquals(10.0, Distance.of(40, "在职、退休均 ≥ 50%", "employee.outpatient.classes[0].in_service_pct"));
    assertEquals(2.0, Distance.of(6, "不低于 8%", null));
  }

  @Test
  void anUpperBoundMeasuresHowFarAbove() {
    assertEquals(0.5, Distance.of(1.5, "≤ 1%", "maternity.rate_pct"), 1e-9);
    assertTrue(Distance.further(1.2, 1.5, "≤ 1%", "maternity.rate_pct"));
    assertTrue(Distance.further(90, 95, "基金有风险时不高于 88%", null));
    assertEquals(3.0, Distance.of(95, "< 92%", null));
  }

  @Test
  void anEqualityOrAnIntervalMeasuresBothWays() {
    assertEquals(50.0, Distance.of(250, "= 300%", null));
    assertEquals(50.0, Distance.of(350, "= 300%", null));
    assertEquals(100.0, Distance.of(100, "不设起付标准（0 元）", null), "one number and no comparison: equal to it");
    assertEquals(0.5, Distance.of(8.5, "7%–8%", null), 1e-9);
    assertEquals(1.0, Distance.of(6, "7%–8%", null), 1e-9);
    assertEquals(0.0, Distance.of(80, "80% ± 5 个百分点", null));
    assertEquals(3.0, Distance.of(72, "80% ± 5 个百分点", null), 1e-9);
    assertEquals(2.0, Distance.of(63, "70% 左右（±5 个百分点）", null), 1e-9);
  }

  @Test
  void aPublishedIntervalMeasuresItsNearerEnd() {
    assertEquals(0.6, Distance.of("8.6%–9.6%", "7%–8%", null), 1e-9);
    assertEquals(1.5, Distance.of("9.5%", "7%–8%", null), 1e-9);
  }

  @Test
  void anEnumeratedValueCountsPlacesInTheFieldsOrder() {
    String path = "employee.linkage.first_enrolment_benefit_start";
    String req = "自缴费到账之日起（payment_day）";
    assertEquals(3.0, Distance.of("next_month", req, path));
    assertEquals(4.0, Distance.of("after_waiting", req, path));
    assertTrue(Distance.further("next_month", "after_waiting", req, path));
    assertFalse(Distance.further("next_month", "payment_month", req, path));
  }

  @Test
  void whatStatesNoNumberOfItsOwnHasNoDistance() {
    assertNull(Distance.of(97, "≤ 在职 + 3 个百分点", "employee.inpatient.classes[0].retired_pct"));
    assertNull(Distance.of(9, "≥ 单建统筹费率 + 2%", null));
    assertNull(Distance.of("一级 200 元、二级 200 元", "按医院级别差异化设置", "employee.inpatient.classes"));
    assertNull(Distance.of("12-31", "当年 12 月 31 日前全部拨付", "resident.subsidy_disbursed_by"));
    assertNull(Distance.of(true, "与职工医保单位缴费基数一致", "maternity.base_same_as_employee"));
    assertNull(Distance.of("individual_wage", "employer_prev_year_avg_monthly_wage", "maternity.allowance_basis"));
    assertNull(Distance.of(null, "≥ 300 元", DEDUCTIBLE));
    assertFalse(Distance.further(null, 100, "≥ 300 元", DEDUCTIBLE));
  }
}
