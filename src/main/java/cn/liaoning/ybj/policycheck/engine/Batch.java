package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Loads and checks many city files; reports progress as it goes. Files are read and checked on as
 * many threads as there are cores (each check runs in its own rule session); results, errors and
 * progress keep the order of the files.
 */
public final class Batch {
  private final Checker checker;
  private final PolicyLoader loader;

  public Batch(Checker checker) {
    this.checker = checker;
    this.loader = new PolicyLoader(checker.catalogue().entries().keySet());
  }

  /** One file's outcome: a result, or the errors that kept it from being checked. */
  private record One(CityResult result, List<Diagnostic> errors) {}

  /**
   * @param args files or directories
   * @param progress called with (done, total) after each file; may be null
   */
  public RunResult run(List<Path> args, LocalDate asOf, BiConsumer<Integer, Integer> progress) {
    return run(args, asOf, progress, p -> List.of(), true);
  }

  /**
   * @param extraFacts for each loaded city, further facts to check it with (e.g. its changes
   *     against a baseline); called on the checking threads, for several files at once, so it
   *     must be thread-safe. An exception it throws ends the run (for the first such file in
   *     file order).
   */
  public RunResult run(List<Path> args, LocalDate asOf, BiConsumer<Integer, Integer> progress,
      Function<CityPolicy, List<?>> extraFacts) {
    return run(args, asOf, progress, extraFacts, true);
  }

  private RunResult run(List<Path> args, LocalDate asOf, BiConsumer<Integer, Integer> progress,
      Function<CityPolicy, List<?>> extraFacts, boolean parallel) {
    List<Diagnostic> errors = new ArrayList<>();
    List<Path> files = PolicyLoader.expand(args, errors);
    List<CityResult> cities = new ArrayList<>();
    int threads = parallel ? Math.min(files.size(), Runtime.getRuntime().availableProcessors()) : 1;
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "check");
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      List<Future<One>> pending = new ArrayList<>();
      if (pool != null) {
        for (Path f : files) {
          pending.add(pool.submit(() -> one(f, asOf, extraFacts)));
        }
      }
      int done = 0;
      for (int i = 0; i < files.size(); i++) {
        One o = pool == null ? one(files.get(i), asOf, extraFacts) : join(pending.get(i));
        if (o.result() != null) {
          cities.add(o.result());
        }
        errors.addAll(o.errors());
        done++;
        if (progress != null) {
          progress.accept(done, files.size());
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new RunResult(asOf, List.copyOf(cities), List.copyOf(errors));
  }

  private One one(Path f, LocalDate asOf, Function<CityPolicy, List<?>> extraFacts) {
    PolicyLoader.Loaded l = loader.load(f);
    if (!l.ok()) {
      return new One(null, l.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    List<Diagnostic> warnings = l.diagnostics().stream().filter(d -> !d.isError()).toList();
    List<?> extra = extraFacts.apply(l.policy()); // may end the run (an unreadable baseline)
    try {
      CityResult r = checker.check(l.policy(), asOf, extra);
      return new One(new CityResult(r.city(), r.code(), r.file(), r.findings(), r.waivers(), warnings), List.of());
    } catch (RuntimeException e) {
      // The JVM itself failing (out of memory, of class space), wrapped by the rule engine: not a
      // defect to report for this file but the end of the run, which Main reports in one line.
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof VirtualMachineError vm) {
          throw vm;
        }
      }
      // A defect of the checker, not of the file: reported for this file, the others still checked.
      return new One(null, List.of(new Diagnostic(f.toString(), 0, 0, Diagnostic.Severity.ERROR,
          "检查时发生内部错误（" + e.getClass().getSimpleName() + "），这是检查工具的缺陷，请报告", null)));
    }
  }

  /**
   * The result of a task run on a worker, or what it threw, rethrown as it was (a runtime
   * exception or an error); shared by the other parallel walks (history).
   */
  public static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
