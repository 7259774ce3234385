package io.roam.policy.placement;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.RandomNodes;
import io.roam.policy.spi.PolicyConfig;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Eager, Lazowska &amp; Zahorjan's <em>Random</em>: when the local run queue already holds at least
 * {@code threshold} processes, the new one goes to one other node chosen at random, whatever its load
 * (no probe); otherwise it stays.
 *
 * @param threshold run-queue length at which processes are sent away
 */
public record RandomPlacement(double threshold) implements PlacementPolicy {

  /** From configuration: {@code threshold} (2). */
  public static RandomPlacement fromConfig(PolicyConfig c) {
    return new RandomPlacement(c.getDouble("threshold", 2));
  }

  @Override
  public int[] candidates(NodeLoad local, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return local.runQueue() >= threshold ? RandomNodes.distinct(local.node(), clusterSize, 1, rng) : new int[0];
  }

  @Override
  public Placement place(NodeLoad local, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    return described.isEmpty() ? new Placement(local.node(), 0) : new Placement(described.get(0).node(), 0);
  }

  @Override
  public boolean needsLoad() {
    return false;
  }
}
