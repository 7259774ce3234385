package io.roam.policy.guard;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.spi.PolicyConfig;

/**
 * A process must have stayed {@code minResidence} seconds on its current node before it moves again,
 * so that no process ping-pongs between nodes.
 *
 * @param minResidence seconds of residence required
 */
public record MinimumResidenceGuard(double minResidence) implements MigrationGuard {

  /** From configuration: {@code min-residence} (s, default 1). */
  public static MinimumResidenceGuard fromConfig(PolicyConfig c) {
    return new MinimumResidenceGuard(c.getDouble("min-residence", 1));
  }

  @Override
  public boolean permits(ProcessInfo process, NodeLoad source, NodeLoad destination, int recentMigrations,
      double now) {
    return process.residence(now) >= minResidence;
  }

  @Override
  public double window() {
    return 0;
  }
}
