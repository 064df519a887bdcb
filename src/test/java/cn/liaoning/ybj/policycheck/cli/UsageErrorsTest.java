package cn.liaoning.ybj.policycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaoning.ybj.policycheck.testsupport.Cli;
import cn.liaoning.ybj.policycheck.testsupport.Cli.Run;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Command-line mistakes get a Chinese answer: what is wrong, what was probably meant, exit status 2. */
class UsageErrorsTest {
  /** Words of picocli's own (English) messages that must never reach a person. */
  private static final Pattern ENGLISH = Pattern.compile(
      "Unmatched|Unknown option|Invalid value|Missing required|Expected parameter|should be specified|case-sensitive|Did you mean|Possible solutions");

  private static Run run(String... args) {
    Run r = Cli.run(args);
    assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
    assertEquals("", r.out(), "nothing on stdout");
    assertFalse(ENGLISH.matcher(r.err()).find(), r.err());
    return r;
  }

  private static void says(String expected, String... args) {
    Run r = run(args);
    assertTrue(r.err().contains(expected), "expected “" + expected + "” in\n" + r.err());
  }

  @Test
  void aMisspeltSubcommandGetsWhatWasMeant() {
    says("policy-check: 用法错误：没有子命令“chek”，是否想写 check？", "chek");
    says("没有子命令“reprot”，是否想写 report？", "reprot");
    says("没有子命令“xyz”；可用的子命令：" + String.join("、", Main.commandLine(new String[0]).getSubcommands().keySet()), "xyz");
    says("文件写在子命令之后，如 policy-check check city-policies/shenyang.yaml", "city-policies/shenyang.yaml");
    says("运行 “policy-check --help” 查看用法。", "chek");
  }

  @Test
  void aMisspeltOptionGetsWhatWasMeant() {
    says("未知的选项“--formt”，是否想写 --format？", "check", "--formt", "json");
    says("未知的选项“--fromat”，是否想写 --format？", "check", "--fromat=json");
    says("未知的选项“--format”：它是子命令的选项，应写在子命令之后，如 policy-check check --format", "--format", "json", "check");
    says("运行 “policy-check check --help” 查看用法。", "check", "--formt", "json");
    says("未知的选项“--zzzzzz”；可用的选项：", "report", "--zzzzzz");
  }

  @Test
  void aBadValueGetsTheAllowedValues() {
    says("选项 --format 的值“xml”无效，可选：text | json | sarif | junit | github", "check", "--format", "xml");
    says("（是否想写 json？）", "check", "--format", "jsno");
    says("选项 --fail-on 的值“never”无效，可选：violation | warning", "check", "--fail-on", "never");
    says("选项 --as-of 的值无效：“2026-13-01”不是有效日期，应为 YYYY-MM-DD", "check", "--as-of", "2026-13-01");
    says("选项 --show 的值“abc”不是整数", "sweep", "x.yaml", "--vary", "a=1", "--show", "abc");
    says("选项 --format 缺少取值（FORMAT），可选：text | json | sarif | junit | github", "check", "--format");
  }

  @Test
  void missingRepeatedOrExtraArgumentsAreSaidInChinese() {
    says("缺少参数 FILE（城市政策文件）", "sweep");
    says("缺少选项 --vary=PATH=RANGE", "sweep", "x.yaml");
    says("选项 --format 只能给出一次", "check", "--format", "json", "--format", "text");
    says("多余的参数“extra”：policy-check rules 不接受参数", "rules", "extra");
  }

  @Test
  void noSubcommandGetsTheShortHelpOnStderr() {
    Run r = run();
    assertTrue(r.err().startsWith("辽宁省基本医疗保险政策合规检查"), r.err());
    assertTrue(r.err().contains("用法：policy-check"), r.err());
    assertTrue(r.err().matches("(?s).*\\n  check +检查城市政策文件.*"), r.err());
    assertTrue(r.err().contains("请给出一个子命令。完整说明：policy-check --help"), r.err());
    assertFalse(r.err().contains("退出状态"), "the short help, not the whole: " + r.err());
  }

  /** Whatever subcommands there are (others may be added), an unknown option is answered in Chinese. */
  @Test
  void everySubcommandAnswersInChinese() {
    CommandLine all = Main.commandLine(new String[0]);
    for (String sub : all.getSubcommands().keySet()) {
      // a command with a required argument reports that first: either way, in Chinese
      Run r = run(sub, "--no-such-option");
      assertTrue(r.err().startsWith("policy-check: 用法错误：")
          && (r.err().contains("未知的选项“--no-such-option”") || r.err().contains("缺少参数")), r.err());
      assertTrue(r.err().contains("运行 “policy-check " + sub + " --help” 查看用法。"), r.err());
    }
    assertTrue(all.getSubcommands().keySet().containsAll(List.of("report", "check", "rules", "explain", "sweep", "schema")));
  }
}
