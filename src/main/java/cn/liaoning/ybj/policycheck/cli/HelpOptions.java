package cn.liaoning.ybj.policycheck.cli;

import picocli.CommandLine.Option;

/** -h/--help and -V/--version with Chinese descriptions (mixed into every command). */
final class HelpOptions {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助并退出")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "显示版本并退出")
  boolean version;
}
