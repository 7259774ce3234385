package io.roam.instrument.runtime;

/** Static helpers called from the cold paths of instrumented code. */
public final class Rewind {
  private Rewind() {}

  /** A captured frame names a site its method does not have. */
  public static RuntimeException badSite(Frame f) {
    return new CaptureStateException("captured frame " + f + " names a resume site that does not exist");
  }

  /** The innermost frame has been restored: the continuation is running again. */
  public static void finish(Continuation c) {
    if (c.rewinding()) {
      throw new CaptureStateException("rewind ended with " + c.frames().size() + " frames, not all restored");
    }
    c.clear();
  }
}
