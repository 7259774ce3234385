package io.roam.policy.load;

import java.util.random.RandomGenerator;

/**
 * How load information travels, at a bounded cost. Every {@link #period()} seconds a node sends its
 * (smoothed) load to {@link #pushTargets}; before a decision it may ask {@link #probeTargets} for
 * theirs. {@link #messagesPerPeriod} bounds what one node sends per period. Implementations are
 * immutable; the daemon and the simulator call them with their own generator.
 */
public interface DisseminationPolicy {
  /** Seconds between pushes (infinity: never push). */
  double period();

  /** The nodes {@code self} sends its load to this period. */
  int[] pushTargets(int self, int clusterSize, RandomGenerator rng);

  /** The nodes {@code self} asks for their load before a decision (empty: rely on pushed data). */
  int[] probeTargets(int self, int clusterSize, RandomGenerator rng);

  /** Upper bound on the messages one node sends per period, pushes and probes of one decision. */
  long messagesPerPeriod(int clusterSize);

  /** Periodic broadcast to every other node: O(n) messages per node per period. */
  static DisseminationPolicy broadcast(double period) {
    return new Dissemination(period, Integer.MAX_VALUE, 0);
  }

  /** Gossip: every period, push to {@code k} random peers; O(k) per node per period. */
  static DisseminationPolicy gossip(double period, int k) {
    return new Dissemination(period, k, 0);
  }

  /** On-demand probing of {@code d} random nodes per decision; no periodic traffic. */
  static DisseminationPolicy probing(int d) {
    return new Dissemination(Double.POSITIVE_INFINITY, 0, d);
  }
}
