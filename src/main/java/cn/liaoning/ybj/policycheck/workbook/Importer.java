package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Doc;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code policy-check import}: reads filled workbooks and edits their city files in place. Every
 * workbook is read and every change worked out before anything is written; when any cell (of any
 * workbook) is wrong, every problem is listed and no file is written. An edited file is checked
 * with the loader before it replaces the old one (a temporary file, then a rename).
 */
public final class Importer {
  private Importer() {}

  /**
   * @param dir the directory of the city files (the workbook names its file in it)
   * @param ruleIds the catalogue's rule ids (the loader checks waiver names against them)
   */
  public record Options(Path dir, boolean dryRun, boolean allowClear, Set<String> ruleIds) {}

  /** A city file name as a workbook may name it: no directories, nothing but a YAML file. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.ya?ml");

  private record Job(String workbook, Path target, String city, byte[] before, byte[] after, Planner plan) {}

  /** As {@link #run(List, Options, PrintWriter, PrintWriter)}, with plain arguments (called across class loaders). */
  public static int run(List<Path> workbooks, Path dir, boolean dryRun, boolean allowClear, Set<String> ruleIds,
      PrintWriter out, PrintWriter err) {
    return run(workbooks, new Options(dir, dryRun, allowClear, ruleIds), out, err);
  }

