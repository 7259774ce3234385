package io.roam.sim;

import java.util.Arrays;

/**
 * Each node's load (processes on it plus those in transit to it) as a step function of time, kept
 * for the last {@code age} seconds, so that a decision can read every node as it was exactly {@code
 * age} seconds ago: information of constant age, the lead example of Mitzenmacher's "How useful is
 * old information?" ("a task knows ... the processor queue lengths from T seconds ago"). Unlike the
 * periodic bulletin board, every arrival sees a different, equally old picture.
 *
 * <p>Reads must come in non-decreasing simulated time (the simulator's clock): a read drops the
 * steps no later read can need. Memory per node is the number of load changes in {@code age}
 * seconds.
 */
final class LoadHistory {
  private final double age;
  private final double[][] times;
  private final int[][] loads;
  private final int[] head;
  private final int[] size;

  LoadHistory(int nodes, double age) {
    if (!(age >= 0)) {
      throw new IllegalArgumentException("age " + age);
    }
    this.age = age;
    this.times = new double[nodes][8];
    this.loads = new int[nodes][8];
    this.head = new int[nodes];
    this.size = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      times[i][0] = Double.NEGATIVE_INFINITY; // empty before the run starts
      size[i] = 1;
    }
  }

  double age() {
    return age;
  }

  /** Node {@code node} holds {@code load} from {@code now} on. */
  void record(int node, double now, int load) {
    double[] t = times[node];
    int cap = t.length;
    int last = (head[node] + size[node] - 1) % cap;
    if (t[last] == now) {
      loads[node][last] = load; // several changes at one instant: the last one counts
      return;
    }
    if (loads[node][last] == load) {
      return;
    }
    if (size[node] == cap) {
      grow(node);
      t = times[node];
      cap = t.length;
    }
    int slot = (head[node] + size[node]) % cap;
    t[slot] = now;
    loads[node][slot] = load;
    size[node]++;
  }

  /** The load of {@code node} at time {@code now − age}. */
  int at(int node, double now) {
    double then = now - age;
    double[] t = times[node];
    int cap = t.length;
    while (size[node] > 1 && t[(head[node] + 1) % cap] <= then) {
      head[node] = (head[node] + 1) % cap;
      size[node]--;
    }
    return loads[node][head[node]];
  }

  private void grow(int node) {
    int cap = times[node].length;
    double[] t = new double[cap * 2];
    int[] l = new int[cap * 2];
    for (int i = 0; i < size[node]; i++) {
      t[i] = times[node][(head[node] + i) % cap];
      l[i] = loads[node][(head[node] + i) % cap];
    }
    Arrays.fill(t, size[node], t.length, Double.NaN);
    times[node] = t;
    loads[node] = l;
    head[node] = 0;
  }
}
