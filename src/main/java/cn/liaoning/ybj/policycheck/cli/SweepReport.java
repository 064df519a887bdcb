package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.cli.SweepSpace.Cost;
import cn.liaoning.ybj.policycheck.cli.SweepSpace.Dimension;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Checks;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sweep's answer, in Chinese: the combinations counted over the rules the variation can
 * affect (compliant, not compliant, undecided — never 合规 while a rule is 待定), the rules it
 * cannot affect stated apart with their constant conclusion, the overall verdict over all rules,
 * and the cheapest change that makes the affected rules comply.
 */
final class SweepReport {
  /** Most names listed in one line before "等 N 项". */
  private static final int MAX_LISTED = 8;

  private final PrintWriter out;
  private final Path file;
  private final List<Dimension> dims;
  private final Catalogue catalogue;
  private final Gate gate;
  private final int show;

  SweepReport(PrintWriter out, Path file, List<Dimension> dims, Catalogue catalogue, Gate gate, int show) {
    this.out = out;
    this.file = file;
    this.dims = dims;
    this.catalogue = catalogue;
    this.gate = gate;
    this.show = show;
  }

  /** Prints the answer; true when some combination makes every affected rule comply. */
  boolean print(CityResult current, SweepTally all, long total, double seconds, int threads, LocalDate day) {
    List<String> ids = all.ids();
    String blocking = gate.warningsFail() ? "违规或警告" : "违规";
    out.println("假设分析 " + file + "（基准日 " + day + "）");
    out.println("变动字段：");
    for (Dimension d : dims) {
      List<String> cur = d.current().stream().map(n -> n == null ? "未填" : Checks.n(n)).toList();
      out.println("  " + d.pattern() + "（" + d.label() + "）：" + SweepSpace.describe(d.values()) + "（现值 " + String.join("、", cur) + "）");
    }
    StringBuilder sizes = new StringBuilder();
    for (Dimension d : dims) {
      sizes.append(sizes.length() == 0 ? "" : " × ").append(d.values().size());
    }
    out.println(String.format(Locale.ROOT, "组合：%s = %,d 种，用时 %.2f 秒（%,.0f 种/秒，%d 个线程）",
        sizes, total, seconds, total / Math.max(seconds, 1e-9), threads));
    out.println("现行文件：" + verdict(current));

    BitSet affected = all.affected();
    long compliant = 0;
    long failing = 0;
    long undecided = 0;
    long allCompliant = 0;
    long allFailing = 0;
    long allUndecided = 0;
    Map<String, Long> blockers = new LinkedHashMap<>();
    Set<Integer> undecidedRules = new LinkedHashSet<>();
    List<Best> best = new ArrayList<>();
    for (Map.Entry<SweepTally.Key, SweepTally.Group> e : all.groups.entrySet()) {
      BitSet b = (BitSet) e.getKey().blocking().clone();
      b.and(affected);
      BitSet u = (BitSet) e.getKey().undecided().clone();
      u.and(affected);
      long n = e.getValue().count;
      if (!b.isEmpty()) {
        failing += n;
        b.stream().forEach(i -> blockers.merge(ids.get(i), n, Long::sum));
      } else if (!u.isEmpty()) {
        undecided += n;
        u.stream().forEach(undecidedRules::add);
      } else {
        compliant += n;
        e.getValue().best.forEach(c -> best.add(new Best(c, e.getKey())));
      }
      if (!e.getKey().blocking().isEmpty()) {
        allFailing += n;
      } else if (!e.getKey().undecided().isEmpty()) {
        allUndecided += n;
      } else {
        allCompliant += n;
      }
    }

    out.println();
    if (affected.isEmpty()) {
      out.println("所变动的字段（在所给范围内）不影响任何规则的结论：每种组合的结论都与其他组合相同。");
    } else {
      out.println("受所变动字段影响的规则（" + affected.cardinality() + " 项）：" + names(affected, ids));
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  这些规则全部合规的组合 %,d 种，不合规 %,d 种", compliant, failing));
      if (undecided > 0) {
        line.append(String.format(Locale.ROOT, "，不能判定 %,d 种（待定，缺：%s）", undecided, missing(all, undecidedRules)));
      }
      if (all.invalid > 0) {
        line.append(String.format(Locale.ROOT, "，数据前后矛盾无法评估 %,d 种（如合并费率不等于各项之和）", all.invalid));
      }
      out.println(line);
      if (!blockers.isEmpty()) {
        out.println("  不合规组合中的规则（涉及的组合数）：");
        blockers.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(10)
            .forEach(e -> out.println(String.format(Locale.ROOT, "    %-28s %,d", e.getKey(), e.getValue())));
      }
    }

    BitSet constant = (BitSet) all.seen.clone();
    constant.andNot(affected);
    if (!constant.isEmpty()) {
      out.println("不受所变动字段影响的规则（在每种组合中结论相同，" + constant.cardinality() + " 项）：");
      Map<Status, BitSet> byStatus = new LinkedHashMap<>();
      constant.stream().forEach(i -> byStatus.computeIfAbsent(all.sample[i], s -> new BitSet()).set(i));
      for (Status s : List.of(Status.VIOLATION, Status.WARNING)) {
        if (byStatus.containsKey(s)) {
          out.println("  " + s.label + "：" + names(byStatus.get(s), ids));
        }
      }
      if (byStatus.containsKey(Status.INDETERMINATE)) {
        BitSet u = byStatus.get(Status.INDETERMINATE);
        Set<Integer> rules = new LinkedHashSet<>();
        u.stream().forEach(rules::add);
        out.println("  待定：" + u.cardinality() + " 项规则缺数据（缺：" + missing(all, rules) + "）");
      }
      long others = 0;
      StringBuilder kinds = new StringBuilder();
      for (Status s : List.of(Status.WAIVED, Status.PASS, Status.NOT_APPLICABLE)) {
        if (byStatus.containsKey(s)) {
          others += byStatus.get(s).cardinality();
          kinds.append(kinds.length() == 0 ? "" : "、").append(s.label).append(' ').append(byStatus.get(s).cardinality());
        }
      }
      if (others > 0) {
        out.println("  " + kinds + " 项");
      }
    }

    out.println(String.format(Locale.ROOT, "总体结论（全部规则）：合规 %,d 种，不合规 %,d 种，不能判定 %,d 种", allCompliant, allFailing, allUndecided));
    if (allCompliant == 0) {
      out.println("  没有一种组合使全部规则合规" + overallReason(all, constant) + "。");
    }

    best.sort((x, y) -> SweepSpace.CHEAPEST.compare(x.cost(), y.cost()));
    if (affected.isEmpty()) {
      return false;
    }
    if (best.isEmpty()) {
      out.println("没有使受影响的规则全部合规的组合：请放宽取值范围，或变动其他字段（见上方规则）。");
      return false;
    }
    Best first = best.get(0);
    Cost c = first.cost();
    if (c.fields() == 0) {
      out.println("使受影响的规则合规的最小改动：保持现值即可（现值在变动范围内，受影响的规则合规）" + stillOverall(first.key(), ids, blocking));
    } else {
      out.println(String.format(Locale.ROOT, "使受影响的规则合规的最小改动：改动 %d 个字段%s，相对改动合计 %s%%%s", c.fields(),
          c.items() > c.fields() ? "（共 " + c.items() + " 项）" : "", Checks.n(round(c.relative() * 100)),
          stillOverall(first.key(), ids, blocking)));
      int[] digits = SweepSpace.digits(dims, c.index());
      for (int d = 0; d < dims.size(); d++) {
        Dimension dim = dims.get(d);
        BigDecimal v = dim.values().get(digits[d]);
        for (int i = 0; i < dim.paths().size(); i++) {
          Number cur = dim.current().get(i);
          if (cur != null && Math.abs(cur.doubleValue() - v.doubleValue()) <= 1e-9) {
            continue;
          }
          String change = cur == null ? "未填 → " + Checks.n(v)
              : Checks.n(cur) + " → " + Checks.n(v) + (cur.doubleValue() == 0 ? ""
                  : "（" + (v.doubleValue() > cur.doubleValue() ? "+" : "") + Checks.n(round((v.doubleValue() - cur.doubleValue()) / Math.abs(cur.doubleValue()) * 100)) + "%）");
          out.println("  " + dim.paths().get(i) + "：" + change);
        }
      }
    }
    if (show > 0) {
      out.println(String.format(Locale.ROOT, "使受影响的规则合规的组合（按改动从小到大，前 %d 种，共 %,d 种）：", Math.min(show, best.size()), compliant));
      int n = 0;
      for (Best b : best.subList(0, Math.min(show, best.size()))) {
        int[] dg = SweepSpace.digits(dims, b.cost().index());
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
          parts.add(dims.get(d).pattern() + "=" + Checks.n(dims.get(d).values().get(dg[d])));
        }
        out.println(String.format(Locale.ROOT, "  %2d. %s（改动 %d 个字段）", ++n, String.join("  ", parts), b.cost().fields()));
      }
    }
    return true;
  }

  /** A kept combination and the rule sets it came with. */
  private record Best(Cost cost, SweepTally.Key key) {}

  /** The current file's conclusion over all rules: never 合规 while a rule is 待定. */
  private String verdict(CityResult current) {
    List<Finding> blocking = current.findings().stream()
        .filter(f -> gate.fails(f.status(), null)).toList();
    long undecided = current.findings().stream().filter(f -> f.status() == Status.INDETERMINATE).map(Finding::rule).distinct().count();
    String waiting = undecided == 0 ? "" : "，另有 " + undecided + " 项规则待定（缺数据）";
    if (!blocking.isEmpty()) {
      return "不合规——" + (gate.warningsFail() ? "违规或警告 " : "违规 ") + blocking.size() + " 项（"
          + String.join("、", blocking.stream().map(Finding::rule).distinct().toList()) + "）" + waiting;
    }
    if (undecided > 0) {
      return "不能判定——没有" + (gate.warningsFail() ? "违规或警告" : "违规") + "，但 " + undecided + " 项规则待定（缺数据），待定不算合规";
    }
    return "合规";
  }

  /** Why no combination complies with every rule: the constant violations and the missing data. */
  private static String overallReason(SweepTally all, BitSet constant) {
    List<String> parts = new ArrayList<>();
    List<String> violated = new ArrayList<>();
    int undecided = 0;
    for (int i = constant.nextSetBit(0); i >= 0; i = constant.nextSetBit(i + 1)) {
      Status s = all.sample[i];
      if (s == Status.VIOLATION || s == Status.WARNING) {
        violated.add(all.ids().get(i) + " " + s.label);
      } else if (s == Status.INDETERMINATE) {
        undecided++;
      }
    }
    if (!violated.isEmpty()) {
      parts.add("不受所变动字段影响的 " + String.join("、", violated) + "在每种组合中都存在");
    }
    if (undecided > 0) {
      parts.add(undecided + " 项规则缺数据、在每种组合中都不能判定");
    }
    return parts.isEmpty() ? "" : "：" + String.join("；", parts);
  }

  /** For the cheapest combination: what still stands over all rules. */
  private static String stillOverall(SweepTally.Key key, List<String> ids, String blocking) {
    if (!key.blocking().isEmpty()) {
      BitSet b = key.blocking();
      List<String> names = new ArrayList<>();
      b.stream().limit(MAX_LISTED).forEach(i -> names.add(ids.get(i)));
      return "（此时总体仍不合规：" + blocking + " " + String.join("、", names) + (b.cardinality() > MAX_LISTED ? " 等 " + b.cardinality() + " 项" : "")
          + (key.undecided().isEmpty() ? "" : "；另有 " + key.undecided().cardinality() + " 项规则待定") + "）";
    }
    if (!key.undecided().isEmpty()) {
      return "（此时总体仍不能判定：" + key.undecided().cardinality() + " 项规则待定，缺数据）";
    }
    return "（此时全部规则合规）";
  }

  private static String names(BitSet rules, List<String> ids) {
    List<String> out = new ArrayList<>();
    rules.stream().limit(MAX_LISTED).forEach(i -> out.add(ids.get(i)));
    return String.join("、", out) + (rules.cardinality() > MAX_LISTED ? " 等 " + rules.cardinality() + " 项" : "");
  }

  /** The data the given undecided rules wait for, by Chinese label. */
  private static String missing(SweepTally all, Set<Integer> rules) {
    Set<String> labels = new LinkedHashSet<>();
    for (int i : rules) {
      for (String p : all.missing.get(i)) {
        labels.add(Schema.label(p));
      }
    }
    if (labels.isEmpty()) {
      return "见 check 的输出";
    }
    List<String> shown = labels.stream().limit(MAX_LISTED).toList();
    return String.join("、", shown) + (labels.size() > shown.size() ? " 等 " + labels.size() + " 项数据" : "");
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
