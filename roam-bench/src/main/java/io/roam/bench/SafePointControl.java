package io.roam.bench;

/**
 * The control for time to safe point in {@link CaptureCost}: {@code benchload.SorLoad}'s sweep in
 * plain Java, on its own grid, checking a volatile flag after every row. One loop thread at a time.
 */
final class SafePointControl {
  private final double[][] grid;
  private volatile boolean stop;
  private volatile long seenAt;

  SafePointControl(long bytes) {
    long n = Math.max(8, bytes / 8);
    int rows = (int) Math.max(3, Math.round(Math.sqrt(n / 2.0)));
    grid = new double[rows][(int) (n / rows)];
    java.util.Random r = new java.util.Random(42);
    for (double[] row : grid) {
      for (int j = 0; j < row.length; j++) {
        row[j] = r.nextDouble();
      }
    }
  }

  /** The loop: sweeps until {@link #stopAndWait} sets the flag. */
  void sweepUntilStopped() {
    double[][] g = grid;
    double omegaOverFour = 1.25 * 0.25;
    double oneMinusOmega = 1.0 - 1.25;
    int mm1 = g.length - 1;
    int nm1 = g[0].length - 1;
    for (;;) {
      for (int i = 1; i < mm1; i++) {
        double[] gi = g[i];
        double[] gim1 = g[i - 1];
        double[] gip1 = g[i + 1];
        for (int j = 1; j < nm1; j++) {
          gi[j] = omegaOverFour * (gim1[j] + gip1[j] + gi[j - 1] + gi[j + 1]) + oneMinusOmega * gi[j];
        }
        if (stop) {
          seenAt = System.nanoTime();
          return;
        }
      }
    }
  }

  /** Sets the flag, waits for the loop thread to end; returns nanoseconds until the loop saw it. */
  long stopAndWait(Thread loop) throws InterruptedException {
    long t0 = System.nanoTime();
    stop = true;
    loop.join();
    stop = false;
    return seenAt - t0;
  }
}
