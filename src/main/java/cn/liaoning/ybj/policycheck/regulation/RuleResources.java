package cn.liaoning.ybj.policycheck.regulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads the files under {@code rules/} that ship on the classpath (in the jar or in target/classes). */
public final class RuleResources {
  private RuleResources() {}

  /** Written by the build (pom.xml, maven-antrun-plugin): every shipped file under rules/, one per line. */
  static final String INDEX = "rules/INDEX";

  /** One file: its classpath name ({@code rules/x.drl}) and bytes. */
  public record Resource(String name, byte[] bytes) {}

  /** Every file directly in {@code folder} whose name ends with {@code suffix}, sorted by name. */
  public static List<Resource> list(String folder, String suffix) {
    String dir = folder.endsWith("/") ? folder : folder + "/";
    URL url = RuleResources.class.getClassLoader().getResource(dir);
    if (url == null) {
      throw new IllegalStateException("classpath folder missing: " + dir);
    }
    List<String> names = new ArrayList<>();
    try {
      URL index = url.getProtocol().equals("jar") ? RuleResources.class.getClassLoader().getResource(INDEX) : null;
      if (index != null) {
        // The build's list of the shipped rule files: no walk over the jar's ~20,000 entries.
        String text;
        try (InputStream in = index.openStream()) {
          text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        text.lines().map(String::strip)
            .filter(n -> n.startsWith(dir) && n.endsWith(suffix) && n.indexOf('/', dir.length()) < 0)
            .forEach(names::add);
      } else if (url.getProtocol().equals("jar")) {
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = conn.getJarFile()) {
          Enumeration<JarEntry> e = jar.entries();
          while (e.hasMoreElements()) {
            String n = e.nextElement().getName();
            if (n.startsWith(dir) && n.endsWith(suffix) && n.indexOf('/', dir.length()) < 0) {
              names.add(n);
            }
          }
        }
      } else {
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
          s.map(p -> dir + p.getFileName()).filter(n -> n.endsWith(suffix)).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    names.sort(null);
    List<Resource> out = new ArrayList<>();
    for (String n : names) {
      out.add(new Resource(n, read(n)));
    }
    return out;
  }

  public static byte[] read(String name) {
    try (InputStream in = RuleResources.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
