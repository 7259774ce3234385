package io.roam.policy.load;

import java.util.random.RandomGenerator;

/**
 * The three dissemination strategies as one parameterised value: push to {@code fanout} random
 * peers every {@code period} (fanout ≥ cluster size: broadcast), probe {@code probes} random nodes
 * per decision.
 */
record Dissemination(double period, int fanout, int probes) implements DisseminationPolicy {
  Dissemination {
    if (!(period > 0) || fanout < 0 || probes < 0) {
      throw new IllegalArgumentException("bad dissemination: period " + period + ", fanout " + fanout
          + ", probes " + probes);
    }
  }

  @Override
  public int[] pushTargets(int self, int clusterSize, RandomGenerator rng) {
    return fanout == 0 ? new int[0] : RandomNodes.distinct(self, clusterSize, fanout, rng);
  }

  @Override
  public int[] probeTargets(int self, int clusterSize, RandomGenerator rng) {
    return probes == 0 ? new int[0] : RandomNodes.distinct(self, clusterSize, probes, rng);
  }

  @Override
  public long messagesPerPeriod(int clusterSize) {
    return Math.min(fanout, clusterSize - 1L) + 2L * Math.min(probes, clusterSize - 1L);
  }
}
