package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Facts.FundStatus;
import java.time.LocalDate;

/** The city (or 省直) a file describes, and the facts about it that exceptions depend on. */
public record Jurisdiction(
    String city,
    String code,
    LocalDate policyDate,
    FundStatus employeeFund,
    FundStatus residentFund,
    boolean extensionApproved,
    String extensionRef) {}
