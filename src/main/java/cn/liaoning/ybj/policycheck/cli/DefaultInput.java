package cn.liaoning.ybj.policycheck.cli;

import java.nio.file.Path;

/**
 * The city files checked when a command names none: the repository's {@code city-policies/},
 * wherever the command is run from (and the repository's {@code reports/} for what is written). The launcher ({@code ./policy-check}) passes the repository's
 * directory as the system property {@value #HOME}; without it (the jar run directly, the tests),
 * {@code city-policies} relative to the current directory, as before. Paths a person writes on
 * the command line stay relative to the current directory.
 */
final class DefaultInput {
  private DefaultInput() {}

  /** The system property naming the repository's directory. */
  static final String HOME = "policycheck.home";

  private static final Path CITY_POLICIES = Path.of("city-policies");

  /**
   * The default input as findings will name it: relative to the current directory when that is
   * inside the repository ({@code city-policies}, {@code ../city-policies}, or the current
   * directory itself), absolute when it is elsewhere.
   */
  static Path cityPolicies() {
    return inRepository(CITY_POLICIES);
  }

  /**
   * Where reports go when a command names no folder: the repository's {@code reports/} (or the
   * folder under it), wherever the command is run from; as {@link #cityPolicies()}, relative to
   * the current directory when that is inside the repository.
   */
  static Path reports(String... under) {
    return inRepository(Path.of("reports", under));
  }

  private static Path inRepository(Path relative) {
    String home = System.getProperty(HOME);
    if (home == null || home.isBlank()) {
      return relative;
    }
    Path repo = real(Path.of(home));
    Path dir = repo.resolve(relative);
    Path cwd = real(Path.of(""));
    Path rel = cwd.startsWith(repo) ? cwd.relativize(dir) : dir;
    return rel.toString().isEmpty() ? Path.of(".") : rel;
  }

  /** The directory with symbolic links resolved (the launcher's path may go through one); as given when it cannot be. */
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException | SecurityException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
