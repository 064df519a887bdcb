package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help wraps at the usage width with Chinese counted as two columns, and never inside a Chinese phrase. */
class HelpLayoutTest {
  @Test
  void aLongDescriptionBreaksAfterPunctuationWithAHangingIndent() {
    String line = "      --as-of=DATE         基准日 YYYY-MM-DD：取当日有效的省级参数，并据此计算距整改期限的天数。默认今天";
    assertEquals(List.of(
        "      --as-of=DATE         基准日 YYYY-MM-DD：取当日有效的省级参数，",
        "                             并据此计算距整改期限的天数。默认今天"), HelpLayout.wrapLine(line, 80));
  }

  @Test
  void aPhraseWiderThanTheLineIsCutWhereItMust() {
    String line = "  x  " + "很".repeat(50);
    for (String l : HelpLayout.wrapLine(line, 60)) {
      assertTrue(HelpLayout.columns(l) <= 60, l);
    }
    assertEquals(50, String.join("", HelpLayout.wrapLine(line, 60)).chars().filter(c -> c == '很').count());
  }

  @Test
  void wideCharactersCountTwoColumns() {
    assertEquals(4, HelpLayout.columns("违规"));
    assertEquals(6, HelpLayout.columns("a（b）"));
    assertEquals(3, HelpLayout.columns("1–3"));
  }

  /** Every command's --help at 80 columns: no line too wide, nothing lost or added but whitespace. */
  @Test
  void everyHelpFitsAndSaysWhatPicocliSays() {
    CommandLine all = Main.commandLine(new String[0]);
    for (String[] args : helpCommands(all)) {
      Run r = Cli.run(args);
      assertEquals(0, r.code(), r.err());
      for (String l : r.out().lines().toList()) {
        assertTrue(HelpLayout.columns(l) <= 80, String.join(" ", args) + ": too wide: " + l);
      }
      assertEquals(plain(all, args, 80).replaceAll("\\s+", ""), r.out().replaceAll("\\s+", ""), String.join(" ", args));
    }
  }

  /**
   * Every line of every help, as written (picocli's rendering without wrapping), wrapped at 80
   * columns: no wrap falls between two Chinese characters where a shorter piece would have fitted.
   */
  @Test
  void noWrapSplitsAChinesePhrase() {
    CommandLine all = Main.commandLine(new String[0]);
    int wrapped = 0;
    for (String[] args : helpCommands(all)) {
      for (String line : plain(all, args, 2000).lines().toList()) {
        List<String> pieces = HelpLayout.wrapLine(line, 80);
        for (int i = 1; i < pieces.size(); i++) {
          String before = pieces.get(i - 1);
          String after = pieces.get(i).strip();
          boolean split = han(before.codePointBefore(before.length())) && han(after.codePointAt(0));
          // only a line that is one phrase (no space, no pause) may be cut between two characters
          boolean onePhrase = !before.strip().matches(".*[ ，。、；：！？）].*");
          assertTrue(!split || onePhrase, String.join(" ", args) + ": a phrase split:\n" + before + "\n" + pieces.get(i));
        }
        wrapped += pieces.size() > 1 ? 1 : 0;
      }
    }
    assertTrue(wrapped > 10, "long lines were wrapped: " + wrapped);
  }

  private static List<String[]> helpCommands(CommandLine all) {
    List<String[]> commands = new ArrayList<>();
    commands.add(new String[] {"--help"});
    for (String sub : all.getSubcommands().keySet()) {
      commands.add(new String[] {sub, "--help"});
    }
    return commands;
  }

  /** picocli's own rendering of a help, at a fixed width. */
  private static String plain(CommandLine all, String[] args, int width) {
    CommandLine fresh = new CommandLine(Main.class);
    all.getSubcommands().forEach((name, sub) -> fresh.addSubcommand(name, sub.getCommandSpec().userObject().getClass()));
    CommandLine target = args.length == 2 ? fresh.getSubcommands().get(args[0]) : fresh;
    target.setUsageHelpAutoWidth(false);
    target.setUsageHelpWidth(width);
    return target.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static boolean han(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
