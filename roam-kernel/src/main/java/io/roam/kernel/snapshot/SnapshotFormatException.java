package io.roam.kernel.snapshot;

/**
 * A snapshot (container or heap section) is corrupt, truncated, hostile, of an unsupported
 * version, or does not fit this JVM (a class or field differs). Thrown before any object of the
 * snapshot is handed out: a snapshot is restored whole or not at all. The message says what is
 * wrong, where (byte offset, section, class, field) and what to do.
 */
public final class SnapshotFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public SnapshotFormatException(String message) {
    super(message);
  }

  public SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
