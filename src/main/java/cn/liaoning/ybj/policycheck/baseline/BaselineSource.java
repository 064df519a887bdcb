package cn.liaoning.ybj.policycheck.baseline;

import cn.liaoning.ybj.policycheck.policy.PolicyFiles;
import cn.liaoning.ybj.policycheck.policy.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the baseline city files come from: a directory, or a git revision of the repository the
 * proposed files live in (read with {@code git cat-file}, nothing is checked out). A proposed
 * file is matched to its baseline by its path relative to the repository root.
 */
public sealed interface BaselineSource permits BaselineSource.Directory, BaselineSource.GitRevision {

  /** The baseline text of one proposed file, and where it was read (for reports). */
  record Prior(String label, byte[] bytes) {}

  /** The baseline in its explicit form, which says its kind: {@code git:origin/main} or {@code dir:PATH}. */
  String ref();

  /**
   * One line for the user on what was compared with: the kind, and the commit a revision
   * resolved to (once files have been read) or the directory's real path.
   */
  String describe();

  /**
   * The baseline of a proposed file, or null when the baseline has no such file (a new city).
   *
   * @throws BaselineException when the baseline cannot be read at all
   */
  Prior read(Path proposed) throws BaselineException;

  /**
   * The names of the city files ({@code *.yaml}, {@code *.yml}, not hidden) directly in the
   * baseline's counterpart of a proposed directory, sorted; empty when the baseline has no such
   * directory. A name here without a file in the proposed directory is a city file the proposal
   * deletes.
   *
   * @throws BaselineException when the baseline cannot be read at all
   */
  List<String> list(Path proposedDir) throws BaselineException;

