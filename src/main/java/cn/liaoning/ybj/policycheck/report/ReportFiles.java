package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the report files into one directory: {@code index.html}, {@code report.md},
 * {@code findings.csv}, {@code findings.xlsx} and {@code findings.json}. Each is rendered straight
 * into a temporary file beside its target (city by city, so memory does not grow with the number
 * of cities) and moved over it, so a run that fails or is interrupted leaves the previous report
 * as it was (never a half-written file).
 */
public final class ReportFiles {
  public static final String HTML = "index.html";
  public static final String MARKDOWN = "report.md";
  public static final String CSV = "findings.csv";
  public static final String XLSX = "findings.xlsx";
  public static final String JSON = "findings.json";

  private ReportFiles() {}

  /** A report file's content, written into a stream as it is rendered. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;

    static Content of(byte[] bytes) {
      return out -> out.write(bytes);
    }
  }

  /** The files' contents, in the order they are written; each is rendered only when written. */
  public static Map<String, Content> render(RunResult run, Catalogue catalogue, Parameters parameters) {
    return render(ReportModel.of(run, catalogue, parameters), run);
  }

  /** The files of a report whose model is already built (from {@code run}). */
  public static Map<String, Content> render(ReportModel model, RunResult run) {
    Map<String, Content> files = new LinkedHashMap<>();
    files.put(HTML, Streams.text(w -> HtmlReport.write(model, w)));
    files.put(MARKDOWN, Streams.text(w -> MarkdownReport.write(model, w)));
    files.put(CSV, Streams.text(w -> CsvReport.write(model, w)));
    files.put(XLSX, Streams.bytes(out -> XlsxReport.write(model, out)));
    files.put(JSON, Streams.text(w -> JsonReport.stream(run, w)));
    return files;
  }

  /** Renders and writes the report into {@code dir} (created if needed); returns the paths written. */
  public static List<Path> write(Path dir, RunResult run, Catalogue catalogue, Parameters parameters) throws IOException {
    return write(dir, render(run, catalogue, parameters));
  }

  /** Renders and writes the report of {@code model} (built from {@code run}) into {@code dir}. */
  public static List<Path> write(Path dir, ReportModel model, RunResult run) throws IOException {
    return write(dir, render(model, run));
  }

  /**
   * Writes every file to a temporary sibling, then moves each over its target. If any temporary
   * file cannot be written, none of the targets is touched and the temporary files are removed.
   */
  static List<Path> write(Path dir, Map<String, Content> files) throws IOException {
    Files.createDirectories(dir);
    removeStaleTemporaries(dir, files.keySet());
    // A target that cannot be replaced by a file is found before anything moves, so that a
    // failure never leaves some files new and the others old.
    for (String name : files.keySet()) {
      Path target = dir.resolve(name);
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileSystemException(target.toString(), null, "报告文件的位置上是一个目录");
      }
    }
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Content> e : files.entrySet()) {
        Path tmp = dir.resolve(tempName(e.getKey()));
        Files.deleteIfExists(tmp);
        staged.put(tmp, dir.resolve(e.getKey()));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            OutputStream out = Channels.newOutputStream(ch)) {
          e.getValue().writeTo(out);
          out.flush();
          ch.force(true);
        }
      }
      List<Path> written = new ArrayList<>();
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        move(e.getKey(), e.getValue());
        written.add(e.getValue());
      }
      return written;
    } finally {
      for (Path tmp : staged.keySet()) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException ignored) {
          // A leftover temporary file is harmless; the error that brought us here matters more.
        }
      }
    }
  }

  /** The temporary name for {@code name}: hidden, and distinct per process. */
  static String tempName(String name) {
    return tempName(name, ProcessHandle.current().pid());
  }

  static String tempName(String name, long pid) {
    return "." + name + "." + pid + ".tmp";
  }

  /**
   * Removes the temporary files that a killed run (which had no chance to clean up) left beside
   * the report: only this writer's own names, and only of processes that no longer run.
   */
  private static void removeStaleTemporaries(Path dir, Iterable<String> names) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path p : entries) {
        String file = p.getFileName().toString();
        for (String name : names) {
          String prefix = "." + name + ".";
          if (file.startsWith(prefix) && file.endsWith(".tmp")) {
            String pid = file.substring(prefix.length(), file.length() - ".tmp".length());
            if (pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // Leftovers are hidden and harmless; failing to tidy them must not stop the report.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
