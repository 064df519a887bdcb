package cn.liaoning.ybj.policycheck.regulation;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short quote of a clause's text: the words a rule's one-line summary speaks of. */
public final class ClauseQuotes {
  private ClauseQuotes() {}

  /** Longest quote of a clause, in characters. */
  static final int MAX_QUOTE = 80;

  /**
   * The words of the clause that the rule's summary speaks of: the run of one to three phrases of
   * one sentence of the clause text most like the summary (by the pairs of neighbouring
   * characters they share, as a share of both).
   */
  public static String quote(Parameters parameters, String clause, String summary) {
    String ref = clause == null ? null : clause.split(";")[0].strip();
    String text = ref == null ? null : parameters.clauseText(ref);
    if (text == null || text.isBlank()) {
      return "";
    }
    Set<String> want = pairs(summary == null ? "" : summary);
    Set<String> wanted = numbers(summary == null ? "" : summary);
    String best = "";
    double bestScore = Double.NEGATIVE_INFINITY;
    for (String sentence : text.split("[。；;]")) {
      String[] phrases = sentence.split("，");
      for (int i = 0; i < phrases.length; i++) {
        StringBuilder run = new StringBuilder();
        for (int j = i; j < Math.min(phrases.length, i + 3); j++) {
          if (j > i) {
            run.append('，');
          }
          run.append(phrases[j].strip());
          Set<String> have = pairs(run.toString());
          int size = have.size();
          have.retainAll(want);
          // Dice (shared pairs, as a share of both), and the summary's numbers: 300% is the ceiling, 60% the floor.
          double score = 2.0 * have.size() / (size + want.size() + 1) + 0.5 * numbers(run.toString(), wanted);
          if (score > bestScore) {
            bestScore = score;
            best = run.toString();
          }
        }
      }
    }
    // A long phrase keeps its start and its end, where the number usually is.
    return best.length() > MAX_QUOTE ? best.substring(0, 30) + "…" + best.substring(best.length() - (MAX_QUOTE - 31)) : best;
  }

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private static Set<String> numbers(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = NUMBER.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Numbers of the summary the text has, less the numbers it has that the summary does not. */
  private static int numbers(String text, Set<String> wanted) {
    int score = 0;
    for (String n : numbers(text)) {
      score += wanted.contains(n) ? 1 : -1;
    }
    return score;
  }

  /** The pairs of neighbouring characters, ignoring blanks. */
  private static Set<String> pairs(String s) {
    String t = s.replaceAll("\\s+", "");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < t.length(); i++) {
      out.add(t.substring(i, i + 2));
    }
    return out;
  }
}
