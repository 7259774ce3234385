package io.roam.policy.placement;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import io.roam.policy.location.LocationPolicy;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Placement by any {@link LocationPolicy} (power of d choices, least loaded of a stale view,
 * affinity …), consulted only when the local run queue holds at least {@code threshold} processes
 * (0: always). An empty answer, or the local node, keeps the process local.
 *
 * @param location the location policy deciding where
 * @param threshold run-queue length from which the location policy is consulted
 */
public record LocationPlacement(LocationPolicy location, double threshold) implements PlacementPolicy {

  @Override
  public int[] candidates(NodeLoad local, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return local.runQueue() >= threshold ? location.candidates(local.node(), process, clusterSize, rng)
        : new int[0];
  }

  @Override
  public Placement place(NodeLoad local, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    int probes = location.needsLoad() ? described.size() : 0;
    int node = location.choose(local, process, described, rng).orElse(local.node());
    return new Placement(node, probes);
  }

  @Override
  public boolean needsLoad() {
    return location.needsLoad();
  }
}
