package io.roam.policy.guard;

import io.roam.policy.MigrationCost;
import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.spi.PolicyConfig;

/**
 * Moves only what pays: the expected remaining CPU demand of a process is taken as the CPU time it
 * has used so far (the median under Pr{L &gt; t} ≈ 1/t); running it takes {@code remaining * n /
 * speed} under processor sharing with n runnable processes, so the benefit of the move is {@code
 * remaining * (n_src / speed_src - (n_dst + 1) / speed_dst)}. The move is permitted when the benefit
 * exceeds {@code factor} times the estimated migration cost, which should come from measurements
 * ({@link MeasuredMigrationCost}).
 *
 * @param cost the migration cost model
 * @param factor how many times the cost the benefit must reach (≥ 1 for safety)
 */
public record CostBenefitGuard(MigrationCost cost, double factor) implements MigrationGuard {

  /** From configuration: {@code cost.fixed} (s, 0.3), {@code cost.bandwidth} (B/s, 0: free), {@code factor} (1). */
  public static CostBenefitGuard fromConfig(PolicyConfig c) {
    return new CostBenefitGuard(MigrationCost.of(c.getDouble("cost.fixed", 0.3), c.getDouble("cost.bandwidth", 0)),
        c.getDouble("factor", 1));
  }

  @Override
  public boolean permits(ProcessInfo process, NodeLoad source, NodeLoad destination, int recentMigrations,
      double now) {
    return benefit(process, source, destination) > factor * cost.estimate(process.stateBytes());
  }

  /** Expected seconds saved by moving {@code process} from {@code source} to {@code destination}. */
  public static double benefit(ProcessInfo process, NodeLoad source, NodeLoad destination) {
    double remaining = process.cpuTime();
    double here = Math.max(1, source.runQueue()) / source.speed();
    double there = (destination.runQueue() + 1) / destination.speed();
    return remaining * (here - there);
  }

  @Override
  public double window() {
    return 0;
  }
}
