package io.roam.policy.placement;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.RandomNodes;
import io.roam.policy.spi.PolicyConfig;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Eager, Lazowska &amp; Zahorjan's <em>Shortest</em>: when the local run queue holds at least {@code
 * threshold} processes, probe {@code probeLimit} random other nodes and send the process to the one
 * with the shortest run queue, provided that queue is below the threshold; ties go to the first
 * probed. All probes are counted.
 *
 * @param threshold run-queue length T at which a node sends, and below which it accepts
 * @param probeLimit L_p, the number of nodes probed per new process
 */
public record ShortestPlacement(double threshold, int probeLimit) implements PlacementPolicy {

  /** From configuration: {@code threshold} (2), {@code probe-limit} (3). */
  public static ShortestPlacement fromConfig(PolicyConfig c) {
    return new ShortestPlacement(c.getDouble("threshold", 2), c.getInt("probe-limit", 3));
  }

  @Override
  public int[] candidates(NodeLoad local, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return RandomNodes.whenLoaded(local, threshold, clusterSize, probeLimit, rng);
  }

  @Override
  public Placement place(NodeLoad local, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    NodeLoad best = null;
    for (NodeLoad l : described) {
      if (best == null || l.runQueue() < best.runQueue()) {
        best = l;
      }
    }
    boolean send = best != null && best.runQueue() < threshold;
    return new Placement(send ? best.node() : local.node(), described.size());
  }

  @Override
  public boolean needsLoad() {
    return true;
  }
}
