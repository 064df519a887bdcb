package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import cn.liaoning.ybj.policycheck.policy.Facts.AllowancePayer;
import cn.liaoning.ybj.policycheck.policy.Facts.BenefitEnd;
import cn.liaoning.ybj.policycheck.policy.Facts.DeductibleBasis;
import cn.liaoning.ybj.policycheck.policy.Facts.FundStatus;
import cn.liaoning.ybj.policycheck.policy.Facts.PaymentInterval;
import cn.liaoning.ybj.policycheck.policy.Facts.RatioFactor;
import cn.liaoning.ybj.policycheck.policy.Facts.RepairPrice;
import cn.liaoning.ybj.policycheck.policy.Facts.Scheme;
import cn.liaoning.ybj.policycheck.policy.Facts.Setting;
import cn.liaoning.ybj.policycheck.policy.Facts.Timing;
import cn.liaoning.ybj.policycheck.policy.Facts.TransferSide;
import cn.liaoning.ybj.policycheck.policy.HospitalClass.Paths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/** Loads city policy files (format v1) into {@link CityPolicy} records, or explains why not. */
public final class PolicyLoader {
  private final Set<String> knownRuleIds;

  /** @param knownRuleIds catalogue ids, to check waiver names (empty: not checked) */
  public PolicyLoader(Set<String> knownRuleIds) {
    this.knownRuleIds = Set.copyOf(knownRuleIds);
  }

  /** The outcome of loading one file: a policy, or the problems that prevented it (and warnings). */
  public record Loaded(String file, CityPolicy policy, List<Diagnostic> diagnostics) {
    public Loaded {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return policy != null;
    }
  }

  /**
   * Expands the arguments into policy files (see {@link PolicyFiles#expand}); never throws.
   */
  public static List<Path> expand(List<Path> args, List<Diagnostic> problems) {
    return PolicyFiles.expand(args, problems);
  }

