package cn.liaoning.ybj.policycheck.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON trees for the JSON output: built with Jackson's node factory and written as indented text
 * by Jackson's streaming generator, the same text as an {@code ObjectMapper} with
 * {@code INDENT_OUTPUT} gives (tested). SARIF is written through the same generator without a tree
 * ({@link #stream}). No {@code ObjectMapper} is made: its start-up (date formats, serializer
 * factories) was about a third of a cold {@code check --format json} run's report time, and a tree
 * needs none of it.
 */
final class JsonText {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** The tree as indented JSON text (no final newline). */
  static String pretty(JsonNode root) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      write(g, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** What writes a document through a generator. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Indented JSON written straight to {@code out} (not closed), as {@link #pretty} would make it. */
  static void stream(java.io.Writer out, Body body) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(new DefaultPrettyPrinter());
    body.write(g);
    g.flush();
  }

  static void write(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode item : n) {
          write(g, item);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(n.textValue());
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NULL -> g.writeNull();
      case NUMBER -> {
        switch (n.numberType()) {
          case INT -> g.writeNumber(n.intValue());
          case LONG -> g.writeNumber(n.longValue());
          case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
          case FLOAT -> g.writeNumber(n.floatValue());
          case DOUBLE -> g.writeNumber(n.doubleValue());
          case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
          default -> throw new IllegalArgumentException("unexpected JSON number " + n.numberType());
        }
      }
      default -> throw new IllegalArgumentException("unexpected JSON node " + n.getNodeType());
    }
  }
}
