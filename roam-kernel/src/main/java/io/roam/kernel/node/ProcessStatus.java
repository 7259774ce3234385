package io.roam.kernel.node;

/**
 * Lifecycle of a process on a node: {@code STARTING → RUNNING ⇄ SUSPENDED → MIGRATING →
 * EXITED | FAILED}. RUNNING covers runnable, on a worker and waiting (sleeping); SUSPENDED means
 * captured and held (its frames are in its continuation, nothing runs); MIGRATING is a suspended
 * process whose state is being shipped. EXITED and FAILED are final.
 */
public enum ProcessStatus {
  STARTING,
  RUNNING,
  SUSPENDED,
  MIGRATING,
  EXITED,
  FAILED;

  /** True for the final states. */
  public boolean isFinal() {
    return this == EXITED || this == FAILED;
  }
}
