package io.roam.policy.guard;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.spi.PolicyConfig;

/**
 * A node starts at most {@code maxMigrations} migrations per {@code window} seconds, bounding the
 * CPU and network a node spends on moving processes.
 *
 * @param maxMigrations migrations allowed per window
 * @param window the window in seconds
 */
public record MigrationBudgetGuard(int maxMigrations, double window) implements MigrationGuard {

  /** From configuration: {@code max} (4), {@code window} (s, 10). */
  public static MigrationBudgetGuard fromConfig(PolicyConfig c) {
    return new MigrationBudgetGuard(c.getInt("max", 4), c.getDouble("window", 10));
  }

  @Override
  public boolean permits(ProcessInfo process, NodeLoad source, NodeLoad destination, int recentMigrations,
      double now) {
    return recentMigrations < maxMigrations;
  }
}
