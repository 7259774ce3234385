package io.roam.kernel;

/**
 * A failure of Roam itself (not of the program it runs) that the user can act on. The message is
 * one line: what went wrong, where, and what to do.
 */
public class RoamException extends Exception {
  private static final long serialVersionUID = 1L;

  public RoamException(String message) {
    super(message);
  }

  public RoamException(String message, Throwable cause) {
    super(message, cause);
  }
}
