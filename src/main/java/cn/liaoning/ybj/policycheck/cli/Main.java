package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.policy.Hints;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code policy-check}: checks city medical-insurance policies against the provincial regulation
 * the parameter files name ({@code regulation:} in {@code rules/parameters/liaoning.yaml}).
 */
@Command(
    name = "policy-check",
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true,
    headerHeading = "",
    header = "辽宁省基本医疗保险政策合规检查（逐条对照省级医保文件）",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "读取各市政策文件（city-policies/*.yaml），用 Drools 规则逐条对照省级医保文件",
      "（文号见 policy-check --version），列出每条结论的条款、实际值与要求值、整改期限。",
      "缺少数据的规则报告“待定”，从不算作通过。",
      "子命令的用法：policy-check <子命令> --help"
    },
    commandListHeading = "%n子命令：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:没有违规",
      "1:发现违规（或 --fail-on warning 时发现警告）",
      "2:输入文件有误或命令用法有误",
      "3:内部错误"
    },
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check report                        检查 city-policies/ 下所有城市，报告写到 reports/",
      "  policy-check check                         检查 city-policies/ 下所有城市，结论输出到终端",
      "  policy-check check city-policies/shenyang.yaml --format json",
      "  policy-check check --as-of 2027-01-01      按 2027-01-01 的参数和期限检查"
    })
