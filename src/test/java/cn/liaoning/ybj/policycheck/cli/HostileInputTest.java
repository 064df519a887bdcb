package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.liaoning.ybj.policycheck.engine.TestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile/}, answers in {@code expected.yaml}):
 * every bad file goes through the real command line next to a compliant city, and must get exactly
 * its expected {@code file:line:column} answers — no crash, no stack trace, no hang, no object built
 * from a tag — while the compliant city is still checked.
 */
class HostileInputTest {
  /** Longest any single case may take (the rules are compiled before the first case). */
  private static final Duration BOUND = Duration.ofSeconds(15);

  /** Words that only a crash would put in front of the user. */
  private static final List<String> CRASH_MARKS =
      List.of("Exception", "\tat ", "Caused by", "java.lang.", "org.yaml.", "org.drools.", "picocli.", "内部错误");

  private static final Map<String, Long> MILLIS = new ConcurrentHashMap<>();

  /** Would record its construction; a tag in {@code tag-canary.yaml} names it. */
  public static final class Canary {
    static final AtomicBoolean BUILT = new AtomicBoolean();

    public Canary() {
      BUILT.set(true);
    }

    public Canary(String s) {
      BUILT.set(true);
    }

    public Canary(List<?> l) {
      BUILT.set(true);
    }
  }

  /** One expected answer: in {@code sub} (a file inside a directory case) or the case itself. */
  record Expect(String sub, int line, int column, String severity, String fragment) {
    boolean error() {
      return severity.equals("错误");
    }
  }

