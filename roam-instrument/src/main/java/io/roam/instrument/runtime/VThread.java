package io.roam.instrument.runtime;

/**
 * What process code gets for {@code new Thread(…)} and as the superclass of its own {@code
 * Thread} subclasses (the instrumenter substitutes it, as it does {@link VThreadLocal}). A
 * process thread is never started as a JVM thread: {@code start}, {@code join} and the other
 * thread calls of process code go to the kernel, which runs the thread as another continuation
 * of the process (see docs/design/threads.md). This class only keeps what the kernel and the
 * snapshot need in fields of its own — the target, name, daemon flag and priority — because the
 * JDK's internal fields of {@code Thread} differ between JDK versions and cannot move.
 *
 * <p>Constructors without a name are given one by the instrumenter ({@code Ctx.nextThreadName},
 * numbered per process), so names are {@code Thread-0}, {@code Thread-1} … as under plain
 * {@code java}, and stay so across moves.
 */
public class VThread extends Thread {
  /** The runnable given to the constructor, or null. */
  private Runnable vTarget;
  /** The thread's name as process code set it. */
  private String vName;
  /** Whether the thread is a daemon. */
  private boolean vDaemon;
  /** The thread's priority. */
  private int vPriority = NORM_PRIORITY;

  public VThread(String name) {
    this(null, null, name);
  }

  public VThread(Runnable target, String name) {
    this(null, target, name);
  }

  public VThread(ThreadGroup group, String name) {
    this(group, null, name);
  }

  public VThread(ThreadGroup group, Runnable target, String name) {
    this(group, target, name, 0);
  }

  public VThread(ThreadGroup group, Runnable target, String name, long stackSize) {
    super(group, null, name, stackSize);
    this.vTarget = target;
    this.vName = name;
  }

  public VThread(ThreadGroup group, Runnable target, String name, long stackSize, boolean inherit) {
    this(group, target, name, stackSize);
  }

  /** Runs the target, as {@code Thread.run} does. */
  @Override
  public void run() {
    if (vTarget != null) {
      vTarget.run();
    }
  }

  /** The runnable given to the constructor, or null. */
  public Runnable target() {
    return vTarget;
  }

  /** The name as process code sees it. */
  public String vName() {
    return vName;
  }

  /** Sets the name (and the JDK's own copy, which {@code toString} reads). */
  public void vName(String name) {
    this.vName = name;
    super.setName(name);
  }

  public boolean vDaemon() {
    return vDaemon;
  }

  public void vDaemon(boolean on) {
    this.vDaemon = on;
  }

  public int vPriority() {
    return vPriority;
  }

  public void vPriority(int p) {
    this.vPriority = p;
  }

  /**
   * After a restore, where this object was created without running its constructors except
   * {@code Thread()}: copies the fields of this class back into the JDK's own.
   */
  public void restored() {
    super.setName(vName);
  }
}
