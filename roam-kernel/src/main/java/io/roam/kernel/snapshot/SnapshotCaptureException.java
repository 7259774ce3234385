package io.roam.kernel.snapshot;

/**
 * The heap of a process holds an object that Roam cannot carry to another JVM (a socket, a
 * thread, a lambda of a hidden class, an instance of a JDK class not on the allowlist). The
 * message names the class and the reference path from the root to the object, e.g. {@code
 * root[3] -> corpus.Foo.list -> java.util.ArrayList.elementData[2] -> java.net.Socket}, so the
 * user can find where the program keeps it.
 */
public final class SnapshotCaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The class refused, by binary name. */
  private final String refusedClass;

  /** The reference path from the root to the refused object. */
  private final String path;

  SnapshotCaptureException(String refusedClass, String path, String reason) {
    super("cannot capture an instance of " + refusedClass + ": " + reason + "; reached by " + path
        + ". Keep such objects out of the process's heap at the time of capture (or make the"
        + " field refer to them only while the process runs).");
    this.refusedClass = refusedClass;
    this.path = path;
  }

  /** The binary name of the refused class. */
  public String refusedClass() {
    return refusedClass;
  }

  /** The path from the root to the refused object, as in the message. */
  public String path() {
    return path;
  }
}
