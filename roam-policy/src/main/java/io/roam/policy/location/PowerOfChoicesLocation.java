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
 * The power of d choices (the supermarket model, Mitzenmacher): {@code d} distinct nodes drawn
 * uniformly from the whole cluster, the local node included; the least loaded wins, ties at random.
 * The answer may be the local node itself ("stay"). With d = 1 this is random assignment.
 *
 * @param d how many nodes to sample
 * @param index the load index compared
 */
public record PowerOfChoicesLocation(int d, LoadIndex index) implements LocationPolicy {
  /** Rejects d &lt; 1. */
  public PowerOfChoicesLocation {
    if (d < 1) {
      throw new IllegalArgumentException("d must be >= 1, got " + d);
    }
  }

  /** From configuration: {@code d} (2), {@code index} (run-queue). */
  public static PowerOfChoicesLocation fromConfig(PolicyConfig c) {
    return new PowerOfChoicesLocation(c.getInt("d", 2), LoadIndex.named(c.getString("index", "run-queue")));
  }

  @Override
  public int[] candidates(int self, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return RandomNodes.distinct(-1, clusterSize, d, rng);
  }

  @Override
  public OptionalInt choose(NodeLoad self, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    NodeLoad best = Choosing.extreme(described, index, 1, rng);
    return best == null ? OptionalInt.empty() : OptionalInt.of(best.node());
  }

  @Override
  public boolean needsLoad() {
    return d > 1;
  }
}