  /** Whether a file name is one that a directory argument stands for (as {@code PolicyLoader.expand}). */
  static boolean cityFileName(String n) {
    return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".") && n.indexOf('/') < 0;
  }

  /** The explicit form of a git revision: {@code git:origin/main}. */
  String GIT_PREFIX = "git:";

  /** The explicit form of a directory: {@code dir:path/to/copy}. */
  String DIR_PREFIX = "dir:";

  /** {@link #open(String, List)} for proposed files in (or below) the working directory. */
  static BaselineSource open(String ref) throws BaselineException {
    return open(ref, List.of());
  }

  /**
   * The baseline {@code ref} names: {@code git:REV} is a git revision ({@code origin/main},
   * {@code HEAD~1}, a commit id), {@code dir:PATH} a directory; a bare value is a directory when
   * one of that name exists, otherwise a revision. A bare value that names both an existing
   * directory and a revision of the repository that holds the proposed files is refused: the
   * proposal's own tree could otherwise supply its own baseline (commit copies of its files under
   * {@code origin/main/}) and so pass the gate unseen.
   *
   * @param proposed the proposed files or directories (their repositories are asked about a bare value)
   */
  static BaselineSource open(String ref, List<Path> proposed) throws BaselineException {
    if (ref == null || ref.isBlank()) {
      throw new BaselineException("--baseline 需要一个目录或 git 版本（如 git:origin/main 或 dir:基线目录）");
    }
    if (ref.startsWith(GIT_PREFIX)) {
      return revision(ref, ref.substring(GIT_PREFIX.length()));
    }
    if (ref.startsWith(DIR_PREFIX)) {
      String path = ref.substring(DIR_PREFIX.length());
      Path dir = path.isEmpty() ? null : Path.of(path);
      if (dir == null || !Files.isDirectory(dir)) {
        throw new BaselineException("基线目录“" + path + "”不存在或不是目录");
      }
      return new Directory(DIR_PREFIX + path, dir);
    }
    Path dir = Path.of(ref);
    if (!Files.isDirectory(dir)) {
      return revision(GIT_PREFIX + ref, ref);
    }
    String commit = GitRevision.resolves(ref, proposed);
    if (commit != null) {
      throw new BaselineException("基线“" + ref + "”有歧义：它既是目录 " + dir.toAbsolutePath().normalize()
          + "，也是 git 版本（提交 " + commit.substring(0, Math.min(12, commit.length())) + "）。"
          + "请写明是哪一个：--baseline " + GIT_PREFIX + ref + "（按 git 版本比较）或 --baseline " + DIR_PREFIX + ref
          + "（按目录比较）");
    }
    return new Directory(DIR_PREFIX + ref, dir);
  }

  private static BaselineSource revision(String label, String rev) throws BaselineException {
    if (rev.isEmpty() || rev.startsWith("-") || rev.indexOf('\0') >= 0) {
      throw new BaselineException("基线“" + rev + "”不是有效的 git 版本名");
    }
    return new GitRevision(label, rev);
  }

  /**
   * Baseline files in a directory: either a copy of the repository ({@code DIR/city-policies/x.yaml})
   * or a flat directory of city files ({@code DIR/x.yaml}).
   */
  record Directory(String ref, Path dir) implements BaselineSource {
    @Override
    public String describe() {
      Path real;
      try {
        real = dir.toRealPath();
      } catch (IOException e) {
        real = dir.toAbsolutePath().normalize();
      }
      return "目录 " + real;
    }

    @Override
    public Prior read(Path proposed) throws BaselineException {
      List<Path> candidates = new ArrayList<>();
      Path rel = relativeToWorkingDirectory(proposed);
      if (rel != null) {
        candidates.add(dir.resolve(rel));
      }
      candidates.add(dir.resolve(proposed.getFileName().toString()));
      for (Path c : candidates) {
        if (Files.isRegularFile(c)) {
          Path outside = PolicyFiles.realOutside(c, dir);
          if (outside != null) { // a link out of the baseline directory: nothing of it is read
            throw BaselineException.oneFile("基线文件 " + c + " 是指向基线目录之外的符号链接（" + outside + "），不读取它");
          }
          try {
            return new Prior(c.toString(), readLimited(Files.newInputStream(c)));
          } catch (IOException e) {
            throw BaselineException.oneFile("无法读取基线文件 " + c + "：" + e.getClass().getSimpleName());
          }
        }
      }
      return null;
    }

    @Override
    public List<String> list(Path proposedDir) throws BaselineException {
      // The same two layouts as read(): DIR/<relative path>/ first, else the flat DIR itself.
      Path rel = relativeToWorkingDirectory(proposedDir);
      Path where = rel != null && Files.isDirectory(dir.resolve(rel)) ? dir.resolve(rel) : dir;
      List<String> names = new ArrayList<>();
      try (java.util.stream.Stream<Path> s = Files.list(where)) {
        s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(BaselineSource::cityFileName).forEach(names::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new BaselineException("无法读取基线目录 " + where + "：" + e.getClass().getSimpleName());
      }
      names.sort(null);
      return names;
    }

    private static Path relativeToWorkingDirectory(Path p) {
      if (!p.isAbsolute()) {
        return p.normalize();
      }
      Path cwd = Path.of("").toAbsolutePath();
      Path n = p.normalize();
      return n.startsWith(cwd) ? cwd.relativize(n) : null;
    }
  }

  /** Baseline files at a git revision, read from the object store of the proposed file's repository. */
  final class GitRevision implements BaselineSource {
    /** How the run names the baseline ({@code git:origin/main}). */
    private final String label;
    private final String ref;
    /** Repository root (as git reports it) for each directory already asked about. */
    private final Map<Path, Path> roots = new ConcurrentHashMap<>(); // read from several checking threads
    /** The commit the revision names, for each repository root already checked to hold it. */
    private final Map<Path, String> verified = new ConcurrentHashMap<>();

    GitRevision(String label, String ref) {
      this.label = label;
      this.ref = ref;
    }

    @Override
    public String ref() {
      return label;
    }

    @Override
    public String describe() {
      List<String> commits = new ArrayList<>(new java.util.TreeSet<>(verified.values()));
      return "git 版本 " + ref + (commits.isEmpty() ? "" : "（提交 " + String.join("、", commits) + "）");
    }

    /**
     * The commit {@code rev} names in the repository of the working directory or of any proposed
     * path, or null when it names none (or git cannot be run).
     */
    static String resolves(String rev, List<Path> proposed) {
      if (rev.startsWith("-")) {
        return null;
      }
      Set<Path> folders = new java.util.LinkedHashSet<>();
      folders.add(Path.of("").toAbsolutePath());
      for (Path p : proposed) {
        Path a = p.toAbsolutePath().normalize();
        folders.add(Files.isDirectory(a) ? a : a.getParent());
      }
      for (Path f : folders) {
        if (f == null || !Files.isDirectory(f)) {
          continue;
        }
        try {
          GitProcess.Result v = git(f, null, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
          if (v.code() == 0) {
            return new String(v.out(), StandardCharsets.UTF_8).strip();
          }
        } catch (BaselineException e) {
          return null; // no git: the value cannot name a revision
        }
      }
      return null;
    }

    @Override
    public Prior read(Path proposed) throws BaselineException {
      Path file;
      try {
        file = proposed.toRealPath();
      } catch (java.nio.file.NoSuchFileException e) {
        // A city file the proposal deleted (see list()): its folder is still there.
        file = realFolder(proposed.toAbsolutePath().getParent()).resolve(proposed.getFileName().toString());
      } catch (IOException e) {
        throw BaselineException.oneFile("无法解析文件路径 " + proposed + "：" + e.getClass().getSimpleName());
      }
      Path root = verifiedRoot(file.getParent());
      // Git paths use "/" whatever the platform.
      String rel = root.relativize(file).toString().replace('\\', '/');
      // Read at the commit the revision named when it was verified, so that every file of the run
      // comes from the same commit even if the name moves meanwhile; reported by the name.
      String object = verified.get(root) + ":" + rel;
      String label = ref + ":" + rel;
      if (object.indexOf('\n') >= 0) { // cannot be a line of --batch input: ask twice, by argument
        if (git(root, null, "cat-file", "-e", object).code() != 0) {
          return null;
        }
        GitProcess.Result blob = git(root, null, "cat-file", "blob", object);
        if (blob.code() != 0) {
          throw BaselineException.oneFile("无法从 git 读取基线文件 " + label);
        }
        return new Prior(label, blob.out());
      }
      // One git process a file: --batch answers "<object> missing" or "<id> blob <size>" and the content.
      GitProcess.Result batch = git(root, object + "\n", "cat-file", "--batch");
      byte[] out = batch.out();
      int eol = 0;
      while (eol < out.length && out[eol] != '\n') {
        eol++;
      }
      String header = new String(out, 0, eol, StandardCharsets.UTF_8);
      if (batch.code() == 0 && header.equals(object + " missing")) {
        return null;
      }
      String[] parts = header.split(" ");
      if (batch.code() != 0 || eol == out.length || parts.length != 3 || !parts[1].equals("blob")) {
        throw BaselineException.oneFile("无法从 git 读取基线文件 " + label);
      }
      // The content follows the header; a file over the size limit was cut short when read (the
      // loader reports its size), so take what is there up to the stated size.
      long size = Long.parseLong(parts[2]);
      int from = eol + 1;
      int to = (int) Math.min(out.length, from + size);
      return new Prior(label, Arrays.copyOfRange(out, from, to));
    }

    @Override
    public List<String> list(Path proposedDir) throws BaselineException {
      Path dir = realFolder(proposedDir.toAbsolutePath());
      Path root = verifiedRoot(dir);
      String rel = root.relativize(dir).toString().replace('\\', '/');
      String prefix = rel.isEmpty() ? "" : rel + "/";
      // -z: NUL-terminated names, never quoted; only the folder's own entries (no recursion).
      String commit = verified.get(root);
      GitProcess.Result g = rel.isEmpty() ? git(root, null, "ls-tree", "-z", "--name-only", commit)
          : git(root, null, "ls-tree", "-z", "--name-only", commit, "--", prefix);
      if (g.code() != 0) {
        throw new BaselineException("无法从 git 列出基线目录 " + ref + ":" + prefix);
      }
      List<String> names = new ArrayList<>();
      for (String path : new String(g.out(), StandardCharsets.UTF_8).split("\0")) {
        if (path.startsWith(prefix) && cityFileName(path.substring(prefix.length()))) {
          names.add(path.substring(prefix.length()));
        }
      }
      names.sort(null);
      return names;
    }

    private static Path realFolder(Path dir) throws BaselineException {
      try {
        return dir.toRealPath();
      } catch (IOException e) {
        throw new BaselineException("无法解析文件路径 " + dir + "：" + e.getClass().getSimpleName());
      }
    }

    /** The repository root of a folder, once checked to hold the baseline revision. */
    private Path verifiedRoot(Path dir) throws BaselineException {
      Path root = root(dir);
      if (!verified.containsKey(root)) {
        GitProcess.Result v = git(root, null, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (v.code() != 0) {
          throw new BaselineException("基线版本“" + ref + "”在 git 仓库 " + root + " 中不存在"
              + "（是远程分支时先运行 git fetch；在 CI 中检出时须带上历史，如 actions/checkout 的 fetch-depth: 0）");
        }
        verified.put(root, new String(v.out(), StandardCharsets.UTF_8).strip());
      }
      return root;
    }

    private Path root(Path dir) throws BaselineException {
      Path known = roots.get(dir);
      if (known != null) {
        return known;
      }
      GitProcess.Result g = git(dir, null, "rev-parse", "--show-toplevel");
      if (g.code() != 0) {
        throw new BaselineException("“" + ref + "”不是目录；作为 git 版本读取基线时，" + dir + " 须在 git 仓库中");
      }
      Path root = Path.of(new String(g.out(), StandardCharsets.UTF_8).strip());
      try {
        root = root.toRealPath();
      } catch (IOException e) {
        // keep git's spelling
      }
      roots.put(dir, root);
      return root;
    }

    /** A city file one byte over its limit, and room for the header line of {@code cat-file --batch}. */
    private static final int GIT_OUTPUT_LIMIT = PolicyReader.MAX_BYTES + 1 + 4096;

    /** Runs git in {@code dir} with {@code input} (or nothing) on its standard input. */
    private static GitProcess.Result git(Path dir, String input, String... args) throws BaselineException {
      return GitProcess.run(dir, input, GIT_OUTPUT_LIMIT, args);
    }
  }

  /** Reads at most one byte more than a city file may hold (the loader reports the excess). */
  private static byte[] readLimited(InputStream in) throws IOException {
    return GitProcess.readLimited(in, PolicyReader.MAX_BYTES + 1);
  }
}
