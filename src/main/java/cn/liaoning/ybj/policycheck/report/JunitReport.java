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
import cn.liaoning.ybj.policycheck.regulation.Catalogue;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test reports: one test suite per city, one test case per city × rule id. A case
 * fails ({@code <failure>}) when the rule has a finding that fails the gate — every violation
 * without a baseline; with one, only new violations (all with {@code --fail-on-existing}). A rule
 * whose only violations were already in the baseline is {@code <skipped>} with that said; other
 * problems and the fixed ones go to the case's {@code <system-out>}. A file that cannot be read is
 * a case with an {@code <error>}.
 */
public final class JunitReport {
  private final Catalogue catalogue;
  private final Gate gate;

  public JunitReport(Catalogue catalogue, Gate gate) {
    this.catalogue = catalogue;
    this.gate = gate;
  }

  /** One test case in the making: its findings, with their deltas, and the fixed ones. */
  private static final class Case {
    final String rule;
    final List<Finding> failing = new ArrayList<>();
    final List<Finding> existing = new ArrayList<>();
    final List<String> out = new ArrayList<>();
    Integer line;

    Case(String rule) {
      this.rule = rule;
    }
  }

  public String write(RunResult run, Comparison cmp) {
    StringWriter sw = new StringWriter();
    write(run, cmp, sw);
    return sw.toString();
  }

