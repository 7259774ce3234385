package io.roam.policy.guard;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import java.util.List;

/**
 * Permits a migration only if every guard does; its window is the longest of theirs.
 *
 * @param guards the guards, checked in order
 */
public record AllGuards(List<MigrationGuard> guards) implements MigrationGuard {
  /** Copies the list. */
  public AllGuards {
    guards = List.copyOf(guards);
  }

  @Override
  public boolean permits(ProcessInfo process, NodeLoad source, NodeLoad destination, int recentMigrations,
      double now) {
    for (MigrationGuard g : guards) {
      if (!g.permits(process, source, destination, recentMigrations, now)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double window() {
    double w = 0;
    for (MigrationGuard g : guards) {
      w = Math.max(w, g.window());
    }
    return w;
  }
}
