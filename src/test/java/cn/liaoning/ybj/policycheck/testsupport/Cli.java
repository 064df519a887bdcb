package cn.liaoning.ybj.policycheck.testsupport;

import cn.liaoning.ybj.policycheck.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line as a function, in this process: exit status, stdout and stderr. */
public final class Cli {
  private Cli() {}

  /** One run of the command line (or of a process that stands for it). */
  public record Run(int code, String out, String err) {
    /** The standard output read as JSON. */
    public JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  /** {@code policy-check ARGS} run in-process through {@link Main#run}. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
