package io.roam.instrument.runtime;

/** The captured frames do not match the code that reads them: a corrupt or foreign snapshot. */
public final class CaptureStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CaptureStateException(String message) {
    super(message);
  }
}
