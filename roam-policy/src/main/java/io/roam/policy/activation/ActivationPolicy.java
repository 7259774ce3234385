package io.roam.policy.activation;

import io.roam.policy.load.LoadEvent;

/**
 * When to act: decides a node's {@link Role} from its (smoothed) load index. The caller evaluates
 * it every {@link #period()} seconds and on each event for which {@link #evaluatesOn} is true, passes
 * back the previous role (for hysteresis) and keeps the returned one. Immutable and pure.
 */
public interface ActivationPolicy {
  /** Seconds between periodic evaluations (infinity: event-driven only). */
  double period();

  /** Whether {@code event} (other than the periodic tick) triggers an evaluation. */
  boolean evaluatesOn(LoadEvent event);

  /** The role for a node whose load index is {@code load}, given its {@code previous} role. */
  Role evaluate(double load, Role previous);
}
