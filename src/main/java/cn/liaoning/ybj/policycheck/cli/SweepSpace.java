package cn.liaoning.ybj.policycheck.cli;

import cn.liaoning.ybj.policycheck.engine.Checks;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.Hints;
import cn.liaoning.ybj.policycheck.policy.ScalarValues;
import cn.liaoning.ybj.policycheck.policy.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The combinations a sweep evaluates: one {@link Dimension} per {@code --vary}, read against the
 * city file and the format's schema; combination number k as one value per dimension; and what a
 * combination costs (how far it moves from the file's current values).
 */
final class SweepSpace {
  private SweepSpace() {}

  /** Too many values in one --vary is a mistake rather than an analysis. */
  static final int MAX_VALUES = 100_000;

  private static final Pattern INDEX = Pattern.compile("([a-z_]+)(?:\\[(\\d+|\\*)])?");

  /** One --vary: the concrete fields it sets, their current values, and the values to try. */
  record Dimension(String pattern, List<String> paths, List<Number> current, List<BigDecimal> values, boolean integer) {
    /** The field's Chinese name and unit, from the format's schema: "职工门诊医院类别 · 起付标准，元". */
    String label() {
      String unit = Schema.unit(paths.get(0));
      return Schema.label(paths.get(0)) + (unit.isEmpty() ? "" : "，" + unit);
    }
  }

  /**
   * How far a combination is from the file's current values; smaller is cheaper.
   *
   * @param fields the --vary options whose value differs from a current value (a {@code [*]}
   *     option that changes any of its items counts once: its items take one value together)
   * @param items the single fields changed
   * @param relative the sum over changed fields of |new − current| ÷ |current| (1 for a field not
   *     written or 0)
   * @param index the combination's number, the last tie-breaker
   */
  record Cost(int fields, int items, double relative, long index) {}

  static final Comparator<Cost> CHEAPEST = Comparator.comparingInt(Cost::fields)
      .thenComparingDouble(Cost::relative).thenComparingLong(Cost::index);

  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message);
    }
  }

  /** Combination number k as one value index per dimension; the first dimension varies slowest. */
  static int[] digits(List<Dimension> dims, long k) {
    int[] out = new int[dims.size()];
    for (int d = dims.size() - 1; d >= 0; d--) {
      int n = dims.get(d).values().size();
      out[d] = (int) (k % n);
      k /= n;
    }
    return out;
  }

  static Cost cost(List<Dimension> dims, int[] digits, long k) {
    int fields = 0;
    int items = 0;
    double relative = 0;
    for (int d = 0; d < dims.size(); d++) {
      double v = dims.get(d).values().get(digits[d]).doubleValue();
      boolean changed = false;
      for (Number cur : dims.get(d).current()) {
        if (cur == null) {
          changed = true;
          items++;
          relative += 1;
        } else if (Math.abs(v - cur.doubleValue()) > 1e-9) {
          changed = true;
          items++;
          relative += cur.doubleValue() == 0 ? 1 : Math.abs(v - cur.doubleValue()) / Math.abs(cur.doubleValue());
        }
      }
      fields += changed ? 1 : 0;
    }
    return new Cost(fields, items, relative, k);
  }

  static String describe(List<BigDecimal> values) {
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

  /** "100..600:50", "100..600", or "0.5,0.8,1". */
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
