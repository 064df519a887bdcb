package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@code policy-check schema} and the committed {@code docs/city-policy.schema.json}: the file is
 * the command's output, and validators that share no code with the loader agree with it — the
 * networknt validator (Java) and, where Debian's python3-jsonschema is installed, python-jsonschema
 * over PyYAML: every city file is valid, and every hostile case the loader refuses for a wrong type,
 * range, enumerated value, unknown or missing key is invalid.
 */
class SchemaCommandTest {
  static final Path SCHEMA = Path.of("docs/city-policy.schema.json");
  static final Path HOSTILE = Path.of("src/test/resources/hostile");
  static final String MODELINE = "# yaml-language-server: $schema=../docs/city-policy.schema.json";

  /**
   * The loader's messages for mistakes a JSON Schema can see: a value of the wrong type, out of
   * range, not among the allowed values, a date that does not exist, an unknown, missing or empty
   * key or item. A hostile case is selected when every error it expects is one of these.
   */
  static final Pattern SCHEMA_KIND = Pattern.compile(
      "应为(数字|文字|列表|键值映射|整数|true 或 false|日期|月-日)[^普]|超出允许范围|不能为负数|不支持的格式版本"
          + "|无效，可选|未知的键|缺少必填的键|不能为空|是空白文字|项为空|的日期“[^”]*”不存在|的月-日“[^”]*”不存在");

  @Test
  void theCommittedSchemaIsTheCommandsOutput() throws IOException {
    Cli.Run r = Cli.run("schema");
    assertEquals(0, r.code(), r.err());
    String committed = Files.readString(SCHEMA, StandardCharsets.UTF_8);
    if (!committed.equals(r.out())) {
      Path fresh = Path.of("target/city-policy.schema.json");
      Files.writeString(fresh, r.out(), StandardCharsets.UTF_8);
      assertEquals(committed, r.out(), "docs/city-policy.schema.json is out of date: run "
          + "./policy-check schema > docs/city-policy.schema.json (or cp " + fresh + " docs/)");
    }
  }

  @Test
  void theSchemaSaysWhatTheFormatSays() throws IOException {
    JsonNode s = new ObjectMapper().readTree(SCHEMA.toFile());
    JsonNode contribution = s.at("/properties/employee/properties/contribution");
    assertEquals(false, contribution.get("additionalProperties").asBoolean(true), "no unknown keys");
    JsonNode floor = contribution.at("/properties/base_floor_pct");
    assertEquals("职工个人缴费基数下限", floor.get("title").asText());
    assertTrue(floor.get("description").asText().contains("单位：%"), floor.toString());
    assertEquals("[\"number\",\"null\"]", floor.get("type").toString());
    assertEquals(0, floor.get("minimum").asInt());
    assertEquals(1000, floor.get("maximum").asInt());
    JsonNode timing = s.at("/properties/employee/properties/linkage/properties/first_enrolment_benefit_start");
    List<String> codes = new ArrayList<>();
    timing.get("enum").forEach(v -> codes.add(v.isNull() ? null : v.asText()));
    assertEquals(List.of("payment_day", "payment_month", "same_month", "next_month", "after_waiting"), codes.subList(0, 5));
    assertTrue(codes.contains(null), "null (not known) is allowed");
    assertEquals("次月起", timing.get("enumDescriptions").get(codes.indexOf("next_month")).asText());
    JsonNode tier = s.at("/properties/employee/properties/inpatient/properties/classes/items/properties/tier");
    assertEquals("职工住院医院类别 · 医院级别", tier.get("title").asText());
    assertEquals("[\"integer\",\"null\"]", tier.get("type").toString());
    assertEquals("[\"city\"]", s.get("required").toString());
    assertEquals("\"string\"", s.at("/properties/city/type").toString(), "a required field is never null");
    assertEquals("\"object\"", s.at("/properties/employee/properties/inpatient/properties/classes/items/type").toString(),
        "a list item is never null");
  }

