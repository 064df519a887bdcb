package cn.liaoning.ybj.policycheck.policy;

import java.time.LocalDate;
import org.kie.api.definition.type.ClassReactive;

/** An approved exception to an in-principle rule ({@code waivers[i]}). */
@ClassReactive
public record Waiver(String rule, String reason, String approvalRef, LocalDate expires, String path) {}
