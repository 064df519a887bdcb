package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Shared, compiled-once rule base for tests, and helpers to check a YAML snippet. */
public final class TestSupport {
  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static Catalogue catalogue;
  private static Parameters parameters;
  private static RuleEngine engine;
  private static Checker checker;

  private TestSupport() {}

  public static synchronized Catalogue catalogue() {
    if (catalogue == null) {
      catalogue = Catalogue.load();
    }
    return catalogue;
  }

  public static synchronized Parameters parameters() {
    if (parameters == null) {
      parameters = Parameters.load();
    }
    return parameters;
  }

  public static synchronized RuleEngine engine() {
    if (engine == null) {
      engine = RuleEngine.fromClasspath();
    }
    return engine;
  }

  public static synchronized Checker checker() {
    if (checker == null) {
      checker = new Checker(catalogue(), parameters(), engine());
    }
    return checker;
  }

  public static CityPolicy load(String yaml) {
    PolicyLoader.Loaded l = new PolicyLoader(catalogue().entries().keySet()).load("test.yaml", yaml);
    if (!l.ok()) {
      throw new AssertionError("fixture does not load:\n" + l.diagnostics().stream().map(d -> d.format()).collect(Collectors.joining("\n")));
    }
    return l.policy();
  }

  public static CityResult check(String yaml) {
    return checker().check(load(yaml), AS_OF);
  }

  public static CityResult check(String yaml, LocalDate asOf) {
    return checker().check(load(yaml), asOf);
  }

  /** The findings of one rule. */
  public static List<Finding> findings(CityResult r, String ruleId) {
    return r.findings().stream().filter(f -> f.rule().equals(ruleId)).toList();
  }

  /** The single finding of a city-wide rule. */
  public static Finding only(CityResult r, String ruleId) {
    List<Finding> f = findings(r, ruleId);
    if (f.size() != 1) {
      throw new AssertionError("expected exactly one finding of " + ruleId + ", got " + f);
    }
    return f.get(0);
  }

  /** Marks a key to delete in {@link #compliantWith}. */
  public static final Object DELETE = new Object();

  private static final Pattern STEP = Pattern.compile("([a-z_]+)(?:\\[(\\d+)])?");

