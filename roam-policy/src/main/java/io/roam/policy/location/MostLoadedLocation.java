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
 * For receiver-initiated transfers: the most loaded of {@code probes} random other nodes, chosen only
 * if its index is at least {@code minLoad} and above the local one by more than {@code margin}; ties
 * at random.
 *
 * @param probes how many random nodes to consider
 * @param index the load index compared
 * @param minLoad the least load worth asking for work
 * @param margin how much more loaded the partner must be
 */
public record MostLoadedLocation(int probes, LoadIndex index, double minLoad, double margin)
    implements LocationPolicy {

  /** From configuration: {@code probes} (3), {@code index} (run-queue), {@code min-load} (2), {@code margin} (1). */
  public static MostLoadedLocation fromConfig(PolicyConfig c) {
    return new MostLoadedLocation(c.getInt("probes", 3), LoadIndex.named(c.getString("index", "run-queue")),
        c.getDouble("min-load", 2), c.getDouble("margin", 1));
  }

  @Override
  public int[] candidates(int self, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return RandomNodes.distinct(self, clusterSize, probes, rng);
  }

  @Override
  public OptionalInt choose(NodeLoad self, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    NodeLoad best = Choosing.extreme(described, index, -1, rng);
    if (best == null || index.of(best) < minLoad || index.of(best) <= index.of(self) + margin) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(best.node());
  }

  @Override
  public boolean needsLoad() {
    return true;
  }
}