  record Case(String file, String generate, int exit, Integer count, List<Expect> expect) {
    @Override
    public String toString() {
      return file;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Case> cases() {
    try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/expected.yaml")) {
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      List<Case> out = new ArrayList<>();
      for (Map<String, Object> c : (List<Map<String, Object>>) root.get("cases")) {
        List<Expect> expect = new ArrayList<>();
        for (List<Object> e : (List<List<Object>>) c.get("expect")) {
          int o = e.size() == 5 ? 1 : 0;
          expect.add(new Expect(o == 1 ? (String) e.get(0) : null, (Integer) e.get(o), (Integer) e.get(o + 1),
              (String) e.get(o + 2), (String) e.get(o + 3)));
        }
        out.add(new Case((String) c.get("file"), (String) c.get("generate"), (Integer) c.get("exit"),
            (Integer) c.get("count"), expect));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles the rules and runs one compliant city, so that no case is charged with warming up. */
  @BeforeAll
  static void warmUp(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("warm-up.yaml");
    Files.writeString(good, TestSupport.compliant());
    assertEquals(0, Main.run(new String[] {"check", "--as-of", "2026-06-30", "--format", "json", good.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    Canary.BUILT.set(false);
  }

  @AfterAll
  static void summary() {
    MILLIS.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(slowest ->
        System.out.printf("hostile corpus: %d inputs run, slowest %s (%d ms)%n", MILLIS.size(), slowest.getKey(),
            slowest.getValue()));
  }

  @Test
  void corpusIsLargeAndEveryCommittedFileHasAnAnswer() throws Exception {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 40, "corpus size " + cases.size());
    Path folder = Path.of(HostileInputTest.class.getResource("/hostile/expected.yaml").toURI()).getParent();
    List<String> committed;
    try (Stream<Path> s = Files.list(folder)) {
      committed = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.yaml")).sorted().toList();
    }
    List<String> listed = cases.stream().filter(c -> c.generate() == null).map(Case::file).sorted().toList();
    assertEquals(committed, listed, "every file in hostile/ has exactly one case, and every case its file");
    assertEquals(cases.size(), cases.stream().map(Case::file).distinct().count(), "case names are unique");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyBadInputGetsItsExactAnswerAndNothingElse(Case c, @TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, TestSupport.compliant());
    Path input = prepare(c, dir);
    try {
      String[] args = {"check", "--as-of", "2026-06-30", "--format", "json", good.toString(), input.toString()};
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      long start = System.nanoTime();
      int code = assertTimeoutPreemptively(BOUND, () -> Main.run(args, new PrintWriter(out), new PrintWriter(err)),
          () -> c.file() + " took longer than " + BOUND);
      MILLIS.put(c.file(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

      String stdout = out.toString();
      String stderr = err.toString();
      for (String mark : CRASH_MARKS) {
        assertFalse(stderr.contains(mark), () -> "stderr shows “" + mark + "”:\n" + stderr);
        assertFalse(stdout.contains(mark), () -> "stdout shows “" + mark + "”");
      }
      assertFalse(Canary.BUILT.get(), "a YAML tag constructed an object");
      assertEquals(c.exit(), code, () -> "exit status; stderr:\n" + stderr);

      // stderr: the expected errors, each as file:line:column, and nothing else
      List<String> messages = new ArrayList<>();
      for (String line : stderr.split("\n", -1)) {
        if (line.isEmpty() || line.startsWith("    ")) {
          continue; // the quoted source line and its caret
        }
        assertTrue(line.startsWith(input.toString()), () -> "stderr line not about the case: " + line + "\n" + stderr);
        messages.add(line);
      }
      List<Expect> errors = c.expect().stream().filter(Expect::error).toList();
      if (c.count() == null) {
        assertEquals(errors.size(), messages.size(), () -> "messages on stderr:\n" + stderr);
      } else {
        assertEquals(c.count(), messages.size(), () -> "messages on stderr:\n" + stderr);
      }
      int at = 0;
      for (Expect e : errors) {
        String prefix = head(input, e) + ": 错误: ";
        int from = at;
        while (at < messages.size() && !(messages.get(at).startsWith(prefix) && messages.get(at).contains(e.fragment()))) {
          if (c.count() == null) {
            fail("expected “" + prefix + "…" + e.fragment() + "”, got “" + messages.get(at) + "”\n" + stderr);
          }
          at++;
        }
        if (at == messages.size()) {
          fail("no message “" + prefix + "…" + e.fragment() + "” after message " + from + ":\n" + stderr);
        }
        at++;
      }

      JsonNode json = new ObjectMapper().readTree(stdout);
      JsonNode goodCity = city(json, good.toString());
      assertTrue(goodCity != null && goodCity.get("findings").size() > 0, "the compliant city in the same run is checked");
      assertEquals(0, goodCity.get("summary").get("violation").asInt(), "and still compliant");
      for (JsonNode e : json.get("errors")) {
        assertTrue(e.get("file").asText().startsWith(input.toString()), () -> "error about another file: " + e);
      }
      assertEquals(messages.size(), json.get("errors").size(), "JSON errors match stderr");

      // warnings do not stop a file: they come with its findings
      List<Expect> warnings = c.expect().stream().filter(e -> !e.error()).toList();
      if (code != 2) {
        JsonNode city = city(json, input.toString());
        assertTrue(city != null && city.get("findings").size() > 0, "an accepted file is checked");
        JsonNode shown = city.get("input_warnings");
        assertEquals(warnings.size(), shown.size(), shown::toString);
        for (int i = 0; i < warnings.size(); i++) {
          Expect w = warnings.get(i);
          JsonNode d = shown.get(i);
          assertEquals("warning", d.get("severity").asText());
          assertEquals(w.line(), d.get("line").asInt(), d::toString);
          assertEquals(w.column(), d.get("column").asInt(), d::toString);
          assertTrue(d.get("message").asText().contains(w.fragment()), d::toString);
        }
      } else {
        assertTrue(warnings.isEmpty(), "a warning of a rejected file is not shown: list only errors");
      }
    } finally {
      restore(input);
    }
  }

  /**
   * Two files whose exponent once made the "是否想写 …？" hint build a string of 10⁹ characters:
   * together they exhausted the memory (a stack trace, status 1, nothing said about the other files).
   */
  @Test
  void twoHugeExponentsInOneRunAreTwoErrorsAndTheOtherFilesAreChecked(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("good.yaml"), TestSupport.compliant());
    Path a = Files.writeString(dir.resolve("a.yaml"), "city: 甲市\nmaternity:\n  rate_pct: 1e-999999999\n");
    Path b = Files.writeString(dir.resolve("b.yaml"), "city: 乙市\nemployee:\n  annual_cap: 1e-999999999\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"check", "--as-of", "2026-06-30", "--format", "json", a.toString(), b.toString(), good.toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertEquals(2, code, err::toString);
    assertTrue(err.toString().startsWith(a + ":3:13: 错误: “maternity.rate_pct”的值 1e-999999999 过于接近 0"), err::toString);
    assertTrue(err.toString().contains(b + ":3:15: 错误: “employee.annual_cap”的值 1e-999999999 过于接近 0"), err::toString);
    JsonNode goodCity = city(new ObjectMapper().readTree(out.toString()), good.toString());
    assertTrue(goodCity != null && goodCity.get("findings").size() > 0, "the compliant city in the same run is checked");
  }

  /**
   * An Error (here: the class metadata space runs out) ends the real process with one line and
   * status 3: never a stack trace, never status 1, which would read as "violations found".
   */
  @Test
  void anErrorEndsTheProcessWithOneLineAndStatus3(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), TestSupport.compliant());
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int tried = 0;
    for (String size : List.of("8m", "10m", "12m", "14m")) {
      Path stderr = dir.resolve("stderr-" + size);
      Process p = new ProcessBuilder(javaBin, "-XX:MaxMetaspaceSize=" + size, "-Dfile.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "--as-of", "2026-06-30", good.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process ends");
      String text = Files.readString(stderr, StandardCharsets.UTF_8);
      if (text.contains("Error occurred during initialization of VM") || p.exitValue() <= 1 && text.isBlank()) {
        continue; // not enough room to start the JVM, or enough to run: nothing to see
      }
      tried++;
      assertEquals(3, p.exitValue(), text);
      assertEquals(1, text.strip().lines().count(), text);
      assertFalse(text.contains("\tat ") || text.contains("Exception in thread"), text);
      break;
    }
    assumeTrue(tried > 0, "no metaspace size made this JVM run out inside the program");
  }

  /**
   * Errors on several threads at once (class space running out for the rule-base builder and the
   * main thread together) said the line once per thread: still one line and status 3.
   */
  @Test
  void errorsOnManyThreadsAtOnceSayOneLine(@TempDir Path dir) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int run = 0; run < 3; run++) {
      Path stderr = dir.resolve("stderr-" + run);
      Process p = new ProcessBuilder(javaBin, "-Dfile.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
          "-cp", System.getProperty("java.class.path"), ManyThreadsFail.class.getName())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process ends");
      String text = Files.readString(stderr, StandardCharsets.UTF_8);
      assertEquals(3, p.exitValue(), text);
      assertEquals(1, text.strip().lines().count(), text);
      assertTrue(text.matches("policy-check: 内部错误：AssertionError：thread \\d fails（这是程序缺陷，请附上命令和输入文件报告）\\s*"), text);
    }
  }

  /** What a file outside the checked folder holds: none of it may be echoed. */
  static final String SECRET = "root:$6$SECRET-SALT$SECRET-HASH:19000:0:99999:7:::\nunknown_key: SECRET-VALUE\n";

  /**
   * A city file that is a link to a file outside the checked folder (/etc/shadow) was read, and
   * the first 60 characters of its lines were quoted in "未知的键" errors and annotations.
   */
  @Test
  void aLinkOutOfTheCheckedFolderIsNamedAndNothingOfItIsShown(@TempDir Path dir) throws IOException {
    Path cities = Files.createDirectory(dir.resolve("cities"));
    Files.writeString(cities.resolve("ok.yaml"), TestSupport.compliant());
    Path secret = Files.writeString(dir.resolve("shadow"), SECRET);
    Files.createSymbolicLink(cities.resolve("zz.yaml"), secret);
    for (String format : List.of("text", "json", "github", "junit", "sarif")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"check", "--as-of", "2026-06-30", "--format", format, cities.toString()},
          new PrintWriter(out), new PrintWriter(err));
      assertEquals(2, code, format);
      assertFalse((out + "" + err).contains("SECRET"), () -> format + ":\n" + out + err);
      assertEquals(cities.resolve("zz.yaml") + ": 错误: 符号链接指向所检查的文件夹之外（" + secret.toRealPath()
          + "）：不读取它；城市政策文件须放在所检查的文件夹内\n", err.toString(), format);
      assertTrue(format.equals("github") ? out.toString().startsWith("::error file=") : out.toString().contains("合规"),
          () -> format + ": the other file is checked\n" + out);
    }
  }

  /** A file that is no policy file (a password file, a configuration) is quoted only in part. */
  @Test
  void aFileThatIsNoPolicyIsQuotedOnlyInPart(@TempDir Path dir) throws IOException {
    for (String name : List.of("not-a-policy-file.yaml", "not-a-policy-mapping.yaml", "not-a-policy-text.yaml")) {
      Path p = dir.resolve(name);
      try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + name)) {
        Files.write(p, in.readAllBytes());
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      assertEquals(2, Main.run(new String[] {"check", "--format", "github", p.toString()}, new PrintWriter(out), new PrintWriter(err)));
      String all = out + "" + err;
      for (String secret : List.of("HASHHASHHASH", "daemon", "internal.example", "deploy", "id_rsa")) {
        assertFalse(all.contains(secret), () -> name + " shows “" + secret + "”:\n" + all);
      }
    }
  }

