package cn.liaoning.ybj.policycheck.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city policy format v1 as data: every key a file may hold, and what its value must be.
 * The loader walks a file against this tree, so an unknown key, a wrong type or an out-of-range
 * value is caught in one place, with its line and column.
 */
public final class Schema {
  private Schema() {}

  /** What a value must be. */
  public sealed interface Type permits Scalar, Obj, ListOf, NumberOrRange {}

  /** Kinds of scalar value. */
  public enum Kind {
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    DATE,
    MONTH_DAY,
    ENUM
  }

  /**
   * A scalar. For numbers, {@code min}/{@code max} bound the value (inclusive); {@code unit} is
   * used in messages ("%", "元", "个月").
   */
  public record Scalar(Kind kind, double min, double max, String unit, List<String> values, boolean required)
      implements Type {
    public Scalar req() {
      return new Scalar(kind, min, max, unit, values, true);
    }
  }

  /** A mapping with a fixed set of keys. */
  public record Obj(Map<String, Type> fields) implements Type {}

  /** A sequence of values of one type. */
  public record ListOf(Type element) implements Type {}

  /** A number, or a range {min, max} (flexible workers' base may be offered as a range). */
  public record NumberOrRange(Scalar number) implements Type {}

  static Scalar string() {
    return new Scalar(Kind.STRING, 0, 0, "", List.of(), false);
  }

  static Scalar pct() {
    return new Scalar(Kind.NUMBER, 0, 100, "%", List.of(), false);
  }

  /** A percentage of the average wage: may exceed 100 (the ceiling is 300%). */
  static Scalar basePct() {
    return new Scalar(Kind.NUMBER, 0, 1000, "%", List.of(), false);
  }

  static Scalar money() {
    return new Scalar(Kind.NUMBER, 0, 100_000_000, "元", List.of(), false);
  }

  static Scalar months(int max) {
    return new Scalar(Kind.INTEGER, 0, max, "个月", List.of(), false);
  }

  static Scalar years(int max) {
    return new Scalar(Kind.INTEGER, 0, max, "年", List.of(), false);
  }

  static Scalar integer(int min, int max) {
    return new Scalar(Kind.INTEGER, min, max, "", List.of(), false);
  }

  static Scalar bool() {
    return new Scalar(Kind.BOOLEAN, 0, 0, "", List.of(), false);
  }

  static Scalar date() {
    return new Scalar(Kind.DATE, 0, 0, "", List.of(), false);
  }

  static Scalar monthDay() {
    return new Scalar(Kind.MONTH_DAY, 0, 0, "", List.of(), false);
  }

  static Scalar oneOf(String... values) {
    return new Scalar(Kind.ENUM, 0, 0, "", List.of(values), false);
  }

  static Obj obj(Object... keyTypePairs) {
    Map<String, Type> m = new LinkedHashMap<>();
    for (int i = 0; i < keyTypePairs.length; i += 2) {
      m.put((String) keyTypePairs[i], (Type) keyTypePairs[i + 1]);
    }
    // Any mapping may name the source of its values, and carry a free-text note.
    m.putIfAbsent("source", string());
    m.putIfAbsent("note", string());
    return new Obj(m);
  }

  static ListOf listOf(Type t) {
    return new ListOf(t);
  }

  /**
   * Percentage fields whose real values are below 1 (a maternity rate of 0.8%): only a value
   * below 0.1 there looks like a fraction written by mistake. Elsewhere any value below 1 does.
   */
  static final Set<String> SMALL_PERCENTAGES = Set.of("maternity.rate_pct");

  static final String[] TIMING = {"payment_day", "payment_month", "same_month", "next_month", "after_waiting"};

  static final Obj EMPLOYEE_CLASS =
      obj(
          "name", string().req(),
          "tier", integer(1, 3),
          "deductible", money(),
          "in_service_pct", pct(),
          "retired_pct", pct());

