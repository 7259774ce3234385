package io.roam.policy.location;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.RandomNodes;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/** One other node chosen uniformly at random, without looking at any load. */
public record RandomLocation() implements LocationPolicy {
  @Override
  public int[] candidates(int self, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return RandomNodes.distinct(self, clusterSize, 1, rng);
  }

  @Override
  public OptionalInt choose(NodeLoad self, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    return described.isEmpty() ? OptionalInt.empty() : OptionalInt.of(described.get(0).node());
  }

  @Override
  public boolean needsLoad() {
    return false;
  }
}
