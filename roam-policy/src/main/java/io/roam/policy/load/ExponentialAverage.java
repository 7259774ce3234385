package io.roam.policy.load;

/**
 * Exponential smoothing of an irregularly sampled value, as an immutable value.
 *
 * <p>A sample taken {@code dt} seconds after the previous one gets the weight {@code 1 - exp(-dt /
 * tau)}, so the average forgets with time constant {@code tau} whatever the sampling rate (periodic
 * or event-driven). The first sample is taken as is. Use: {@code avg = avg.next(sample, now)}.
 *
 * @param value the smoothed value (NaN before the first sample)
 * @param time when the last sample was taken
 * @param tau time constant in seconds; 0 disables smoothing
 */
public record ExponentialAverage(double value, double time, double tau) {
  /** Rejects a negative time constant. */
  public ExponentialAverage {
    if (tau < 0) {
      throw new IllegalArgumentException("time constant must be >= 0, got " + tau);
    }
  }

  /** An average with no sample yet. */
  public static ExponentialAverage empty(double tau) {
    return new ExponentialAverage(Double.NaN, Double.NEGATIVE_INFINITY, tau);
  }

  /** The average after {@code sample} taken at {@code now} (not before the previous sample). */
  public ExponentialAverage next(double sample, double now) {
    if (Double.isNaN(value) || tau == 0) {
      return new ExponentialAverage(sample, now, tau);
    }
    double dt = Math.max(0, now - time);
    double weight = -Math.expm1(-dt / tau);
    return new ExponentialAverage(value + weight * (sample - value), now, tau);
  }
}
