package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.engine.FieldRules;
import cn.liaoning.ybj.policycheck.engine.TestSupport;
import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/city-file-format.md: its field reference is what the format and the rules say today. */
class FormatDocTest {
  static final Path DOC = Path.of("docs/city-file-format.md");

  @Test
  void theFieldReferenceIsGeneratedFromTheFormatAndTheRules() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(FormatDoc.BEGIN);
    int end = doc.indexOf(FormatDoc.END);
    assertTrue(begin >= 0 && end > begin, "docs/city-file-format.md lacks the markers of its generated part");
    String committed = doc.substring(begin, end + FormatDoc.END.length() + 1);
    String generated = FormatDoc.markdown(FieldRules.derive(TestSupport.checker(), java.time.LocalDate.now()), TestSupport.checker().catalogue());
    if (!committed.equals(generated)) {
      Path fresh = Path.of("target/city-file-format.md");
      Files.writeString(fresh, doc.substring(0, begin) + generated + doc.substring(end + FormatDoc.END.length() + 1),
          StandardCharsets.UTF_8);
      assertEquals(committed, generated, "the field reference in docs/city-file-format.md is out of date: cp " + fresh + " docs/");
    }
    Run r = Cli.run("schema", "--markdown");
    assertEquals(0, r.code(), r.err());
    assertEquals(generated, r.out());
  }

  @Test
  void everyFieldOfTheFormatHasARow() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (Schema.Field f : Schema.fields()) {
      String path = f.path();
      if (path.endsWith("]")) {
        continue; // a list item: its fields have rows of their own
      }
      int dot = path.lastIndexOf('.');
      String parent = dot < 0 ? "" : path.substring(0, dot);
      String key = path.substring(dot + 1);
      if (FormatDoc.common(key, f.type())) {
        continue; // source and note: one table for every mapping
      }
      String heading = parent.isEmpty() ? "### 顶层" : "### `" + parent + "`：";
      int section = doc.indexOf(heading);
      assertTrue(section >= 0, "no section for " + parent);
      int next = doc.indexOf("\n### ", section + 1);
      String table = doc.substring(section, next < 0 ? doc.length() : next);
      assertTrue(table.contains("| `" + key + "` | "), path + " has no row");
      String label = f.type().label();
      assertTrue(label.isEmpty() || table.contains("**" + label + "**"), path + " row lacks its label " + label);
    }
  }

  @Test
  void aRowNamesTheRulesThatUseTheField() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    assertTrue(doc.contains("| `base_ceiling_pct` | **职工个人缴费基数上限**<br>占上年度全口径平均工资的百分比 | 数（%），0–1000 | "
        + "`EMP-BASE-CEILING`（2号 一(一)3） |"), "the row of employee.contribution.base_ceiling_pct");
    assertTrue(doc.contains("`next_month` 次月起"), "enumerated values with their Chinese words");
  }
}
