package io.roam.policy.placement;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Remote execution: where a new process starts; once placed it stays there. Call order, per new
 * process: {@link #candidates} names the nodes to describe (none: the process stays local without
 * further cost); the caller probes them, or skips probing when {@link #needsLoad()} is false; {@link
 * #place} decides. The local load is measured before the new process is counted. Immutable.
 */
public interface PlacementPolicy {
  /** The nodes to describe before placing {@code process}, which starts on {@code local.node()}. */
  int[] candidates(NodeLoad local, ProcessInfo process, int clusterSize, RandomGenerator rng);

  /** Where {@code process} runs, given the loads {@code described} of the candidates (same order). */
  Placement place(NodeLoad local, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng);

  /** Whether {@link #place} reads the candidates' loads (so the caller must probe them). */
  boolean needsLoad();
}
