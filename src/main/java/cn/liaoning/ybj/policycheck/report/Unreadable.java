package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyReader;
import cn.liaoning.ybj.policycheck.policy.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city file that could not be checked, as the reports show it: in its own row, marked 文件有误,
 * with its errors, never dropped. The jurisdiction's name is the file's {@code city:} where that
 * one value could be read (the file is read again with the same safe reader, only when it is a
 * regular file within the size limit); else the file name stands for it.
 *
 * @param file the file as the user named it
 * @param city the jurisdiction's name from the file, or null when it could not be read
 * @param code the administrative code from the file, or null
 * @param errors the file's errors, in file order
 */
record Unreadable(String file, String city, String code, List<Diagnostic> errors) {
  Unreadable {
    errors = List.copyOf(errors);
  }

  /** What the reports call it: the city's name, else the file's name. */
  String name() {
    if (city != null) {
      return city;
    }
    String f = file.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }

  /** The first error as {@code file:line:column: message}. */
  String firstError() {
    return location(errors.get(0)) + "：" + errors.get(0).message();
  }

  static String location(Diagnostic d) {
    return d.file() + (d.line() > 0 ? ":" + d.line() + ":" + Math.max(d.column(), 1) : "");
  }

  /** The run's unreadable files, each once, in the order their errors came. */
  static List<Unreadable> of(RunResult run) {
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (Diagnostic d : run.errors()) {
      byFile.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d);
    }
    List<Unreadable> out = new ArrayList<>();
    byFile.forEach((file, errors) -> {
      Doc doc = reread(file);
      String city = doc == null ? null : printable(doc.string("city"));
      String code = doc == null ? null : printable(doc.string("code"));
      out.add(new Unreadable(file, city, code, errors));
    });
    return out;
  }

  /** The document as far as the safe reader gets with it, or null (not a regular file, too big, not YAML). */
  private static Doc reread(String file) {
    try {
      Path p = Path.of(file);
      if (!Files.isRegularFile(p) || Files.size(p) > PolicyReader.MAX_BYTES) {
        return null;
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(p)) {
        bytes = in.readNBytes(PolicyReader.MAX_BYTES + 1);
      }
      return PolicyReader.read(file, bytes, Schema.CITY).doc();
    } catch (IOException | RuntimeException e) {
      return null; // the name is a courtesy: without it the file's name stands for the city
    }
  }

  /** A short single-line name, or null. */
  private static String printable(String s) {
    if (s == null || s.isBlank() || s.length() > 40 || s.chars().anyMatch(Character::isISOControl)) {
      return null;
    }
    return s.strip();
  }
}