  /** Numbers on sweep's command line are bounded as the city files' are (1e999999999 was exit 3, NumberFormatException). */
  @Test
  void hostileSweepValuesArePlainUsageErrors(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("c.yaml"), TestSupport.compliant());
    for (String vary : List.of("employee.annual_cap=1e999999999", "employee.annual_cap=1e-2147483647",
        "employee.annual_cap=1..1e99999", "employee.annual_cap=80000..90000:1e-999999999", "employee.annual_cap=299.99999999999999999",
        "employee.annual_cap=" + "9".repeat(100_000))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = assertTimeoutPreemptively(BOUND, () -> Main.run(new String[] {"sweep", f.toString(), "--vary", vary},
          new PrintWriter(out), new PrintWriter(err)));
      assertEquals(2, code, vary + ": " + err);
      assertTrue(err.toString().startsWith("policy-check: 用法错误：employee.annual_cap：取值“"), () -> vary + ": " + err);
      for (String mark : CRASH_MARKS) {
        assertFalse(err.toString().contains(mark), () -> vary + ": " + err);
      }
    }
  }

  /** {@code file:line:column}, or {@code file} for a problem of the whole file. */
  private static String head(Path input, Expect e) {
    String file = e.sub() == null ? input.toString() : input.resolve(e.sub()).toString();
    return e.line() == 0 ? file : file + ":" + e.line() + ":" + e.column();
  }

