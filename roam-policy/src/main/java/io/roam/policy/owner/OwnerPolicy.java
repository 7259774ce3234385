package io.roam.policy.owner;

import io.roam.policy.Migration;
import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import java.util.List;

/**
 * The workstation owner's rights (Sprite, Stealth): whether a node takes foreign processes, the CPU
 * weight each process gets, and which foreign processes leave when the owner returns. The daemon asks
 * {@link #acceptsForeign} before accepting a transfer (and senders may pre-filter with it), applies
 * {@link #weight} to its scheduler on every change of the owner's state, and runs {@link #evictions}
 * whenever the owner's activity is reported. Immutable and pure.
 */
public interface OwnerPolicy {
  /** Whether {@code self} accepts a foreign process at {@code now}. */
  boolean acceptsForeign(NodeLoad self, double now);

  /** The CPU weight of {@code process} on {@code self} (1 = normal; a smaller share for lower priority). */
  double weight(ProcessInfo process, NodeLoad self, double now);

  /** The foreign processes of {@code processes} that must leave {@code self} now, each sent home. */
  List<Migration> evictions(NodeLoad self, List<ProcessInfo> processes, double now);
}
