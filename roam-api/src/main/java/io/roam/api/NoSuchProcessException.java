package io.roam.api;

/**
 * Thrown by {@link Roam#send} when the receiver is not a live process of this node: it never
 * existed, it has ended (its mailbox is gone with it), or it has moved to another node (until the
 * cluster forwards messages to where a process went).
 */
public class NoSuchProcessException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** The process that could not be reached. */
  private final transient Pid pid;

  public NoSuchProcessException(Pid pid, String message) {
    super(message);
    this.pid = pid;
  }

  /** The process that could not be reached. */
  public Pid pid() {
    return pid;
  }
}