  private static JsonNode city(JsonNode json, String file) {
    for (JsonNode c : json.get("cities")) {
      if (c.get("file").asText().equals(file)) {
        return c;
      }
    }
    return null;
  }

  // --- inputs ----------------------------------------------------------------------------------

  private static Path prepare(Case c, Path dir) throws IOException {
    Path p = dir.resolve(c.file());
    if (c.generate() == null) {
      try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + c.file())) {
        Files.write(p, in.readAllBytes());
      }
      return p;
    }
    String compliant = TestSupport.compliant();
    switch (c.generate()) {
      case "compliant-with-bom" -> Files.write(p, concat(BOM, compliant.getBytes(StandardCharsets.UTF_8)));
      case "compliant-with-crlf" -> Files.writeString(p, compliant.replace("\n", "\r\n"));
      case "bom-crlf-error" -> Files.write(p, concat(BOM,
          "city: 测试市\r\nemployee:\r\n  annual_cap: -5\r\n".getBytes(StandardCharsets.UTF_8)));
      case "png" -> Files.write(p, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D,
          'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0});
      case "nul-bytes" -> Files.write(p, concat("city: 测试市\n".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0}));
      case "random-bytes" -> {
        byte[] junk = new byte[4096];
        new Random(20260630L).nextBytes(junk); // fixed seed: the same junk, the same answer
        Files.write(p, junk);
      }
      case "gbk" -> Files.write(p, "code: \"2101\"\ncity: 沈阳市\n".getBytes(Charset.forName("GBK")));
      case "utf16" -> Files.write(p, "city: 沈阳市\n".getBytes(StandardCharsets.UTF_16));
      case "invalid-utf8" -> Files.write(p, new byte[] {'c', 'i', 't', 'y', ':', ' ', (byte) 0xC3, 0x28, '\n'});
      case "huge-50mb" -> {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
          f.setLength(50L * 1024 * 1024); // sparse: costs no disk, and is never read
        }
      }
      case "one-byte-over-limit" -> Files.write(p, padded("city: 测试市\n", 1024 * 1024 + 1));
      case "compliant-at-limit" -> Files.write(p, padded(compliant, 1024 * 1024));
      case "symlink-loops" -> {
        Files.createDirectory(p);
        Files.createSymbolicLink(p.resolve("a.yaml"), p.resolve("b.yaml"));
        Files.createSymbolicLink(p.resolve("b.yaml"), p.resolve("a.yaml"));
        Files.createSymbolicLink(p.resolve("self.yaml"), p.resolve("self.yaml"));
        Files.createSymbolicLink(p.resolve("sub"), p);
        Files.createDirectory(p.resolve("folder.yaml"));
        Files.writeString(p.resolve("ok.yaml"), compliant);
      }
      case "dangling-link" -> Files.createSymbolicLink(p, dir.resolve("gone.yaml"));
      case "link-to-dev-zero" -> {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        Files.createSymbolicLink(p, Path.of("/dev/zero"));
      }
      case "fifo" -> {
        try {
          Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
          assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        } catch (IOException | InterruptedException e) {
          assumeTrue(false, "no mkfifo here: " + e);
        }
      }
      case "leading-zero-40000" -> Files.writeString(p, "city: 测试市\nemployee:\n  annual_cap: 0" + "1".repeat(40_000) + "x\n");
      case "spaces-30000" -> Files.writeString(p, "city: 测试市\nemployee:\n  annual_cap: 1" + " ".repeat(30_000) + "z\n");
      case "mib-leading-zero" -> Files.write(p, filled("city: 测试市\nemployee:\n  annual_cap: 0", "1", "x\n"));
      case "mib-spaces" -> Files.write(p, filled("city: 测试市\nemployee:\n  annual_cap: 1", " ", "z\n"));
      case "mib-spaces-unit" -> Files.write(p, filled("city: 测试市\nemployee:\n  annual_cap: 1", " ", "元z\n"));
      case "mib-digits" -> Files.write(p, filled("city: 测试市\nemployee:\n  annual_cap: ", "1", "\n"));
      case "mib-exponent" -> Files.write(p, filled("city: 测试市\nmaternity:\n  rate_pct: 1e-", "9", "\n"));
      case "mib-quoted" -> Files.write(p, filled("city: 测试市\nemployee:\n  annual_cap: \"", "\\t", "\"\n"));
      case "mib-key" -> Files.write(p, filled("city: 测试市\n", "k", ": 1\n"));
      case "mib-explicit-key" -> Files.write(p, filled("city: 测试市\n? ", "k", "\n: 1\n"));
      case "mib-folded-lines" -> Files.write(p, filled("city: 测试市\nemployee:\n  annual_cap: 1", "\n    1", "\n"));
      case "mib-unknown-keys" -> {
        StringBuilder b = new StringBuilder("city: 测试市\n");
        for (int i = 0; b.length() < 1024 * 1024 - 20; i++) {
          b.append('k').append(i).append(": 1\n");
        }
        Files.writeString(p, b);
      }
      case "mib-comment" -> Files.write(p, filled(compliant + "# ", "#", "\n"));
      case "newline-in-file-name" -> {
        Files.createDirectory(p);
        Files.writeString(p.resolve("ok.yaml"), compliant);
        Files.writeString(p.resolve("bad\n::error file=README.md::FORGED.yaml"), compliant);
      }
      case "symlink-outside" -> {
        Files.createDirectory(p);
        Files.writeString(p.resolve("ok.yaml"), compliant);
        Path secret = Files.writeString(dir.resolve("shadow"), SECRET);
        Files.createSymbolicLink(p.resolve("zz.yaml"), secret);
      }
      case "symlink-outside-file" -> {
        Path elsewhere = Files.createTempDirectory("hostile-elsewhere");
        Path secret = Files.writeString(elsewhere.resolve("shadow"), SECRET);
        elsewhere.toFile().deleteOnExit();
        secret.toFile().deleteOnExit();
        Files.createSymbolicLink(p, secret);
      }
      case "directory" -> Files.createDirectory(p);
      case "nothing" -> { }
      case "unreadable-file" -> {
        Files.writeString(p, compliant);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(p), "running with the right to read anything (root): nothing to test");
      }
      case "unreadable-directory" -> {
        Files.createDirectory(p);
        Files.writeString(p.resolve("c.yaml"), compliant);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(p), "running with the right to read anything (root): nothing to test");
      }
      default -> throw new IllegalArgumentException("unknown generator " + c.generate());
    }
    return p;
  }

  /** Gives back the rights taken away and removes links, so that the temporary directory can be deleted. */
  private static void restore(Path p) throws IOException {
    if (Files.isSymbolicLink(p)) {
      Files.delete(p); // the link, not what it points to (/dev/zero)
    } else if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !Files.isReadable(p)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
    }
  }

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * {@code head}, then {@code fill} repeated, then {@code tail}: exactly 1 MiB (the largest file
   * read), or as near as whole repetitions of {@code fill} allow.
   */
  static byte[] filled(String head, String fill, String tail) {
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] f = fill.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    int times = (1024 * 1024 - h.length - t.length) / f.length;
    byte[] out = new byte[h.length + times * f.length + t.length];
    System.arraycopy(h, 0, out, 0, h.length);
    for (int i = 0; i < times; i++) {
      System.arraycopy(f, 0, out, h.length + i * f.length, f.length);
    }
    System.arraycopy(t, 0, out, h.length + times * f.length, t.length);
    return out;
  }

  /** The text followed by comment lines, to exactly {@code size} bytes. */
  private static byte[] padded(String text, int size) {
    byte[] head = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[size];
    System.arraycopy(head, 0, out, 0, head.length);
    int i = head.length;
    while (i < size) {
      int n = Math.min(80, size - i);
      out[i] = '#';
      for (int k = 1; k < n - 1; k++) {
        out[i + k] = ' ';
      }
      out[i + n - 1] = '\n';
      if (n == 1) {
        out[i] = '\n';
      }
      i += n;
    }
    return out;
  }
}
