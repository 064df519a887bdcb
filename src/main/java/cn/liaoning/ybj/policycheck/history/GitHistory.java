package cn.liaoning.ybj.policycheck.history;

import cn.liaoning.ybj.policycheck.baseline.BaselineException;
import cn.liaoning.ybj.policycheck.baseline.BaselineSource;
import cn.liaoning.ybj.policycheck.baseline.GitProcess;
import cn.liaoning.ybj.policycheck.policy.PolicyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The git history of some city files or folders, read from the object store without a checkout:
 * the commits of the current branch's first-parent line that touched them (oldest first), and at
 * each commit the city files there with their blob ids. Git runs a few times in all, whatever the
 * number of commits (one {@code log}, then {@code cat-file --batch} for the trees and the blobs),
 * through {@link GitProcess}, as the baseline reading does.
 */
public final class GitHistory {
  /** One commit: full id, committer date and subject line. */
  public record Commit(String id, OffsetDateTime date, String subject) {
    public String shortId() {
      return id.substring(0, Math.min(7, id.length()));
    }
  }

  /**
   * One city file at one commit: its path from the repository root and its blob id; or, for an
   * entry that is not a regular file (a symbolic link), {@code blob} null and the reason.
   */
  public record FileAt(String path, String blob, String problem) {}

  /** The city files at one commit, in path order. */
  public record State(Commit commit, List<FileAt> files) {}

  /** What the user named, relative to the repository root ("" for the root itself). */
  private record Target(String rel, boolean folder) {}

  private final Path root;
  private final List<Target> targets;

  private GitHistory(Path root, List<Target> targets) {
    this.root = root;
    this.targets = targets;
  }

  /** Most lines written to one git process's standard input, well within a pipe's buffer. */
  private static final int LINES_PER_BATCH = 400;
  /** Most bytes of blobs asked of one git process. */
  private static final long BYTES_PER_BATCH = 8L << 20;

