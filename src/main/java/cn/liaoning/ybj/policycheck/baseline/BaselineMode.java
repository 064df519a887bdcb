package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.policy.EmployeeContribution;
import cn.liaoning.ybj.policycheck.policy.Maternity;
import java.time.LocalDate;
import org.kie.api.definition.type.ClassReactive;

/**
 * The marker fact of baseline (diff) mode, with the baseline's records that the baseline-mode
 * rules compare against. Inserted only when a city is checked against a baseline, so the rules
 * that match it ({@code PROC-APPROVAL}, {@code EMP-RATE-EMPLOYER-STABLE}) never fire otherwise.
 *
 * @param baseline where the baseline file was read, e.g. {@code origin/main:city-policies/shenyang.yaml}
 * @param newFile true when the baseline has no such file: every field of the proposal is new
 * @param contribution the baseline's employee contribution, or null for a new file
 * @param maternity the baseline's maternity record, or null for a new file
 * @param asOf the as-of date: an approval dated after it is not yet in force
 */
@ClassReactive
public record BaselineMode(String baseline, boolean newFile, EmployeeContribution contribution, Maternity maternity,
    LocalDate asOf) {}
