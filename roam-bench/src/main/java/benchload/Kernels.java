package benchload;

/**
 * Hand-written numeric kernels for {@code io.roam.bench.jmh.PollCostBenchmark}, plain Java that
 * knows nothing of Roam. The benchmark calls them as they are and, rewritten, through a process
 * class loader, to measure what the rewriter's safe-point polls cost.
 */
public final class Kernels {
  private Kernels() {}

  /**
   * SciMark 2.0's SOR, written out: a loop of loops of a call-free inner loop. The rewriter polls
   * in the two outer loops and leaves the innermost one alone.
   */
  public static void sor(double omega, double[][] g, int iterations) {
    int m = g.length;
    int n = g[0].length;
    double omegaOverFour = omega * 0.25;
    double oneMinusOmega = 1.0 - omega;
    int mm1 = m - 1;
    int nm1 = n - 1;
    for (int p = 0; p < iterations; p++) {
      for (int i = 1; i < mm1; i++) {
        double[] gi = g[i];
        double[] gim1 = g[i - 1];
        double[] gip1 = g[i + 1];
        for (int j = 1; j < nm1; j++) {
          gi[j] = omegaOverFour * (gim1[j] + gip1[j] + gi[j - 1] + gi[j + 1]) + oneMinusOmega * gi[j];
        }
      }
    }
  }

  /** A single flat loop: the rewriter strip-mines its poll (one poll per chunk of iterations). */
  public static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
