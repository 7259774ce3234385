package io.roam.sim;

import java.util.Arrays;

/**
 * The live processes of a simulation, in parallel primitive arrays indexed by a slot that is reused
 * after the process completes (so memory follows the number of live processes, not the total).
 * Fields are package-visible for the engine's inner loops. Not thread-safe.
 */
final class JobTable {
  long[] pid = new long[256];
  int[] home = new int[256];
  int[] node = new int[256];
  int[] posInNode = new int[256];
  double[] arrival = new double[256];
  double[] work = new double[256];
  double[] tag = new double[256];
  double[] weight = new double[256];
  double[] residenceStart = new double[256];
  double[] remaining = new double[256];
  long[] stateBytes = new long[256];
  private int[] free = new int[256];
  private int freeCount;
  private int highWater;

  /** A free slot for a new process. */
  int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (highWater == pid.length) {
      grow(pid.length * 2);
    }
    return highWater++;
  }

  void release(int slot) {
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = slot;
  }

  /** Slots ever used (the live ones are among them). */
  int highWater() {
    return highWater;
  }

  private void grow(int n) {
    pid = Arrays.copyOf(pid, n);
    home = Arrays.copyOf(home, n);
    node = Arrays.copyOf(node, n);
    posInNode = Arrays.copyOf(posInNode, n);
    arrival = Arrays.copyOf(arrival, n);
    work = Arrays.copyOf(work, n);
    tag = Arrays.copyOf(tag, n);
    weight = Arrays.copyOf(weight, n);
    residenceStart = Arrays.copyOf(residenceStart, n);
    remaining = Arrays.copyOf(remaining, n);
    stateBytes = Arrays.copyOf(stateBytes, n);
  }
}
