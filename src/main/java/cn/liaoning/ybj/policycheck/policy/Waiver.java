package cn.liaoning.ybj.policycheck.policy;

import java.time.LocalDate;

/** An approved exception to an in-principle rule ({@code waivers[i]}). */
public record Waiver(String rule, String reason, String approvalRef, LocalDate expires, String path) {}
