package io.roam.instrument.runtime;

/**
 * Called by the prologue the instrumenter puts in front of every process class's static
 * initializer. The kernel records which classes were initialized (their static fields are part of
 * a snapshot) and, while restoring, skips the initializers of classes whose statics come from the
 * snapshot.
 */
public interface ClinitHook {
  /**
   * A process class is being initialized. Returns true when its initializer must not run
   * (its static state is being restored from a snapshot).
   *
   * @param className binary name of the class
   */
  boolean initializing(String className);
}
