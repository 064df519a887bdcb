package cn.liaoning.ybj.policycheck.baseline;

/** The baseline cannot be read at all (no such directory or revision, git missing): a usage error. */
public final class BaselineException extends Exception {
  public BaselineException(String message) {
    super(message, null, false, false);
  }
}
