package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import cn.liaoning.ybj.policycheck.regulation.Strength;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), for code hosts that annotate pull requests: one reporting descriptor per
 * rule id (clause, Chinese summary, clause text), one result per problem with file, line and
 * column. With a baseline each result carries {@code baselineState} (new, unchanged, updated — made
 * worse, or the value changed but the problem stays — or absent for a fixed problem, as a
 * {@code pass} result) and the property {@code change} (new, worsened, entered, unchanged, fixed).
 * A waived violation is a result with an accepted external suppression naming the approval.
 * Passes and not-applicable findings are left out.
 */
public final class SarifReport {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  private static final String SRCROOT = "%SRCROOT%";

  private final Catalogue catalogue;
  private final Parameters parameters;
  private final String version;

  /** @param version the tool's version, e.g. from the jar manifest */
  public SarifReport(Catalogue catalogue, Parameters parameters, String version) {
    this.catalogue = catalogue;
    this.parameters = parameters;
    this.version = version;
  }

  public String write(RunResult run, Comparison cmp) {
    return JsonText.pretty(tree(run, cmp)) + "\n";
  }

  public ObjectNode tree(RunResult run, Comparison cmp) {
    ObjectNode root = JsonText.NODES.objectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode r = root.putArray("runs").addObject();

    ObjectNode driver = r.putObject("tool").putObject("driver");
    driver.put("name", "policy-check");
    driver.put("fullName", "policy-check 辽宁省基本医疗保险政策合规检查（" + parameters.regulation().number() + "）");
    driver.put("version", version);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    // The rules' summaries with the parameters in force on the run's as-of date.
    for (Catalogue.Entry e : catalogue.at(parameters, run.asOf()).entries().values()) {
      index.put(e.id(), rules.size());
      rules.add(descriptor(e));
    }

    r.put("language", "zh-CN");
    r.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", Path.of("").toAbsolutePath().toUri().toString());
    ObjectNode invocation = r.putArray("invocations").addObject();
    invocation.put("executionSuccessful", !run.hasErrors());
    if (run.hasErrors()) {
      ArrayNode notes = invocation.putArray("toolExecutionNotifications");
      for (Diagnostic d : run.errors()) {
        ObjectNode n = notes.addObject();
        n.put("level", "error");
        n.putObject("message").put("text", Echo.line(d.message()));
        n.putArray("locations").add(location(d.file(), d.line() > 0 ? d.line() : null, d.column() > 0 ? d.column() : null));
      }
    }
    ObjectNode props = r.putObject("properties");
    props.put("asOf", run.asOf().toString());
    if (cmp != null) {
      props.put("baseline", cmp.ref());
    }

    ArrayNode results = r.putArray("results");
    for (CityResult c : run.cities()) {
      CityDiff diff = cmp == null ? null : cmp.diff(c);
      for (Finding f : c.findings()) {
        if (f.status() == Status.PASS || f.status() == Status.NOT_APPLICABLE) {
          continue;
        }
        CityDiff.Entry e = diff == null ? null : diff.entryOf(f);
        Delta delta = e == null ? null : e.delta();
        ObjectNode res = result(c, f, index, f.line(), f.column(), Messages.finding(f, e));
        res.put("level", level(f.status()));
        if (f.status() == Status.WAIVED) {
          ObjectNode s = res.putArray("suppressions").addObject();
          s.put("kind", "external");
          s.put("status", "accepted");
          s.put("justification", "经省级批准的豁免：" + f.waiver());
        }
        if (delta != null) {
          res.put("baselineState", baselineState(e));
          ((ObjectNode) res.get("properties")).put("change", delta.key);
        }
        results.add(res);
      }
      if (diff != null) {
        for (CityDiff.Entry e : diff.fixed()) {
          ObjectNode res = result(c, e.finding(), index, e.line(), e.column(), Messages.fixed(e));
          res.put("kind", "pass");
          res.put("level", "none");
          res.put("baselineState", "absent");
          ((ObjectNode) res.get("properties")).put("change", Delta.FIXED.key);
          results.add(res);
        }
      }
    }
    return root;
  }

