import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.RuleEngine;
import cn.liaoning.ybj.policycheck.policy.CityPolicy;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-process throughput of {@code check}: N variants of a fully filled city file (every number
 * scaled by a random factor in 0.8–1.2, so that rules pass and fail), checked one after another
 * on one thread. Prints files/s for parse + evaluate (YAML text → findings) and for evaluate
 * alone (loaded policy → findings), as the median of the timed rounds after warm-up rounds.
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

    int warmup = 2;
    double[] parse = new double[rounds];
    double[] eval = new double[rounds];
    long findings = 0;
    for (int r = -warmup; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        PolicyLoader.Loaded l = loader.load("variant-" + i + ".yaml", texts.get(i));
        findings += checker.check(l.policy(), asOf).findings().size();
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        CityResult res = checker.check(policies.get(i), asOf);
        findings += res.findings().size();
      }
      long t2 = System.nanoTime();
      if (r >= 0) {
        parse[r] = n / ((t1 - t0) / 1e9);
        eval[r] = n / ((t2 - t1) / 1e9);
      }
    }
    Arrays.sort(parse);
    Arrays.sort(eval);
    System.out.printf("variants %d, rounds %d after %d warm-up (findings seen %d)%n", n, rounds, warmup, findings);
    System.out.printf("parse + evaluate  %,.0f files/s (median; min %,.0f, max %,.0f)%n", parse[rounds / 2], parse[0], parse[rounds - 1]);
    System.out.printf("evaluate alone    %,.0f evaluations/s (median; min %,.0f, max %,.0f)%n", eval[rounds / 2], eval[0], eval[rounds - 1]);
  }
}
