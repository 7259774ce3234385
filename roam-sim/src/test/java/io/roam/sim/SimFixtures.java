package io.roam.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds configurations for tests from alternating keys and values. */
final class SimFixtures {
  private SimFixtures() {}

  static SimConfig config(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return SimConfig.from(m);
  }

  /** Mean response time of the supermarket model as n → ∞ (Mitzenmacher), service rate 1. */
  static double supermarket(int d, double lambda) {
    if (d == 1) {
      return 1 / (1 - lambda);
    }
    double sum = 0;
    for (int i = 1; i < 64; i++) {
      double exponent = (Math.pow(d, i) - d) / (d - 1);
      double term = Math.pow(lambda, exponent);
      sum += term;
      if (term < 1e-15) {
        break;
      }
    }
    return sum;
  }

  static RunResult run(SimConfig c, double load) {
    return new Simulation(c, c.policies().get(0), load).run();
  }
}
