package io.roam.api;

/**
 * What a program may ask of Roam: its own id, mailboxes, new processes, checkpoints and hints to
 * the balancer. Plain programs need none of it.
 *
 * <p>Under Roam, the instrumenter redirects every call of these methods in process code to the
 * process's kernel; the bodies here only run outside Roam (plain {@code java}), where they throw
 * {@link IllegalStateException} saying so — except {@link #isUnderRoam} (false) and {@link
 * #self} ({@link Pid#NONE}).
 *
 * <p>Messages: {@link #send} delivers a copy of the body to the receiver's mailbox: Strings, boxed
 * primitives and null as they are, primitive arrays copied, any other graph (process objects,
 * collections …) deep-copied into the receiver as the snapshot codec copies a heap (an object the
 * codec refuses is refused at send). Per sender, messages arrive in the order sent, none lost,
 * none duplicated, also across freezes, checkpoints and recovery of the node. Queued messages
 * are part of the receiver's snapshot.
 */
public final class Roam {
  private Roam() {}

  private static IllegalStateException outside(String call) {
    return new IllegalStateException("io.roam.api.Roam." + call + " needs the Roam kernel, and this"
        + " program is not running under Roam: start it with 'roam local node --program ...'");
  }

  /** True when the program runs under Roam. */
  public static boolean isUnderRoam() {
    return false;
  }

  /** This process's id; {@link Pid#NONE} when not under Roam. */
  public static Pid self() {
    return Pid.NONE;
  }

  /**
   * Puts a copy of {@code message} into the mailbox of {@code to}; does not wait for it to be
   * received.
   *
   * @throws NoSuchProcessException when {@code to} is not a live process of this node
   * @throws IllegalArgumentException when the message cannot be copied to the receiver (a class it
   *     cannot load, an object no snapshot may hold)
   */
  public static void send(Pid to, Object message) {
    throw outside("send");
  }

  /**
   * Takes the oldest message from this process's mailbox, waiting up to {@code timeoutMillis}
   * (0: do not wait); null when none came in time. A safe point: a process waiting here holds no
   * worker and can be suspended, checkpointed and moved.
   */
  public static Message receive(long timeoutMillis) {
    throw outside("receive");
  }

  /** As {@link #receive(long)}, waiting as long as it takes. */
  public static Message receive() {
    throw outside("receive");
  }

  /** Starts {@code mainClass.main(args)} from this process's code as a new process on this node. */
  public static Pid spawn(String mainClass, String... args) {
    throw outside("spawn");
  }

  /**
   * Copies this process: returns the child's id in the parent and {@link Pid#NONE} in the child,
   * which continues from here with its own copy of the heap, statics and stack, an empty mailbox
   * and its own id. Must be called where the process could be captured (not inside {@code
   * synchronized}, not from a callback of JDK code).
   */
  public static Pid fork() {
    throw outside("fork");
  }

  /**
   * Writes a checkpoint of this node's processes now, if it is a durable node; returns true when
   * it did, false (doing nothing) elsewhere.
   */
  public static boolean checkpoint() {
    throw outside("checkpoint");
  }

  /** Tells the balancer this process would rather run on {@code node} (recorded, not acted on). */
  public static void migrateHint(String node) {
    throw outside("migrateHint");
  }
}
