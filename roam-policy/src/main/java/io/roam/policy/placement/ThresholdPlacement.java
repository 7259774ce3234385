package io.roam.policy.placement;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.RandomNodes;
import io.roam.policy.spi.PolicyConfig;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Eager, Lazowska &amp; Zahorjan's <em>Threshold</em>: when the local run queue holds at least
 * {@code threshold} processes, probe up to {@code probeLimit} random other nodes one after the other
 * and send the process to the first whose run queue is below the threshold (it would not become a
 * sender by accepting); if none is, keep it. Probes are counted up to the first success.
 *
 * @param threshold run-queue length T at which a node sends, and below which it accepts
 * @param probeLimit L_p, the most nodes probed per new process
 */
public record ThresholdPlacement(double threshold, int probeLimit) implements PlacementPolicy {

  /** From configuration: {@code threshold} (2), {@code probe-limit} (3). */
  public static ThresholdPlacement fromConfig(PolicyConfig c) {
    return new ThresholdPlacement(c.getDouble("threshold", 2), c.getInt("probe-limit", 3));
  }

  @Override
  public int[] candidates(NodeLoad local, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    return RandomNodes.whenLoaded(local, threshold, clusterSize, probeLimit, rng);
  }

  @Override
  public Placement place(NodeLoad local, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    for (int i = 0; i < described.size(); i++) {
      if (described.get(i).runQueue() < threshold) {
        return new Placement(described.get(i).node(), i + 1);
      }
    }
    return new Placement(local.node(), described.size());
  }

  @Override
  public boolean needsLoad() {
    return true;
  }
}