  /**
   * The history of these files or folders (which must exist, in one repository).
   *
   * @throws BaselineException when they are not in a git repository, or git cannot be run
   */
  public static GitHistory of(List<Path> paths) throws BaselineException {
    Path root = null;
    List<Target> targets = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new BaselineException(p + " 不存在（history 读取现有城市文件或目录在 git 中的历史）");
      }
      Path real;
      try {
        real = p.toRealPath();
      } catch (IOException e) {
        throw new BaselineException("无法解析路径 " + p + "：" + e.getClass().getSimpleName());
      }
      boolean folder = Files.isDirectory(real);
      Path r = toplevel(folder ? real : real.getParent(), p);
      if (root != null && !root.equals(r)) {
        throw new BaselineException(p + " 与其他路径不在同一个 git 仓库中");
      }
      root = r;
      String rel = r.relativize(real).toString().replace('\\', '/');
      if (rel.indexOf('\n') >= 0 || rel.startsWith("..")) {
        throw new BaselineException("无法在 git 中读取路径 " + p);
      }
      targets.add(new Target(rel, folder));
    }
    return new GitHistory(root, targets);
  }

  private static Path toplevel(Path dir, Path named) throws BaselineException {
    GitProcess.Result g = git(dir, null, 1 << 16, "rev-parse", "--show-toplevel");
    if (g.code() != 0) {
      throw new BaselineException(named + " 不在 git 仓库中：history 读取城市文件在 git 中的历史");
    }
    Path root = Path.of(new String(g.out(), StandardCharsets.UTF_8).strip());
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root;
    }
  }

  /** The paths as named, relative to the repository root ("." for the root). */
  public List<String> paths() {
    return targets.stream().map(t -> t.rel().isEmpty() ? "." : t.rel()).toList();
  }

  /**
   * The commits that touched the files, oldest first, along the first-parent line of HEAD; with
   * {@code since}, the commits after it, preceded by the state at {@code since} itself.
   */
  public List<Commit> commits(String since) throws BaselineException {
    List<String> args = new ArrayList<>(List.of("--literal-pathspecs", "log", "--first-parent", "--reverse", "--no-color",
        "--format=%H%x1f%cI%x1f%s%x1e"));
    Commit start = null;
    if (since != null) {
      if (since.isBlank() || since.startsWith("-")) {
        throw new BaselineException("--since 需要一个 git 版本（如 HEAD~10、v2026.1、提交号）");
      }
      GitProcess.Result v = git(root, null, 1 << 16, "rev-parse", "--verify", "--quiet", since + "^{commit}");
      if (v.code() != 0) {
        throw new BaselineException("版本“" + since + "”在 git 仓库 " + root + " 中不存在");
      }
      String id = new String(v.out(), StandardCharsets.UTF_8).strip();
      start = parse(run("log", "-1", "--no-color", "--format=%H%x1f%cI%x1f%s%x1e", id)).get(0);
      args.add(id + "..HEAD");
    } else {
      GitProcess.Result head = git(root, null, 1 << 16, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
      if (head.code() != 0) {
        throw new BaselineException("git 仓库 " + root + " 中还没有提交");
      }
    }
    args.add("--");
    targets.forEach(t -> args.add(t.rel().isEmpty() ? "." : t.rel()));
    List<Commit> out = new ArrayList<>();
    if (start != null) {
      out.add(start);
    }
    out.addAll(parse(run(args.toArray(String[]::new))));
    return out;
  }

  private static List<Commit> parse(byte[] log) throws BaselineException {
    List<Commit> out = new ArrayList<>();
    for (String record : new String(log, StandardCharsets.UTF_8).split("\u001e")) {
      String r = record.strip();
      if (r.isEmpty()) {
        continue;
      }
      String[] f = r.split("\u001f", 3);
      try {
        out.add(new Commit(f[0], OffsetDateTime.parse(f[1]), f.length > 2 ? f[2] : ""));
      } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
        throw new BaselineException("无法读取 git log 的输出");
      }
    }
    return out;
  }

  /** The city files at each commit (read in a few git processes, whatever the number of commits). */
  public List<State> states(List<Commit> commits) throws BaselineException {
    List<String> objects = new ArrayList<>();
    for (Commit c : commits) {
      for (Target t : targets) {
        objects.add(c.id() + ":" + t.rel());
      }
    }
    List<Entry> entries = batch(objects, "--batch", Long.MAX_VALUE);
    List<State> out = new ArrayList<>();
    int i = 0;
    for (Commit c : commits) {
      Map<String, FileAt> files = new LinkedHashMap<>();
      for (Target t : targets) {
        Entry e = entries.get(i++);
        if (e == null) {
          continue; // not there at this commit
        }
        if (t.folder() && e.type().equals("tree")) {
          for (FileAt f : tree(t.rel(), e.content(), c.id().length() / 2)) {
            files.putIfAbsent(f.path(), f);
          }
        } else if (!t.folder() && e.type().equals("blob")) {
          files.putIfAbsent(t.rel(), new FileAt(t.rel(), e.id(), null));
        }
      }
      List<FileAt> sorted = new ArrayList<>(files.values());
      sorted.sort((a, b) -> a.path().compareTo(b.path()));
      out.add(new State(c, List.copyOf(sorted)));
    }
    return out;
  }

  /** The city files directly in a tree object (as a folder argument stands for them in a check). */
  private static List<FileAt> tree(String folder, byte[] t, int idLength) {
    List<FileAt> out = new ArrayList<>();
    String prefix = folder.isEmpty() ? "" : folder + "/";
    int i = 0;
    while (i < t.length) {
      int space = indexOf(t, (byte) ' ', i);
      int nul = indexOf(t, (byte) 0, space);
      if (space < 0 || nul < 0 || nul + 1 + idLength > t.length) {
        break;
      }
      String mode = new String(t, i, space - i, StandardCharsets.US_ASCII);
      String name = new String(t, space + 1, nul - space - 1, StandardCharsets.UTF_8);
      String id = HexFormat.of().formatHex(t, nul + 1, nul + 1 + idLength);
      i = nul + 1 + idLength;
      if (!BaselineSource.cityFileName(name)) {
        continue;
      }
      String shown = HistoryText.clean(name);
      if (!shown.equals(name)) {
        out.add(new FileAt(prefix + shown, null, "文件名含有控制字符或不可见字符，未读取"));
      } else if (mode.equals("100644") || mode.equals("100755")) {
        out.add(new FileAt(prefix + name, id, null));
      } else if (mode.equals("120000")) {
        out.add(new FileAt(prefix + name, null, "是符号链接：历史中不跟随链接读取"));
      }
    }
    return out;
  }

  private static int indexOf(byte[] b, byte x, int from) {
    if (from < 0) {
      return -1;
    }
    for (int i = from; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The contents of these blobs. A blob over the size limit of a city file is not read: its
   * value is its size alone (a {@link Long}), for the message.
   */
  public Map<String, Object> blobs(Set<String> ids) throws BaselineException {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
    List<Entry> sizes = batch(all, "--batch-check", 0);
    Map<String, Object> out = new HashMap<>();
    List<String> chunk = new ArrayList<>();
    long chunkBytes = 0;
    for (int i = 0; i < all.size(); i++) {
      Entry e = sizes.get(i);
      if (e == null || !e.type().equals("blob")) {
        throw new BaselineException("git 中缺少对象 " + all.get(i));
      }
      if (e.size() > PolicyReader.MAX_BYTES) {
        out.put(all.get(i), e.size());
      } else {
        chunk.add(all.get(i));
        chunkBytes += e.size();
      }
      // Asked in batches of at most BYTES_PER_BATCH (and one file) and LINES_PER_BATCH objects.
      if (!chunk.isEmpty() && (chunkBytes >= BYTES_PER_BATCH || chunk.size() >= LINES_PER_BATCH || i == all.size() - 1)) {
        List<Entry> got = batch(chunk, "--batch", chunkBytes);
        for (int j = 0; j < chunk.size(); j++) {
          out.put(chunk.get(j), got.get(j).content());
        }
        chunk.clear();
        chunkBytes = 0;
      }
    }
    return out;
  }

  /** One object of a {@code cat-file} batch: id, type, size and (for --batch) content; null when missing. */
  private record Entry(String id, String type, long size, byte[] content) {}

  /**
   * Asks {@code git cat-file <mode>} about each object, in processes of at most
   * {@link #LINES_PER_BATCH} lines; {@code expected} bounds the content bytes (Long.MAX_VALUE: any).
   */
  private List<Entry> batch(List<String> objects, String mode, long expected) throws BaselineException {
    List<Entry> out = new ArrayList<>();
    for (int from = 0; from < objects.size(); from += LINES_PER_BATCH) {
      List<String> part = objects.subList(from, Math.min(objects.size(), from + LINES_PER_BATCH));
      long room = expected == Long.MAX_VALUE ? 64L << 20 : expected + 128L * part.size() + 4096;
      int limit = (int) Math.min(Integer.MAX_VALUE - 16, room);
      GitProcess.Result g = git(root, String.join("\n", part) + "\n", limit, "cat-file", mode);
      if (g.code() != 0 || g.out().length >= limit) {
        throw new BaselineException("无法从 git 读取历史中的文件（git cat-file " + mode + "）");
      }
      parseBatch(g.out(), part, mode.equals("--batch"), out);
    }
    return out;
  }

  private static void parseBatch(byte[] b, List<String> asked, boolean content, List<Entry> out) throws BaselineException {
    int i = 0;
    for (String object : asked) {
      int eol = indexOf(b, (byte) '\n', i);
      if (eol < 0) {
        throw new BaselineException("无法读取 git cat-file 的输出");
      }
      String header = new String(b, i, eol - i, StandardCharsets.UTF_8);
      i = eol + 1;
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        out.add(null);
        continue;
      }
      String[] parts = header.split(" ");
      if (parts.length != 3) {
        throw new BaselineException("无法读取 git cat-file 的输出（" + object + "）");
      }
      long size = Long.parseLong(parts[2]);
      byte[] data = null;
      if (content) {
        if (i + size + 1 > b.length) {
          throw new BaselineException("git cat-file 的输出不完整（" + object + "）");
        }
        data = java.util.Arrays.copyOfRange(b, i, (int) (i + size));
        i += (int) size + 1; // the content, then a newline
      }
      out.add(new Entry(parts[0], parts[1], size, data));
    }
  }

  private byte[] run(String... args) throws BaselineException {
    int limit = 64 << 20;
    GitProcess.Result g = git(root, null, limit, args);
    if (g.code() != 0 || g.out().length >= limit) {
      throw new BaselineException("无法从 git 读取历史（git log 失败）");
    }
    return g.out();
  }

  private static GitProcess.Result git(Path dir, String input, int limit, String... args) throws BaselineException {
    return GitProcess.run(dir, input, limit, args);
  }
}