  static final Obj RESIDENT_CLASS =
      obj("name", string().req(), "tier", integer(1, 3), "deductible", money(), "ratio_pct", pct());

  /** The whole file. */
  public static final Obj CITY =
      obj(
          "format", integer(1, 1),
          "city", string().req(),
          "code", string(),
          "policy_date", date(),
          "sources",
              listOf(
                  obj(
                      "id", string().req(),
                      "title", string(),
                      "issuer", string(),
                      "date", string(),
                      "url", string(),
                      "file", string())),
          "extension", obj("approved", bool(), "approval_ref", string(), "date", date()),
          "approvals",
              listOf(
                  obj(
                      "ref", string().req(),
                      "date", date(),
                      "fields", listOf(string()),
                      "whole_file", bool())),
          "waivers",
              listOf(
                  obj(
                      "rule", string().req(),
                      "reason", string(),
                      "approval_ref", string(),
                      "expires", date())),
          "fund", obj("employee", oneOf("stable", "risk", "unknown"), "resident", oneOf("stable", "risk", "unknown")),
          "employee",
              obj(
                  "contribution",
                      obj(
                          "base_floor_pct", basePct(),
                          "base_ceiling_pct", basePct(),
                          "flexible_base_pct", new NumberOrRange(basePct()),
                          "individual_rate_pct", pct(),
                          "employer_rate_pct", pct(),
                          "employer_combined_rate_pct", pct(),
                          "flexible_rate_pct", pct(),
                          "flexible_with_account_rate_pct", pct(),
                          "flexible_account_scheme", bool()),
                  "ratios_vary_by", listOf(oneOf("enrolment_years", "cost_amount", "age")),
                  "annual_cap", money(),
                  "high_value_drug_deductible", money(),
                  "inpatient",
                      obj(
                          "childbirth_deductible", money(),
                          "overall_ratio_pct", pct(),
                          "classes", listOf(EMPLOYEE_CLASS)),
                  "outpatient",
                      obj(
                          "deductible_basis", oneOf("per_year", "per_visit"),
                          "annual_cap", money(),
                          "classes", listOf(EMPLOYEE_CLASS)),
                  "linkage",
                      obj(
                          "first_enrolment_benefit_start", oneOf(TIMING),
                          "flexible_waiting_months", months(120),
                          "interruption_suspend_from", oneOf(TIMING),
                          "resumption_restore_from", oneOf(TIMING),
                          "transfer_grace_months", months(120),
                          "transfer_within_grace_start", oneOf(TIMING),
                          "transfer_after_grace_start", oneOf(TIMING))),
          "maternity",
              obj(
                  "rate_pct", pct(),
                  "base_same_as_employee", bool(),
                  "childbirth_follows_tier_standard", bool(),
                  "allowance_basis", string(),
                  "allowance_for_retirees", bool()),
          "resident",
              obj(
                  "collection_period", obj("start_month", integer(1, 12), "end_month", integer(1, 12)),
                  "subsidy_disbursed_by", monthDay(),
                  "subsidy_disbursed_next_year", bool(),
                  "ratios_vary_by", listOf(oneOf("enrolment_years", "cost_amount", "age")),
                  "annual_cap", money(),
                  "high_value_drug_deductible", money(),
                  "chronic_drug_deductible", money(),
                  "chronic_drug_ratio_pct", pct(),
                  "inpatient", obj("overall_ratio_pct", pct(), "classes", listOf(RESIDENT_CLASS)),
                  "outpatient", obj("annual_cap", money(), "classes", listOf(RESIDENT_CLASS)),
                  "critical_illness",
                      obj(
                          "annual_cap", money(),
                          "continuity_after_years", years(100),
                          "continuity_per_year", money(),
                          "zero_claim_bonus", money(),
                          "incentive_limit_pct", pct()),
                  "waiting",
                      obj(
                          "fixed_months", months(120),
                          "variable_months_per_lapse_year", months(120),
                          "repair_months_per_paid_year", months(120),
                          "long_lapse_min_total_months", months(120))));
}
