package cn.liaoning.ybj.policycheck.workbook;

import cn.liaoning.ybj.policycheck.engine.FieldRules;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.PolicyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code policy-check template}: one data-collection workbook per city file, {@code DIR/<file-stem>.xlsx}. */
public final class Templates {
  private Templates() {}

  /** Writes the workbooks; returns the exit status (0 all written, 2 a city file could not be read or a workbook written). */
  public static int write(List<Path> inputs, Path outDir, FieldRules rules, Set<String> ruleIds, PrintWriter out,
      PrintWriter err) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Path> files = PolicyLoader.expand(inputs, problems);
    problems.forEach(d -> err.println(d.format()));
    int status = problems.isEmpty() ? 0 : 2;
    PolicyLoader loader = new PolicyLoader(ruleIds);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      err.println("policy-check: 无法创建输出目录 " + outDir + "：" + SafeOpen.reason(e));
      return 2;
    }
    for (Path f : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        err.println(f + ": 错误: 无法读取文件：" + SafeOpen.reason(e));
        status = 2;
        continue;
      }
      PolicyLoader.Loaded l = loader.load(f.toString(), bytes);
      if (!l.ok()) {
        l.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println(d.format()));
        err.println(f + ": 错误: 文件有误，未生成填报表（请先改正）");
        status = 2;
        continue;
      }
      String name = f.getFileName().toString();
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      Path target = outDir.resolve(name.replaceAll("\\.ya?ml$", "") + ".xlsx");
      try {
        AtomicFile.replace(target, TemplateWriter.write(name, l.policy().doc(), text, rules));
        written.add(target);
      } catch (IOException e) {
        err.println(target + ": 错误: 无法写入：" + SafeOpen.reason(e));
        status = 2;
      }
    }
    out.println("已写入 " + written.size() + " 个填报表" + (written.isEmpty() ? "" : "：" ));
    written.forEach(p -> out.println("  " + p));
    out.flush();
    return status;
  }
}
