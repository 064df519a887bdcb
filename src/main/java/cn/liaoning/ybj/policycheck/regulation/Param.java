package cn.liaoning.ybj.policycheck.regulation;

import org.kie.api.definition.type.ClassReactive;

/**
 * A provincial parameter in force at the as-of date, as a fact the rules compare with.
 *
 * @param key the parameter's key, e.g. {@code emp.outpatient.deductible_min}
 * @param tier 1–3 for a per-tier guideline, 0 for a single value
 * @param value the number, or null for a text parameter
 * @param text the text, or null for a number
 */
@ClassReactive
public record Param(String key, int tier, Double value, String text) {}
