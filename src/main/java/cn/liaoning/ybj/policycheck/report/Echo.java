package cn.liaoning.ybj.policycheck.report;

import cn.liaoning.ybj.policycheck.policy.Hints;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import javax.xml.stream.XMLStreamWriter;

/**
 * Text taken from the input (city names, values, messages that quote them, file names) as the
 * writers echo it: every character that could end a line, act on a terminal or a browser, make
 * XML unreadable or hide itself (control characters, line and paragraph separators, invisible
 * format characters, half surrogate pairs, noncharacters) is written out as {@code \\uXXXX}
 * ({@link Hints#visible}). The loader already refuses such characters in values, keys and file
 * names; this is the second line of defence, so that no output ever carries one.
 */
public final class Echo {
  private Echo() {}

  /** One line (text, GitHub workflow commands, JUnit and SARIF messages, Markdown cells). */
  public static String line(String s) {
    return Hints.visible(s, false);
  }

  /** Text that may run over several lines (XML element text, CSV cells): {@code \n} is kept. */
  public static String text(String s) {
    return Hints.visible(s, true);
  }

  /**
   * The writer, with every attribute value made {@link #line one line} and every text, CDATA
   * section and comment {@link #text neutralised}: the JUnit XML stays well-formed XML 1.0
   * (GitLab and Jenkins drop a report they cannot parse) whatever the input held.
   */
  static XMLStreamWriter xml(XMLStreamWriter w) {
    return (XMLStreamWriter) Proxy.newProxyInstance(Echo.class.getClassLoader(), new Class<?>[] {XMLStreamWriter.class},
        (proxy, method, args) -> {
          String name = method.getName();
          if (args != null && args.length > 0 && args[args.length - 1] instanceof String last) {
            if (name.equals("writeAttribute")) {
              args[args.length - 1] = line(last);
            } else if (name.equals("writeCharacters") || name.equals("writeCData") || name.equals("writeComment")) {
              args[args.length - 1] = text(last);
            }
          } else if (name.equals("writeCharacters") && args != null && args.length == 3 && args[0] instanceof char[] cs) {
            return method.getDeclaringClass().getMethod("writeCharacters", String.class)
                .invoke(w, text(new String(cs, (Integer) args[1], (Integer) args[2])));
          }
          try {
            return method.invoke(w, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
