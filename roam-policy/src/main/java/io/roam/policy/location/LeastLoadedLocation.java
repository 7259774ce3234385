package io.roam.policy.location;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.load.RandomNodes;
import io.roam.policy.spi.PolicyConfig;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The least loaded of {@code probes} random other nodes (all of them when {@code probes} reaches
 * the cluster size: "shortest queue" from a possibly stale view), chosen only if its index is below
 * the local one by more than {@code margin}. Ties are broken at random.
 *
 * @param probes how many random nodes to consider
 * @param index the load index compared
 * @param margin how much less loaded the destination must be
 */
public record LeastLoadedLocation(int probes, LoadIndex index, double margin) implements LocationPolicy {

  /** From configuration: {@code probes} (3), {@code index} (run-queue), {@code margin} (1). */
  public static LeastLoadedLocation fromConfig(PolicyConfig c) {
    return new LeastLoadedLocation(c.getInt("probes", 3), LoadIndex.named(c.getString("index", "run-queue")),
        c.getDouble("margin", 1));
  }

  @Override
  public int[] candidates(int self, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return RandomNodes.distinct(self, clusterSize, probes, rng);
  }

  @Override
  public OptionalInt choose(NodeLoad self, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    NodeLoad best = Choosing.extreme(described, index, 1, rng);
    if (best == null || index.of(best) >= index.of(self) - margin) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(best.node());
  }

  @Override
  public boolean needsLoad() {
    return true;
  }
}