  /** Runs the import; returns the exit status (0 done, 2 a workbook or city file is wrong: nothing written). */
  public static int run(List<Path> workbooks, Options o, PrintWriter out, PrintWriter err) {
    List<String> errors = new ArrayList<>();
    List<Job> jobs = new ArrayList<>();
    Map<Path, String> claimed = new HashMap<>();
    PolicyLoader loader = new PolicyLoader(o.ruleIds());
    for (Path wb : workbooks) {
      String name = wb.toString();
      Filled filled;
      try {
        filled = WorkbookReader.read(wb, name);
      } catch (WorkbookReader.Unreadable e) {
        errors.add(name + ": 错误: " + e.getMessage());
        continue;
      }
      filled.warnings().forEach(w -> err.println(w.format("警告")));
      filled.problems().forEach(p -> errors.add(p.format("错误")));
      Filled.Meta meta = filled.meta();
      if (meta == null) {
        continue;
      }
      String file = meta.file() == null ? "" : meta.file();
      if (!FILE_NAME.matcher(file).matches()) {
        errors.add(name + "!" + Layout.README + ": 错误: “政策文件”一栏应为城市文件名（如 dalian.yaml），而不是“"
            + Values.visible(file) + "”");
        continue;
      }
      Path target = o.dir().resolve(file);
      String stem = file.replaceAll("\\.ya?ml$", "");
      String wbStem = wb.getFileName().toString().replaceAll("(?i)\\.xlsx$", "");
      if (!wbStem.equals(stem) && (Files.exists(o.dir().resolve(wbStem + ".yaml")) || Files.exists(o.dir().resolve(wbStem + ".yml")))) {
        errors.add(name + ": 错误: 这是" + meta.city() + "（" + file + "）的工作簿，文件名却是 " + wb.getFileName()
            + "：是否拿错了另一个统筹区的工作簿？请用本统筹区的模板填写");
        continue;
      }
      String other = claimed.putIfAbsent(target.toAbsolutePath().normalize(), name);
      if (other != null) {
        errors.add(name + ": 错误: 与 " + other + " 是同一个城市文件 " + target + " 的工作簿：一次只能导入其中一个");
        continue;
      }
      byte[] before;
      try {
        before = Files.readAllBytes(target);
      } catch (IOException e) {
        errors.add(name + ": 错误: 找不到或无法读取工作簿所属的城市文件 " + target + "（" + SafeOpen.reason(e) + "）"
            + "：请在仓库根目录运行，或用 --dir 指明城市文件所在的目录");
        continue;
      }
      PolicyLoader.Loaded loaded = loader.load(target.toString(), before);
      if (!loaded.ok()) {
        loaded.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> errors.add(d.format()));
        errors.add(target + ": 错误: 城市文件本身有误，请先改正再导入 " + name);
        continue;
      }
      Doc doc = loaded.policy().doc();
      String city = doc.string("city");
      String code = doc.string("code");
      if (!city.equals(meta.city()) || meta.code() != null && !meta.code().equals(code)) {
        errors.add(name + ": 错误: 这是" + Values.visible(String.valueOf(meta.city())) + "（" + Values.visible(String.valueOf(meta.code()))
            + "）的工作簿，而 " + target + " 是" + city + "（" + code + "）的文件：请用本统筹区的模板填写");
        continue;
      }
      String text = new String(before, StandardCharsets.UTF_8);
      boolean bom = text.startsWith("\uFEFF");
      Planner plan = new Planner(filled, file, bom ? text.substring(1) : text, doc, o.allowClear());
      String edited;
      try {
        edited = (bom ? "\uFEFF" : "") + plan.plan();
      } catch (RuntimeException e) {
        errors.add(name + ": 错误: 无法改写 " + target + "（" + e.getClass().getSimpleName() + "）：这是本工具的缺陷，请附上工作簿和城市文件报告");
        continue;
      }
      plan.errors.forEach(p -> errors.add(p.format("错误")));
      byte[] after = edited.getBytes(StandardCharsets.UTF_8);
      if (plan.errors.isEmpty() && filled.problems().isEmpty() && !edited.equals(text)) {
        String bad = recheck(loader, target, after, plan);
        if (bad != null) {
          errors.add(name + ": 错误: " + bad);
          continue;
        }
      }
      jobs.add(new Job(name, target, city, before, after, plan));
    }
    if (!errors.isEmpty()) {
      errors.forEach(err::println);
      err.println("未写入任何文件：请改正以上 " + errors.size() + " 处问题后重新导入。");
      err.flush();
      return 2;
    }
    for (Job j : jobs) {
      boolean changed = !java.util.Arrays.equals(j.before(), j.after());
      out.println(j.workbook() + " → " + j.target() + "（" + j.city() + "）：" + (changed ? j.plan().changes.size() + " 处改动" : "无改动"));
      j.plan().changes.forEach(c -> out.println("  " + c));
      j.plan().notices.forEach(c -> out.println("  注意：" + c));
    }
    if (o.dryRun()) {
      out.println("试运行（--dry-run）：未写入任何文件。");
      return 0;
    }
    for (Job j : jobs) {
      if (java.util.Arrays.equals(j.before(), j.after())) {
        continue;
      }
      try {
        AtomicFile.replace(j.target(), j.after());
        out.println("已写入 " + j.target());
      } catch (IOException e) {
        err.println(j.target() + ": 错误: 无法写入（" + SafeOpen.reason(e) + "）；该文件保持原样");
        return 2;
      }
    }
    return 0;
  }

  /** Why the edited text is not right (it does not load, or a value reads back otherwise), or null. */
  private static String recheck(PolicyLoader loader, Path target, byte[] after, Planner plan) {
    PolicyLoader.Loaded again = loader.load(target.toString(), after);
    if (!again.ok()) {
      StringBuilder sb = new StringBuilder("导入后的 " + target + " 未通过检查，未写入：");
      again.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> sb.append("\n  ").append(d.format()));
      return sb.toString();
    }
    Doc d = again.policy().doc();
    for (Map.Entry<String, Object> e : plan.expected.entrySet()) {
      String path = e.getKey();
      if (plan.shifted.stream().anyMatch(l -> path.startsWith(l + "["))) {
        continue;
      }
      Object now = Cells.isFactors(cn.liaoning.ybj.policycheck.policy.Schema.at(path.replaceAll("\\[\\d+]", "[*]")))
          ? d.strings(path) : d.values().get(path);
      if (!Planner.same(now, e.getValue())) {
        return "导入后 " + target + " 中 " + path + " 读出的值与工作簿不符（这是本工具的缺陷，请报告），未写入";
      }
    }
    return null;
  }
}
