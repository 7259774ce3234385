package io.roam.policy.activation;

import io.roam.policy.load.LoadEvent;

/** No migration at all: always {@link Role#NEUTRAL}; the baseline "no load sharing". */
public record NeverActivation() implements ActivationPolicy {
  @Override
  public double period() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public boolean evaluatesOn(LoadEvent event) {
    return false;
  }

  @Override
  public Role evaluate(double load, Role previous) {
    return Role.NEUTRAL;
  }
}
