package io.roam.policy.guard;

import io.roam.policy.MigrationCost;

/**
 * Learns the migration cost model from measured migrations: a least-squares line of freeze time
 * against state size, over observations that fade with weight {@code decay} per new observation
 * (recent migrations count most). Until two distinct sizes have been seen it answers {@code prior},
 * with its fixed part moved to the mean observed excess. Immutable: {@code m = m.observe(bytes,
 * seconds)}; {@link #current()} for the model to decide with.
 *
 * @param prior the configured model, used until measurements suffice
 * @param decay weight kept by old observations at each new one, in (0, 1]
 * @param n decayed count of observations
 * @param sx decayed sum of sizes
 * @param sy decayed sum of seconds
 * @param sxx decayed sum of squared sizes
 * @param sxy decayed sum of size × seconds
 */
public record MeasuredMigrationCost(MigrationCost prior, double decay, double n, double sx, double sy, double sxx,
    double sxy) {

  /** A model that starts from {@code prior} and forgets with {@code decay}. */
  public static MeasuredMigrationCost startingFrom(MigrationCost prior, double decay) {
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
    }
    return new MeasuredMigrationCost(prior, decay, 0, 0, 0, 0, 0);
  }

  /** The model after a migration of {@code bytes} that froze the process {@code seconds}. */
  public MeasuredMigrationCost observe(long bytes, double seconds) {
    double x = bytes;
    return new MeasuredMigrationCost(prior, decay, n * decay + 1, sx * decay + x, sy * decay + seconds,
        sxx * decay + x * x, sxy * decay + x * seconds);
  }

  /** The current estimate. */
  public MigrationCost current() {
    if (n == 0) {
      return prior;
    }
    double var = sxx * n - sx * sx;
    if (var <= 1e-9 * sxx * n) {
      double excess = (sy - prior.secondsPerByte() * sx) / n;
      return new MigrationCost(Math.max(0, excess), prior.secondsPerByte());
    }
    double slope = Math.max(0, (sxy * n - sx * sy) / var);
    double intercept = Math.max(0, (sy - slope * sx) / n);
    return new MigrationCost(intercept, slope);
  }
}
