package cn.liaoning.ybj.policycheck.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's rules/INDEX, which the jar's cold start reads instead of enumerating every entry of
 * the jar, names exactly the rule files that ship: every .drl and .yaml under rules/ outside
 * rules/tests/. A file added to rules/ and missing from the index would silently not load.
 */
class RuleIndexTest {
  @Test
  void theIndexNamesEveryShippedRuleFile() throws IOException {
    String index;
    try (InputStream in = RuleIndexTest.class.getClassLoader().getResourceAsStream(RuleResources.INDEX)) {
      assertNotNull(in, "the build writes " + RuleResources.INDEX + " (pom.xml, maven-antrun-plugin)");
      index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> listed = index.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    List<String> onDisk;
    try (Stream<Path> s = Files.walk(Path.of("rules"))) {
      onDisk = s.filter(Files::isRegularFile)
          .map(p -> p.toString().replace('\\', '/'))
          .filter(n -> !n.startsWith("rules/tests/") && (n.endsWith(".drl") || n.endsWith(".yaml")))
          .sorted().toList();
    }
    assertEquals(onDisk, listed);
  }
}
