package io.roam.api;

/**
 * A message taken from a mailbox by {@link Roam#receive}: who sent it and what. The body is the
 * receiver's own copy (see {@link Roam#send}). Immutable.
 */
public final class Message {
  /** The sending process. */
  private final Pid sender;
  /** The body, as the receiver sees it. */
  private final Object body;

  public Message(Pid sender, Object body) {
    this.sender = sender;
    this.body = body;
  }

  public Pid sender() {
    return sender;
  }

  public Object body() {
    return body;
  }

  @Override
  public String toString() {
    return "Message[from " + sender + ": " + body + "]";
  }
}
