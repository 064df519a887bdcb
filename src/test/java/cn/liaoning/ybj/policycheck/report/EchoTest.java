package cn.liaoning.ybj.policycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writers' second line of defence: should a line break, a terminal sequence, a bidi control,
 * a character XML 1.0 cannot carry or half a surrogate pair ever reach a writer (the loader
 * refuses them in values, keys and file names), no output carries it. The run here is made by
 * changing a checked city's values behind the loader's back.
 */
class EchoTest {
  static final String FORGED = "::error file=README.md,line=1::FORGED";
  static final String HOSTILE_CITY = "沈阳市\n" + FORGED + "\u001b[2J\u202e\u0001\u0000\ud800\ufffe\u2028\r";
  static final String HOSTILE_CLASS = "三级\n" + FORGED + "\u001b]0;x\u0007";
  static RunResult run;

  @BeforeAll
  static void hostileRun() {
    CityPolicy clean = TestSupport.load(TestSupport.compliant());
    Map<String, Object> values = new HashMap<>(clean.doc().valuesView());
    values.put("city", HOSTILE_CITY);
    values.put("employee.outpatient.classes[0].name", HOSTILE_CLASS);
    values.put("employee.outpatient.classes[0].deductible", 100.0); // a violation naming the class
    Doc doc = clean.doc().withValues(values);
    PolicyLoader.Loaded l = new PolicyLoader(TestSupport.catalogue().entries().keySet()).map(doc);
    assertTrue(l.ok(), l.diagnostics().toString());
    CityResult c = TestSupport.checker().check(l.policy(), TestSupport.AS_OF);
    assertTrue(c.findings().stream().anyMatch(f -> f.status() == Status.VIOLATION && f.message().contains(FORGED)),
        "a finding quotes the hostile class name");
    Diagnostic bad = new Diagnostic("dir/bad\n" + FORGED + ".yaml", 3, 1, Diagnostic.Severity.ERROR,
        "值“x\n" + FORGED + "\u001b[31m”有误", "city: \u001b[31m\u0001");
    run = new RunResult(TestSupport.AS_OF, List.of(c), List.of(bad));
  }

  /** No line starts with text from the input, and nothing that acts on a terminal or hides is left. */
  static void clean(String format, String out) {
    for (String line : out.split("\n", -1)) {
      assertFalse(line.startsWith(FORGED) || line.startsWith("::error file=README.md"), () -> format + ": forged line: " + line);
    }
    for (int i = 0; i < out.length(); ) {
      int cp = out.codePointAt(i);
      boolean ok = cp == '\n' || cp == '\r' && format.equals("csv") || cp == '\t' || cp == 0xFEFF && i == 0 && format.equals("csv")
          || !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.SURROGATE
          && cp != 0x2028 && cp != 0x2029 && (cp & 0xFFFE) != 0xFFFE;
      int at = i;
      assertTrue(ok, () -> format + ": U+" + Integer.toHexString(cp) + " at " + at + " in\n" + out);
      i += Character.charCount(cp);
    }
  }

  @Test
  void textShowsTheCharactersAndStartsNoLineOfItsOwn() {
    String out = new TextReport(TestSupport.catalogue(), TestSupport.parameters(), false, true).write(run);
    clean("text", out);
    assertTrue(out.contains("沈阳市\\u000A" + FORGED + "\\u001B[2J\\u202E\\u0001\\u0000\\uD800\\uFFFE\\u2028\\u000D"), out);
  }

  @Test
  void githubCommandsStayOneLineEach() {
    String out = new GithubReport(TestSupport.catalogue(), TestSupport.parameters(), new Gate(EnumSet.of(Status.VIOLATION), false)).write(run, null);
    clean("github", out);
    for (String line : out.split("\n")) {
      assertTrue(line.startsWith("::error ") || line.startsWith("::warning ") || line.startsWith("::notice "), line);
    }
  }

  @Test
  void junitIsWellFormedXmlForAnotherParser() throws Exception {
    String out = new JunitReport(TestSupport.catalogue(), TestSupport.parameters(), new Gate(EnumSet.of(Status.VIOLATION), false)).write(run, null);
    clean("junit", out);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    assertEquals("testsuites", doc.getDocumentElement().getTagName());
    assertTrue(out.contains("沈阳市\\u000A"), out);
  }

  @Test
  void sarifMessagesAreOneLine() throws Exception {
    String out = new SarifReport(TestSupport.catalogue(), TestSupport.parameters(), "test").write(run, null);
    JsonNode root = new ObjectMapper().readTree(out);
    for (JsonNode r : root.get("runs").get(0).get("results")) {
      clean("sarif", r.get("message").get("text").asText());
      clean("sarif", r.get("properties").get("city").asText());
    }
    for (JsonNode n : root.get("runs").get(0).get("invocations").get(0).get("toolExecutionNotifications")) {
      clean("sarif", n.get("message").get("text").asText());
    }
  }

  @Test
  void auditReportFilesCarryNoneOfIt() throws Exception {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, ReportFiles.Content> e : ReportFiles.render(run, TestSupport.catalogue(), TestSupport.parameters()).entrySet()) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      e.getValue().writeTo(bytes);
      files.put(e.getKey(), bytes.toByteArray());
    }
    String html = new String(files.get(ReportFiles.HTML), StandardCharsets.UTF_8);
    clean("html", html);
    assertTrue(html.contains("沈阳市\\u000A::error"), "shown, not hidden");
    clean("markdown", new String(files.get(ReportFiles.MARKDOWN), StandardCharsets.UTF_8));
    String csv = new String(files.get(ReportFiles.CSV), StandardCharsets.UTF_8);
    clean("csv", csv);
    // Another parser reads the same number of cells in every row.
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv.substring(1))) {
      List<List<String>> all = rows.readAll();
      assertTrue(all.size() > 1);
      all.forEach(r -> assertEquals(CsvReport.HEADER.size() + 1, r.size(), r::toString)); // and the run id
    }
  }

  @Test
  void echoKeepsWhatIsAllowed() {
    assertEquals("沈阳市　（2101）\t8.6%", Echo.line("沈阳市　（2101）\t8.6%"));
    assertEquals("a\\u000Ab", Echo.line("a\nb"));
    assertEquals("a\nb\\u001B", Echo.text("a\nb\u001b"));
    assertEquals("\\U0001FFFE😀", Echo.line(new String(Character.toChars(0x1FFFE)) + "😀"));
  }
}
