package cn.liaoning.ybj.policycheck.engine;

import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Loads and checks many city files; reports progress as it goes. */
public final class Batch {
  private final Checker checker;
  private final PolicyLoader loader;

  public Batch(Checker checker) {
    this.checker = checker;
    this.loader = new PolicyLoader(checker.catalogue().entries().keySet());
  }

  /**
   * @param args files or directories
   * @param progress called with (done, total) after each file; may be null
   */
  public RunResult run(List<Path> args, LocalDate asOf, BiConsumer<Integer, Integer> progress) {
    return run(args, asOf, progress, p -> List.of());
  }

  /**
   * @param extraFacts for each loaded city, further facts to check it with (e.g. its changes
   *     against a baseline)
   */
  public RunResult run(List<Path> args, LocalDate asOf, BiConsumer<Integer, Integer> progress,
      Function<CityPolicy, List<?>> extraFacts) {
    List<Diagnostic> errors = new ArrayList<>();
    List<Path> files = PolicyLoader.expand(args, errors);
    List<CityResult> cities = new ArrayList<>();
    int done = 0;
    for (Path f : files) {
      PolicyLoader.Loaded l = loader.load(f);
      List<Diagnostic> warnings = l.diagnostics().stream().filter(d -> !d.isError()).toList();
      if (l.ok()) {
        List<?> extra = extraFacts.apply(l.policy()); // may end the run (an unreadable baseline)
        try {
          CityResult r = checker.check(l.policy(), asOf, extra);
          cities.add(new CityResult(r.city(), r.code(), r.file(), r.findings(), r.waivers(), warnings));
        } catch (RuntimeException e) {
          // A defect of the checker, not of the file: reported for this file, the others still checked.
          errors.add(new Diagnostic(f.toString(), 0, 0, Diagnostic.Severity.ERROR,
              "检查时发生内部错误（" + e.getClass().getSimpleName() + "），这是检查工具的缺陷，请报告", null));
        }
      } else {
        errors.addAll(l.diagnostics().stream().filter(Diagnostic::isError).toList());
      }
      done++;
      if (progress != null) {
        progress.accept(done, files.size());
      }
    }
    return new RunResult(asOf, List.copyOf(cities), List.copyOf(errors));
  }
}
