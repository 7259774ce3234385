package io.roam.policy.selection;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import java.util.List;
import java.util.Optional;

/**
 * Which process to move: given the processes of a source node, the source's load and a chosen
 * destination's load, picks at most one process worth moving there. Called by a sender after a
 * location decision, or by a loaded node answering a receiver's request. Immutable and pure.
 */
public interface SelectionPolicy {
  /**
   * The process of {@code processes} (all on {@code source.node()}) to move to {@code destination},
   * or empty when none is worth it at {@code now}.
   */
  Optional<ProcessInfo> select(List<ProcessInfo> processes, NodeLoad source, NodeLoad destination, double now);
}
