package cn.liaoning.ybj.policycheck.policy;

import java.time.LocalDate;
import java.util.List;

/** A provincial approval of a policy change ({@code approvals[i]}). */
public record Approval(String ref, LocalDate date, List<String> fields, boolean wholeFile, String path) {}
