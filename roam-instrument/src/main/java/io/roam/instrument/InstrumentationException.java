package io.roam.instrument;

/** A class of the process could not be rewritten. Names class, method and descriptor. */
public final class InstrumentationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstrumentationException(String className, String method, String desc, String reason, Throwable cause) {
    super("cannot instrument " + className.replace('/', '.') + "." + method + desc + ": " + reason, cause);
  }
}
