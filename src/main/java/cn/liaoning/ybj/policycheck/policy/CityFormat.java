package cn.liaoning.ybj.policycheck.policy;

import static cn.liaoning.ybj.policycheck.policy.Schema.bool;
import static cn.liaoning.ybj.policycheck.policy.Schema.date;
import static cn.liaoning.ybj.policycheck.policy.Schema.integer;
import static cn.liaoning.ybj.policycheck.policy.Schema.listOf;
import static cn.liaoning.ybj.policycheck.policy.Schema.money;
import static cn.liaoning.ybj.policycheck.policy.Schema.monthDay;
import static cn.liaoning.ybj.policycheck.policy.Schema.months;
import static cn.liaoning.ybj.policycheck.policy.Schema.obj;
import static cn.liaoning.ybj.policycheck.policy.Schema.oneOf;
import static cn.liaoning.ybj.policycheck.policy.Schema.pct;
import static cn.liaoning.ybj.policycheck.policy.Schema.basePct;
import static cn.liaoning.ybj.policycheck.policy.Schema.sourced;
import static cn.liaoning.ybj.policycheck.policy.Schema.string;
import static cn.liaoning.ybj.policycheck.policy.Schema.suggested;
import static cn.liaoning.ybj.policycheck.policy.Schema.years;

import cn.liaoning.ybj.policycheck.policy.Schema.Choice;
import cn.liaoning.ybj.policycheck.policy.Schema.ListOf;
import cn.liaoning.ybj.policycheck.policy.Schema.NumberOrRange;
import cn.liaoning.ybj.policycheck.policy.Schema.Obj;
import cn.liaoning.ybj.policycheck.policy.Schema.Scalar;
import java.util.List;

/**
 * The fields of a city file, as data: every key, its Chinese label, unit, range or allowed values
 * and help text, written with {@link Schema}'s builders. {@link Schema#CITY} is this tree; read it
 * through {@link Schema}, which also looks fields up by path.
 */
final class CityFormat {
  private CityFormat() {}

  /** When benefits start, stop or resume relative to a payment. */
  static Scalar timing() {
    return oneOf(
        "payment_day", "自缴费到账之日起",
        "payment_month", "自缴费当月起",
        "same_month", "当月起",
        "next_month", "次月起",
        "after_waiting", "等待期满后");
  }

  static Scalar fundStatus() {
    return oneOf("stable", "基金运行平稳", "risk", "基金运行出现风险", "unknown", "未知");
  }

  /** How often contributions are paid. */
  static Scalar paymentInterval() {
    return oneOf("monthly", "按月", "quarterly", "按季", "yearly", "按年度");
  }

  /** Of an enrolment transfer: the receiving side or the original one. */
  static Scalar transferSide() {
    return oneOf("receiving", "转入单位（转入地）", "original", "转出单位（转出地）");
  }

  static ListOf ratioFactors() {
    return listOf(oneOf("enrolment_years", "参保年限", "cost_amount", "医疗费用", "age", "年龄"));
  }

  /** A class maps to one tier; a class the city names across two tiers is listed once per tier. */
  static final String TIER_HELP = "该类别对应的指导线级别：1 = 一级及以下，2 = 二级，3 = 三级。城市的一个类别跨两个级别时"
      + "（如“二级、三级传染病和精神疾病专科医院”），按级别拆成两项、数值相同，并在 note 中说明";
  /** The guideline tier a hospital class maps to: a number 1–3, with words for the drop-down and the report. */
  static Scalar tier() {
    Scalar n = integer(1, 3);
    return new Scalar(n.kind(), n.min(), n.max(), n.unit(),
        List.of(new Choice("1", "一级及以下"), new Choice("2", "二级"), new Choice("3", "三级")), false, "", "");
  }

  /**
   * An employee hospital class; {@code deductibleUnit} is how its deductible is counted: per stay
   * for inpatient care (元/次), per year for the outpatient pool (元/年, 2号 二(一)2 按年度设定).
   */
  static Obj employeeClass(String deductibleUnit) {
    return obj(
        "name", string().req().label("类别名称").help("城市文件中该类医院的名称，如“三级”“区属二级”“一级及以下”"),
        "tier", tier().label("医院级别").help(TIER_HELP),
        "deductible", money().label("起付标准").unit(deductibleUnit),
        "in_service_pct", pct().label("在职职工支付比例").help("政策范围内支付比例（在职职工）"),
        "retired_pct", pct().label("退休人员支付比例").help("政策范围内支付比例（退休人员）"));
  }

