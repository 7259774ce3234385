package io.roam.policy.load;

/** What makes a node look at its load: the periodic tick, or a change in its process set. */
public enum LoadEvent {
  /** The periodic timer. */
  TICK,
  /** A process started on the node. */
  START,
  /** A process exited on the node. */
  EXIT,
  /** A process arrived by migration. */
  MIGRATION_IN,
  /** A process left by migration. */
  MIGRATION_OUT
}
