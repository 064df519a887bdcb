package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.Checks;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RuleEngine;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.ScalarValues;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policy-check sweep FILE --vary PATH=RANGE …}: what-if analysis. The file is read once;
 * each combination of the given values is written into the read document and checked with all
 * rules (no YAML is parsed again), on every core. Each worker keeps one rule session
 * ({@link Checker#incremental()}): consecutive combinations differ in one or a few fields, and the
 * rules re-evaluate only what those reach.
 */
@Command(
    name = "sweep",
    usageHelpAutoWidth = true,
    header = "假设分析：按取值范围改动数值字段，评估每种组合，找出改动最小的合规方案",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "读取一个城市文件一次，把每个 --vary 字段依次设为给定范围内的",
      "每个值，对所有取值的每一种组合运行全部规则。",
      "“合规”指没有违规（--fail-on warning 时也没有警告）；待定不算违规。",
      "路径中的 [*] 表示列表的每一项取同一个值（如各类医院的起付标准",
      "一起变动）；要分别变动，对每一项各写一个 --vary（classes[0]……）。",
      "",
      "改动最小的合规方案：在合规组合中，先比改动的字段个数（与现值不同",
      "的字段，[*] 按每一项分别计数；现值未填的字段填上值也算改动），",
      "再比相对改动之和（|新值−现值|÷|现值|，现值未填或为 0 时记 1），",
      "仍相同时取 --vary 中排在前面的字段取值较小的组合。",
      "",
      "运行超过一秒时，在终端上显示进度。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:至少有一种组合合规",
      "1:没有合规的组合",
      "2:文件有误或命令用法有误",
      "3:内部错误"
    },
    footerHeading = "%n示例：%n",
    footer = {
      "  policy-check sweep city-policies/shenyang.yaml \\",
      "      --vary 'employee.outpatient.classes[*].deductible=100..600:50' \\",
      "      --vary employee.annual_cap=60000..100000:10000",
      "  policy-check sweep city-policies/dalian.yaml --vary maternity.rate_pct=0.5,0.8,1,1.2"
    })
final class SweepCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin HelpOptions helpOptions;

  @Spec CommandSpec spec;

  @picocli.CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "城市政策文件")
  Path file;

  @Option(names = "--vary", required = true, paramLabel = "PATH=RANGE",
      description = "要变动的数值字段及其取值：PATH=起..止:步长（如 100..600:50）、起..止（步长 1）"
          + "或逗号分隔的值（如 0.5,0.8,1）。可重复；PATH 中可用 [*] 表示列表的每一项")
  List<String> vary;

  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
      description = "基准日 YYYY-MM-DD：取当日有效的省级参数。默认今天")
  LocalDate asOf;

  @Option(names = "--fail-on", defaultValue = "violation", paramLabel = "LEVEL",
      description = "什么算不合规：violation（有违规）或 warning（有违规或警告）。默认 ${DEFAULT-VALUE}")
  RunOptions.FailOn failOn;

  @Option(names = "--show", defaultValue = "20", paramLabel = "N",
      description = "列出前 N 种合规组合（按改动从小到大）；0 为不列出。默认 ${DEFAULT-VALUE}")
  int show;

  @Option(names = "--max", defaultValue = "1000000", paramLabel = "N",
      description = "组合数上限，超过时不运行（防止范围写错而运行过久）。默认 ${DEFAULT-VALUE}")
  long max;


  /** Too many values in one --vary is a mistake rather than an analysis. */
  private static final int MAX_VALUES = 100_000;

  private static final Pattern INDEX = Pattern.compile("([a-z_]+)(?:\\[(\\d+|\\*)])?");

  /** One --vary: the concrete fields it sets, their current values, and the values to try. */
  record Dimension(String pattern, List<String> paths, List<Number> current, List<BigDecimal> values, boolean integer) {}

  /** How far a combination is from the file's current values; smaller is cheaper. */
  record Cost(int fields, double relative, long index) {}

  private static final Comparator<Cost> CHEAPEST = Comparator.comparingInt(Cost::fields)
      .thenComparingDouble(Cost::relative).thenComparingLong(Cost::index);

  /** What one worker found. */
  private static final class Tally {
    long compliant;
    long failing;
    long invalid;
    final Map<String, Long> blockers = new HashMap<>();
    final PriorityQueue<Cost> best = new PriorityQueue<>(CHEAPEST.reversed());
  }

  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate day = asOf == null ? LocalDate.now() : asOf;

    Catalogue catalogue = Catalogue.load();
    Checker checker = new Checker(catalogue, Parameters.load(), RuleEngine.fromClasspath());
    PolicyLoader loader = new PolicyLoader(catalogue.entries().keySet());
    PolicyLoader.Loaded base = loader.load(file);
    if (!base.ok()) {
      base.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println(d.format()));
      return 2;
    }
    Doc doc = base.policy().doc();

    List<Dimension> dims = new ArrayList<>();
    long total = 1;
    try {
      for (String v : vary) {
        Dimension d = dimension(v, doc);
        for (Dimension other : dims) {
          for (String p : d.paths()) {
            if (other.paths().contains(p)) {
              throw new UsageError("字段 " + p + " 在 --vary 中出现了两次（" + other.pattern() + "、" + d.pattern() + "）");
            }
          }
        }
        dims.add(d);
        total = Math.multiplyExact(total, d.values().size());
      }
    } catch (UsageError e) {
      err.println("policy-check: 用法错误：" + e.getMessage());
      return 2;
    } catch (ArithmeticException e) {
      total = Long.MAX_VALUE;
    }
    if (total > max) {
      err.println("policy-check: 组合数 " + (total == Long.MAX_VALUE ? "过多" : String.format(Locale.ROOT, "%,d", total))
          + " 超过上限 " + String.format(Locale.ROOT, "%,d", max) + "：请缩小范围、加大步长，或用 --max 提高上限");
      return 2;
    }

    CityResult current = checker.check(base.policy(), day);
    long started = System.nanoTime();
    int threads = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), total));
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    final long combos = total;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sweep");
      t.setDaemon(true);
      return t;
    });
    List<Tally> tallies = new ArrayList<>();
    try {
      List<Future<Tally>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> work(dims, doc, loader, checker, day, combos, next, done)));
      }
      boolean terminal = System.console() != null;
      boolean shown = false;
      for (Future<Tally> f : futures) {
        while (true) {
          try {
            tallies.add(f.get(100, TimeUnit.MILLISECONDS));
            break;
          } catch (TimeoutException e) {
            if (terminal && System.nanoTime() - started > 1_000_000_000L) {
              progress(err, done.get(), combos);
              shown = true;
            }
          } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
          }
        }
      }
      if (shown) {
        err.print("\r\u001b[K");
        err.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    Tally all = new Tally();
    for (Tally t : tallies) {
      all.compliant += t.compliant;
      all.failing += t.failing;
      all.invalid += t.invalid;
      t.blockers.forEach((k, v) -> all.blockers.merge(k, v, Long::sum));
      for (Cost c : t.best) {
        keep(all.best, c, Math.max(show, 1));
      }
    }
    report(out, dims, current, all, combos, seconds, threads, day);
    out.flush();
    return all.compliant > 0 ? 0 : 1;
  }

  private Tally work(List<Dimension> dims, Doc doc, PolicyLoader loader, Checker checker, LocalDate day, long total,
      AtomicLong next, AtomicLong done) {
    Tally t = new Tally();
    int keep = Math.max(show, 1);
    Map<String, Object> values = new LinkedHashMap<>(doc.values());
    try (Checker.Incremental incremental = checker.incremental()) {
      while (true) {
        long from = next.getAndAdd(16);
        if (from >= total || Thread.currentThread().isInterrupted()) {
          return t;
        }
        long to = Math.min(total, from + 16);
        for (long k = from; k < to; k++) {
          int[] digits = digits(dims, k);
          for (int d = 0; d < dims.size(); d++) {
            Dimension dim = dims.get(d);
            BigDecimal v = dim.values().get(digits[d]);
            Object boxed = dim.integer() ? (Object) v.intValueExact() : (Object) v.doubleValue();
            for (String p : dim.paths()) {
              values.put(p, boxed);
            }
          }
          PolicyLoader.Loaded l = loader.map(doc.withValues(values));
          if (!l.ok()) {
            t.invalid++;
          } else {
            boolean ok = true;
            String last = null;
            for (Finding f : incremental.check(l.policy(), day).findings()) {
              if (blocks(f)) {
                ok = false;
                if (!f.rule().equals(last)) { // findings come grouped by rule: count each rule once
                  t.blockers.merge(f.rule(), 1L, Long::sum);
                  last = f.rule();
                }
              }
            }
            if (ok) {
              t.compliant++;
              keep(t.best, cost(dims, digits, k), keep);
            } else {
              t.failing++;
            }
          }
          done.incrementAndGet();
        }
      }
    }
  }

  private boolean blocks(Finding f) {
    return f.status() == Status.VIOLATION || failOn == RunOptions.FailOn.warning && f.status() == Status.WARNING;
  }

  /** Combination number k as one value index per dimension; the first dimension varies slowest. */
  private static int[] digits(List<Dimension> dims, long k) {
    int[] out = new int[dims.size()];
    for (int d = dims.size() - 1; d >= 0; d--) {
      int n = dims.get(d).values().size();
      out[d] = (int) (k % n);
      k /= n;
    }
    return out;
  }

  private static Cost cost(List<Dimension> dims, int[] digits, long k) {
    int fields = 0;
    double relative = 0;
    for (int d = 0; d < dims.size(); d++) {
      double v = dims.get(d).values().get(digits[d]).doubleValue();
      for (Number cur : dims.get(d).current()) {
        if (cur == null) {
          fields++;
          relative += 1;
        } else if (Math.abs(v - cur.doubleValue()) > 1e-9) {
          fields++;
          relative += cur.doubleValue() == 0 ? 1 : Math.abs(v - cur.doubleValue()) / Math.abs(cur.doubleValue());
        }
      }
    }
    return new Cost(fields, relative, k);
  }

  private static void keep(PriorityQueue<Cost> best, Cost c, int limit) {
    best.add(c);
    if (best.size() > limit) {
      best.poll();
    }
  }

  private static void progress(PrintWriter err, long done, long total) {
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
        + String.format(Locale.ROOT, "%3d%% %,d/%,d 种组合", 100 * done / Math.max(1, total), done, total));
    err.flush();
  }

  private void report(PrintWriter out, List<Dimension> dims, CityResult current, Tally all, long total, double seconds,
      int threads, LocalDate day) {
    out.println("假设分析 " + file + "（基准日 " + day + "）");
    out.println("变动字段：");
    for (Dimension d : dims) {
      List<String> cur = d.current().stream().map(n -> n == null ? "未填" : Checks.n(n)).toList();
      out.println("  " + d.pattern() + "：" + describe(d.values()) + "（现值 " + String.join("、", cur) + "）");
    }
    StringBuilder sizes = new StringBuilder();
    for (Dimension d : dims) {
      sizes.append(sizes.length() == 0 ? "" : " × ").append(d.values().size());
    }
    out.println(String.format(Locale.ROOT, "组合：%s = %,d 种，用时 %.2f 秒（%,.0f 种/秒，%d 个线程）",
        sizes, total, seconds, total / Math.max(seconds, 1e-9), threads));
    List<Finding> blocking = current.findings().stream().filter(this::blocks).toList();
    out.println("现行文件：" + (blocking.isEmpty() ? "合规" : blocking.size() + " 项" + (failOn == RunOptions.FailOn.warning ? "违规或警告" : "违规")
        + "（" + String.join("、", blocking.stream().map(Finding::rule).distinct().toList()) + "）"));
    out.println(String.format(Locale.ROOT, "结果：合规 %,d 种，不合规 %,d 种%s", all.compliant, all.failing,
        all.invalid == 0 ? "" : String.format(Locale.ROOT, "，数据前后矛盾无法评估 %,d 种（如合并费率不等于各项之和）", all.invalid)));
    if (!all.blockers.isEmpty()) {
      out.println("不合规组合中的规则（涉及的组合数）：");
      all.blockers.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(10)
          .forEach(e -> out.println(String.format(Locale.ROOT, "  %-28s %,d", e.getKey(), e.getValue())));
    }
    List<Cost> best = new ArrayList<>(all.best);
    best.sort(CHEAPEST);
    if (best.isEmpty()) {
      out.println("没有合规的组合：请放宽取值范围，或变动其他字段（见上方规则）。");
      return;
    }
    Cost c = best.get(0);
    int[] digits = digits(dims, c.index());
    if (c.fields() == 0) {
      out.println("改动最小的合规方案：保持现值即可（现值在变动范围内且合规）");
    } else {
      out.println(String.format(Locale.ROOT, "改动最小的合规方案：改动 %d 个字段，相对改动合计 %s%%", c.fields(), Checks.n(round(c.relative() * 100))));
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
      out.println(String.format(Locale.ROOT, "合规组合（按改动从小到大，前 %d 种，共 %,d 种）：", Math.min(show, best.size()), all.compliant));
      int n = 0;
      for (Cost k : best.subList(0, Math.min(show, best.size()))) {
        int[] dg = digits(dims, k.index());
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
          parts.add(dims.get(d).pattern() + "=" + Checks.n(dims.get(d).values().get(dg[d])));
        }
        out.println(String.format(Locale.ROOT, "  %2d. %s（改动 %d 个字段）", ++n, String.join("  ", parts), k.fields()));
      }
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String describe(List<BigDecimal> values) {
    if (values.size() <= 6) {
      return String.join("、", values.stream().map(Checks::n).toList()) + "，" + values.size() + " 个值";
    }
    return Checks.n(values.get(0)) + " 至 " + Checks.n(values.get(values.size() - 1)) + "，" + values.size() + " 个值";
  }

  /** Parses one --vary against the file's document and the city-file schema. */
  static Dimension dimension(String arg, Doc doc) throws UsageError {
    int eq = arg.indexOf('=');
    if (eq <= 0 || eq == arg.length() - 1) {
      throw new UsageError("--vary 应写作 PATH=RANGE（如 employee.annual_cap=60000..100000:10000），而不是“" + arg + "”");
    }
    String pattern = arg.substring(0, eq).strip();
    List<String> paths = expand(pattern, doc);
    Schema.Scalar type = null;
    for (String p : paths) {
      type = scalar(p, pattern);
    }
    boolean integer = type.kind() == Schema.Kind.INTEGER;
    List<BigDecimal> values = values(arg.substring(eq + 1).strip(), pattern);
    for (BigDecimal v : values) {
      if (v.doubleValue() < type.min() || v.doubleValue() > type.max()) {
        throw new UsageError(pattern + " 的取值 " + Checks.n(v) + " 超出允许范围 " + Checks.n(type.min()) + "–" + Checks.n(type.max())
            + (type.unit().isEmpty() ? "" : " " + type.unit()));
      }
      if (integer && v.stripTrailingZeros().scale() > 0) {
        throw new UsageError(pattern + " 是整数字段，取值 " + Checks.n(v) + " 不是整数");
      }
    }
    List<Number> current = new ArrayList<>();
    for (String p : paths) {
      current.add(doc.values().get(p) instanceof Number n ? n : null);
    }
    return new Dimension(pattern, List.copyOf(paths), current, values, integer);
  }

  /** The concrete paths of a pattern: each [*] stands for every element of that list in the file. */
  private static List<String> expand(String pattern, Doc doc) throws UsageError {
    int star = pattern.indexOf("[*]");
    if (star < 0) {
      return List.of(pattern);
    }
    String list = pattern.substring(0, star);
    int n = doc.size(list);
    if (n <= 0) {
      throw new UsageError(pattern + "：文件中没有列表 " + list + " 或列表为空");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.addAll(expand(list + "[" + i + "]" + pattern.substring(star + 3), doc));
    }
    return out;
  }

  /** The schema type of a concrete path; it must be a number. */
  private static Schema.Scalar scalar(String path, String pattern) throws UsageError {
    Schema.Type t = Schema.CITY;
    for (String step : path.split("\\.")) {
      Matcher m = INDEX.matcher(step);
      if (!(t instanceof Schema.Obj obj) || !m.matches()) {
        throw new UsageError(pattern + "：无法识别的字段路径（在“" + step + "”处）");
      }
      t = obj.fields().get(m.group(1));
      if (t == null) {
        String hint = Hints.closest(m.group(1), new ArrayList<>(obj.fields().keySet()));
        throw new UsageError(pattern + "：城市文件中没有字段“" + m.group(1) + "”" + (hint == null ? "" : "，是否想写“" + hint + "”？"));
      }
      if (m.group(2) != null) {
        if (!(t instanceof Schema.ListOf l)) {
          throw new UsageError(pattern + "：“" + m.group(1) + "”不是列表，不能写下标");
        }
        t = l.element();
      }
    }
    if (t instanceof Schema.NumberOrRange nr) {
      t = nr.number();
    }
    if (t instanceof Schema.Scalar s && (s.kind() == Schema.Kind.NUMBER || s.kind() == Schema.Kind.INTEGER)) {
      return s;
    }
    throw new UsageError(pattern + " 不是数值字段，不能变动（sweep 只变动数值）");
  }

  /** One number of a range, read as the city files' numbers are (digits and exponent bounded first). */
  private static BigDecimal decimal(String text, String pattern) throws UsageError {
    if (text.strip().length() <= 40 && !ScalarValues.isDecimal(text)) {
      throw new NumberFormatException(); // not a number at all: the message names the whole range
    }
    String problem = ScalarValues.decimalProblem(text);
    if (problem != null) {
      throw new UsageError(pattern + "：取值" + problem);
    }
    return new BigDecimal(text.strip());
  }

  /** "100..600:50", "100..600", or "0.5,0.8,1". */
  private static List<BigDecimal> values(String range, String pattern) throws UsageError {
    try {
      List<BigDecimal> out = new ArrayList<>();
      int dots = range.indexOf("..");
      if (dots < 0) {
        for (String s : range.split(",")) {
          BigDecimal v = decimal(s, pattern);
          if (!out.contains(v)) {
            out.add(v);
          }
        }
      } else {
        int colon = range.indexOf(':', dots);
        BigDecimal from = decimal(range.substring(0, dots), pattern);
        BigDecimal to = decimal(colon < 0 ? range.substring(dots + 2) : range.substring(dots + 2, colon), pattern);
        BigDecimal step = colon < 0 ? BigDecimal.ONE : decimal(range.substring(colon + 1), pattern);
        if (step.signum() <= 0) {
          throw new UsageError(pattern + "：步长应大于 0");
        }
        if (to.compareTo(from) < 0) {
          throw new UsageError(pattern + "：范围的终点 " + to.toPlainString() + " 小于起点 " + from.toPlainString());
        }
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
          out.add(v);
          if (out.size() > MAX_VALUES) {
            throw new UsageError(pattern + "：取值超过 " + MAX_VALUES + " 个，请加大步长");
          }
        }
      }
      out.sort(null);
      return List.copyOf(out);
    } catch (NumberFormatException e) {
      throw new UsageError(pattern + "：无法识别的取值“" + range + "”，应写作 起..止:步长、起..止 或 逗号分隔的数");
    }
  }
}
