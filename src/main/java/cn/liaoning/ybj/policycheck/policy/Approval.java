package cn.liaoning.ybj.policycheck.policy;

import java.time.LocalDate;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/** A provincial approval of a policy change ({@code approvals[i]}). */
@ClassReactive
public record Approval(String ref, LocalDate date, List<String> fields, boolean wholeFile, String path) {}