  static final Obj RESIDENT_CLASS =
      obj(
          "name", string().req().label("类别名称").help("城市文件中该类医院的名称，如“三级”“一级及以下”"),
          "tier", tier().label("医院级别").help(TIER_HELP),
          "deductible", money().label("起付标准"),
          "ratio_pct", pct().label("支付比例").help("政策范围内支付比例"));

  /** The whole file. */
  static final Obj CITY =
      obj(
          "format", integer(1, 1).label("格式版本").help("城市文件格式的版本号，目前为 1"),
          "city", string().req().label("统筹区名称").help("如“沈阳市”“省直”"),
          "code", string().label("行政区划代码").help("如 \"2101\"（加引号，作为文字）"),
          "policy_date", date().label("政策日期").help("文件所述政策开始执行（或来源文件发布）的日期"),
          "sources",
              listOf(
                  obj(
                      "id", string().req().label("来源编号").help("本文件内引用该来源时所用的简短编号，如 sy-guide-2025"),
                      "title", string().label("标题"),
                      "issuer", string().label("发文机关"),
                      "number", string().label("文号").help("如 沈医保发〔2024〕28号"),
                      "date", string().label("日期").help("发布日期，如 2025-12 或 2025-12-01"),
                      "url", string().label("网址"),
                      "file", string().label("文件路径").help("来源文件在仓库或共享目录中的路径")))
                  .label("来源文件").help("本文件中数值的出处；各映射的 source: 写其中一项的 id"),
          "extension",
              obj(
                      "approved", bool().label("是否经批准延期").help("确有困难、经省级批准延至省级文件规定的延长期限"),
                      "approval_ref", string().label("延期批准文号"),
                      "date", date().label("延期批准日期"))
                  .label("延期"),
          "approvals",
              listOf(
                  obj(
                      "ref", string().req().label("批准文号").help("省级医保、财政等部门的批准文号，如 辽医保函〔2026〕12号"),
                      "date", date().label("批准日期"),
                      "fields", listOf(string().label("字段路径")).label("所批准的字段")
                          .help("本次批准覆盖的字段路径；含方括号的路径要加引号，如 \"employee.outpatient.classes[3].deductible\""),
                      "whole_file", bool().label("是否覆盖整个文件")))
                  .label("省级批准").help("对现行政策的每项调整都须列明省级批准"),
          "waivers",
              listOf(
                  obj(
                      "rule", string().req().label("规则编号").help("只有原则性规则可以豁免，如 EMP-OUTPATIENT-DEDUCT-MIN"),
                      "reason", string().label("豁免理由"),
                      "approval_ref", string().label("批准文号"),
                      "expires", date().label("有效期至")))
                  .label("豁免").help("原则性规则经省级批准的例外"),
          "fund",
              sourced(obj(
                      "employee", fundStatus().label("职工医保基金运行状况"),
                      "resident", fundStatus().label("居民医保基金运行状况"))
                  .label("基金运行状况")),
          "employee",
              sourced(obj(
                      "contribution",
                          obj(
                                  "base_floor_pct", basePct().label("职工个人缴费基数下限")
                                      .help("占上年度全口径平均工资的百分比"),
                                  "base_ceiling_pct", basePct().label("职工个人缴费基数上限")
                                      .help("占上年度全口径平均工资的百分比"),
                                  "flexible_base_pct", new NumberOrRange(basePct().label("灵活就业人员缴费基数")
                                      .help("占上年度全口径平均工资的百分比；可选择的区间写作 {min: 60, max: 300}")),
                                  "individual_rate_pct", pct().label("职工个人缴费费率"),
                                  "employer_rate_pct", pct().label("用人单位缴费费率（职工医保）")
                                      .help("不含生育保险；只公布合并费率时不填"),
                                  "employer_combined_rate_pct", pct().label("用人单位缴费费率（含生育保险）")
                                      .help("职工医保与生育保险合并的单位缴费费率，按此公布时填写"),
                                  "flexible_rate_pct", pct().label("灵活就业人员缴费费率（单建统筹）"),
                                  "flexible_with_account_rate_pct", pct().label("灵活就业人员缴费费率（建立个人账户）"),
                                  "flexible_account_scheme", bool().label("灵活就业人员是否可建立个人账户"),
                                  "payment_interval", paymentInterval().label("职工医保缴费周期")
                                      .help("基本医疗保险费按月、按季还是按年度缴纳"),
                                  "contribution_year_start", monthDay().label("缴费年度起始日")
                                      .help("月-日：缴费年度从哪一天起算（自然年为 01-01）"))
                              .label("职工医保缴费"),
                      "ratios_vary_by", ratioFactors().label("职工医保支付比例区分的因素")
                          .help("支付比例按哪些因素区分；都不区分时写 []"),
                      "annual_cap", money().label("职工医保统筹基金年度最高支付限额"),
                      "high_value_drug_deductible", money().label("职工医保高值药品起付标准"),
                      "inpatient",
                          obj(
                                  "childbirth_deductible", money().label("住院分娩起付标准"),
                                  "overall_ratio_pct", pct().label("职工医保住院政策范围内总体支付比例")
                                      .help("实际测算的总体支付比例，公布时填写"),
                                  "classes", listOf(employeeClass("元/次").label("职工住院医院类别")).label("职工医保住院（按医院类别）")
                                      .help("城市区分的每一类医院一项：名称、对应级别、起付标准（元/次）、在职与退休支付比例"))
                              .label("职工医保住院"),
                      "outpatient",
                          obj(
                                  "deductible_basis", oneOf("per_year", "按年度", "per_visit", "按次").label("普通门诊统筹起付标准的计算方式"),
                                  "annual_cap", money().label("职工医保普通门诊统筹年度最高支付限额"),
                                  "classes", listOf(employeeClass("元/年").label("职工门诊医院类别")).label("职工医保普通门诊统筹（按医院类别）")
                                      .help("城市区分的每一类医院一项：名称、对应级别、起付标准（元/年）、在职与退休支付比例"))
                              .label("职工医保普通门诊统筹"),
                      "linkage",
                          obj(
                                  "first_enrolment_benefit_start", timing().label("首次参保职工享受待遇的起始时间"),
                                  "flexible_waiting_months", months(120).label("灵活就业人员待遇等待期"),
                                  "interruption_suspend_from", timing().label("中断缴费后暂停待遇的时间"),
                                  "resumption_restore_from", timing().label("恢复缴费后恢复待遇的时间"),
                                  "transfer_grace_months", months(120).label("转移接续的接续期限"),
                                  "transfer_within_grace_start", timing().label("期限内接续并补缴的，享受待遇的起始时间"),
                                  "transfer_after_grace_start", timing().label("超过期限接续的，享受待遇的起始时间"),
                                  "transfer_out_benefit_end", oneOf(
                                          "end_of_transfer_month", "转出之月底",
                                          "transfer_date", "转出之日",
                                          "end_of_previous_month", "转出上月底")
                                      .label("转移接续时转出地待遇享受至"),
                                  "flexible_interruption_suspend_from", timing().label("灵活就业人员中断缴费后暂停待遇的时间"),
                                  "flexible_transfer_grace_months", months(120).label("灵活就业人员省内转移接续的接续期限")
                                      .help("转出后在此期限内接续的，参照职工转移接续的规定执行"),
                                  "flexible_transfer_within_grace_start", timing().label("灵活就业人员期限内接续的，享受待遇的起始时间"))
                              .label("职工医保筹资与待遇衔接"))
                  .label("职工医保")),
          "maternity",
              sourced(obj(
                      "rate_pct", pct().label("生育保险缴费费率"),
                      "base_same_as_employee", bool().label("生育保险缴费基数是否与职工医保单位缴费基数一致"),
                      "childbirth_follows_tier_standard", bool().label("住院生育是否执行相应等级医疗机构待遇标准"),
                      "allowance_basis", suggested(string(),
                              "employer_prev_year_avg_monthly_wage", "用人单位上年度职工月平均工资",
                              "employer_current_year_avg_monthly_wage", "用人单位当年职工月平均工资",
                              "individual_wage", "本人缴费工资")
                          .label("生育津贴计发基数")
                          .help("计发基数的名称；合规的写法为 employer_prev_year_avg_monthly_wage，其他基数照来源写出"),
                      "allowance_for_retirees", bool().label("退休人员是否享受生育津贴"),
                      "individual_rate_pct", pct().label("职工个人生育保险缴费费率")
                          .help("职工个人缴纳的生育保险费率；职工个人不缴纳时写 0"),
                      "allowance_paid_by", oneOf(
                              "maternity_fund", "生育保险基金",
                              "employer", "用人单位",
                              "other", "其他")
                          .label("生育津贴的支付来源"),
                      "transfer_before_birth_paid_by", transferSide().label("分娩前转移参保关系的，在何处享受生育津贴"),
                      "transfer_after_birth_paid_by", transferSide().label("分娩后转移参保关系的，在何处享受生育津贴"))
                  .label("生育保险")),
          "resident",
              sourced(obj(
                      "collection_period",
                          obj(
                                  "start_month", integer(1, 12).label("集中缴费期开始月份").unit("月"),
                                  "end_month", integer(1, 12).label("集中缴费期结束月份").unit("月")
                                      .help("1 或 2 表示次年 1 月或 2 月"))
                              .label("居民医保集中缴费期"),
                      "subsidy_disbursed_by", monthDay().label("财政补助资金拨付到位的日期").help("月-日，如 12-31"),
                      "subsidy_disbursed_next_year", bool().label("财政补助是否次年才拨付到位"),
                      "payment_interval", paymentInterval().label("居民医保个人缴费周期"),
                      "ratios_vary_by", ratioFactors().label("居民医保待遇区分的因素")
                          .help("待遇标准按哪些因素区分；都不区分时写 []"),
                      "annual_cap", money().label("居民医保基金年度最高支付限额"),
                      "high_value_drug_deductible", money().label("居民医保高值药品起付标准"),
                      "chronic_drug_deductible", money().label("高血压、糖尿病门诊用药起付标准"),
                      "chronic_drug_ratio_pct", pct().label("高血压、糖尿病门诊用药支付比例"),
                      "inpatient",
                          obj(
                                  "overall_ratio_pct", pct().label("居民医保住院政策范围内总体支付比例"),
                                  "classes", listOf(RESIDENT_CLASS.label("居民住院医院类别")).label("居民医保住院（按医院类别）"))
                              .label("居民医保住院"),
                      "outpatient",
                          obj(
                                  "annual_cap", money().label("居民医保普通门诊统筹年度最高支付限额"),
                                  "classes", listOf(RESIDENT_CLASS.label("居民门诊医院类别")).label("居民医保普通门诊统筹（按医院类别）"))
                              .label("居民医保普通门诊统筹"),
                      "critical_illness",
                          obj(
                                  "annual_cap", money().label("居民大病保险年度最高支付限额"),
                                  "continuity_after_years", years(100).label("连续参保激励起算年数"),
                                  "continuity_per_year", money().label("连续参保每年提高的大病保险限额"),
                                  "zero_claim_bonus", money().label("零报销次年提高的大病保险限额"),
                                  "incentive_limit_pct", pct().label("激励累计提高总额上限（占原封顶线）"),
                                  "zero_claim_reset_on_claim", bool().label("发生大病报销并使用奖励额度后，零报销激励额度是否清零"),
                                  "continuity_reset_on_lapse", bool().label("断保后再次参保的，连续参保年数是否重新计算"))
                              .label("居民大病保险"),
                      "waiting",
                          obj(
                                  "fixed_months", months(120).label("固定待遇等待期"),
                                  "variable_months_per_lapse_year", months(120).label("每多断保1年增加的变动等待期"),
                                  "repair_months_per_paid_year", months(120).label("每补缴1年减少的变动等待期"),
                                  "long_lapse_min_total_months", months(120).label("长期断保修复后的最短等待期"),
                                  "newborn_exempt", bool().label("新生儿是否不设待遇等待期"),
                                  "repair_price_basis", oneOf(
                                          "current_year_local_standard", "当年参保地个人缴费标准",
                                          "lapsed_year_standard", "断保年度的个人缴费标准",
                                          "other", "其他")
                                      .label("修复断保年度的缴费标准"))
                              .label("居民医保待遇等待期"))
                  .label("居民医保")));
}
