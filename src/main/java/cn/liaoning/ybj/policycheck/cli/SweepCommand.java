package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.cli.SweepSpace.Dimension;
import cn.liaoning.ybj.policycheck.cli.SweepSpace.UsageError;
import cn.liaoning.ybj.policycheck.engine.Checker;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.RuleEngine;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policy-check sweep FILE --vary PATH=RANGE …}: what-if analysis. The file is read once;
 * each combination of the given values is written into the read document and checked with all
 * rules (no YAML is parsed again), on every core. Each worker keeps one rule session
 * ({@link Checker#incremental()}): consecutive combinations differ in one or a few fields, and the
 * rules re-evaluate only what those reach. The answer is told over the rules the variation can
 * affect, with the rules it cannot affect and the overall verdict stated apart ({@link SweepReport}).
 */
@Command(
    name = "sweep",
    usageHelpAutoWidth = true,
    header = "假设分析：按取值范围改动数值字段，评估每种组合，找出使相关规则合规的最小改动",
    synopsisHeading = "%n用法：",
    descriptionHeading = "%n说明：%n",
    description = {
      "读取一个城市文件一次，把每个 --vary 字段依次设为给定范围内的",
      "每个值，对所有取值的每一种组合运行全部规则。",
      "路径中的 [*] 表示列表的每一项取同一个值（如各类医院的起付标准",
      "一起变动）；要分别变动，对每一项各写一个 --vary（classes[0]……）。",
      "",
      "受影响的规则：结论在各组合之间有所不同，或结论涉及所变动的字段",
      "（或其所在的列表、类别）的规则。其余规则在每种组合中结论都一样，",
      "单独列出（如“不受所变动字段影响：LINK-EMP-FIRST-ENROLL 违规”）。",
      "合规、不合规、不能判定的组合数只按受影响的规则计：不合规 = 有违规",
      "（--fail-on warning 时也包括警告）；不能判定 = 没有违规但有待定，",
      "并列出所缺的数据；待定从不算作合规。全部规则的总体结论另行说明。",
      "",
      "最小改动：在使受影响的规则合规的组合中，先比改动的 --vary 个数（与",
      "现值不同的；一个 [*] 算一个，其各项同取一个值；现值未填的填上值也",
      "算改动），再比相对改动之和（每个改动的字段 |新值−现值|÷|现值|，",
      "现值未填或为 0 时记 1），仍相同时取 --vary 中排在前面的字段取值",
      "较小的组合。",
      "",
      "运行超过一秒时，在终端上显示进度。"
    },
    parameterListHeading = "%n参数：%n",
    optionListHeading = "%n选项：%n",
    exitCodeListHeading = "%n退出状态：%n",
    exitCodeList = {
      "0:至少有一种组合使受影响的规则全部合规（总体结论另见输出）",
      "1:没有这样的组合（或所变动的字段不影响任何规则）",
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
  Gate.Level failOn;

  @Option(names = "--show", defaultValue = "20", paramLabel = "N",
      description = "列出使受影响的规则合规的前 N 种组合（按改动从小到大）；0 为不列出。默认 ${DEFAULT-VALUE}")
  int show;

  @Option(names = "--max", defaultValue = "1000000", paramLabel = "N",
      description = "组合数上限，超过时不运行（防止范围写错而运行过久）。默认 ${DEFAULT-VALUE}")
  long max;


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
        Dimension d = SweepSpace.dimension(v, doc);
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
    List<String> ids = new ArrayList<>(catalogue.entries().keySet());
    List<String> varied = dims.stream().flatMap(d -> d.paths().stream()).toList();
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
    List<SweepTally> tallies = new ArrayList<>();
    try {
      List<Future<SweepTally>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> work(dims, doc, loader, checker, day, combos, next, done, new SweepTally(ids, varied, show))));
      }
      boolean terminal = System.console() != null;
      boolean shown = false;
      for (Future<SweepTally> f : futures) {
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
    SweepTally all = SweepTally.merge(tallies);
    boolean fixable = new SweepReport(out, file, dims, catalogue, Gate.of(failOn, false), show)
        .print(current, all, combos, seconds, threads, day);
    out.flush();
    return fixable ? 0 : 1;
  }

  private SweepTally work(List<Dimension> dims, Doc doc, PolicyLoader loader, Checker checker, LocalDate day, long total,
      AtomicLong next, AtomicLong done, SweepTally t) {
    Map<String, Object> values = new LinkedHashMap<>(doc.values());
    Gate gate = Gate.of(failOn, false);
    try (Checker.Incremental incremental = checker.incremental()) {
      while (true) {
        long from = next.getAndAdd(16);
        if (from >= total || Thread.currentThread().isInterrupted()) {
          return t;
        }
        long to = Math.min(total, from + 16);
        for (long k = from; k < to; k++) {
          int[] digits = SweepSpace.digits(dims, k);
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
            t.add(incremental.check(l.policy(), day).findings(), gate, SweepSpace.cost(dims, digits, k));
          }
          done.incrementAndGet();
        }
      }
    }
  }

  private static void progress(PrintWriter err, long done, long total) {
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
        + String.format(Locale.ROOT, "%3d%% %,d/%,d 种组合", 100 * done / Math.max(1, total), done, total));
    err.flush();
  }
}
