package io.roam.policy.placement;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import java.util.List;
import java.util.random.RandomGenerator;

/** No load sharing: every process runs where it was started. */
public record LocalPlacement() implements PlacementPolicy {
  @Override
  public int[] candidates(NodeLoad local, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return new int[0];
  }

  @Override
  public Placement place(NodeLoad local, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    return new Placement(local.node(), 0);
  }

  @Override
  public boolean needsLoad() {
    return false;
  }
}
