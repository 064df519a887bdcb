package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.baseline.CityDiff;
import cn.liaoning.ybj.policycheck.baseline.Comparison;
import cn.liaoning.ybj.policycheck.baseline.Delta;
import cn.liaoning.ybj.policycheck.baseline.Gate;
import cn.liaoning.ybj.policycheck.engine.CityResult;
import cn.liaoning.ybj.policycheck.engine.Finding;
import cn.liaoning.ybj.policycheck.engine.RunResult;
import cn.liaoning.ybj.policycheck.engine.Status;
import cn.liaoning.ybj.policycheck.policy.Diagnostic;
import cn.liaoning.ybj.policycheck.policy.Schema;
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import cn.liaoning.ybj.policycheck.regulation.Parameters;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test reports (GitLab, Jenkins, …): one test suite per city, one test case per
 * finding, so that the counts add up to the findings and every state means what it says:
 *
 * <ul>
 *   <li>违规 → {@code <failure type="violation">}, new or not (CI servers compare runs
 *       themselves; the message says 新增 / 恶化 / 既有 / 录入);
 *   <li>警告 → the case's {@code <system-out>} (JUnit has no warning state); with
 *       {@code --fail-on warning} a {@code <failure type="warning">};
 *   <li>待定 → {@code <skipped message="待定：缺少 …">} — never a passed test;
 *   <li>已豁免 and 不适用 → {@code <skipped>} with the approval or the reason;
 *   <li>通过 → a passed test.
 * </ul>
 *
 * A file that cannot be read is a case with an {@code <error>}. What the change fixes and the
 * remarks on approvals go to the suite's {@code <system-out>}. Each suite's properties count its
 * findings by status.
 */
public final class JunitReport {
  /** The catalogue as given; its summaries are rendered again at each run's as-of date. */
  private final Catalogue rules;
  private final Parameters parameters;
  /** The catalogue with its summaries at the as-of date of the run being written (set by {@code write}). */
  private Catalogue catalogue;
  private final Gate gate;

  public JunitReport(Catalogue catalogue, Parameters parameters, Gate gate) {
    this.rules = catalogue;
    this.parameters = parameters;
    this.gate = gate;
  }

  /** How one finding is shown: failure, skipped or passed, with the texts of each. */
  private enum Outcome { FAILURE, SKIPPED, PASSED }

  private Outcome outcome(Finding f) {
    return switch (f.status()) {
      case VIOLATION -> Outcome.FAILURE;
      case WARNING -> gate.warningsFail() ? Outcome.FAILURE : Outcome.PASSED;
      case INDETERMINATE, WAIVED, NOT_APPLICABLE -> Outcome.SKIPPED;
      case PASS -> Outcome.PASSED;
    };
  }

  public String write(RunResult run, Comparison cmp) {
    StringWriter sw = new StringWriter();
    write(run, cmp, sw);
    return sw.toString();
  }

