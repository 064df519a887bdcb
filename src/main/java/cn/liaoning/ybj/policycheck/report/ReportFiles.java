package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
 * into a temporary file beside its target (city by city, so memory does not grow with the number of
 * cities), and all carry the same run id ({@link #runId}). They are replaced all together or not at
 * all: the previous files are kept under a second name until every new file is complete on disk;
 * only then is each new file moved over its target. Should one of those moves fail (a file that
 * cannot be replaced: immutable, another user's in a shared folder, a mount point), the files
 * already moved are put back, and the error says whether the previous report is whole again.
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

  /** The files of a report whose model is already built (from {@code run}), each carrying the run id. */
  public static Map<String, Content> render(ReportModel model, RunResult run) {
    String id = RunId.of(run);
    Map<String, Content> files = new LinkedHashMap<>();
    files.put(HTML, RunId.stamped(HTML, Streams.text(w -> HtmlReport.write(model, w)), id));
    files.put(MARKDOWN, RunId.stamped(MARKDOWN, Streams.text(w -> MarkdownReport.write(model, w)), id));
    files.put(CSV, RunId.stamped(CSV, Streams.text(w -> CsvReport.write(model, w)), id));
    files.put(XLSX, Streams.bytes(out -> XlsxReport.write(model, out, id)));
    files.put(JSON, RunId.stamped(JSON, Streams.text(w -> JsonReport.stream(run, w)), id));
    return files;
  }

  /** The run id a written report file carries, or null when it carries none. */
  public static String runId(String name, byte[] content) {
    return RunId.find(name, content);
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
   * The report could not be written. {@link #previousIntact()} says whether the directory holds
   * the previous report as it was (nothing replaced, or everything put back); if not,
   * {@link #state()} says which files are new and which are the previous ones.
   */
  public static final class WriteFailure extends IOException {
    private final IOException cause;
    private final List<String> replaced;
    private final List<String> kept;

    WriteFailure(IOException cause, List<String> replaced, List<String> kept) {
      super(cause.getMessage(), cause);
      this.cause = cause;
      this.replaced = List.copyOf(replaced);
      this.kept = List.copyOf(kept);
    }

    /** What went wrong first. */
    public IOException reason() {
      return cause;
    }

    public boolean previousIntact() {
      return replaced.isEmpty();
    }

    /** Which files are now the new ones and which the previous (or missing) ones, in words. */
    public String state() {
      return String.join("、", replaced) + " 已是本次的新文件，" + (kept.isEmpty() ? "" : String.join("、", kept) + " 仍是上一次的，")
          + "放回上一次的文件时也出错；各文件所记的运行编号不同，可据此辨认";
    }
  }

  /** Moves a file over another (a seam for tests: a move that fails). */
  interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  /** Writes these files into {@code dir}, all together or not at all (see the class comment). */
  public static List<Path> write(Path dir, Map<String, Content> files) throws IOException {
    return write(dir, files, ReportFiles::move);
  }

  static List<Path> write(Path dir, Map<String, Content> files, Mover mover) throws IOException {
    Files.createDirectories(dir);
    removeStaleTemporaries(dir, files.keySet());
    // A target that cannot be replaced by a file is found before anything moves.
    for (String name : files.keySet()) {
      Path target = dir.resolve(name);
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileSystemException(target.toString(), null, "报告文件的位置上是一个目录");
      }
    }
    List<String> names = new ArrayList<>(files.keySet());
    Map<String, Path> temps = new LinkedHashMap<>();
    Map<String, Path> backups = new LinkedHashMap<>();
    try {
      // 1. Every new file, complete and on disk, under a temporary name.
      for (String name : names) {
        Path tmp = dir.resolve(tempName(name));
        Files.deleteIfExists(tmp);
        temps.put(name, tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            OutputStream out = Channels.newOutputStream(ch)) {
          files.get(name).writeTo(out);
          out.flush();
          ch.force(true);
        }
      }
      // 2. Every previous file kept under a second name (a hard link, else a copy).
      for (String name : names) {
        Path target = dir.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          Path backup = dir.resolve(backupName(name, ProcessHandle.current().pid()));
          Files.deleteIfExists(backup);
          backups.put(name, backup);
          keep(target, backup);
        }
      }
      // 3. The new files moved in; on a failure, the ones already moved are put back.
      List<String> moved = new ArrayList<>();
      for (String name : names) {
        try {
          mover.move(temps.get(name), dir.resolve(name));
        } catch (IOException e) {
          throw rollBack(dir, names, moved, backups, e);
        }
        moved.add(name);
      }
      List<Path> written = new ArrayList<>();
      names.forEach(n -> written.add(dir.resolve(n)));
      return written;
    } finally {
      for (Path p : temps.values()) {
        deleteQuietly(p);
      }
      for (Path p : backups.values()) {
        deleteQuietly(p);
      }
    }
  }

  /** Keeps the previous {@code target} as {@code backup}: a second name for it, or a copy. */
  private static void keep(Path target, Path backup) throws IOException {
    try {
      Files.createLink(backup, target);
    } catch (IOException | UnsupportedOperationException e) {
      // No hard links here (or not for this file): a copy keeps the content just as well.
      Files.copy(target, backup, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** Puts back every file already replaced; the failure says whether that worked. */
  private static WriteFailure rollBack(Path dir, List<String> names, List<String> moved, Map<String, Path> backups,
      IOException cause) {
    List<String> stillNew = new ArrayList<>();
    for (String name : moved) {
      Path target = dir.resolve(name);
      try {
        Path backup = backups.get(name);
        if (backup != null) {
          move(backup, target);
        } else {
          Files.deleteIfExists(target); // there was no previous file
        }
      } catch (IOException | RuntimeException e) {
        stillNew.add(name);
      }
    }
    List<String> kept = new ArrayList<>(names);
    kept.removeAll(stillNew);
    return new WriteFailure(cause, stillNew, kept);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException | RuntimeException ignored) {
      // A leftover hidden file is harmless (the next run removes it); the error that brought us here matters more.
    }
  }

  /** The temporary name for {@code name}: hidden, and distinct per process. */
  static String tempName(String name) {
    return tempName(name, ProcessHandle.current().pid());
  }

  static String tempName(String name, long pid) {
    return "." + name + "." + pid + ".tmp";
  }

  /** Where the previous {@code name} is kept while the new one moves in. */
  static String backupName(String name, long pid) {
    return "." + name + "." + pid + ".old";
  }

  /**
   * Removes the temporary and kept files that a killed run (which had no chance to clean up)
   * left beside the report: only this writer's own names, and only of processes that no longer
   * run.
   */
  private static void removeStaleTemporaries(Path dir, Iterable<String> names) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.{tmp,old}")) {
      for (Path p : entries) {
        String file = p.getFileName().toString();
        for (String name : names) {
          String prefix = "." + name + ".";
          String suffix = file.endsWith(".tmp") ? ".tmp" : ".old";
          if (file.startsWith(prefix) && file.length() > prefix.length() + suffix.length()) {
            String pid = file.substring(prefix.length(), file.length() - suffix.length());
            if (digits(pid) && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // Leftovers are hidden and harmless; failing to tidy them must not stop the report.
    }
  }

  private static boolean digits(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
