package cn.liaoning.ybj.policycheck.policy;

/** Enumerations used by the fact records and the rules. */
public final class Facts {
  private Facts() {}

  /** Which insurance scheme a hospital class belongs to. */
  public enum Scheme {
    EMPLOYEE("employee", "职工医保"),
    RESIDENT("resident", "居民医保");

    public final String key;
    public final String label;

    Scheme(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /** Inpatient or outpatient pooling. */
  public enum Setting {
    INPATIENT("inpatient", "住院"),
    OUTPATIENT("outpatient", "普通门诊统筹");

    public final String key;
    public final String label;

    Setting(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /** How the fund is running, as the city file states it. */
  public enum FundStatus {
    STABLE,
    RISK,
    UNKNOWN;

    static FundStatus of(String s) {
      return s == null ? UNKNOWN : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** When benefits start, stop or resume relative to a payment. */
  public enum Timing {
    PAYMENT_DAY,
    PAYMENT_MONTH,
    SAME_MONTH,
    NEXT_MONTH,
    AFTER_WAITING;

    static Timing of(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** What a benefit ratio may (wrongly) vary by. */
  public enum RatioFactor {
    ENROLMENT_YEARS,
    COST_AMOUNT,
    AGE;

    static RatioFactor of(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Whether the outpatient-pooling deductible is set per year or per visit. */
  public enum DeductibleBasis {
    PER_YEAR,
    PER_VISIT;

    static DeductibleBasis of(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** How often contributions are paid. */
  public enum PaymentInterval {
    MONTHLY,
    QUARTERLY,
    YEARLY;

    static PaymentInterval of(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Who pays the maternity allowance. */
  public enum AllowancePayer {
    MATERNITY_FUND,
    EMPLOYER,
    OTHER;

    static AllowancePayer of(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Of an enrolment transfer: the receiving side or the original one. */
  public enum TransferSide {
    RECEIVING,
    ORIGINAL;

    static TransferSide of(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Until when benefits continue in the place an employee transfers out of. */
  public enum BenefitEnd {
    END_OF_TRANSFER_MONTH,
    TRANSFER_DATE,
    END_OF_PREVIOUS_MONTH;

    static BenefitEnd of(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** At which contribution standard a resident repairs a lapsed year. */
  public enum RepairPrice {
    CURRENT_YEAR_LOCAL_STANDARD,
    LAPSED_YEAR_STANDARD,
    OTHER;

    static RepairPrice of(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
