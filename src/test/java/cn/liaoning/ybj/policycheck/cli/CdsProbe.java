package cn.liaoning.ybj.policycheck.cli;

/** A program that prints one line: LauncherFlagsTest runs it under the launcher's JVM flags. */
public final class CdsProbe {
  private CdsProbe() {}

  public static void main(String[] args) {
    System.out.println("{\"probe\": true}");
  }
}