  /** Loads one file; any problem (missing, unreadable, not a file, bad content) is a diagnostic. */
  public Loaded load(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      if (!Files.exists(path)) {
        return failed(name, Files.isSymbolicLink(path) ? PolicyFiles.BROKEN_LINK : "文件不存在");
      }
      if (Files.isDirectory(path)) {
        return failed(name, "这是一个目录，不是政策文件");
      }
      if (!Files.isRegularFile(path)) {
        return failed(name, "不是普通文件");
      }
      long size = Files.size(path);
      if (size > PolicyReader.MAX_BYTES) {
        return failed(name, String.format(Locale.ROOT, "文件过大（%,d 字节），城市政策文件上限为 %,d 字节", size, PolicyReader.MAX_BYTES));
      }
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes(PolicyReader.MAX_BYTES + 1);
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return new Loaded(name, null, List.of(PolicyFiles.pathProblem(path, "无法读取文件", e)));
    }
    return load(name, bytes);
  }

  public Loaded load(String name, String text) {
    return load(name, text.getBytes(StandardCharsets.UTF_8));
  }

  public Loaded load(String name, byte[] bytes) {
    try {
      PolicyReader.Result r = PolicyReader.read(name, bytes, Schema.CITY);
      if (r.doc() == null) {
        return new Loaded(name, null, capped(name, r.diagnostics()));
      }
      // Map even when the reader found errors: a field in error holds no value (it reads as
      // unknown), and the cross-field checks then report their problems in the same run.
      List<Diagnostic> diags = new ArrayList<>(r.diagnostics());
      CityPolicy p = new Mapper(r.doc(), diags).map();
      boolean errors = diags.stream().anyMatch(Diagnostic::isError);
      return new Loaded(name, errors ? null : p, capped(name, PolicyReader.sorted(diags)));
    } catch (RuntimeException e) {
      // A defect of the checker, not of the file: still no stack trace for the user.
      return failed(name, "读取时发生内部错误（" + e.getClass().getSimpleName() + "），这是检查工具的缺陷，请报告");
    }
  }

  /**
   * Maps a document that was read and validated before, possibly with some values changed since
   * (the what-if sweep), without reading YAML again; the cross-field checks run as in {@link #load}.
   */
  public Loaded map(Doc doc) {
    List<Diagnostic> diags = new ArrayList<>();
    CityPolicy p = new Mapper(doc, diags).map();
    boolean errors = diags.stream().anyMatch(Diagnostic::isError);
    return new Loaded(doc.file(), errors ? null : p, PolicyReader.sorted(diags));
  }

  /** Most problems listed for one file: past that, one line says how many more there are. */
  static final int MAX_DIAGNOSTICS = 100;

  private static List<Diagnostic> capped(String name, List<Diagnostic> diags) {
    if (diags.size() <= MAX_DIAGNOSTICS) {
      return diags;
    }
    List<Diagnostic> out = new ArrayList<>(diags.subList(0, MAX_DIAGNOSTICS));
    long errors = diags.stream().filter(Diagnostic::isError).count();
    out.add(new Diagnostic(name, 0, 0, errors > 0 ? Severity.ERROR : Severity.WARNING, String.format(Locale.ROOT,
        "问题过多：共 %d 个（错误 %d 个），只列出前 %d 个；请先改正以上问题再检查", diags.size(), errors, MAX_DIAGNOSTICS),
        null));
    return out;
  }

  private static Loaded failed(String name, String message) {
    return new Loaded(name, null, List.of(new Diagnostic(name, 0, 0, Severity.ERROR, message, null)));
  }

  /** Maps a validated document to records, adding the cross-field checks. */
  private final class Mapper {
    private final Doc d;
    private final List<Diagnostic> diags;

    Mapper(Doc d, List<Diagnostic> diags) {
      this.d = d;
      this.diags = diags;
    }

    CityPolicy map() {
      List<Source> sources = new ArrayList<>();
      for (int i = 0; i < Math.max(0, d.size("sources")); i++) {
        String p = "sources[" + i + "]";
        sources.add(new Source(d.string(p + ".id"), d.string(p + ".title"), d.string(p + ".issuer"), d.string(p + ".date"), d.string(p + ".url")));
      }
      Map<String, String> sourceRefs = sourceRefs();
      checkSourceRefs(sources, sourceRefs);

      Jurisdiction j = new Jurisdiction(
          d.string("city"),
          d.string("code"),
          d.date("policy_date"),
          FundStatus.of(d.string("fund.employee")),
          FundStatus.of(d.string("fund.resident")),
          Boolean.TRUE.equals(d.bool("extension.approved")),
          d.string("extension.approval_ref"));
      if (j.extensionApproved() && j.extensionRef() == null) {
        error("extension.approved", "延期（确有困难）标记为已批准，但缺少批准文号 extension.approval_ref");
      }

      // final: a constant, so that c + "…" (and l, ci, w below) are constant paths, hashed once.
      final String c = "employee.contribution.";
      Doc.Range range = d.range(c + "flexible_base_pct");
      EmployeeContribution contribution = new EmployeeContribution(
          d.number(c + "base_floor_pct"),
          d.number(c + "base_ceiling_pct"),
          range == null ? d.number(c + "flexible_base_pct") : null,
          range != null,
          range == null ? null : range.min(),
          range == null ? null : range.max(),
          d.number(c + "individual_rate_pct"),
          d.number(c + "employer_rate_pct"),
          d.number(c + "employer_combined_rate_pct"),
          d.number(c + "flexible_rate_pct"),
          d.number(c + "flexible_with_account_rate_pct"),
          d.bool(c + "flexible_account_scheme"),
          PaymentInterval.of(d.string(c + "payment_interval")),
          d.monthDay(c + "contribution_year_start"));
      Double employer = contribution.employerRatePct();
      Double combined = contribution.employerCombinedRatePct();
      Double maternityRate = d.number("maternity.rate_pct");
      if (employer != null && combined != null && maternityRate != null
          && java.math.BigDecimal.valueOf(employer).add(java.math.BigDecimal.valueOf(maternityRate))
              .compareTo(java.math.BigDecimal.valueOf(combined)) != 0) { // in decimal, exactly as written
        error(c + "employer_combined_rate_pct", "合并费率 " + Hints.fmt(combined) + "% 与各项之和不符：单位医保费率 "
            + Hints.fmt(employer) + "% + 生育费率 " + Hints.fmt(maternityRate) + "% = "
            + java.math.BigDecimal.valueOf(employer).add(java.math.BigDecimal.valueOf(maternityRate)).stripTrailingZeros().toPlainString()
            + "%（辽医保发〔2019〕26号：合并费率为两项之和）");
      } else if (employer != null && combined != null && employer > combined) {
        error(c + "employer_combined_rate_pct", "合并费率 " + Hints.fmt(combined) + "% 小于单位医保费率 " + Hints.fmt(employer) + "%");
      }

      EmployeeBenefits eb = new EmployeeBenefits(
          factors("employee.ratios_vary_by"),
          d.number("employee.annual_cap"),
          d.number("employee.high_value_drug_deductible"),
          d.number("employee.inpatient.childbirth_deductible"),
          d.number("employee.inpatient.overall_ratio_pct"),
          DeductibleBasis.of(d.string("employee.outpatient.deductible_basis")),
          d.number("employee.outpatient.annual_cap"));

      List<HospitalClass> classes = new ArrayList<>();
      classes(classes, Scheme.EMPLOYEE, Setting.INPATIENT);
      classes(classes, Scheme.EMPLOYEE, Setting.OUTPATIENT);
      classes(classes, Scheme.RESIDENT, Setting.INPATIENT);
      classes(classes, Scheme.RESIDENT, Setting.OUTPATIENT);

      final String l = "employee.linkage.";
      EmployeeLinkage linkage = new EmployeeLinkage(
          Timing.of(d.string(l + "first_enrolment_benefit_start")),
          d.integer(l + "flexible_waiting_months"),
          Timing.of(d.string(l + "interruption_suspend_from")),
          Timing.of(d.string(l + "resumption_restore_from")),
          d.integer(l + "transfer_grace_months"),
          Timing.of(d.string(l + "transfer_within_grace_start")),
          Timing.of(d.string(l + "transfer_after_grace_start")),
          Timing.of(d.string(l + "flexible_interruption_suspend_from")),
          BenefitEnd.of(d.string(l + "transfer_out_benefit_end")),
          d.integer(l + "flexible_transfer_grace_months"),
          Timing.of(d.string(l + "flexible_transfer_within_grace_start")));

      Maternity maternity = new Maternity(
          maternityRate,
          d.bool("maternity.base_same_as_employee"),
          d.bool("maternity.childbirth_follows_tier_standard"),
          d.string("maternity.allowance_basis"),
          d.bool("maternity.allowance_for_retirees"),
          d.number("maternity.individual_rate_pct"),
          AllowancePayer.of(d.string("maternity.allowance_paid_by")),
          TransferSide.of(d.string("maternity.transfer_before_birth_paid_by")),
          TransferSide.of(d.string("maternity.transfer_after_birth_paid_by")));

      ResidentScheme resident = new ResidentScheme(
          d.integer("resident.collection_period.start_month"),
          d.integer("resident.collection_period.end_month"),
          d.monthDay("resident.subsidy_disbursed_by"),
          Boolean.TRUE.equals(d.bool("resident.subsidy_disbursed_next_year")),
          factors("resident.ratios_vary_by"),
          d.number("resident.annual_cap"),
          d.number("resident.high_value_drug_deductible"),
          d.number("resident.chronic_drug_deductible"),
          d.number("resident.chronic_drug_ratio_pct"),
          d.number("resident.inpatient.overall_ratio_pct"),
          d.number("resident.outpatient.annual_cap"),
          PaymentInterval.of(d.string("resident.payment_interval")));

      final String ci = "resident.critical_illness.";
      CriticalIllness critical = new CriticalIllness(
          d.number(ci + "annual_cap"),
          d.integer(ci + "continuity_after_years"),
          d.number(ci + "continuity_per_year"),
          d.number(ci + "zero_claim_bonus"),
          d.number(ci + "incentive_limit_pct"),
          d.bool(ci + "zero_claim_reset_on_claim"),
          d.bool(ci + "continuity_reset_on_lapse"));

      final String w = "resident.waiting.";
      ResidentWaiting waiting = new ResidentWaiting(
          d.integer(w + "fixed_months"),
          d.integer(w + "variable_months_per_lapse_year"),
          d.integer(w + "repair_months_per_paid_year"),
          d.integer(w + "long_lapse_min_total_months"),
          d.bool(w + "newborn_exempt"),
          RepairPrice.of(d.string(w + "repair_price_basis")));

      List<Waiver> waivers = new ArrayList<>();
      for (int i = 0; i < Math.max(0, d.size("waivers")); i++) {
        String p = "waivers[" + i + "]";
        String rule = d.string(p + ".rule");
        if (rule != null && !knownRuleIds.isEmpty() && !knownRuleIds.contains(rule)) {
          String hint = Hints.closest(rule, new ArrayList<>(knownRuleIds));
          error(p + ".rule", "豁免所指的规则“" + Hints.clip(rule) + "”不在规则目录中" + (hint == null ? "" : "，是否想写“" + hint + "”？"));
        }
        waivers.add(new Waiver(rule, d.string(p + ".reason"), d.string(p + ".approval_ref"), d.date(p + ".expires"), p));
      }
      List<Approval> approvals = new ArrayList<>();
      for (int i = 0; i < Math.max(0, d.size("approvals")); i++) {
        String p = "approvals[" + i + "]";
        List<String> fields = d.strings(p + ".fields");
        for (int k = 0; k < Math.max(0, d.size(p + ".fields")); k++) {
          String field = d.string(p + ".fields[" + k + "]");
          String problem = field == null ? null : ApprovalPaths.problem(field, d);
          if (problem != null) {
            error(p + ".fields[" + k + "]", problem);
          }
        }
        approvals.add(new Approval(d.string(p + ".ref"), d.date(p + ".date"), fields == null ? List.of() : fields,
            Boolean.TRUE.equals(d.bool(p + ".whole_file")), p));
      }

      return new CityPolicy(d.file(), d, j, contribution, eb, List.copyOf(classes), linkage, maternity, resident,
          critical, waiting, List.copyOf(waivers), List.copyOf(approvals), List.copyOf(sources), sourceRefs);
    }

    private List<RatioFactor> factors(String path) {
      List<String> s = d.strings(path);
      return s == null ? null : s.stream().map(RatioFactor::of).toList();
    }

    private void classes(List<HospitalClass> out, Scheme scheme, Setting setting) {
      for (int i = 0; i < Math.max(0, d.size(Paths.list(scheme, setting))); i++) {
        String[] p = Paths.of(scheme, setting, i);
        if (scheme == Scheme.EMPLOYEE && d.number(p[Paths.RATIO]) != null) {
          error(p[Paths.CLASS], "职工医保的医院类别用 in_service_pct / retired_pct，而不是 ratio_pct");
        }
        out.add(new HospitalClass(scheme, setting, i, d.string(p[Paths.NAME]), d.integer(p[Paths.TIER]),
            d.number(p[Paths.DEDUCTIBLE]), d.number(p[Paths.IN_SERVICE]), d.number(p[Paths.RETIRED]),
            d.number(p[Paths.RATIO])));
      }
    }

    /**
     * Every {@code source:} the file gives, by the path of the mapping that carries it, and every
     * per-value source ({@code value_sources: {annual_cap: id}}), by the path of its value.
     */
    private Map<String, String> sourceRefs() {
      Map<String, String> refs = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : d.values().entrySet()) {
        String key = e.getKey();
        if (key.endsWith("source") && (key.length() == 6 || key.endsWith(".source")) && !key.startsWith("sources[")
            && e.getValue() instanceof String id) {
          refs.put(key.length() == 6 ? "" : key.substring(0, key.length() - 7), id);
        }
        int per = key.indexOf(VALUE_SOURCES);
        if (per > 0 && e.getValue() instanceof String id) {
          String value = key.substring(0, per + 1) + key.substring(per + VALUE_SOURCES.length());
          refs.put(value, id);
          refsWritten.put(value, key);
        }
      }
      return refs;
    }

    private static final String VALUE_SOURCES = "." + Schema.VALUE_SOURCES + ".";

    /** Where each per-value source is written ({@code x.value_sources.k}), by the value's path. */
    private final Map<String, String> refsWritten = new java.util.HashMap<>();

    private void checkSourceRefs(List<Source> sources, Map<String, String> refs) {
      if (d.size("sources") < 0 && d.written().contains("sources")
          || sources.stream().anyMatch(s -> s.id() == null)) {
        return; // the sources list itself is in error (already reported): no cascade of errors
      }
      Set<String> ids = new HashSet<>();
      sources.forEach(s -> ids.add(s.id()));
      for (Map.Entry<String, String> e : refs.entrySet()) {
        String id = e.getValue();
        if (!ids.contains(id)) {
          String hint = Hints.closest(id, new ArrayList<>(ids));
          String at = refsWritten.get(e.getKey());
          error(at != null ? at : e.getKey().isEmpty() ? "source" : e.getKey() + ".source",
              "来源“" + Hints.clip(id) + "”未在 sources 中列出" + (hint == null ? "" : "，是否想写“" + hint + "”？"));
        }
      }
    }

    private void error(String path, String message) {
      Position pos = d.positionOrAncestor(path);
      int line = pos == null ? 0 : pos.line();
      String src = line > 0 && line <= d.lines().size() ? d.lines().get(line - 1) : null;
      diags.add(new Diagnostic(d.file(), line, pos == null ? 0 : pos.column(), Severity.ERROR, message, src));
    }
  }
}
