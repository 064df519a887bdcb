package cn.liaoning.ybj.policycheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import cn.liaoning.ybj.policycheck.report.ReportFiles;

/**
 * Writes the files a {@code check} run is asked for ({@code --output FORMAT=FILE},
 * {@code --summary FILE}): each is streamed as it is rendered into a hidden temporary file beside
 * its target (JSON, SARIF and JUnit are never held whole) and then moved over it, and no target is touched until every temporary file is
 * written. A run that fails or is interrupted leaves each target as it was, never half-written.
 */
final class OutputFiles {
  private OutputFiles() {}

  /** The file the problem is about, with the I/O error. */
  static final class Failure extends Exception {
    final Path file;
    final IOException cause;

    Failure(Path file, IOException cause) {
      super(file + ": " + cause.getMessage(), null, false, false);
      this.file = file;
      this.cause = cause;
    }
  }

  /** Writes every file (parent directories are created), all or none of them. */
  static void write(Map<Path, ReportFiles.Content> files) throws Failure {
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, ReportFiles.Content> e : files.entrySet()) {
        Path target = e.getKey().toAbsolutePath().normalize();
        try {
          if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(target.toString(), null, "Is a directory");
          }
          Files.createDirectories(target.getParent());
          Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
          Files.deleteIfExists(tmp);
          staged.put(tmp, e.getKey());
          try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
              OutputStream out = Channels.newOutputStream(ch)) {
            e.getValue().writeTo(out);
            out.flush();
            ch.force(true);
          }
        } catch (IOException x) {
          throw new Failure(e.getKey(), x);
        }
      }
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        try {
          move(e.getKey(), e.getValue().toAbsolutePath().normalize());
        } catch (IOException x) {
          throw new Failure(e.getValue(), x);
        }
      }
    } finally {
      for (Path tmp : staged.keySet()) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException ignored) {
          // A leftover hidden temporary file is harmless; the error that brought us here matters more.
        }
      }
    }
  }

  /** Appends to a file that another program owns (GitHub's step summary), creating it if need be. */
  static void append(Path file, byte[] bytes) throws Failure {
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new Failure(file, e);
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
