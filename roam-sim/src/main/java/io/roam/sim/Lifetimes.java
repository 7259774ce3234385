package io.roam.sim;

import java.util.random.RandomGenerator;

/**
 * Distributions of process lifetimes (CPU demand in seconds on a node of speed 1). Immutable.
 */
interface Lifetimes {
  /** One lifetime. */
  double sample(RandomGenerator rng);

  /** The mean, used to turn a load into an arrival rate. */
  double mean();

  /** A short description for reports. */
  String describe();

  /** Exponential lifetimes of the given mean. */
  static Lifetimes exponential(double mean) {
    return new Exponential(mean);
  }

  /**
   * The UNIX lifetimes measured by Harchol-Balter &amp; Downey: a fraction {@code shortFraction} of
   * processes live less than a second (uniform on [0.01, 1) s here); the others follow Pr{L &gt; t} =
   * 1/t for 1 ≤ t, bounded at {@code max} seconds so that the mean is finite (≈ ln max).
   */
  static Lifetimes unix(double shortFraction, double max) {
    return new Unix(shortFraction, max);
  }

  /** Exponential. */
  record Exponential(double mean) implements Lifetimes {
    @Override
    public double sample(RandomGenerator rng) {
      return -mean * Math.log(1.0 - rng.nextDouble());
    }

    @Override
    public String describe() {
      return "exponential, mean " + mean + " s";
    }
  }

  /** Short processes plus a bounded Pareto tail of index 1. */
  record Unix(double shortFraction, double max) implements Lifetimes {
    public Unix {
      if (!(shortFraction >= 0 && shortFraction < 1) || !(max > 1)) {
        throw new IllegalArgumentException("unix lifetimes need 0 <= short fraction < 1 and max > 1");
      }
    }

    @Override
    public double sample(RandomGenerator rng) {
      if (rng.nextDouble() < shortFraction) {
        return 0.01 + 0.99 * rng.nextDouble();
      }
      // bounded Pareto, alpha = 1, on [1, max]: inverse of F(t) = (1 - 1/t) / (1 - 1/max)
      double u = rng.nextDouble();
      return 1.0 / (1.0 - u * (1.0 - 1.0 / max));
    }

    @Override
    public double mean() {
      double tail = Math.log(max) / (1.0 - 1.0 / max);
      return shortFraction * 0.505 + (1 - shortFraction) * tail;
    }

    @Override
    public String describe() {
      return "UNIX (Harchol-Balter & Downey): " + shortFraction + " uniform on [0.01, 1) s, the rest Pr{L > t} = 1/t"
          + " on [1, " + max + "] s; mean " + String.format(java.util.Locale.ROOT, "%.3f", mean()) + " s";
    }
  }
}
