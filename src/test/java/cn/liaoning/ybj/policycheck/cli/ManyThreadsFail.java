package cn.liaoning.ybj.policycheck.cli;

import java.util.concurrent.CyclicBarrier;

/**
 * A process in which eight threads throw an Error at the same instant, after the real process's
 * error handling is installed: run by {@link HostileInputTest} to see that it says one line.
 */
public final class ManyThreadsFail {
  private ManyThreadsFail() {}

  public static void main(String[] args) throws InterruptedException {
    Main.endOnAnyError();
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    for (int i = 0; i < threads; i++) {
      int n = i;
      new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          return;
        }
        throw new AssertionError("thread " + n + " fails");
      }).start();
    }
    Thread.sleep(60_000); // the first failure halts the process long before this
  }
}
