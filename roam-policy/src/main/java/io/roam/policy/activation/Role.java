package io.roam.policy.activation;

/** What an activation policy tells a node to do about its load. */
public enum Role {
  /** Nothing: the load is within bounds (or inside a hysteresis band). */
  NEUTRAL,
  /** The node is overloaded: find a destination and send a process away. */
  SENDER,
  /** The node is underloaded: ask a loaded node to send it a process. */
  RECEIVER
}