  /** The same text, written to {@code sw} as it is made (1,000 cities make about 24 MB of XML). */
  public void write(RunResult run, Comparison cmp, java.io.Writer sw) {
    catalogue = rules.at(parameters, run.asOf());
    try {
      XMLStreamWriter x = Echo.xml(XMLOutputFactory.newFactory().createXMLStreamWriter(sw));
      x.writeStartDocument("UTF-8", "1.0");
      nl(x, 0);
      Map<Outcome, Integer> total = counts(run.cities().stream().flatMap(c -> c.findings().stream()).toList());
      List<String> badFiles = run.errors().stream().map(Diagnostic::file).distinct().toList();
      int tests = total.values().stream().mapToInt(Integer::intValue).sum();

      x.writeStartElement("testsuites");
      x.writeAttribute("name", "policy-check");
      x.writeAttribute("tests", Integer.toString(tests + badFiles.size()));
      x.writeAttribute("failures", Integer.toString(total.get(Outcome.FAILURE)));
      x.writeAttribute("errors", Integer.toString(badFiles.size()));
      x.writeAttribute("skipped", Integer.toString(total.get(Outcome.SKIPPED)));
      for (CityResult c : run.cities()) {
        suite(x, run, c, cmp);
      }
      if (!badFiles.isEmpty()) {
        errors(x, run, badFiles);
      }
      nl(x, 0);
      x.writeEndElement();
      nl(x, 0);
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<Outcome, Integer> counts(List<Finding> findings) {
    Map<Outcome, Integer> n = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      n.put(o, 0);
    }
    findings.forEach(f -> n.merge(outcome(f), 1, Integer::sum));
    return n;
  }

  private void suite(XMLStreamWriter x, RunResult run, CityResult c, Comparison cmp) throws XMLStreamException {
    String file = FilePaths.relative(c.file());
    CityDiff diff = cmp == null ? null : cmp.diff(c);
    Map<Outcome, Integer> n = counts(c.findings());
    nl(x, 1);
    x.writeStartElement("testsuite");
    x.writeAttribute("name", c.city() + "（" + file + "）");
    x.writeAttribute("tests", Integer.toString(c.findings().size()));
    x.writeAttribute("failures", Integer.toString(n.get(Outcome.FAILURE)));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", Integer.toString(n.get(Outcome.SKIPPED)));
    nl(x, 2);
    x.writeStartElement("properties");
    property(x, "file", file);
    property(x, "as_of", run.asOf().toString());
    for (Map.Entry<Status, Integer> k : c.counts().entrySet()) {
      property(x, "findings." + k.getKey().key, Integer.toString(k.getValue()));
    }
    if (diff != null) {
      property(x, "baseline", diff.baseline() == null ? cmp.ref() : diff.baseline());
      if (diff.note() != null) {
        property(x, "baseline_note", diff.note());
      }
    }
    nl(x, 2);
    x.writeEndElement();
    Map<String, Integer> names = new HashMap<>();
    for (Finding f : c.findings()) {
      testcase(x, c, file, f, diff == null ? null : diff.entryOf(f), names);
    }
    List<String> out = new ArrayList<>();
    if (diff != null) {
      for (CityDiff.Entry e : diff.fixed()) {
        out.add(Delta.FIXED.label + "　" + where(c, e.line(), e.finding().path()) + "　" + e.finding().rule() + "　" + Messages.fixed(e));
      }
      for (CityDiff.Note note : diff.notes()) {
        out.add("批准" + note.level().label + "　" + where(c, note.line(), note.path()) + "　" + note.message());
      }
    }
    if (!out.isEmpty()) {
      nl(x, 2);
      x.writeStartElement("system-out");
      x.writeCharacters(String.join("\n", out) + "\n");
      x.writeEndElement();
    }
    nl(x, 1);
    x.writeEndElement();
  }

  private void testcase(XMLStreamWriter x, CityResult c, String file, Finding f, CityDiff.Entry e, Map<String, Integer> names)
      throws XMLStreamException {
    Outcome o = outcome(f);
    boolean output = f.status() == Status.WARNING || e != null && e.delta() == Delta.ENTERED && f.status() == Status.PASS;
    boolean empty = o == Outcome.PASSED && !output;
    nl(x, 2);
    if (empty) {
      x.writeEmptyElement("testcase");
    } else {
      x.writeStartElement("testcase");
    }
    x.writeAttribute("classname", c.city());
    x.writeAttribute("name", name(f, names));
    x.writeAttribute("file", file);
    if (f.line() != null) {
      x.writeAttribute("line", Integer.toString(f.line()));
    }
    Delta delta = e == null ? null : e.delta();
    String state = f.status().label + (delta == null ? "" : "（" + delta.label + "）");
    String detail = where(c, f.line(), f.path()) + "\n" + Messages.finding(f, e) + "\n";
    if (o == Outcome.FAILURE) {
      nl(x, 3);
      x.writeStartElement("failure");
      x.writeAttribute("type", f.status().key);
      x.writeAttribute("message", state + "：" + f.message());
      x.writeCharacters(detail);
      x.writeEndElement();
    } else if (o == Outcome.SKIPPED) {
      nl(x, 3);
      x.writeStartElement("skipped");
      x.writeAttribute("message", skipped(f));
      x.writeCharacters(detail);
      x.writeEndElement();
    }
    if (output) {
      nl(x, 3);
      x.writeStartElement("system-out");
      x.writeCharacters(state + "　" + detail);
      x.writeEndElement();
    }
    if (!empty) {
      nl(x, 2);
      x.writeEndElement();
    }
  }

  /** "待定：缺少 职工医保缴费 · 灵活就业人员缴费基数（employee.contribution.flexible_base_pct）：message". */
  private static String skipped(Finding f) {
    return switch (f.status()) {
      case INDETERMINATE -> "待定：缺少 " + (f.path() == null ? "数据" : Schema.label(f.path()) + "（" + f.path() + "）") + "：" + f.message();
      case WAIVED -> "已豁免（" + f.waiver() + "）：" + f.message();
      default -> f.status().label + "：" + f.message();
    };
  }

  /**
   * The case's name: rule id, class and field in Chinese — stable from run to run, so that CI
   * servers can follow a case across runs; a second case of the same name gets " #2".
   */
  private String name(Finding f, Map<String, Integer> names) {
    Catalogue.Entry e = catalogue.get(f.rule());
    String name = f.rule() + (f.subject() == null ? "" : " ［" + f.subject() + "］")
        + (f.path() == null ? (e == null ? "" : " " + e.summary()) : " " + Schema.label(f.path()) + "（" + f.path() + "）");
    int k = names.merge(name, 1, Integer::sum);
    return k == 1 ? name : name + " #" + k;
  }

  private static void errors(XMLStreamWriter x, RunResult run, List<String> files) throws XMLStreamException {
    nl(x, 1);
    x.writeStartElement("testsuite");
    x.writeAttribute("name", "无法读取的文件");
    x.writeAttribute("tests", Integer.toString(files.size()));
    x.writeAttribute("failures", "0");
    x.writeAttribute("errors", Integer.toString(files.size()));
    x.writeAttribute("skipped", "0");
    for (String file : files) {
      List<Diagnostic> ds = run.errors().stream().filter(d -> d.file().equals(file)).toList();
      nl(x, 2);
      x.writeStartElement("testcase");
      x.writeAttribute("classname", FilePaths.relative(file));
      x.writeAttribute("name", "读取城市文件");
      x.writeAttribute("file", FilePaths.relative(file));
      nl(x, 3);
      x.writeStartElement("error");
      x.writeAttribute("type", "input");
      x.writeAttribute("message", ds.get(0).message());
      StringBuilder body = new StringBuilder();
      ds.forEach(d -> body.append(d.format()).append('\n'));
      x.writeCharacters(body.toString());
      x.writeEndElement();
      nl(x, 2);
      x.writeEndElement();
    }
    nl(x, 1);
    x.writeEndElement();
  }

  private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    nl(x, 3);
    x.writeEmptyElement("property");
    x.writeAttribute("name", name);
    x.writeAttribute("value", value);
  }

  private static String where(CityResult c, Integer line, String path) {
    return FilePaths.relative(c.file()) + (line == null ? "" : ":" + line) + (path == null ? "" : " " + path);
  }

  private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }
}
