package cn.liaoning.ybj.policycheck.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the launcher's class-data archive (AppCDS): runs the commands people
 * use on the given folder of city files, output discarded, so that the JVM that dumps the
 * archive has loaded what those commands load. Not a user command.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws java.io.IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "city-policies");
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"check", dir.toString()});
    runs.add(new String[] {"check", dir.toString(), "--format", "json"});
    runs.add(new String[] {"check", dir.toString(), "--format", "sarif"});
    runs.add(new String[] {"check", dir.toString(), "--format", "junit"});
    runs.add(new String[] {"check", dir.toString(), "--format", "github"});
    runs.add(new String[] {"check", dir.toString(), "--show-pass", "--color", "always"});
    Path reports = Files.createTempDirectory("policy-check-training");
    runs.add(new String[] {"report", dir.toString(), "--out", reports.toString()});
    runs.add(new String[] {"rules"});
    runs.add(new String[] {"explain", "EMP-CAP-MIN"});
    runs.add(new String[] {"--help"});
    runs.add(new String[] {"check", "--help"});
    Path sample = dir.resolve("shenyang.yaml");
    if (Files.isRegularFile(sample)) {
      runs.add(new String[] {"check", sample.toString(), "--format", "json"});
      runs.add(new String[] {"sweep", sample.toString(), "--vary", "employee.outpatient.classes[*].deductible=200..400:100",
          "--vary", "employee.annual_cap=70000,80000"});
    }
    try {
      for (String[] r : runs) {
        Main.run(r, sink, sink);
      }
    } finally {
      try (java.util.stream.Stream<Path> s = Files.walk(reports)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
