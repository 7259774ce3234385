package io.roam.policy.load;

import java.util.random.RandomGenerator;

/** Draws random node numbers for probing, gossip and location; pure given the generator. */
public final class RandomNodes {
  private RandomNodes() {}

  /**
   * Up to {@code count} distinct nodes of {@code 0..clusterSize-1}, excluding {@code self} (pass -1
   * to allow every node), in random order. Returns every eligible node, shuffled, when {@code count}
   * is at least their number. Costs O(count) expected when count is small against the cluster.
   */
  /**
   * The probe set of a sender-initiated placement: {@code count} distinct random other nodes when
   * the local run queue has reached {@code threshold}, else none.
   */
  public static int[] whenLoaded(io.roam.policy.NodeLoad local, double threshold, int clusterSize,
      int count, RandomGenerator rng) {
    return local.runQueue() >= threshold ? distinct(local.node(), clusterSize, count, rng) : new int[0];
  }

  public static int[] distinct(int self, int clusterSize, int count, RandomGenerator rng) {
    int eligible = self >= 0 && self < clusterSize ? clusterSize - 1 : clusterSize;
    int k = Math.min(count, eligible);
    if (k * 4 > eligible) {
      return shuffledPrefix(self, clusterSize, k, rng);
    }
    int[] out = new int[k];
    int filled = 0;
    while (filled < k) {
      int c = rng.nextInt(clusterSize);
      if (c != self && !contains(out, filled, c)) {
        out[filled++] = c;
      }
    }
    return out;
  }

  private static int[] shuffledPrefix(int self, int clusterSize, int k, RandomGenerator rng) {
    int[] all = new int[self >= 0 && self < clusterSize ? clusterSize - 1 : clusterSize];
    int j = 0;
    for (int i = 0; i < clusterSize; i++) {
      if (i != self) {
        all[j++] = i;
      }
    }
    for (int i = 0; i < k; i++) {
      int r = i + rng.nextInt(all.length - i);
      int t = all[i];
      all[i] = all[r];
      all[r] = t;
    }
    return java.util.Arrays.copyOf(all, k);
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }
}
