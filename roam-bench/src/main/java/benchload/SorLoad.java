package benchload;

/**
 * The workload of {@code io.roam.bench.CaptureCost}: a plain program (it knows nothing of Roam)
 * that allocates a SOR grid of about {@code args[0]} bytes of doubles and sweeps it forever.
 * {@link #progress} counts finished rows, so that a driver can see the process run; {@link #grid}
 * is the live state. The driver copies this class file alone into a directory and runs it from
 * there under the kernel.
 */
public final class SorLoad {
  /** Rows swept so far (written once per row; read by the driver). */
  public static volatile long progress;
  /** The live state: rows × cols doubles, cols = 2 × rows. */
  public static double[][] grid;

  private SorLoad() {}

  public static void main(String[] args) {
    long bytes = Long.parseLong(args[0]);
    grid = allocate(bytes);
    sweepForever(grid, 1.25);
  }

  public static double[][] allocate(long bytes) {
    long n = Math.max(8, bytes / 8);
    int rows = (int) Math.max(3, Math.round(Math.sqrt(n / 2.0)));
    int cols = (int) (n / rows);
    double[][] g = new double[rows][cols];
    long x = 0x9E3779B97F4A7C15L;
    for (double[] row : g) {
      for (int j = 0; j < cols; j++) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        row[j] = (x >>> 11) * 0x1.0p-53;
      }
    }
    return g;
  }

  /** SciMark's SOR, iterated without end. */
  static void sweepForever(double[][] g, double omega) {
    double omegaOverFour = omega * 0.25;
    double oneMinusOmega = 1.0 - omega;
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
        progress = progress + 1;
      }
    }
  }
}