  /** The fully compliant fixture ({@code fixtures/compliant.yaml}) as text. */
  public static String compliant() {
    try (InputStream in = TestSupport.class.getResourceAsStream("/fixtures/compliant.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The compliant fixture with some fields changed: pairs of path and value, e.g.
   * {@code compliantWith("employee.outpatient.classes[2].deductible", 299)}. A value of
   * {@code null} writes null (unknown); {@link #DELETE} removes the key; an index one past the end
   * of a list adds an item.
   */
  @SuppressWarnings("unchecked")
  public static String compliantWith(Object... pathValuePairs) {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(compliant());
    for (int i = 0; i < pathValuePairs.length; i += 2) {
      String path = (String) pathValuePairs[i];
      Object value = pathValuePairs[i + 1];
      String[] steps = path.split("\\.");
      Object node = root;
      for (int s = 0; s < steps.length; s++) {
        Matcher m = STEP.matcher(steps[s]);
        if (!m.matches()) {
          throw new IllegalArgumentException("bad path step " + steps[s]);
        }
        boolean last = s == steps.length - 1;
        Map<String, Object> map = (Map<String, Object>) node;
        if (m.group(2) == null) {
          if (last) {
            if (value == DELETE) {
              map.remove(m.group(1));
            } else {
              map.put(m.group(1), value);
            }
          } else {
            node = map.computeIfAbsent(m.group(1), k -> new java.util.LinkedHashMap<String, Object>());
          }
        } else {
          List<Object> list = (List<Object>) map.get(m.group(1));
          int idx = Integer.parseInt(m.group(2));
          if (last) {
            if (value == DELETE) {
              list.remove(idx);
            } else if (idx == list.size()) {
              list.add(value); // one past the end: a new item
            } else {
              list.set(idx, value);
            }
          } else {
            node = list.get(idx);
          }
        }
      }
    }
    datesToText(root);
    DumperOptions opts = new DumperOptions();
    opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    opts.setAllowUnicode(true);
    return new Yaml(opts).dump(root);
  }

  /** The compliant city made to break as many rules as one file can. */
  public static String everythingWrong() {
    return compliantWith(
        "fund.employee", "risk", "fund.resident", "risk",
        "employee.contribution.base_floor_pct", 50, "employee.contribution.base_ceiling_pct", 250, "employee.contribution.flexible_base_pct", 60, "employee.contribution.individual_rate_pct", 1.5,
        "employee.contribution.employer_rate_pct", 6.5, "employee.contribution.employer_combined_rate_pct", null, "employee.contribution.flexible_rate_pct", 8,
        "employee.contribution.flexible_with_account_rate_pct", 8.5, "employee.contribution.payment_interval", "yearly",
        "employee.ratios_vary_by", List.of("enrolment_years"), "employee.annual_cap", 70000,
        "employee.high_value_drug_deductible", 100, "employee.inpatient.childbirth_deductible", 100,
        "employee.inpatient.overall_ratio_pct", 60, "employee.outpatient.deductible_basis", "per_year",
        "employee.outpatient.annual_cap", 2000, "employee.outpatient.classes[2].deductible", 100,
        "employee.outpatient.classes[2].in_service_pct", 40, "employee.inpatient.classes[2].in_service_pct", 70,
        "employee.inpatient.classes[2].retired_pct", 80,
        "employee.linkage.first_enrolment_benefit_start", "next_month", "employee.linkage.flexible_waiting_months", 6,
        "employee.linkage.interruption_suspend_from", "same_month", "employee.linkage.flexible_interruption_suspend_from", "same_month",
        "employee.linkage.transfer_grace_months", 6, "employee.linkage.transfer_out_benefit_end", "transfer_date",
        "employee.linkage.flexible_transfer_grace_months", 6,
        "maternity.rate_pct", 1.5, "maternity.base_same_as_employee", false, "maternity.childbirth_follows_tier_standard", false,
        "maternity.allowance_basis", "individual_wage", "maternity.allowance_for_retirees", true, "maternity.individual_rate_pct", 0.5,
        "maternity.allowance_paid_by", "employer", "maternity.transfer_before_birth_paid_by", "original",
        "resident.collection_period.start_month", 10, "resident.subsidy_disbursed_next_year", true,
        "resident.payment_interval", "monthly", "resident.ratios_vary_by", List.of("age"), "resident.annual_cap", 70000,
        "resident.high_value_drug_deductible", 10, "resident.chronic_drug_deductible", 10, "resident.chronic_drug_ratio_pct", 50,
        "resident.inpatient.overall_ratio_pct", 50, "resident.outpatient.annual_cap", 400,
        "resident.outpatient.classes[0].ratio_pct", 40,
        "resident.critical_illness.annual_cap", 300000, "resident.critical_illness.continuity_per_year", 3000,
        "resident.critical_illness.zero_claim_bonus", 3000, "resident.critical_illness.incentive_limit_pct", 30,
        "resident.critical_illness.zero_claim_reset_on_claim", false, "resident.critical_illness.continuity_reset_on_lapse", false,
        "resident.waiting.fixed_months", 2, "resident.waiting.variable_months_per_lapse_year", 2,
        "resident.waiting.long_lapse_min_total_months", 4, "resident.waiting.newborn_exempt", false,
        "resident.waiting.repair_price_basis", "other");
  }

  /** Checks the compliant fixture with some fields changed (see {@link #compliantWith}). */
  public static CityResult checkWith(Object... pathValuePairs) {
    return check(compliantWith(pathValuePairs));
  }

  /** SafeConstructor reads dates as java.util.Date; write them back as YYYY-MM-DD. */
  @SuppressWarnings("unchecked")
  private static void datesToText(Object node) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        if (e.getValue() instanceof java.util.Date d) {
          e.setValue(d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        } else {
          datesToText(e.getValue());
        }
      }
    } else if (node instanceof List<?> l) {
      l.forEach(TestSupport::datesToText);
    }
  }
}