public final class Main {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  /** Exit status for an unexpected internal error (a bug: please report it). */
  public static final int INTERNAL_ERROR = 3;

  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      endOnAnyError();
      preloadRules(args);
      code = run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8), true);
    } catch (Throwable e) {
      end(e);
      return;
    }
    System.exit(code);
  }

  /**
   * An Error on any thread (out of memory, a defect) ends the run with one line and status 3:
   * never a stack trace, never status 1 (which would read as "violations found").
   */
  static void endOnAnyError() {
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> end(e));
  }

  /** Held by the one thread that ends the process; made at start-up, as nothing may be allocated later. */
  private static final Object ENDING = new Object();

  /**
   * Ends the process for an error: one line, status 3. Errors can strike several threads at once
   * (class space runs out for the rule-base builder and the main thread together): the first to
   * get here writes its line and halts while holding the lock, so any other waits and says nothing.
   * Halting (not exiting) runs nothing more that could need memory or fail again.
   */
  private static void end(Throwable e) {
    synchronized (ENDING) {
      try {
        fatal(e);
      } finally {
        Runtime.getRuntime().halt(INTERNAL_ERROR);
      }
    }
  }

  /** Written when nothing else can be: no memory is needed to say so. */
  private static final byte[] OUT_OF_MEMORY =
      "policy-check: 内部错误：内存不足（OutOfMemoryError）；可用 java -Xmx… 增加内存，或分批检查文件\n".getBytes(StandardCharsets.UTF_8);

  /** Written when the error's own line cannot be made (its making failed too). */
  private static final byte[] INTERNAL =
      "policy-check: 内部错误（这是程序缺陷，请附上命令和输入文件报告）\n".getBytes(StandardCharsets.UTF_8);

  /**
   * One line on stderr for an error that ends the process; never throws. Each step is tried on
   * its own: when memory (or class space) is short, flushing stdout or composing the message can
   * fail, and the line is still written from bytes made at start-up.
   */
  private static void fatal(Throwable e) {
    try {
      System.out.flush();
    } catch (Throwable ignored) {
      // stdout may stay unflushed; stderr still gets its line
    }
    byte[] line = e instanceof OutOfMemoryError ? OUT_OF_MEMORY : null;
    if (line == null) {
      try {
        line = (internalError(e) + "\n").getBytes(StandardCharsets.UTF_8);
      } catch (Throwable ignored) {
        line = INTERNAL;
      }
    }
    try {
      System.err.write(line, 0, line.length);
      System.err.flush();
    } catch (Throwable ignored) {
      // nothing more can be said
    }
  }

  /** The one line that reports an internal error: its kind and message, one line, bounded. */
  static String internalError(Throwable e) {
    String m = e.getMessage() == null ? "" : "：" + e.getMessage().replaceAll("[\\p{Cntrl}\\s]+", " ");
    if (m.length() > 200) {
      m = m.substring(0, 200) + "…";
    }
    return "policy-check: 内部错误：" + e.getClass().getSimpleName() + m + "（这是程序缺陷，请附上命令和输入文件报告）";
  }

  /** Commands that evaluate the rules: their rule base is built while the rest starts up. */
  private static final java.util.Set<String> EVALUATING = java.util.Set.of("check", "sweep", "report", "impact", "history");

  /** Starts building the rule base on the second core when the command will need it. */
  private static void preloadRules(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        if (EVALUATING.contains(a)) {
          cn.liaoning.ybj.policycheck.engine.RuleEngine.preload();
        }
        return;
      }
    }
  }

  /** Runs the command line with the given writers; returns the exit status (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, false);
  }

  /**
   * Runs the command line; with {@code errorsEndTheProcess} (the real process) an Error is thrown
   * on to {@link #end}, so that one path, whichever thread fails first, says the one line.
   */
  private static int run(String[] args, PrintWriter out, PrintWriter err, boolean errorsEndTheProcess) {
    String garbled = undecodable(args);
    if (garbled != null) {
      err.println("policy-check: 用法错误：参数“" + Hints.clip(garbled) + "”中有当前区域设置（字符集 "
          + System.getProperty("sun.jnu.encoding") + "）无法表示的字符，文件名无法正确读取：请在 UTF-8 区域设置下运行"
          + "（如 LC_ALL=C.UTF-8 java -jar …），或用 ./policy-check 启动（它会自动这样做）");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    CommandLine cmd = commandLine(args);
    cmd.setOut(out);
    cmd.setErr(err);
    int code;
    try {
      code = cmd.execute(args);
    } catch (Error e) {
      if (errorsEndTheProcess || e instanceof OutOfMemoryError) {
        throw e; // main() reports it once, without needing memory
      }
      out.flush();
      err.println(internalError(e));
      code = INTERNAL_ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The first argument that the JVM could not decode from the command line (it then holds U+FFFD:
   * non-ASCII text under the C/POSIX locale, where file names are ASCII to Java), or null.
   */
  static String undecodable(String[] args) {
    for (String a : args) {
      if (a.indexOf('\uFFFD') >= 0 && !"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
        return a;
      }
    }
    return null;
  }

  /** The subcommands, in the order the help lists them. */
  private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("report", ReportCommand.class);
    SUBCOMMANDS.put("check", CheckCommand.class);
    SUBCOMMANDS.put("rules", RulesCommand.class);
    SUBCOMMANDS.put("explain", ExplainCommand.class);
    SUBCOMMANDS.put("sweep", SweepCommand.class);
    SUBCOMMANDS.put("template", TemplateCommand.class);
    SUBCOMMANDS.put("import", ImportCommand.class);
    SUBCOMMANDS.put("impact", ImpactCommand.class);
    SUBCOMMANDS.put("history", HistoryCommand.class);
    SUBCOMMANDS.put("schema", SchemaCommand.class);
  }

  /**
   * The command line for these arguments. picocli builds each command's model by reading its
   * annotations reflectively (for all five, about 20 ms more of the main thread's time at a cold
   * start than for one): when the first argument names a subcommand, only that one is added (the
   * others could not be reached from there). Any other command line (help, version, an option or a typo first) gets all of them,
   * so that the help and the usage messages list them. Usage errors are put in Chinese by
   * {@link UsageErrors}, and the help is wrapped for Chinese by {@link HelpLayout}.
   */
  static CommandLine commandLine(String[] argv) {
    CommandLine cmd = new CommandLine(new Main());
    Class<?> only = argv.length > 0 ? SUBCOMMANDS.get(argv[0]) : null;
    if (only != null) {
      cmd.addSubcommand(argv[0], only);
    } else {
      for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
        cmd.addSubcommand(e.getKey(), e.getValue());
      }
    }
    cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
      c.getErr().println(internalError(ex));
      return INTERNAL_ERROR;
    });
    cmd.setParameterExceptionHandler((ex, args) -> UsageErrors.handle(ex));
    HelpLayout.apply(cmd);
    return cmd;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      String regulation = cn.liaoning.ybj.policycheck.regulation.Parameters.load().regulation().number();
      return new String[] {"policy-check " + (v == null ? "dev" : v), "规则：" + regulation + " 及其引用文件"};
    }
  }
}
