package io.roam.policy.location;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Where to: picks a partner node for a transfer among candidates. Call order, per decision: {@link
 * #candidates} names the nodes to consider; the caller describes each with a {@link NodeLoad} (by
 * probing them, or from its load table; it may skip that when {@link #needsLoad()} is false and pass
 * placeholders); {@link #choose} returns one of them, or empty. Immutable; randomness only from the
 * generator passed in.
 */
public interface LocationPolicy {
  /**
   * The nodes to describe for a decision of node {@code self} about {@code process} (null when the
   * process is not chosen yet), in a cluster of {@code clusterSize} nodes.
   */
  int[] candidates(int self, ProcessInfo process, int clusterSize, RandomGenerator rng);

  /** The chosen node among {@code described} (loads of the candidates), or empty: no transfer. */
  OptionalInt choose(NodeLoad self, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng);

  /** Whether {@link #choose} reads the candidates' loads (so the caller must probe them). */
  boolean needsLoad();
}
