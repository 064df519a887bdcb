package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.WaiverUse;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The JSON output contract (city-policy-format.md, "Output contract (JSON)"). */
public final class JsonReport {

  private JsonReport() {}

  public static String write(RunResult run) {
    return write(run, null);
  }

  /**
   * @param cmp the comparison with a baseline, or null: then each finding carries {@code change}
   *     (new | unchanged, null when not a problem) and each city lists the {@code fixed} findings
   */
  public static String write(RunResult run, Comparison cmp) {
    return JsonText.pretty(tree(run, cmp)) + "\n";
  }

  /**
   * The same text as {@link #write(RunResult, Comparison)}, written to {@code out} as it is made:
   * one city's tree at a time, never the whole document (nor its text) in memory — 1,000 cities
   * make about 45 MB of JSON.
   */
  public static void write(RunResult run, Comparison cmp, Writer out) throws IOException {
    JsonText.stream(out, g -> {
      g.writeStartObject();
      // as_of, summary and baseline as in tree(), with the run's own counts
      ObjectNode whole = summary(run, cmp);
      for (Map.Entry<String, JsonNode> e : whole.properties()) {
        g.writeFieldName(e.getKey());
        JsonText.write(g, e.getValue());
      }
      g.writeFieldName("cities");
      g.writeStartArray();
      for (CityResult c : run.cities()) {
        JsonText.write(g, city(c, cmp == null ? null : cmp.diff(c)));
      }
      for (Unreadable u : Unreadable.of(run)) {
        JsonText.write(g, unreadable(u));
      }
      g.writeEndArray();
      g.writeFieldName("errors");
      g.writeStartArray();
      for (Diagnostic d : run.errors()) {
        JsonText.write(g, diagnostic(d));
      }
      g.writeEndArray();
      g.writeEndObject();
    });
    out.write("\n");
  }

  /** The report's findings.json: {@link #write(RunResult, Comparison, Writer)} without a baseline. */
  public static void stream(RunResult run, Writer out) throws IOException {
    write(run, null, out);
  }

  /**
   * A file that could not be checked, listed among the cities so that no reader of {@code cities}
   * misses it: the same keys as a checked city (no findings, all counts 0), plus
   * {@code "unreadable": true} and its {@code errors}. {@code city} is the file's {@code city:}
   * where that could be read, else null.
   */
  static ObjectNode unreadable(Unreadable u) {
    ObjectNode o = JsonText.NODES.objectNode();
    o.put("city", u.city());
    o.put("code", u.code());
    o.put("file", u.file());
    o.put("unreadable", true);
    ObjectNode counts = o.putObject("summary");
    for (Status s : Status.values()) {
      counts.put(s.key, 0);
    }
    o.putArray("findings");
    o.putArray("waivers");
    o.putArray("input_warnings");
    ArrayNode errors = o.putArray("errors");
    u.errors().forEach(d -> errors.add(diagnostic(d)));
    return o;
  }

  public static ObjectNode tree(RunResult run) {
    return tree(run, null);
  }

  public static ObjectNode tree(RunResult run, Comparison cmp) {
    ObjectNode root = summary(run, cmp);
    ArrayNode cities = root.putArray("cities");
    for (CityResult c : run.cities()) {
      cities.add(city(c, cmp == null ? null : cmp.diff(c)));
    }
    Unreadable.of(run).forEach(u -> cities.add(unreadable(u)));
    ArrayNode errors = root.putArray("errors");
    for (Diagnostic d : run.errors()) {
      errors.add(diagnostic(d));
    }
    return root;
  }

  /** The members before "cities": as_of, summary and (with a baseline) baseline. */
  private static ObjectNode summary(RunResult run, Comparison cmp) {
    ObjectNode root = JsonText.NODES.objectNode();
    root.put("as_of", run.asOf().toString());
    ObjectNode summary = root.putObject("summary");
    summary.put("cities", run.cities().size());
    for (Status s : Status.values()) {
      summary.put(s.key, run.count(s));
    }
    summary.put("files_with_errors", run.errors().stream().map(Diagnostic::file).distinct().count());
    if (cmp != null) {
      ObjectNode b = root.putObject("baseline");
      b.put("ref", cmp.ref());
      for (Delta d : Delta.values()) {
        ObjectNode counts = b.putObject(d.key);
        for (Status s : List.of(Status.VIOLATION, Status.WARNING, Status.INDETERMINATE)) {
          counts.put(s.key, cmp.count(s, d));
        }
      }
      ((ObjectNode) b.get("entered")).put("fields", cmp.count(Status.PASS, Delta.ENTERED)); // data entries (PROC-APPROVAL passes)
    }
    return root;
  }