  /** The same text, written to {@code sw} as it is made (1,000 cities make about 24 MB of XML). */
  public void write(RunResult run, Comparison cmp, java.io.Writer sw) {
    try {
      XMLStreamWriter x = Echo.xml(XMLOutputFactory.newFactory().createXMLStreamWriter(sw));
      x.writeStartDocument("UTF-8", "1.0");
      nl(x, 0);
      List<Map<String, Case>> suites = new ArrayList<>();
      int tests = 0;
      int failures = 0;
      int skipped = 0;
      for (CityResult c : run.cities()) {
        Map<String, Case> cases = cases(c, cmp == null ? null : cmp.diff(c));
        suites.add(cases);
        tests += cases.size();
        failures += (int) cases.values().stream().filter(k -> !k.failing.isEmpty()).count();
        skipped += (int) cases.values().stream().filter(k -> k.failing.isEmpty() && !k.existing.isEmpty()).count();
      }
      List<String> badFiles = run.errors().stream().map(Diagnostic::file).distinct().toList();

      x.writeStartElement("testsuites");
      x.writeAttribute("name", "policy-check");
      x.writeAttribute("tests", Integer.toString(tests + badFiles.size()));
      x.writeAttribute("failures", Integer.toString(failures));
      x.writeAttribute("errors", Integer.toString(badFiles.size()));
      x.writeAttribute("skipped", Integer.toString(skipped));
      for (int i = 0; i < run.cities().size(); i++) {
        suite(x, run, run.cities().get(i), suites.get(i), cmp);
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

  private Map<String, Case> cases(CityResult c, CityDiff diff) {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (Finding f : c.findings()) {
      Case k = cases.computeIfAbsent(f.rule(), Case::new);
      CityDiff.Entry e = diff == null ? null : diff.entryOf(f);
      Delta delta = e == null ? null : e.delta();
      if (gate.fails(f.status(), delta)) {
        k.failing.add(f);
        if (k.line == null) {
          k.line = f.line();
        }
      } else if (gate.failing().contains(f.status())) {
        k.existing.add(f);
      } else if (f.status() != Status.PASS && f.status() != Status.NOT_APPLICABLE) {
        k.out.add(f.status().label + "　" + where(c, f.line(), f) + "　" + Messages.finding(f, e));
      }
    }
    if (diff != null) {
      for (CityDiff.Entry e : diff.fixed()) {
        Case k = cases.computeIfAbsent(e.finding().rule(), Case::new);
        k.out.add(Delta.FIXED.label + "　" + where(c, e.line(), e.finding()) + "　" + Messages.fixed(e));
      }
    }
    return cases;
  }

  private void suite(XMLStreamWriter x, RunResult run, CityResult c, Map<String, Case> cases, Comparison cmp) throws XMLStreamException {
    String file = FilePaths.relative(c.file());
    nl(x, 1);
    x.writeStartElement("testsuite");
    x.writeAttribute("name", c.city() + "（" + file + "）");
    x.writeAttribute("tests", Integer.toString(cases.size()));
    x.writeAttribute("failures", Long.toString(cases.values().stream().filter(k -> !k.failing.isEmpty()).count()));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", Long.toString(cases.values().stream().filter(k -> k.failing.isEmpty() && !k.existing.isEmpty()).count()));
    nl(x, 2);
    x.writeStartElement("properties");
    property(x, "file", file);
    property(x, "as_of", run.asOf().toString());
    CityDiff diff = cmp == null ? null : cmp.diff(c);
    if (diff != null) {
      property(x, "baseline", diff.baseline() == null ? cmp.ref() : diff.baseline());
      if (diff.note() != null) {
        property(x, "baseline_note", diff.note());
      }
    }
    nl(x, 2);
    x.writeEndElement();
    for (Case k : cases.values()) {
      testcase(x, c, file, k);
    }
    nl(x, 1);
    x.writeEndElement();
  }

  private void testcase(XMLStreamWriter x, CityResult c, String file, Case k) throws XMLStreamException {
    Catalogue.Entry e = catalogue.get(k.rule);
    boolean empty = k.failing.isEmpty() && k.existing.isEmpty() && k.out.isEmpty();
    nl(x, 2);
    if (empty) {
      x.writeEmptyElement("testcase");
    } else {
      x.writeStartElement("testcase");
    }
    x.writeAttribute("classname", c.city());
    x.writeAttribute("name", k.rule + (e == null ? "" : " " + e.summary()));
    x.writeAttribute("file", file);
    if (k.line != null) {
      x.writeAttribute("line", Integer.toString(k.line));
    }
    if (!k.failing.isEmpty()) {
      Finding first = k.failing.get(0);
      nl(x, 3);
      x.writeStartElement("failure");
      x.writeAttribute("type", first.status().key);
      x.writeAttribute("message", k.failing.size() == 1
          ? first.status().label + "：" + first.message()
          : k.failing.size() + " 项" + first.status().label + "：" + first.message() + " 等");
      StringBuilder body = new StringBuilder();
      for (Finding f : k.failing) {
        body.append(where(c, f.line(), f)).append("　").append(f.status().label).append("　")
            .append(Messages.finding(f, null)).append('\n');
      }
      for (Finding f : k.existing) {
        body.append(where(c, f.line(), f)).append("　既有").append(f.status().label).append("　")
            .append(Messages.finding(f, null)).append('\n');
      }
      x.writeCharacters(body.toString());
      x.writeEndElement();
    } else if (!k.existing.isEmpty()) {
      nl(x, 3);
      x.writeStartElement("skipped");
      x.writeAttribute("message", k.existing.size() + " 项" + k.existing.get(0).status().label
          + "在基线中已存在，不是本次变更引入的（加 --fail-on-existing 时算作失败）");
      StringBuilder body = new StringBuilder();
      for (Finding f : k.existing) {
        body.append(where(c, f.line(), f)).append("　").append("［既有］").append(Messages.finding(f, null)).append('\n');
      }
      x.writeCharacters(body.toString());
      x.writeEndElement();
    }
    if (!k.out.isEmpty()) {
      nl(x, 3);
      x.writeStartElement("system-out");
      x.writeCharacters(String.join("\n", k.out) + "\n");
      x.writeEndElement();
    }
    if (!empty) {
      nl(x, 2);
      x.writeEndElement();
    }
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

  private static String where(CityResult c, Integer line, Finding f) {
    return FilePaths.relative(c.file()) + (line == null ? "" : ":" + line) + (f.path() == null ? "" : " " + f.path());
  }

  private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }
}
