package cn.liaoning.ybj.policycheck.policy;

import cn.liaoning.ybj.policycheck.policy.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The problems found while reading one file, in the order they are found: each placed by line and
 * column (1-based), and carrying the text of its line once the text's lines are known.
 */
final class ReadProblems {
  final String file;
  final List<Diagnostic> list = new ArrayList<>();
  /** The text's lines (see {@link TextDecoder#splitLines}); empty until the bytes are decoded. */
  List<String> lines = List.of();

  ReadProblems(String file) {
    this.file = file;
  }

  int size() {
    return list.size();
  }

  int errorCount() {
    return (int) list.stream().filter(Diagnostic::isError).count();
  }

  void error(Node n, String message) {
    add(Severity.ERROR, line(n.getStartMark()), column(n.getStartMark()), message);
  }

  void warning(Node n, String message) {
    add(Severity.WARNING, line(n.getStartMark()), column(n.getStartMark()), message);
  }

  /** An error at the node, without the text of its line (a file that may not be a policy file at all). */
  void errorWithoutSource(Node n, String message) {
    list.add(new Diagnostic(file, line(n.getStartMark()), column(n.getStartMark()), Severity.ERROR, message, null));
  }

  void fileError(String message) {
    add(Severity.ERROR, 0, 0, message);
  }

  void add(Severity sev, int line, int col, String message) {
    String src = line > 0 && line <= lines.size() ? lines.get(line - 1) : null;
    list.add(new Diagnostic(file, line, col, sev, message, src));
  }

  static int line(Mark m) {
    return m.getLine() + 1;
  }

  static int column(Mark m) {
    return m.getColumn() + 1;
  }

  static Position pos(Node n) {
    return new Position(line(n.getStartMark()), column(n.getStartMark()));
  }
}
