import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RuleEngine;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Param;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * In-process throughput of {@code check}: N variants of a fully filled city file (every number
 * scaled by a random factor in 0.8–1.2, so that rules pass and fail), checked on one thread and
 * on every core. Prints files/s for parse + evaluate (YAML text → findings), for evaluate alone
 * (loaded policy → findings; consecutive variants differ in every number, each check runs in a
 * kept session brought to the variant's facts), and for evaluate in sweep order (a grid over three
 * fields walked as {@code policy-check sweep} walks it, with one incremental checker per thread),
 * as the median of the timed rounds after warm-up rounds. On one thread it also prints the rule
 * network alone: the updates of "evaluate alone" in one kept session with every activation refused
 * (no consequence runs, so no conclusion is inserted and no finding made), which is what Drools
 * needs for these rules whatever the consequences do: a ceiling for "evaluate alone".
 *
 * <p>Usage: java -cp policy-check.jar:bench Throughput BASE.yaml [N] [ROUNDS]
 */
public final class Throughput {
  private static final Pattern NUMBER = Pattern.compile("\\b(\\w*(?:_pct|deductible|annual_cap|_per_year|zero_claim_bonus)): (\\d+(?:\\.\\d+)?)");

  public static void main(String[] args) throws Exception {
    // The combined employer rate must stay the sum of two varied rates: leave it unknown.
    String base = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)
        .replaceAll("employer_combined_rate_pct: [0-9.]+", "employer_combined_rate_pct: null");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    LocalDate asOf = LocalDate.of(2026, 6, 30);

    Catalogue catalogue = Catalogue.load();
    Checker checker = new Checker(catalogue, Parameters.load(), RuleEngine.fromClasspath());
    PolicyLoader loader = new PolicyLoader(catalogue.entries().keySet());

