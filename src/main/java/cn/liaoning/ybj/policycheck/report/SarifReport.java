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
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 *
 * <p>The document is written straight through Jackson's streaming generator, member by member in
 * the order a node tree of it would hold them, so that {@code check --format sarif} on 1,000 cities
 * never holds the whole document (about 60 MB of text) in memory; the text is byte for byte what
 * the node tree built before gave ({@code SarifStreamTest}).
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

  /** The whole document as text (for {@code --output sarif=FILE}, written all or nothing). */
  public String write(RunResult run, Comparison cmp) {
    StringWriter out = new StringWriter();
    try {
      write(run, cmp, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not throw
    }
    return out.toString();
  }

  /**
   * The same text as {@link #write(RunResult, Comparison)}, written to {@code out} (not closed) as
   * it is made: one descriptor, notification or result at a time, never the whole document (nor its
   * text) in memory — 1,000 cities make about 60 MB of SARIF.
   */
  public void write(RunResult run, Comparison cmp, Writer out) throws IOException {
    JsonText.stream(out, g -> document(g, run, cmp));
    out.write("\n");
  }

  private void document(JsonGenerator g, RunResult run, Comparison cmp) throws IOException {
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();

    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "policy-check");
    g.writeStringField("fullName", "policy-check 辽宁省基本医疗保险政策合规检查（" + parameters.regulation().number() + "）");
    g.writeStringField("version", version);
    g.writeArrayFieldStart("rules");
    Map<String, Integer> index = new HashMap<>();
    int n = 0;
    // The rules' summaries with the parameters in force on the run's as-of date.
    for (Catalogue.Entry e : catalogue.at(parameters, run.asOf()).entries().values()) {
      index.put(e.id(), n++);
      descriptor(g, e);
    }
    g.writeEndArray();
    g.writeEndObject(); // driver
    g.writeEndObject(); // tool

    g.writeStringField("language", "zh-CN");
    g.writeObjectFieldStart("originalUriBaseIds");
    g.writeObjectFieldStart(SRCROOT);
    g.writeStringField("uri", Path.of("").toAbsolutePath().toUri().toString());
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", !run.hasErrors());
    if (run.hasErrors()) {
      g.writeArrayFieldStart("toolExecutionNotifications");
      for (Diagnostic d : run.errors()) {
        g.writeStartObject();
        g.writeStringField("level", "error");
        text(g, "message", Echo.line(d.message()));
        g.writeArrayFieldStart("locations");
        location(g, d.file(), d.line() > 0 ? d.line() : null, d.column() > 0 ? d.column() : null, null);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray(); // invocations
    g.writeObjectFieldStart("properties");
    g.writeStringField("asOf", run.asOf().toString());
    if (cmp != null) {
      g.writeStringField("baseline", cmp.ref());
    }
    g.writeEndObject();

    g.writeArrayFieldStart("results");
    for (CityResult c : run.cities()) {
      CityDiff diff = cmp == null ? null : cmp.diff(c);
      for (Finding f : c.findings()) {
        if (f.status() == Status.PASS || f.status() == Status.NOT_APPLICABLE) {
          continue;
        }
        CityDiff.Entry e = diff == null ? null : diff.entryOf(f);
        Delta delta = e == null ? null : e.delta();
        result(g, c, f, index, f.line(), f.column(), Messages.finding(f, e), delta == null ? null : delta.key);
        g.writeStringField("level", level(f.status()));
        if (f.status() == Status.WAIVED) {
          g.writeArrayFieldStart("suppressions");
          g.writeStartObject();
          g.writeStringField("kind", "external");
          g.writeStringField("status", "accepted");
          g.writeStringField("justification", "经省级批准的豁免：" + f.waiver());
          g.writeEndObject();
          g.writeEndArray();
        }
        if (delta != null) {
          g.writeStringField("baselineState", baselineState(e));
        }
        g.writeEndObject();
      }
      if (diff != null) {
        for (CityDiff.Entry e : diff.fixed()) {
          result(g, c, e.finding(), index, e.line(), e.column(), Messages.fixed(e), Delta.FIXED.key);
          g.writeStringField("kind", "pass");
          g.writeStringField("level", "none");
          g.writeStringField("baselineState", "absent");
          g.writeEndObject();
        }
      }
    }
    g.writeEndArray(); // results

    g.writeEndObject(); // the run
    g.writeEndArray(); // runs
    g.writeEndObject();
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

  private void descriptor(JsonGenerator g, Catalogue.Entry e) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    text(g, "shortDescription", e.summary());
    text(g, "fullDescription", e.summary() + "（" + e.clause() + "，" + e.strength().label + "）");
    String text = parameters.clauseText(e.clause());
    text(g, "help", e.clause() + (text == null ? "" : "：" + text));
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", e.strength() == Strength.GUIDANCE ? "warning" : "error");
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("clause", e.clause());
    g.writeStringField("strength", e.strength().key);
    g.writeStringField("area", e.area());
    Catalogue.Area area = catalogue.areas().get(e.area());
    g.writeArrayFieldStart("tags");
    if (area != null) {
      g.writeString(area.title());
    }
    g.writeString(e.strength().label);
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * A result's members up to and including its {@code properties} (with {@code change}, when not
   * null, last among them); the result object is left open for the caller's level, suppressions
   * and baseline state.
   */
  private static void result(JsonGenerator g, CityResult c, Finding f, Map<String, Integer> index, Integer line, Integer column,
      String text, String change) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.rule());
    Integer i = index.get(f.rule());
    if (i != null) {
      g.writeNumberField("ruleIndex", i);
    }
    text(g, "message", Echo.line(text));
    g.writeArrayFieldStart("locations");
    location(g, c.file(), line, column, f.path());
    g.writeEndArray();
    // Stable across line moves: the city, the rule and the field, never the line.
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField("policyFinding/v1", sha256(c.city() + "\u0000" + f.rule() + "\u0000" + f.path()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("city", Echo.line(c.city()));
    g.writeStringField("status", f.status().key);
    g.writeStringField("clause", f.clause());
    g.writeStringField("path", f.path());
    if (f.deadline() != null) {
      g.writeStringField("deadline", f.deadline().toString());
      g.writeFieldName("daysLeft");
      if (f.daysLeft() == null) {
        g.writeNull();
      } else {
        g.writeNumber(f.daysLeft());
      }
    }
    if (change != null) {
      g.writeStringField("change", change);
    }
    g.writeEndObject();
  }

  /** {@code "name" : { "text" : text }} (a SARIF message or multiformat message string). */
  private static void text(JsonGenerator g, String name, String text) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  /** A location: the file (and line and column where known), and the field as a logical location when given. */
  private static void location(JsonGenerator g, String file, Integer line, Integer column, String field) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    String rel = FilePaths.relative(file);
    if (Path.of(rel).isAbsolute()) {
      g.writeStringField("uri", Path.of(rel).toUri().toString());
    } else {
      g.writeStringField("uri", uri(rel));
      g.writeStringField("uriBaseId", SRCROOT);
    }
    g.writeEndObject();
    if (line != null && line > 0) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", line);
      if (column != null && column > 0) {
        g.writeNumberField("startColumn", column);
      }
      g.writeEndObject();
    }
    g.writeEndObject(); // physicalLocation
    if (field != null) {
      g.writeArrayFieldStart("logicalLocations");
      g.writeStartObject();
      g.writeStringField("fullyQualifiedName", field);
      g.writeStringField("kind", "member");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
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
