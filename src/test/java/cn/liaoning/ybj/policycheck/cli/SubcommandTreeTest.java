package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * When the first argument names a subcommand, Main builds only that subcommand's model (start-up
 * time); the output and exit status must be those of the full command tree.
 */
class SubcommandTreeTest {
  @Test
  void onlyTheNamedSubcommandBehavesAsTheFullTree() {
    List<String[]> cases = List.of(
        new String[] {"report", "--help"}, new String[] {"check", "--help"}, new String[] {"rules", "--help"},
        new String[] {"explain", "--help"}, new String[] {"sweep", "--help"}, new String[] {"schema", "--help"},
        new String[] {"check", "--bogus"}, new String[] {"check", "--format", "xml"}, new String[] {"check", "--as-of", "2026-13-01"},
        new String[] {"check", "-V"}, new String[] {"explain"}, new String[] {"rules", "extra"}, new String[] {"sweep"},
        new String[] {"report", "--out", ""}, new String[] {"check", "--fail-on", "never"},
        new String[] {"impact", "--help"}, new String[] {"impact"}, new String[] {"history", "--help"},
        new String[] {"history", "--format", "xml"},
        new String[] {"template", "--help"}, new String[] {"import", "--help"}, new String[] {"import"},
        new String[] {"import", "--dry-rn", "x.xlsx"});
    for (String[] args : cases) {
      assertEquals(run(Main.commandLine(new String[0]), args), run(Main.commandLine(args), args), String.join(" ", args));
    }
    String help = run(Main.commandLine(new String[] {"check", "--help"}), new String[] {"check", "--help"});
    assertTrue(help.startsWith("exit 0") && help.contains("policy-check check") && help.contains("--format"), help);
    String bogus = run(Main.commandLine(new String[] {"check", "--bogus"}), new String[] {"check", "--bogus"});
    assertTrue(bogus.startsWith("exit 2") && bogus.contains("--bogus"), bogus);
  }

  @Test
  void anythingElseGetsEverySubcommand() {
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"chek"}, new String[] {"--bogus", "check"})) {
      assertEquals(List.of("report", "check", "rules", "explain", "sweep", "template", "import", "impact", "history", "schema"),
          List.copyOf(Main.commandLine(args).getSubcommands().keySet()));
    }
    assertEquals(List.of("check"), List.copyOf(Main.commandLine(new String[] {"check", "x.yaml"}).getSubcommands().keySet()));
  }

  private static String run(CommandLine cmd, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
