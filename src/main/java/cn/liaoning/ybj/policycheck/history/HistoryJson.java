package cn.liaoning.ybj.policycheck.history;

import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.report.JsonReport;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The history as JSON: {@code paths}, {@code since}, {@code as_of} (the fixed as-of date, or null
 * when each commit's date is used), {@code deadline}, {@code extended_deadline}, {@code commits}
 * (each state: {@code commit}, {@code date}, {@code as_of}, {@code subject}), {@code cities} (each
 * city file with one {@code points} entry per commit, in the same order: {@code state} checked |
 * unreadable | absent and the count of each status, null unless checked) and {@code errors}.
 */
public final class HistoryJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private HistoryJson() {}

  public static String write(History h) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeArrayFieldStart("paths");
      for (String p : h.paths()) {
        g.writeString(p);
      }
      g.writeEndArray();
      g.writeStringField("since", h.since());
      g.writeStringField("as_of", h.fixedAsOf() == null ? null : h.fixedAsOf().toString());
      g.writeStringField("deadline", h.deadline() == null ? null : h.deadline().toString());
      g.writeStringField("extended_deadline", h.extendedDeadline() == null ? null : h.extendedDeadline().toString());
      g.writeArrayFieldStart("commits");
      for (History.Point p : h.commits()) {
        g.writeStartObject();
        g.writeStringField("commit", p.commit().id());
        g.writeStringField("date", p.commit().date().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        g.writeStringField("as_of", p.asOf().toString());
        g.writeStringField("subject", p.commit().subject());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("cities");
      for (History.CityLine c : h.cities()) {
        g.writeStartObject();
        g.writeStringField("city", c.city());
        g.writeStringField("code", c.code());
        g.writeStringField("file", c.file());
        g.writeArrayFieldStart("points");
        for (int i = 0; i < c.marks().size(); i++) {
          History.Mark m = c.marks().get(i);
          History.Point p = h.commits().get(i);
          g.writeStartObject();
          g.writeStringField("commit", p.commit().id());
          g.writeStringField("as_of", p.asOf().toString());
          g.writeStringField("state", m.state().key);
          for (Status s : Status.values()) {
            if (m.counts() == null) {
              g.writeNullField(s.key);
            } else {
              g.writeNumberField(s.key, m.count(s));
            }
          }
          g.writeStringField("problem", m.problem());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      JsonReport.errors(g, h.errors());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }
}