  static ObjectNode city(CityResult c, CityDiff diff) {
    ObjectNode o = JsonText.NODES.objectNode();
    o.put("city", c.city());
    o.put("code", c.code());
    o.put("file", c.file());
    if (diff != null) {
      o.put("baseline_file", diff.baseline());
      o.put("new_file", diff.newFile());
      o.put("deleted_file", diff.deletedFile());
      o.put("baseline_note", diff.note());
    }
    ObjectNode counts = o.putObject("summary");
    for (Map.Entry<Status, Integer> e : c.counts().entrySet()) {
      counts.put(e.getKey().key, e.getValue());
    }
    ArrayNode findings = o.putArray("findings");
    for (Finding f : c.findings()) {
      ObjectNode n = finding(f);
      if (diff != null) {
        CityDiff.Entry e = diff.entryOf(f);
        n.put("change", e == null || e.delta() == null ? null : e.delta().key);
        n.set("baseline", e == null || e.other() == null ? null : side(e.other()));
      }
      findings.add(n);
    }
    if (diff != null) {
      ArrayNode fixed = o.putArray("fixed");
      for (CityDiff.Entry e : diff.fixed()) {
        // The baseline's finding, located in the proposed file; "now" is what stands there instead.
        ObjectNode n = finding(e.finding());
        n.put("change", e.delta().key);
        putInt(n, "baseline_line", e.finding().line());
        putInt(n, "line", e.line());
        putInt(n, "column", e.column());
        n.set("now", e.other() == null ? null : side(e.other()));
        fixed.add(n);
      }
      ArrayNode notes = o.putArray("approval_notes");
      for (CityDiff.Note note : diff.notes()) {
        ObjectNode n = notes.addObject();
        n.put("level", note.level().key);
        n.put("path", note.path());
        putInt(n, "line", note.line());
        putInt(n, "column", note.column());
        n.put("message", note.message());
      }
    }
    ArrayNode waivers = o.putArray("waivers");
    for (WaiverUse w : c.waivers()) {
      ObjectNode n = waivers.addObject();
      n.put("rule", w.rule());
      n.put("state", w.state().key);
      n.put("approval_ref", w.approvalRef());
      n.put("expires", w.expires());
      n.put("message", w.message());
      n.put("path", w.path());
      putInt(n, "line", w.line());
    }
    ArrayNode warnings = o.putArray("input_warnings");
    c.warnings().forEach(d -> warnings.add(diagnostic(d)));
    return o;
  }

  static ObjectNode finding(Finding f) {
    ObjectNode n = JsonText.NODES.objectNode();
    n.put("rule", f.rule());
    n.put("status", f.status().key);
    n.put("strength", f.strength().key);
    n.put("clause", f.clause());
    n.put("message", f.message());
    n.put("class", f.subject());
    n.put("path", f.path());
    putInt(n, "line", f.line());
    putInt(n, "column", f.column());
    putValue(n, "actual", f.actual());
    n.put("expected", f.expected());
    n.put("deadline", f.deadline() == null ? null : f.deadline().toString());
    if (f.daysLeft() == null) {
      n.putNull("days_left");
    } else {
      n.put("days_left", f.daysLeft());
    }
    n.put("source", f.source());
    n.put("waiver", f.waiver());
    return n;
  }

  /** The finding at the same rule and path on the other side of the comparison, in brief. */
  private static ObjectNode side(Finding f) {
    ObjectNode n = JsonText.NODES.objectNode();
    n.put("status", f.status().key);
    putValue(n, "actual", f.actual());
    putInt(n, "line", f.line());
    n.put("message", f.message());
    return n;
  }

  static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode n = JsonText.NODES.objectNode();
    n.put("file", d.file());
    putInt(n, "line", d.line() > 0 ? d.line() : null);
    putInt(n, "column", d.column() > 0 ? d.column() : null);
    n.put("severity", d.severity() == Diagnostic.Severity.ERROR ? "error" : "warning");
    n.put("message", d.message());
    return n;
  }

  /**
   * The same object as {@link #diagnostic}, written to a stream: the one shape of a file problem in
   * every JSON output (check, report, impact, history).
   */
  public static void diagnostic(com.fasterxml.jackson.core.JsonGenerator g, Diagnostic d) throws IOException {
    g.writeStartObject();
    g.writeStringField("file", d.file());
    if (d.line() > 0) {
      g.writeNumberField("line", d.line());
    } else {
      g.writeNullField("line");
    }
    if (d.column() > 0) {
      g.writeNumberField("column", d.column());
    } else {
      g.writeNullField("column");
    }
    g.writeStringField("severity", d.severity() == Diagnostic.Severity.ERROR ? "error" : "warning");
    g.writeStringField("message", d.message());
    g.writeEndObject();
  }

  /** An {@code "errors"} member: the file problems, each as {@link #diagnostic(com.fasterxml.jackson.core.JsonGenerator, Diagnostic)}. */
  public static void errors(com.fasterxml.jackson.core.JsonGenerator g, List<Diagnostic> errors) throws IOException {
    g.writeArrayFieldStart("errors");
    for (Diagnostic d : errors) {
      diagnostic(g, d);
    }
    g.writeEndArray();
  }

  private static void putInt(ObjectNode n, String k, Integer v) {
    if (v == null) {
      n.putNull(k);
    } else {
      n.put(k, v);
    }
  }

  /** Numbers as written (300, not 300.0); text and booleans as they are. */
  static void putValue(ObjectNode n, String k, Object v) {
    if (v == null) {
      n.putNull(k);
    } else if (v instanceof Double || v instanceof Float) {
      BigDecimal b = BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros();
      if (b.scale() <= 0) {
        n.put(k, b.longValueExact());
      } else {
        n.put(k, b);
      }
    } else if (v instanceof Integer i) {
      n.put(k, i);
    } else if (v instanceof Long l) {
      n.put(k, l);
    } else if (v instanceof Boolean b) {
      n.put(k, b);
    } else {
      n.put(k, v.toString());
    }
  }
}
