package io.roam.policy.guard;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;

/**
 * A last check before a migration, against thrashing and unprofitable moves. The caller counts the
 * migrations its node started in the last {@link #window()} seconds and passes that count. Immutable
 * and pure.
 */
public interface MigrationGuard {
  /**
   * Whether moving {@code process} from {@code source} to {@code destination} at {@code now} is
   * allowed, the source having started {@code recentMigrations} migrations in the last {@link
   * #window()} seconds.
   */
  boolean permits(ProcessInfo process, NodeLoad source, NodeLoad destination, int recentMigrations, double now);

  /** The window, in seconds, over which the caller counts recent migrations (0 if unused). */
  double window();

  /** A guard that permits everything. */
  static MigrationGuard none() {
    return new AllGuards(java.util.List.of());
  }
}
