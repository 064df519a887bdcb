package cn.liaoning.ybj.policycheck.baseline;

/**
 * The baseline cannot be read: at all (no such directory or revision, git missing: a usage error
 * that ends the run), or for one proposed file only ({@link #oneFile()}: that file is reported
 * as unreadable and the others are checked, as in a plain check).
 */
public final class BaselineException extends Exception {
  private final boolean oneFile;

  public BaselineException(String message) {
    this(message, false);
  }

  BaselineException(String message, boolean oneFile) {
    super(message, null, false, false);
    this.oneFile = oneFile;
  }

  /** The baseline of one proposed file cannot be read (the rest of the baseline can). */
  static BaselineException oneFile(String message) {
    return new BaselineException(message, true);
  }

  public boolean oneFile() {
    return oneFile;
  }
}
