package io.roam.policy.activation;

/** Which side starts a load transfer. */
public enum Initiation {
  /** An overloaded node looks for a destination. */
  SENDER,
  /** An idle node asks a loaded one for work. */
  RECEIVER,
  /** Both. */
  SYMMETRIC
}
