package benchload;

import jnt.scimark2.Constants;
import jnt.scimark2.Random;
import jnt.scimark2.kernel;

/**
 * SciMark 2.0's five kernels, measured as its command line measures them (same sizes, minimum
 * time and random seed) but {@code N} times in one JVM, printing each kernel's median and their
 * mean as the composite, in the command line's format. One measurement per JVM, as the command line
 * takes, depends on where the JVM happens to place the kernel's fresh arrays: LU, for one, runs at
 * ≈ 7 000 or ≈ 5 300 Mflops on this machine, alternating from one measurement to the next in a
 * single plain JVM. The median over several is the kernel's speed rather than that luck.
 * Usage: {@code ScimarkRepeat [N]} (default 5).
 */
public final class ScimarkRepeat {
  private ScimarkRepeat() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    double min = Constants.RESOLUTION_DEFAULT;
    String[] names = {"FFT", "SOR", "Monte Carlo", "Sparse matmult", "LU"};
    double[][] v = new double[names.length][n];
    for (int i = 0; i < n; i++) {
      Random r = new Random(Constants.RANDOM_SEED);
      v[0][i] = kernel.measureFFT(Constants.FFT_SIZE, min, r);
      v[1][i] = kernel.measureSOR(Constants.SOR_SIZE, min, r);
      v[2][i] = kernel.measureMonteCarlo(min, r);
      v[3][i] = kernel.measureSparseMatmult(Constants.SPARSE_SIZE_M, Constants.SPARSE_SIZE_nz, min, r);
      v[4][i] = kernel.measureLU(Constants.LU_SIZE, min, r);
    }
    double sum = 0;
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < names.length; k++) {
      double m = median(v[k]);
      sum += m;
      out.append(names[k]).append(": ").append(String.format(java.util.Locale.ROOT, "%.2f", m)).append('\n');
    }
    System.out.print("Composite Score: " + String.format(java.util.Locale.ROOT, "%.2f", sum / names.length) + "\n" + out);
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
