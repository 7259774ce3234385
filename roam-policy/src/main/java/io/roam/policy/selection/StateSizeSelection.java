package io.roam.policy.selection;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.spi.PolicyConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cheapest process to move: the smallest state among processes at least {@code minAge} seconds
 * old and at most {@code maxBytes} large (ties: oldest, then lowest pid). Ignores the loads: pair it
 * with an activation policy and a guard.
 *
 * @param minAge seconds a process must have run to be considered
 * @param maxBytes largest state worth moving
 */
public record StateSizeSelection(double minAge, long maxBytes) implements SelectionPolicy {

  /** From configuration: {@code min-age} (s, default 0), {@code max-bytes} (default unlimited). */
  public static StateSizeSelection fromConfig(PolicyConfig c) {
    return new StateSizeSelection(c.getDouble("min-age", 0), c.getBytes("max-bytes", Long.MAX_VALUE));
  }

  @Override
  public Optional<ProcessInfo> select(List<ProcessInfo> processes, NodeLoad source, NodeLoad destination,
      double now) {
    return processes.stream()
        .filter(p -> p.age() >= minAge && p.stateBytes() <= maxBytes)
        .min(Comparator.comparingLong(ProcessInfo::stateBytes)
            .thenComparing(ProcessInfo::age, Comparator.reverseOrder())
            .thenComparingLong(ProcessInfo::pid));
  }
}
