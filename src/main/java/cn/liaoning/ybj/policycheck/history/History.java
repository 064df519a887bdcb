package cn.liaoning.ybj.policycheck.history;

import cn.liaoning.ybj.policycheck.baseline.BaselineException;
import cn.liaoning.ybj.policycheck.engine.Batch;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.policy.PolicyReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The city files' compliance over their git history: each state of the files (each commit of the
 * first-parent line that touched them) checked as of that commit's date, or as of one fixed date,
 * with one rule base for all; per city and commit the number of findings of each status.
 *
 * @param paths the files or folders walked, relative to the repository root
 * @param since the revision named with {@code --since}, or null
 * @param fixedAsOf the as-of date of every check, or null when each commit's own date is used
 * @param commits every state, oldest first, with the as-of date it was checked at
 * @param cities every city file seen in any state, by path
 * @param errors the problems of each unreadable file state (reported once, at its first commit)
 * @param deadline the deadline of 2号 四(一) in force at the last as-of date (null when none)
 * @param extendedDeadline the deadline for a city with the approved hardship extension
 * @param regulation the number of the regulation checked against (from the parameter files)
 */
public record History(List<String> paths, String since, LocalDate fixedAsOf, List<Point> commits, List<CityLine> cities,
    List<Diagnostic> errors, LocalDate deadline, LocalDate extendedDeadline, String regulation) {

  /** One state of the files: the commit and the date its files were checked as of. */
  public record Point(GitHistory.Commit commit, LocalDate asOf) {}

  /** How a city file stands at one commit. */
  public enum State {
    CHECKED("checked", "已检查"),
    UNREADABLE("unreadable", "无法读取"),
    ABSENT("absent", "没有该文件");

    public final String key;
    public final String label;

    State(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /**
   * One city file at one commit.
   *
   * @param counts the number of findings of each status (null unless checked)
   * @param problem the first error of an unreadable file ("第 12 行：…"), else null
   */
  public record Mark(State state, Map<Status, Integer> counts, String problem) {
    public int count(Status s) {
      return counts == null ? 0 : counts.getOrDefault(s, 0);
    }
  }

  /**
   * One city file through the history: one mark per commit, in the order of {@link #commits}.
   *
   * @param city the city's name in its latest readable state (the file name when none)
   */
  public record CityLine(String file, String city, String code, List<Mark> marks) {
    /** "3 → 1" from the first to the latest checked state, "2" when equal; "—" when never checked. */
    public String change(Status s) {
      Mark first = null;
      Mark last = null;
      for (Mark m : marks) {
        if (m.state() == State.CHECKED) {
          first = first == null ? m : first;
          last = m;
        }
      }
      if (first == null) {
        return "—";
      }
      return first.count(s) == last.count(s) ? Integer.toString(last.count(s)) : first.count(s) + " → " + last.count(s);
    }
  }

  /**
   * Walks the history: the commits, the files at each, each distinct file state read once and
   * checked once per as-of date, on every core.
   *
   * @param progress called with (done, total) checks as they finish; may be null
   */
  public static History walk(Checker checker, GitHistory git, String since, LocalDate fixedAsOf,
      BiConsumer<Integer, Integer> progress) throws BaselineException {
    return walk(checker, git, since, fixedAsOf, null, progress);
  }

  /**
   * As {@link #walk(Checker, GitHistory, String, LocalDate, BiConsumer)}, only the commits made on
   * or before {@code until} (null: all): the progress up to a report's as-of date.
   */
  public static History walk(Checker checker, GitHistory git, String since, LocalDate fixedAsOf, LocalDate until,
      BiConsumer<Integer, Integer> progress) throws BaselineException {
    List<GitHistory.Commit> commits = git.commits(since);
    if (until != null) {
      commits = commits.stream().filter(c -> !c.date().toLocalDate().isAfter(until)).toList();
    }
    List<GitHistory.State> states = git.states(commits);
    Set<String> ids = new HashSet<>();
    Set<String> files = new TreeSet<>();
    for (GitHistory.State s : states) {
      for (GitHistory.FileAt f : s.files()) {
        files.add(f.path());
        if (f.blob() != null) {
          ids.add(f.blob());
        }
      }
    }
    Map<String, Object> blobs = git.blobs(ids);

    // Each distinct file state is read once (at its first commit, which names it in messages).
    PolicyLoader loader = new PolicyLoader(checker.catalogue().entries().keySet());
    Map<String, PolicyLoader.Loaded> loaded = new LinkedHashMap<>();
    List<Diagnostic> errors = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    for (GitHistory.State s : states) {
      points.add(new Point(s.commit(), fixedAsOf != null ? fixedAsOf : s.commit().date().toLocalDate()));
      for (GitHistory.FileAt f : s.files()) {
        String key = f.blob() != null ? f.blob() : "problem:" + f.path() + ":" + f.problem();
        if (loaded.containsKey(key)) {
          continue;
        }
        String label = s.commit().shortId() + ":" + f.path();
        PolicyLoader.Loaded l = f.blob() == null ? failed(label, f.problem())
            : blobs.get(f.blob()) instanceof Long size ? failed(label, String.format(Locale.ROOT,
                "文件过大（%,d 字节），城市政策文件上限为 %,d 字节", size, PolicyReader.MAX_BYTES))
            : loader.load(label, (byte[]) blobs.get(f.blob()));
        loaded.put(key, l);
        if (!l.ok()) {
          errors.addAll(l.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
      }
    }

    // Each (file state, as-of date) is checked once, on every core; the rule base is the checker's.
    Map<String, Map<Status, Integer>> counts = check(checker, states, points, loaded, progress);

    List<CityLine> cities = new ArrayList<>();
    for (String file : files) {
      List<Mark> marks = new ArrayList<>();
      CityPolicy latest = null;
      for (int i = 0; i < states.size(); i++) {
        GitHistory.FileAt f = find(states.get(i), file);
        if (f == null) {
          marks.add(new Mark(State.ABSENT, null, null));
          continue;
        }
        PolicyLoader.Loaded l = loaded.get(f.blob() != null ? f.blob() : "problem:" + f.path() + ":" + f.problem());
        if (!l.ok()) {
          marks.add(new Mark(State.UNREADABLE, null, firstError(l)));
          continue;
        }
        latest = l.policy();
        marks.add(new Mark(State.CHECKED, counts.get(f.blob() + "@" + points.get(i).asOf()), null));
      }
      String name = file.substring(file.lastIndexOf('/') + 1);
      cities.add(new CityLine(file, latest == null || latest.city() == null ? name : latest.city(),
          latest == null ? null : latest.jurisdiction().code(), List.copyOf(marks)));
    }
    LocalDate last = points.isEmpty() ? (fixedAsOf != null ? fixedAsOf : LocalDate.now()) : points.get(points.size() - 1).asOf();
    return new History(git.paths(), since, fixedAsOf, List.copyOf(points), List.copyOf(cities), List.copyOf(errors),
        checker.parameters().date("deadline.standard", last), checker.parameters().date("deadline.extended", last),
        checker.parameters().regulation().number());
  }

  /** One check to make: a file state as of a date, under the key of its result. */
  private record Task(String key, CityPolicy policy, LocalDate asOf) {}

  /**
   * Checks every (file state, as-of date) once. The checks of one city file run in commit order on
   * one thread, in one kept session ({@link Checker#incremental()}): from one commit to the next,
   * usually only the date or a few values differ, and the rules re-evaluate only what changed.
   */
  private static Map<String, Map<Status, Integer>> check(Checker checker, List<GitHistory.State> states, List<Point> points,
      Map<String, PolicyLoader.Loaded> loaded, BiConsumer<Integer, Integer> progress) {
    Map<String, List<Task>> byFile = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < states.size(); i++) {
      LocalDate asOf = points.get(i).asOf();
      for (GitHistory.FileAt f : states.get(i).files()) {
        PolicyLoader.Loaded l = f.blob() == null ? null : loaded.get(f.blob());
        String key = f.blob() + "@" + asOf;
        if (l != null && l.ok() && keys.add(key)) {
          byFile.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(new Task(key, l.policy(), asOf));
        }
      }
    }
    int total = keys.size();
    Queue<List<Task>> files = new ConcurrentLinkedQueue<>(byFile.values());
    Map<String, Map<Status, Integer>> out = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    Runnable worker = () -> {
      try (Checker.Incremental session = checker.incremental()) {
        for (List<Task> tasks = files.poll(); tasks != null; tasks = files.poll()) {
          for (Task t : tasks) {
            CityResult r = session.check(t.policy(), t.asOf());
            out.put(t.key(), Map.copyOf(r.counts()));
            if (progress != null) {
              synchronized (progress) {
                progress.accept(done.incrementAndGet(), total);
              }
            }
          }
        }
      }
    };
    int threads = Math.max(1, Math.min(byFile.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "history");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        pending.add(pool.submit(worker));
      }
      pending.forEach(Batch::join);
    } finally {
      pool.shutdownNow();
    }
    return new HashMap<>(out);
  }

  private static GitHistory.FileAt find(GitHistory.State s, String path) {
    for (GitHistory.FileAt f : s.files()) {
      if (f.path().equals(path)) {
        return f;
      }
    }
    return null;
  }

  private static PolicyLoader.Loaded failed(String label, String message) {
    return new PolicyLoader.Loaded(label, null, List.of(new Diagnostic(label, 0, 0, Diagnostic.Severity.ERROR, message, null)));
  }

  /** The first error of an unreadable file: "第 12 行第 3 列：…" or the message alone. */
  private static String firstError(PolicyLoader.Loaded l) {
    for (Diagnostic d : l.diagnostics()) {
      if (d.isError()) {
        return (d.line() > 0 ? "第 " + d.line() + " 行第 " + Math.max(1, d.column()) + " 列：" : "") + d.message();
      }
    }
    return "无法读取";
  }

  /** The findings of this status in the latest state of every city (0 for a city absent or unreadable there). */
  public int latest(Status s) {
    return cities.stream().mapToInt(c -> c.marks().isEmpty() ? 0 : c.marks().get(c.marks().size() - 1).count(s)).sum();
  }
}
