package cn.liaoning.ybj.policycheck.impact;

import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.report.JsonReport;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The impact of an overlay as JSON: {@code as_of}, {@code overlay}, {@code parameters} (each with
 * its value in force without and with the overlay), {@code summary}, {@code cities} (every city
 * read, with its {@code changes} and {@code undetermined} findings) and {@code errors}. Written with
 * Jackson's streaming generator.
 */
public final class ImpactJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ImpactJson() {}

  public static String write(Impact impact) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("as_of", impact.asOf().toString());
      g.writeStringField("overlay", impact.overlayFile());
      g.writeArrayFieldStart("parameters");
      for (ParamChange p : impact.parameters()) {
        g.writeStartObject();
        g.writeStringField("key", p.key());
        g.writeStringField("description", p.description());
        g.writeStringField("unit", p.unit());
        g.writeStringField("clause", p.clause());
        g.writeNumberField("line", p.line());
        g.writeNumberField("column", p.column());
        g.writeBooleanField("in_force", p.inForce());
        g.writeFieldName("before");
        value(g, p.before());
        g.writeFieldName("after");
        value(g, p.after());
        g.writeStringField("after_from", p.from() == null ? null : p.from().toString());
        g.writeStringField("first_proposed", p.firstProposed().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("cities", impact.cities().size());
      g.writeNumberField("cities_affected", impact.affected().size());
      g.writeNumberField("cities_undetermined", impact.cities().stream().filter(c -> !c.undetermined().isEmpty()).count());
      for (Change.Kind k : Change.Kind.values()) {
        g.writeNumberField(k.key, impact.count(k));
      }
      g.writeNumberField("files_with_errors", impact.errors().stream().map(Diagnostic::file).distinct().count());
      g.writeEndObject();
      g.writeArrayFieldStart("cities");
      for (CityImpact c : impact.cities()) {
        g.writeStartObject();
        g.writeStringField("city", c.city());
        g.writeStringField("code", c.code());
        g.writeStringField("file", c.file());
        g.writeBooleanField("affected", c.affected());
        g.writeArrayFieldStart("changes");
        for (Change ch : c.changes()) {
          Finding f = ch.shown();
          g.writeStartObject();
          g.writeStringField("kind", ch.kind().key);
          g.writeStringField("rule", f.rule());
          g.writeStringField("clause", f.clause());
          g.writeStringField("class", f.subject());
          g.writeStringField("path", f.path());
          number(g, "line", f.line());
          number(g, "column", f.column());
          g.writeArrayFieldStart("causes");
          for (String cause : ch.causes()) {
            g.writeString(cause);
          }
          g.writeEndArray();
          side(g, "before", ch.before());
          side(g, "after", ch.after());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("undetermined");
        for (Finding f : c.undetermined()) {
          g.writeStartObject();
          g.writeStringField("rule", f.rule());
          g.writeStringField("class", f.subject());
          g.writeStringField("path", f.path());
          number(g, "line", f.line());
          g.writeStringField("message", f.message());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      JsonReport.errors(g, impact.errors());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** One side of a change: the finding's status, values, explanation and deadline, or null. */
  private static void side(JsonGenerator g, String name, Finding f) throws IOException {
    if (f == null) {
      g.writeNullField(name);
      return;
    }
    g.writeObjectFieldStart(name);
    g.writeStringField("status", f.status().key);
    g.writeFieldName("actual");
    value(g, f.actual());
    g.writeStringField("expected", f.expected());
    g.writeStringField("message", f.message());
    g.writeStringField("deadline", f.deadline() == null ? null : f.deadline().toString());
    if (f.daysLeft() == null) {
      g.writeNullField("days_left");
    } else {
      g.writeNumberField("days_left", f.daysLeft());
    }
    g.writeStringField("waiver", f.waiver());
    g.writeEndObject();
  }

  /** A number as a JSON number (300, 8.6), a per-tier value as {"tier3": 87, …}, anything else as text. */
  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : new TreeMap<>(m).descendingMap().entrySet()) {
        g.writeFieldName("tier" + e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        g.writeNumber((long) d); // 300, not 300.0
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void number(JsonGenerator g, String name, Integer n) throws IOException {
    if (n == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, n);
    }
  }
}
