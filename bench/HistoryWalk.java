import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.RuleEngine;
import cn.liaoning.ybj.policycheck.history.GitHistory;
import cn.liaoning.ybj.policycheck.history.History;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * In-process time of the history walk (git reading, loading and checking every state), without
 * the JVM's start and the rule base's build: the first walk (rule base built on the way) and then
 * the median of ROUNDS walks in the same JVM, as of each commit's date and as of one fixed date.
 *
 * <p>Usage: java -cp policy-check.jar:bench HistoryWalk REPO/city-policies [ROUNDS]
 */
public final class HistoryWalk {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long start = System.nanoTime();
    Checker checker = new Checker(Catalogue.load(), Parameters.load(), RuleEngine.fromClasspath());
    History first = History.walk(checker, GitHistory.of(List.of(dir)), null, null, null);
    System.out.printf(Locale.ROOT, "first walk, rule base built on the way: %d ms (%d states, %d city files)%n",
        (System.nanoTime() - start) / 1_000_000, first.commits().size(), first.cities().size());
    for (LocalDate asOf : new LocalDate[] {null, LocalDate.of(2026, 12, 31)}) {
      List<Long> ms = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        long t = System.nanoTime();
        History.walk(checker, GitHistory.of(List.of(dir)), null, asOf, null);
        ms.add((System.nanoTime() - t) / 1_000_000);
      }
      List<Long> sorted = new ArrayList<>(ms);
      sorted.sort(null);
      System.out.printf(Locale.ROOT, "walk %s: median %d ms (rounds %s)%n",
          asOf == null ? "as of each commit's date" : "as of " + asOf, sorted.get(sorted.size() / 2), ms);
    }
  }
}
