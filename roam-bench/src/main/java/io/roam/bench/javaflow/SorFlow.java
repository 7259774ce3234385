package io.roam.bench.javaflow;

import java.io.Serializable;
import org.apache.commons.javaflow.api.Continuation;
import org.apache.commons.javaflow.api.continuable;

/**
 * The JavaFlow twin of {@code benchload.SorLoad} for {@link JavaFlowBaseline}: the same grid and
 * the same SOR sweep, written for Tascalate JavaFlow — the method is annotated {@code
 * @continuable} (the build's javaflow-enhance step rewrites it) and the suspend point is explicit:
 * after each row, when {@link #suspendWanted} is set. The state that travels is this object (the
 * grid) plus the locals JavaFlow records on its own stack.
 */
public final class SorFlow implements Runnable, Serializable {
  private static final long serialVersionUID = 1L;

  /** Set by the driver; the sweep suspends after the current row. */
  public static volatile boolean suspendWanted;
  /** Rows swept so far, over all instances. */
  public static volatile long progress;
  /** The instance that swept last (after a restore: the deserialized one). */
  public static volatile SorFlow current;

  /** The instance most recently deserialized (the driver checks its grid before resuming). */
  public static volatile SorFlow lastRestored;

  final double[][] grid;

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    lastRestored = this;
  }

  public SorFlow(long bytes) {
    grid = benchload.SorLoad.allocate(bytes); // the same grid as Roam's workload
  }

  public double[][] grid() {
    return grid;
  }

  @Override
  public @continuable void run() {
    // The row sweep is a plain (not continuable) method: JavaFlow 2.7.3's build-time verifier
    // cannot analyse double[] locals in a continuable method ("Unable to find resource D.class").
    // The JIT inlines it, so the loop is the same as SorLoad's; the suspend point is per row, as
    // Roam's loop poll.
    int rows = grid.length;
    while (true) {
      for (int i = 1; i < rows - 1; i++) {
        sweepRow(grid, i, 1.25);
        current = this;
        progress++;
        if (suspendWanted) {
          suspendWanted = false;
          Continuation.suspend();
        }
      }
    }
  }

  /** SciMark's SOR on row {@code i}. */
  static void sweepRow(double[][] g, int i, double omega) {
    double o4 = omega * 0.25;
    double o1 = 1.0 - omega;
    double[] gim1 = g[i - 1];
    double[] gi = g[i];
    double[] gip1 = g[i + 1];
    int n = gi.length;
    for (int j = 1; j < n - 1; j++) {
      gi[j] = o4 * (gim1[j] + gip1[j] + gi[j - 1] + gi[j + 1]) + o1 * gi[j];
    }
  }
}
