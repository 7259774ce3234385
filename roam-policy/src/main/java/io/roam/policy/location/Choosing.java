package io.roam.policy.location;

import io.roam.policy.NodeLoad;
import io.roam.policy.load.LoadIndex;
import java.util.List;
import java.util.random.RandomGenerator;

/** Shared selection helpers: extreme loads with random tie-breaking. */
final class Choosing {
  private Choosing() {}

  /**
   * The least loaded entry by {@code index} (sign = 1) or the most loaded (sign = -1); ties broken
   * uniformly at random; null when empty.
   */
  static NodeLoad extreme(List<NodeLoad> loads, LoadIndex index, int sign, RandomGenerator rng) {
    NodeLoad best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    int ties = 0;
    for (NodeLoad l : loads) {
      double v = sign * index.of(l);
      if (v < bestValue) {
        best = l;
        bestValue = v;
        ties = 1;
      } else if (v == bestValue && rng.nextInt(++ties) == 0) {
        best = l;
      }
    }
    return best;
  }
}