  @Test
  void everyCityFileStartsWithTheModelineAndTheLoaderStillAcceptsIt() throws IOException {
    PolicyLoader loader = new PolicyLoader(cn.liaoning.ybj.policycheck.engine.TestSupport.catalogue().entries().keySet());
    for (Path f : cityFiles()) {
      String first = Files.readString(f, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      assertEquals(MODELINE, first, f.toString());
      PolicyLoader.Loaded loaded = loader.load(f);
      assertTrue(loaded.ok() && loaded.diagnostics().isEmpty(), f + ": " + loaded.diagnostics());
    }
  }

  @Test
  void networkntAcceptsEveryCityFileAndRefusesEveryHostileMistakeOfTheKindsASchemaSees() throws IOException {
    Schema schema = networknt();
    for (Path f : valid()) {
      List<Error> errors = schema.validate(json(f));
      assertTrue(errors.isEmpty(), f + ": " + errors);
    }
    List<Path> invalid = invalid();
    assertTrue(invalid.size() >= 30, "hostile cases selected: " + invalid);
    for (Path f : invalid) {
      assertFalse(schema.validate(json(f)).isEmpty(), f + " should be invalid");
    }
    String misspelt = Files.readString(Path.of("city-policies/shenyang.yaml"), StandardCharsets.UTF_8)
        .replace("  annual_cap: 150000", "  anual_cap: 150000");
    List<Error> errors = schema.validate(new ObjectMapper().valueToTree(yaml().load(misspelt)));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).toString().contains("anual_cap"), errors.toString());
  }

  @Test
  void pythonJsonschemaAgrees() throws Exception {
    String python = Stream.of("/usr/bin/python3", "python3")
        .filter(p -> Tools.succeeds(30, p, "-c", "import jsonschema, yaml")).findFirst().orElse(null);
    assumeTrue(python != null, "python3 with jsonschema and yaml (Debian: python3-jsonschema python3-yaml) not found: skipped");
    List<String> cmd = new ArrayList<>(List.of(python, "src/test/resources/jsonschema/validate.py", SCHEMA.toString()));
    List<Path> valid = valid();
    List<Path> invalid = invalid();
    valid.forEach(p -> cmd.add(p.toString()));
    invalid.forEach(p -> cmd.add(p.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    Map<String, String> verdicts = new TreeMap<>();
    for (String line : out.split("\n")) {
      String[] w = line.split(" ", 2);
      if (w.length == 2 && (w[0].equals("valid") || w[0].equals("invalid"))) {
        verdicts.put(w[1].replaceFirst(":.*", ""), line);
      }
    }
    for (Path f : valid) {
      assertTrue(verdicts.getOrDefault(f.toString(), "").startsWith("valid "), out);
    }
    for (Path f : invalid) {
      assertTrue(verdicts.getOrDefault(f.toString(), "").startsWith("invalid "), out);
    }
  }

  /** The networknt validator, draft-07, with format assertions, refusing any keyword it does not know but the editors' two. */
  static Schema networknt() throws IOException {
    Dialect dialect = Dialect.builder(Dialects.getDraft7())
        .keyword(new AnnotationKeyword("enumDescriptions"))
        .keyword(new AnnotationKeyword("markdownEnumDescriptions"))
        .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    return registry.getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
  }

  /** The city files, the compliant fixture, and the hostile cases the loader accepts. */
  static List<Path> valid() throws IOException {
    List<Path> out = new ArrayList<>(cityFiles());
    out.add(Path.of("src/test/resources/fixtures/compliant.yaml"));
    for (Map.Entry<String, Map<String, Object>> c : hostileCases().entrySet()) {
      int exit = ((Number) c.getValue().get("exit")).intValue();
      if (exit != 2 && !c.getValue().containsKey("generate")) {
        out.add(HOSTILE.resolve(c.getKey()));
      }
    }
    return out;
  }

  /** The hostile cases refused only for mistakes of the kinds a schema sees ({@link #SCHEMA_KIND}). */
  @SuppressWarnings("unchecked")
  static List<Path> invalid() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> c : hostileCases().entrySet()) {
      Map<String, Object> k = c.getValue();
      if (((Number) k.get("exit")).intValue() != 2 || k.containsKey("generate") || k.containsKey("count")) {
        continue;
      }
      List<List<Object>> expect = (List<List<Object>>) k.get("expect");
      boolean all = !expect.isEmpty();
      for (List<Object> e : expect) {
        all &= e.get(e.size() - 2).equals("错误") && SCHEMA_KIND.matcher(e.get(e.size() - 1) + " ").find();
      }
      if (all) {
        out.add(HOSTILE.resolve(c.getKey()));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> hostileCases() throws IOException {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(HOSTILE.resolve("expected.yaml"), StandardCharsets.UTF_8));
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) root.get("cases")) {
      out.put((String) c.get("file"), c);
    }
    return out;
  }

  static List<Path> cityFiles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("city-policies"))) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertEquals(15, files.size(), "city files: " + files);
      return files;
    }
  }

  /** A YAML file as JSON, read by SnakeYAML's own constructor (not the checker's loader), dates as text. */
  static JsonNode json(Path f) throws IOException {
    return new ObjectMapper().valueToTree(yaml().load(Files.readString(f, StandardCharsets.UTF_8)));
  }

  private static Yaml yaml() {
    LoaderOptions lo = new LoaderOptions();
    DumperOptions dump = new DumperOptions();
    return new Yaml(new SafeConstructor(lo), new Representer(dump), dump, lo, new DatesAsText());
  }

  /** YAML 1.1's implicit types but the timestamp: 2025-12-01 stays text, as YAML 1.2 and editors read it. */
  private static final class DatesAsText extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
