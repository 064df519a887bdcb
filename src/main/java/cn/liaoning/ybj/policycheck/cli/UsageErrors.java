package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.policy.Hints;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line mistakes in Chinese: picocli's usage errors (an unknown subcommand or option, a
 * missing or repeated option, a value of the wrong kind) are put in words with what was meant
 * ("是否想写 check？") or what is allowed. Works from the command model only (its subcommands,
 * options and their types), so it needs nothing from each command. A command's own usage errors,
 * already in Chinese, are shown as they are.
 */
final class UsageErrors {
  private UsageErrors() {}

  private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown options?: '([^']*)'");

  /** Prints the mistake and where the help is; returns the usage exit status. */
  static int handle(ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    PrintWriter err = c.getErr();
    if (missingSubcommand(ex)) {
      err.print(HelpLayout.shortHelp(c));
    } else {
      err.println("policy-check: 用法错误：" + message(ex));
      err.println("运行 “" + c.getCommandSpec().qualifiedName() + " --help” 查看用法。");
    }
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  private static boolean missingSubcommand(ParameterException ex) {
    return ex.getClass() == ParameterException.class && !ex.getCommandLine().getSubcommands().isEmpty()
        && "Missing required subcommand".equals(ex.getMessage());
  }

  /** The mistake in one Chinese sentence. */
  static String message(ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    if (ex instanceof UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      if (unmatched.isEmpty()) {
        Matcher m = UNKNOWN_OPTION.matcher(String.valueOf(ex.getMessage()));
        return m.find() ? unknownOption(m.group(1), spec) : fallback(ex);
      }
      String first = unmatched.get(0);
      if (u.isUnknownOption()) {
        return unknownOption(first, spec);
      }
      if (!spec.subcommands().isEmpty()) {
        return unknownSubcommand(first, spec);
      }
      return "多余的参数“" + Hints.clip(first) + "”" + (unmatched.size() > 1 ? "等 " + unmatched.size() + " 个" : "")
          + "：" + spec.qualifiedName() + " " + accepts(spec);
    }
    if (ex instanceof MissingParameterException m) {
      boolean valueMissing = String.valueOf(ex.getMessage()).contains("parameter for option")
          || String.valueOf(ex.getMessage()).startsWith("Expected parameter");
      if (valueMissing && m.getMissing().size() == 1) {
        ArgSpec a = m.getMissing().get(0);
        return "选项 " + name(a) + " 缺少取值（" + a.paramLabel() + "）" + allowed(a);
      }
      List<String> described = new ArrayList<>();
      for (ArgSpec a : m.getMissing()) {
        described.add(a.isOption() ? "选项 " + name(a) + "=" + a.paramLabel() : "参数 " + name(a) + firstLine(a));
      }
      return "缺少" + String.join("、", described);
    }
    if (ex instanceof OverwrittenOptionException o) {
      return "选项 " + name(o.getOverwritten()) + " 只能给出一次";
    }
    if (ex instanceof MaxValuesExceededException) {
      return "参数过多（" + ex.getMessage() + "）";
    }
    if (ex instanceof MutuallyExclusiveArgsException) {
      return "这些选项不能同时使用（" + ex.getMessage() + "）";
    }
    ArgSpec a = ex.getArgSpec();
    if (a != null && ex.getValue() != null) {
      return badValue(ex, a);
    }
    return hasChinese(ex.getMessage()) ? ex.getMessage() : fallback(ex);
  }

  private static String badValue(ParameterException ex, ArgSpec a) {
    String what = (a.isOption() ? "选项 " : "参数 ") + name(a) + " 的值“" + Hints.clip(ex.getValue()) + "”";
    Class<?> type = a.type();
    if (type.isEnum()) {
      List<String> values = candidates(a);
      String hint = Hints.closest(ex.getValue(), values);
      return what + "无效，可选：" + String.join(" | ", values) + (hint == null ? "" : "（是否想写 " + hint + "？）");
    }
    Throwable cause = ex.getCause();
    if (cause instanceof TypeConversionException && hasChinese(cause.getMessage())) {
      return (a.isOption() ? "选项 " : "参数 ") + name(a) + " 的值无效：" + cause.getMessage();
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class
        || type == short.class || type == Short.class) {
      return what + "不是整数";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class
        || type == java.math.BigDecimal.class) {
      return what + "不是数字";
    }
    if (type == java.nio.file.Path.class || type == java.io.File.class) {
      return what + "不是有效的路径";
    }
    return what + "无效";
  }

  private static String unknownOption(String arg, CommandSpec spec) {
    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    List<String> names = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        names.addAll(List.of(o.names()));
      }
    }
    String hint = Hints.closest(name, names);
    String text = "未知的选项“" + Hints.clip(name) + "”";
    if (hint != null) {
      return text + "，是否想写 " + hint + "？";
    }
    for (CommandLine sub : spec.subcommands().values()) {
      if (sub.getCommandSpec().optionsMap().containsKey(name)) {
        return text + "：它是子命令的选项，应写在子命令之后，如 " + spec.qualifiedName() + " "
            + sub.getCommandName() + " " + name;
      }
    }
    List<String> longNames = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        longNames.add(o.longestName());
      }
    }
    return text + "；可用的选项：" + String.join("、", longNames);
  }

  private static String unknownSubcommand(String arg, CommandSpec spec) {
    List<String> subs = new ArrayList<>(spec.subcommands().keySet());
    String hint = Hints.closest(arg, subs);
    String text = "没有子命令“" + Hints.clip(arg) + "”";
    if (hint != null) {
      return text + "，是否想写 " + hint + "？";
    }
    if (arg.contains("/") || arg.endsWith(".yaml") || arg.endsWith(".yml")) {
      return text + "：文件写在子命令之后，如 " + spec.qualifiedName() + " check " + Hints.clip(arg);
    }
    return text + "；可用的子命令：" + String.join("、", subs);
  }

  /** What a command takes as arguments, in words. */
  private static String accepts(CommandSpec spec) {
    List<PositionalParamSpec> ps = spec.positionalParameters();
    if (ps.isEmpty()) {
      return "不接受参数";
    }
    List<String> labels = new ArrayList<>();
    for (PositionalParamSpec p : ps) {
      labels.add(p.paramLabel());
    }
    return "只接受 " + String.join(" ", labels);
  }

  /** The allowed values of an enumerated option, for a message: "，可选：text | json"; "" otherwise. */
  private static String allowed(ArgSpec a) {
    return a.type().isEnum() ? "，可选：" + String.join(" | ", candidates(a)) : "";
  }

  private static List<String> candidates(ArgSpec a) {
    List<String> out = new ArrayList<>();
    if (a.completionCandidates() != null) {
      a.completionCandidates().forEach(out::add);
    }
    if (out.isEmpty()) {
      for (Object e : a.type().getEnumConstants()) {
        out.add(((Enum<?>) e).name());
      }
    }
    return out;
  }

  private static String name(ArgSpec a) {
    return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
  }

  private static String firstLine(ArgSpec a) {
    String[] d = a.description();
    return d.length == 0 || d[0].isBlank() ? "" : "（" + d[0] + "）";
  }

  private static boolean hasChinese(String s) {
    return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /** A picocli message this class does not know: said to be a usage error, with picocli's words. */
  private static String fallback(ParameterException ex) {
    return "命令行有误（" + ex.getMessage() + "）";
  }
}
