package io.roam.kernel.node;

/**
 * Lifecycle of a process on a node: {@code STARTING → RUNNING ⇄ SUSPENDED → MIGRATING → MOVED |
 * EXITED | FAILED}. RUNNING covers runnable, on a worker and waiting (sleeping); SUSPENDED means
 * captured and held (its frames are in its continuation, nothing runs); MIGRATING is a suspended
 * process whose state is being shipped (messages to it are held, not put in its mailbox); it
 * becomes MOVED when the move is committed (it lives on elsewhere, nothing of it here), or
 * SUSPENDED or RUNNING again when the move is given up. MOVED, EXITED and FAILED are final.
 */
public enum ProcessStatus {
  STARTING,
  RUNNING,
  SUSPENDED,
  MIGRATING,
  MOVED,
  EXITED,
  FAILED;

  /** True for the final states. */
  public boolean isFinal() {
    return this == MOVED || this == EXITED || this == FAILED;
  }
}
