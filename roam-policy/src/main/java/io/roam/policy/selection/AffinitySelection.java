package io.roam.policy.selection;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.spi.PolicyConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves processes toward what they use: communication affinity (bytes of messages exchanged with
 * processes on the destination) and data locality (bytes of file I/O against files the destination
 * holds), weighted by {@code messageWeight} and {@code fileWeight}. A process qualifies when its
 * weighted bytes with the destination are at least {@code minShare} of its weighted bytes with all
 * nodes and exceed those with its current node; the one with the most such bytes is chosen (ties:
 * lowest pid).
 *
 * @param messageWeight weight of message bytes
 * @param fileWeight weight of file bytes
 * @param minShare fraction of a process's traffic the destination must account for, 0..1
 */
public record AffinitySelection(double messageWeight, double fileWeight, double minShare)
    implements SelectionPolicy {

  /** Communication affinity only. */
  public static AffinitySelection communication(double minShare) {
    return new AffinitySelection(1, 0, minShare);
  }

  /** Data locality only. */
  public static AffinitySelection dataLocality(double minShare) {
    return new AffinitySelection(0, 1, minShare);
  }

  /** From configuration: {@code message-weight} (1), {@code file-weight} (1), {@code min-share} (0.5). */
  public static AffinitySelection fromConfig(PolicyConfig c) {
    return new AffinitySelection(c.getDouble("message-weight", 1), c.getDouble("file-weight", 1),
        c.getDouble("min-share", 0.5));
  }

  @Override
  public Optional<ProcessInfo> select(List<ProcessInfo> processes, NodeLoad source, NodeLoad destination,
      double now) {
    int to = destination.node();
    return processes.stream()
        .filter(p -> qualifies(p, to))
        .max(Comparator.comparingDouble((ProcessInfo p) -> affinity(p, to))
            .thenComparing(ProcessInfo::pid, Comparator.reverseOrder()));
  }

  private boolean qualifies(ProcessInfo p, int to) {
    double toDest = affinity(p, to);
    double total = total(p);
    return toDest > 0 && toDest >= minShare * total && toDest > affinity(p, p.current());
  }

  /** Weighted bytes {@code p} exchanges with {@code node}. */
  public double affinity(ProcessInfo p, int node) {
    return messageWeight * p.bytesToPeers().getOrDefault(node, 0L)
        + fileWeight * p.fileBytesPerNode().getOrDefault(node, 0L);
  }

  private double total(ProcessInfo p) {
    return messageWeight * sum(p.bytesToPeers()) + fileWeight * sum(p.fileBytesPerNode());
  }

  private static double sum(Map<Integer, Long> m) {
    double s = 0;
    for (long v : m.values()) {
      s += v;
    }
    return s;
  }
}