    Random random = new Random(42);
    List<byte[]> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Matcher m = NUMBER.matcher(base);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        double v = Double.parseDouble(m.group(2)) * (0.8 + 0.4 * random.nextDouble());
        String s = m.group(1).endsWith("_pct") ? String.format("%.1f", Math.min(100, v)) : Long.toString(Math.round(v));
        m.appendReplacement(sb, m.group(1) + ": " + s);
      }
      m.appendTail(sb);
      texts.add(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    List<CityPolicy> policies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      PolicyLoader.Loaded l = loader.load("variant-" + i + ".yaml", texts.get(i));
      if (!l.ok()) {
        throw new IllegalStateException("variant " + i + " does not load: " + l.diagnostics());
      }
      policies.add(l.policy());
    }

    // Sweep order: a grid over three fields of the compliant file, as `policy-check sweep` walks it
    // (the last field varies fastest, so consecutive variants differ in one field).
    Doc doc = loader.load("sweep.yaml", texts.get(0)).policy().doc();
    List<String> deductibles = doc.values().keySet().stream()
        .filter(k -> k.startsWith("employee.outpatient.classes[") && k.endsWith(".deductible")).toList();
    List<CityPolicy> grid = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> values = new LinkedHashMap<>(doc.values());
      int a = i / (41 * 11), b = (i / 11) % 41, c = i % 11;
      for (String k : deductibles) {
        values.put(k, 100.0 + 10 * (a % 51));
      }
      values.put("employee.annual_cap", 60000.0 + 1000 * b);
      values.put("employee.inpatient.classes[0].deductible", 500.0 + 100 * c);
      PolicyLoader.Loaded l = loader.map(doc.withValues(values));
      if (!l.ok()) {
        throw new IllegalStateException("grid variant " + i + " does not map: " + l.diagnostics());
      }
      grid.add(l.policy());
    }

    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("variants %d of %s; median of %d timed rounds after %d warm-up rounds%n", n, args[0], rounds, WARMUP);
    for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
      Stat parse = median(rounds, () -> rate(threads, n, i -> {
        PolicyLoader.Loaded l = loader.load("variant-" + i + ".yaml", texts.get(i));
        return checker.check(l.policy(), asOf).findings().size();
      }));
      Stat eval = median(rounds, () -> rate(threads, n, i -> checker.check(policies.get(i), asOf).findings().size()));
      Stat sweep = median(rounds, () -> sweepRate(threads, checker, grid, asOf));
      Stat network = threads == 1 ? median(rounds, () -> networkRate(checker, policies, asOf)) : null;
      System.out.printf("%d thread%s (median, then the slowest and fastest round)%n", threads, threads == 1 ? "" : "s");
      System.out.printf("  parse + evaluate   %s files/s%n", parse);
      System.out.printf("  evaluate alone     %s evaluations/s%n", eval);
      System.out.printf("  sweep order        %s evaluations/s%n", sweep);
      if (network != null) {
        System.out.printf("  network alone      %s evaluations/s (as evaluate alone, no consequence fired)%n", network);
      }
    }
  }

  /** The median of the timed rounds, with the slowest and the fastest: the spread shows the machine's noise. */
  record Stat(double median, double min, double max) {
    @Override
    public String toString() {
      return String.format("%,8.0f  (%,.0f–%,.0f)", median, min, max);
    }
  }

  private static final int WARMUP = 2;

  interface Job {
    int run(int i);
  }

  interface Round {
    double run() throws Exception;
  }

  private static Stat median(int rounds, Round round) throws Exception {
    double[] r = new double[rounds];
    for (int i = -WARMUP; i < rounds; i++) {
      double v = round.run();
      if (i >= 0) {
        r[i] = v;
      }
    }
    Arrays.sort(r);
    return new Stat(r[rounds / 2], r[0], r[rounds - 1]);
  }

  /**
   * Variants per second in sweep order: each thread checks a contiguous block of the grid with
   * one incremental checker, as a sweep worker does.
   */
  private static double sweepRate(int threads, Checker checker, List<CityPolicy> grid, LocalDate asOf) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<Integer>> parts = new ArrayList<>();
      int block = (grid.size() + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        List<CityPolicy> mine = grid.subList(Math.min(grid.size(), t * block), Math.min(grid.size(), (t + 1) * block));
        parts.add(pool.submit(() -> {
          int seen = 0;
          try (Checker.Incremental inc = checker.incremental()) {
            for (CityPolicy p : mine) {
              seen += inc.check(p, asOf).findings().size();
            }
          }
          return seen;
        }));
      }
      for (Future<Integer> f : parts) {
        if (f.get() == 0) {
          throw new IllegalStateException("no findings");
        }
      }
      return grid.size() / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Variants per second through the rule network alone, on one thread: each variant's facts brought
   * into one kept session as a kept checker does (only the facts that differ are updated), then
   * fireAllRules with an agenda filter that refuses every activation.
   */
  private static double networkRate(Checker checker, List<CityPolicy> policies, LocalDate asOf) throws Exception {
    // RuleEngine.kieBase() is package-private (the checker is the API); a benchmark may reach in.
    Method kieBase = RuleEngine.class.getDeclaredMethod("kieBase");
    kieBase.setAccessible(true);
    KieSession session = ((KieBase) kieBase.invoke(checker.engine())).newKieSession();
    try {
      List<Param> params = List.copyOf(checker.parameters().factsAt(asOf));
      List<Object> current = new ArrayList<>(params);
      current.addAll(policies.get(0).facts());
      List<FactHandle> handles = new ArrayList<>();
      for (Object f : current) {
        handles.add(session.insert(f));
      }
      long t0 = System.nanoTime();
      for (CityPolicy p : policies) {
        List<Object> next = new ArrayList<>(params);
        next.addAll(p.facts());
        if (next.size() != current.size()) {
          throw new IllegalStateException("variants differ in their number of facts");
        }
        for (int i = 0; i < next.size(); i++) {
          Object was = current.get(i);
          Object now = next.get(i);
          if (was != now && !was.equals(now)) {
            session.update(handles.get(i), now);
            current.set(i, now);
          }
        }
        session.fireAllRules(match -> false);
      }
      return policies.size() / ((System.nanoTime() - t0) / 1e9);
    } finally {
      session.dispose();
    }
  }

  /** Items per second over all n items, split between the threads. */
  private static double rate(int threads, int n, Job job) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<Integer>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          int seen = 0;
          for (int i = first; i < n; i += threads) {
            seen += job.run(i);
          }
          return seen;
        }));
      }
      for (Future<Integer> f : parts) {
        if (f.get() == 0) {
          throw new IllegalStateException("no findings");
        }
      }
      return n / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdown();
    }
  }
}
