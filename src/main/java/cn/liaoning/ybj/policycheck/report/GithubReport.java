package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request's
 * lines: {@code ::error} for what fails the gate (new violations; all violations without a
 * baseline), {@code ::warning} for warnings and for violations already in the baseline,
 * {@code ::notice} for new indeterminate findings and for what the change fixes. Unchanged
 * indeterminate findings are left out (they are in the text and JSON reports). Values are escaped
 * as the Actions toolkit does.
 */
public final class GithubReport {
  private final Catalogue catalogue;
  private final Gate gate;

  public GithubReport(Catalogue catalogue, Gate gate) {
    this.catalogue = catalogue;
    this.gate = gate;
  }

  public String write(RunResult run, Comparison cmp) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : run.errors()) {
      command(sb, "error", d.file(), d.line() > 0 ? d.line() : null, d.column() > 0 ? d.column() : null,
          "无法读取城市文件", d.message());
    }
    for (CityResult c : run.cities()) {
      CityDiff diff = cmp == null ? null : cmp.diff(c);
      for (Finding f : c.findings()) {
        CityDiff.Entry e = diff == null ? null : diff.entryOf(f);
        Delta delta = e == null ? null : e.delta();
        String kind;
        if (gate.fails(f.status(), delta)) {
          kind = "error";
        } else if (f.status() == Status.VIOLATION || f.status() == Status.WARNING) {
          kind = "warning";
        } else if (f.status() == Status.INDETERMINATE && delta != Delta.UNCHANGED) {
          kind = "notice";
        } else {
          continue;
        }
        command(sb, kind, c.file(), f.line(), f.column(), title(c, f, delta), Messages.finding(f, e));
      }
      if (diff != null) {
        for (CityDiff.Entry e : diff.fixed()) {
          command(sb, "notice", c.file(), e.line(), e.column(), title(c, e.finding(), Delta.FIXED), Messages.fixed(e));
        }
      }
    }
    return sb.toString();
  }

  private String title(CityResult c, Finding f, Delta delta) {
    Catalogue.Entry e = catalogue.get(f.rule());
    return c.city() + " " + f.rule() + (delta == null ? "" : "（" + delta.label + "）")
        + (e == null ? "" : "：" + e.summary());
  }

  private static void command(StringBuilder sb, String kind, String file, Integer line, Integer column, String title, String message) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("file", Echo.line(FilePaths.relative(file)));
    if (line != null) {
      props.put("line", line.toString());
      if (column != null) {
        props.put("col", column.toString());
      }
    }
    props.put("title", Echo.line(title));
    sb.append("::").append(kind);
    String sep = " ";
    for (Map.Entry<String, String> p : props.entrySet()) {
      sb.append(sep).append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
      sep = ",";
    }
    sb.append("::").append(escapeData(Echo.line(message))).append('\n');
  }

  /** As the Actions toolkit's escapeData: %, CR and LF. */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** As the Actions toolkit's escapeProperty: also ":" and ",", which separate properties. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
