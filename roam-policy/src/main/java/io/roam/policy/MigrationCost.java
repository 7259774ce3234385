package io.roam.policy;

/**
 * A linear estimate of what migrating a process costs: {@code fixedSeconds + stateBytes *
 * secondsPerByte} of freeze time. Built from configuration or from measurements (see
 * {@code io.roam.policy.guard.MeasuredMigrationCost}).
 *
 * @param fixedSeconds cost independent of size (suspend, connection, resume)
 * @param secondsPerByte inverse of the effective transfer bandwidth
 */
public record MigrationCost(double fixedSeconds, double secondsPerByte) {
  /** Rejects negative costs. */
  public MigrationCost {
    if (fixedSeconds < 0 || secondsPerByte < 0) {
      throw new IllegalArgumentException("negative migration cost " + fixedSeconds + " s + " + secondsPerByte + " s/B");
    }
  }

  /** A cost model from a fixed part and a bandwidth in bytes per second. */
  public static MigrationCost of(double fixedSeconds, double bytesPerSecond) {
    return new MigrationCost(fixedSeconds, bytesPerSecond <= 0 ? 0 : 1.0 / bytesPerSecond);
  }

  /** Estimated freeze time, in seconds, for a process of {@code stateBytes}. */
  public double estimate(long stateBytes) {
    return fixedSeconds + stateBytes * secondsPerByte;
  }
}
