package io.roam.policy.selection;

import io.roam.policy.MigrationCost;
import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.spi.PolicyConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The age criterion of Harchol-Balter &amp; Downey (1996): with lifetimes distributed as Pr{L &gt; t}
 * ≈ 1/t, a process that has run for {@code a} seconds is expected to run about {@code a} more, so it
 * is worth migrating only if {@code age > cost / (n - m)}, where {@code cost} is its estimated
 * migration cost and {@code n}, {@code m} the load index of source and destination. Among eligible
 * processes the oldest is chosen (ties: lowest pid); none when {@code n <= m}.
 *
 * @param cost the migration cost model (configured, or measured)
 * @param index the load index n and m are read from (the paper uses the process count)
 */
public record AgeSelection(MigrationCost cost, LoadIndex index) implements SelectionPolicy {

  /** From configuration: {@code cost.fixed} (s), {@code cost.bandwidth} (bytes/s), {@code index}. */
  public static AgeSelection fromConfig(PolicyConfig c) {
    return new AgeSelection(MigrationCost.of(c.getDouble("cost.fixed", 0.3), c.getDouble("cost.bandwidth", 0)),
        LoadIndex.named(c.getString("index", "run-queue")));
  }

  @Override
  public Optional<ProcessInfo> select(List<ProcessInfo> processes, NodeLoad source, NodeLoad destination,
      double now) {
    double difference = index.of(source) - index.of(destination);
    if (difference <= 0) {
      return Optional.empty();
    }
    return processes.stream()
        .filter(p -> eligible(p, difference))
        .max(Comparator.comparingDouble(ProcessInfo::age).thenComparing(ProcessInfo::pid, Comparator.reverseOrder()));
  }

  /** Whether {@code p} is old enough for a load difference of {@code difference}. */
  public boolean eligible(ProcessInfo p, double difference) {
    return p.age() > cost.estimate(p.stateBytes()) / difference;
  }
}