  /**
   * new (also a problem that data entry brought to light: the baseline had no such result),
   * updated (made worse, or its value changed with the problem standing), or unchanged.
   */
  static String baselineState(CityDiff.Entry e) {
    return switch (e.delta()) {
      case NEW, ENTERED -> "new";
      case WORSENED -> "updated";
      case FIXED -> "absent";
      case UNCHANGED -> e.valueChanged() ? "updated" : "unchanged";
    };
  }

  private ObjectNode descriptor(Catalogue.Entry e) {
    ObjectNode d = JsonText.NODES.objectNode();
    d.put("id", e.id());
    d.putObject("shortDescription").put("text", e.summary());
    d.putObject("fullDescription").put("text", e.summary() + "（" + e.clause() + "，" + e.strength().label + "）");
    String text = parameters.clauseText(e.clause());
    d.putObject("help").put("text", e.clause() + (text == null ? "" : "：" + text));
    d.putObject("defaultConfiguration").put("level", e.strength() == Strength.GUIDANCE ? "warning" : "error");
    ObjectNode p = d.putObject("properties");
    p.put("clause", e.clause());
    p.put("strength", e.strength().key);
    p.put("area", e.area());
    Catalogue.Area area = catalogue.areas().get(e.area());
    ArrayNode tags = p.putArray("tags");
    if (area != null) {
      tags.add(area.title());
    }
    tags.add(e.strength().label);
    return d;
  }

  private ObjectNode result(CityResult c, Finding f, Map<String, Integer> index, Integer line, Integer column, String text) {
    ObjectNode res = JsonText.NODES.objectNode();
    res.put("ruleId", f.rule());
    Integer i = index.get(f.rule());
    if (i != null) {
      res.put("ruleIndex", i);
    }
    res.putObject("message").put("text", Echo.line(text));
    ObjectNode loc = location(c.file(), line, column);
    if (f.path() != null) {
      loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.path()).put("kind", "member");
    }
    res.putArray("locations").add(loc);
    // Stable across line moves: the city, the rule and the field, never the line.
    res.putObject("partialFingerprints").put("policyFinding/v1", sha256(c.city() + "\u0000" + f.rule() + "\u0000" + f.path()));
    ObjectNode p = res.putObject("properties");
    p.put("city", Echo.line(c.city()));
    p.put("status", f.status().key);
    p.put("clause", f.clause());
    p.put("path", f.path());
    if (f.deadline() != null) {
      p.put("deadline", f.deadline().toString());
      p.put("daysLeft", f.daysLeft());
    }
    return res;
  }

  private static ObjectNode location(String file, Integer line, Integer column) {
    ObjectNode loc = JsonText.NODES.objectNode();
    ObjectNode phys = loc.putObject("physicalLocation");
    ObjectNode art = phys.putObject("artifactLocation");
    String rel = FilePaths.relative(file);
    if (Path.of(rel).isAbsolute()) {
      art.put("uri", Path.of(rel).toUri().toString());
    } else {
      art.put("uri", uri(rel));
      art.put("uriBaseId", SRCROOT);
    }
    if (line != null && line > 0) {
      ObjectNode region = phys.putObject("region");
      region.put("startLine", line);
      if (column != null && column > 0) {
        region.put("startColumn", column);
      }
    }
    return loc;
  }

  /** A relative path as a URI reference (spaces and non-ASCII characters percent-encoded). */
  private static String uri(String relative) {
    try {
      return new URI(null, null, relative, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(relative, e);
    }
  }

  private static String level(Status s) {
    return switch (s) {
      case VIOLATION, WAIVED -> "error";
      case WARNING -> "warning";
      case INDETERMINATE -> "note";
      case PASS, NOT_APPLICABLE -> "none";
    };
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
