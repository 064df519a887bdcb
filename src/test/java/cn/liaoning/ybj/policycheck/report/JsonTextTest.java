package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JSON and SARIF text is what an ObjectMapper with INDENT_OUTPUT writes for the same tree. */
class JsonTextTest {
  private static final ObjectMapper REFERENCE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static void assertSameAsObjectMapper(JsonNode tree) throws Exception {
    assertEquals(REFERENCE.writeValueAsString(tree), JsonText.pretty(tree));
  }

  @Test
  void everyKindOfNode() throws Exception {
    ObjectNode root = JsonText.NODES.objectNode();
    root.put("text", "沈阳 \"引号\" \\ \n 换行 \u0001");
    root.put("int", 300);
    root.put("long", 10_000_000_000L);
    root.put("big_integer", new BigInteger("123456789012345678901234567890"));
    root.put("float", 8.5f);
    root.put("double", 8.6);
    root.put("decimal", new BigDecimal("0.10"));
    root.put("true", true);
    root.put("false", false);
    root.putNull("null");
    root.putObject("empty_object");
    root.putArray("empty_array");
    root.putArray("array").add(1).add("two").addNull().addObject().put("k", "v");
    root.putObject("nested").putObject("deeper").putArray("list").add(JsonText.NODES.arrayNode().add(1.5));
    assertSameAsObjectMapper(root);
  }

  @Test
  void theReportsOfTheRealCities() throws Exception {
    RunResult run = Reports.run(Files.readString(Path.of("city-policies/shenyang.yaml")), TestSupport.compliant(),
        Files.readString(Path.of("city-policies/anshan.yaml")));
    assertSameAsObjectMapper(JsonReport.tree(run));
    assertSameAsObjectMapper(new SarifTreeReference(TestSupport.catalogue(), TestSupport.parameters(), "test").tree(run, null));
  }
}
