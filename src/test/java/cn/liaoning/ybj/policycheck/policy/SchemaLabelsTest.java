package cn.liaoning.ybj.policycheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema is the one source of the format's Chinese labels: every field has one. */
class SchemaLabelsTest {
  @Test
  void everyFieldHasAChineseLabel() {
    List<String> unlabelled = new ArrayList<>();
    for (Schema.Field f : Schema.fields()) {
      boolean listElement = f.path().endsWith("[*]");
      if (!listElement && f.type().label().isBlank()) {
        unlabelled.add(f.path());
      }
    }
    assertEquals(List.of(), unlabelled);
  }

  @Test
  void labelsNameClassFieldsByTheirList() {
    assertEquals("职工医保统筹基金年度最高支付限额", Schema.label("employee.annual_cap"));
    assertEquals("职工门诊医院类别 · 起付标准", Schema.label("employee.outpatient.classes[3].deductible"));
    assertEquals("居民住院医院类别 · 支付比例", Schema.label("resident.inpatient.classes[*].ratio_pct"));
    assertEquals("职工住院医院类别 第 2 项", Schema.label("employee.inpatient.classes[1]"));
    assertEquals("灵活就业人员缴费基数", Schema.label("employee.contribution.flexible_base_pct.min"));
    assertEquals("no.such.field", Schema.label("no.such.field"));
  }

  @Test
  void enumeratedValuesHaveWordsAndUnitsAreKnown() {
    assertEquals("次月起", Schema.choiceLabel("employee.linkage.first_enrolment_benefit_start", "next_month"));
    assertEquals("自缴费到账之日起", Schema.choiceLabel("employee.linkage.interruption_suspend_from", "payment_day"));
    assertEquals("unheard_of", Schema.choiceLabel("employee.linkage.interruption_suspend_from", "unheard_of"));
    assertEquals("元/年", Schema.unit("employee.outpatient.classes[0].deductible"));
    assertEquals("元/次", Schema.unit("employee.inpatient.classes[0].deductible"));
    assertEquals("元", Schema.unit("resident.outpatient.classes[0].deductible"));
    assertEquals("%", Schema.unit("maternity.rate_pct"));
    assertNull(Schema.at("employee.nope"));
    assertTrue(Schema.scalarAt("resident.waiting.fixed_months").numeric());
  }
}
