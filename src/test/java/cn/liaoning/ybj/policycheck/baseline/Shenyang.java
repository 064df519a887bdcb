package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real Shenyang file ({@code city-policies/shenyang.yaml}) and edits to it that keep every
 * line where it is, so that tests can assert the lines a reviewer would be shown.
 */
public final class Shenyang {
  /** Line of {@code employee.contribution.base_floor_pct} (found in the file, so that comment lines may come and go). */
  public static final int FLOOR_LINE = lineOf("    base_floor_pct: 60 ");
  /** Line of the outpatient class 一级及以下 ({@code employee.outpatient.classes[3]}). */
  public static final int DEDUCTIBLE_LINE = lineOf("{ name: 一级及以下, tier: 1, deductible: 200,");
  public static final String DEDUCTIBLE = "employee.outpatient.classes[3].deductible";
  public static final String FLOOR = "employee.contribution.base_floor_pct";
  public static final String APPROVAL_REF = "辽医保函〔2026〕12号";

  private Shenyang() {}

  /** The 1-based line of the file's only line containing {@code text}. */
  public static int lineOf(String text) {
    java.util.List<String> lines = text().lines().toList();
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        if (found >= 0) {
          throw new AssertionError("Shenyang fixture has two lines containing: " + text);
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new AssertionError("Shenyang fixture lacks: " + text);
    }
    return found;
  }

  public static String text() {
    try {
      return Files.readString(Path.of("city-policies/shenyang.yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outpatient deductible of 一级及以下 (200 in the guide). */
  public static String withDeductible(String yaml, int yuan) {
    return replace(yaml, "{ name: 一级及以下, tier: 1, deductible: 200,", "{ name: 一级及以下, tier: 1, deductible: " + yuan + ",");
  }

  /** The contribution-base floor (60 in the guide). */
  public static String withBaseFloor(String yaml, int pct) {
    return replace(yaml, "    base_floor_pct: 60 ", "    base_floor_pct: " + pct + " ");
  }

  /** An approval entry naming these fields (on the line of {@code approvals: []}). */
  public static String withApproval(String yaml, List<String> fields) {
    StringBuilder f = new StringBuilder();
    for (String s : fields) {
      f.append(f.length() == 0 ? "" : ", ").append('"').append(s).append('"');
    }
    return replace(yaml, "approvals: []", "approvals: [{ref: " + APPROVAL_REF + ", date: 2026-03-01, fields: [" + f + "], whole_file: false}]");
  }

  private static String replace(String yaml, String from, String to) {
    if (!yaml.contains(from)) {
      throw new AssertionError("Shenyang fixture lacks: " + from);
    }
    return yaml.replace(from, to);
  }

  /** Whether the employee-benefit rule of the outpatient deductible is in this build. */
  public static boolean hasDeductibleRule() {
    return TestSupport.engine().ruleIds().contains("EMP-OUTPATIENT-DEDUCT-MIN");
  }
}
