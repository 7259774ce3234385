package io.roam.instrument.runtime;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The virtual system calls of one process: what instrumented code reaches instead of the JVM's
 * own {@code System}, {@code Thread} and {@code Runtime}. The kernel implements it once per
 * process; the per-process context class ({@link ContextClass}) holds that instance and offers
 * a static forwarder for every method here, with the same name and descriptor, which is what
 * rewritten call sites invoke (keep in sync with {@code SystemCallRedirector}).
 *
 * <p>Methods marked <em>resumable</em> may be the innermost frame of a capture: while the
 * process is rewinding ({@link ContextClass#MODE_REWINDING}) they are re-invoked with dummy
 * arguments and must continue from the state they left in {@link Continuation#syscallState}.
 */
public interface VirtualSystem {
  /**
   * Called from a safe point when a capture was requested. Returns true when the whole stack may
   * be unwound now, having set the mode to {@link ContextClass#MODE_UNWINDING}; false defers the
   * request to a later safe point.
   */
  boolean safePoint();

  /**
   * As {@link #safePoint}, from the poll at the entry of a method without loops. Such methods are
   * often called back by JDK code (where the stack is never safe) at a high rate, so an
   * implementation may back off here after an unsafe stack, but must not in {@link #safePoint}.
   */
  default boolean safePointAtEntry() {
    return safePoint();
  }

  PrintStream out();

  PrintStream err();

  InputStream in();

  void setOut(PrintStream s);

  void setErr(PrintStream s);

  void setIn(InputStream s);

  /** {@code System.exit}: ends the process with this code. */
  void exit(int code);

  /** {@code Runtime.exit}. */
  void runtimeExit(Runtime runtime, int code);

  /** {@code Runtime.halt}. */
  void runtimeHalt(Runtime runtime, int code);

  /** Wall clock of the process: continues across moves. */
  long currentTimeMillis();

  /** Monotonic clock of the process: never goes backwards across moves. */
  long nanoTime();

  /** Resumable. {@code Thread.sleep(millis)}. */
  void sleep(long millis) throws InterruptedException;

  /** Resumable. {@code Thread.sleep(millis, nanos)}. */
  void sleep(long millis, int nanos) throws InterruptedException;

  /** Resumable. {@code Thread.sleep(duration)} (JDK 19+). */
  void sleep(java.time.Duration duration) throws InterruptedException;

  /** Resumable. {@code unit.sleep(timeout)}. */
  void sleep(java.util.concurrent.TimeUnit unit, long timeout) throws InterruptedException;

  /** {@code Thread.yield}: a safe point that lets other processes run. */
  void yield();

  /** {@code Thread.currentThread}: the virtual thread's stable {@code Thread} object. */
  Thread currentThread();

  /** {@code System.identityHashCode}: stable across moves for process objects. */
  int identityHashCode(Object o);

  /** Next stable identity hash for a process object (see {@link StableIdentity}). */
  int nextIdentityHash();

  /** {@code Math.random}: from a per-process generator that is part of the snapshot. */
  double mathRandom();

  /** The process's file interface: where its file calls go (see {@code FileRedirector}). */
  io.roam.instrument.runtime.files.FileService files();

  // ---- io.roam.api.Roam (same names with prefix "roam", same descriptors; see SystemCallRedirector)

  /** {@code Roam.isUnderRoam}. */
  boolean roamIsUnderRoam();

  /** {@code Roam.self}. */
  io.roam.api.Pid roamSelf();

  /** {@code Roam.send}. */
  void roamSend(io.roam.api.Pid to, Object message);

  /** Resumable. {@code Roam.receive(timeoutMillis)}. */
  io.roam.api.Message roamReceive(long timeoutMillis);

  /** Resumable. {@code Roam.receive()}. */
  io.roam.api.Message roamReceive();

  /** {@code Roam.spawn}. */
  io.roam.api.Pid roamSpawn(String mainClass, String[] args);

  /** Resumable. {@code Roam.fork}. */
  io.roam.api.Pid roamFork();

  /** Resumable. {@code Roam.checkpoint}. */
  boolean roamCheckpoint();

  /** {@code Roam.migrateHint}. */
  void roamMigrateHint(String node);

  // ---------------------------------------------------------------- threads and monitors
  // (docs/design/threads.md; call sites rewritten by MonitorRewriter and ThreadCallRedirector)

  /** Resumable. {@code monitorenter} / entry of a synchronized method: may block. */
  void monitorEnter(Object o);

  /** {@code monitorexit} / exit of a synchronized method. */
  void monitorExit(Object o);

  /** Resumable. {@code o.wait()}. */
  void objectWait(Object o) throws InterruptedException;

  /** Resumable. {@code o.wait(millis)}. */
  void objectWait(Object o, long millis) throws InterruptedException;

  /** Resumable. {@code o.wait(millis, nanos)}. */
  void objectWait(Object o, long millis, int nanos) throws InterruptedException;

  /** Resumable. {@code unit.timedWait(o, timeout)}. */
  void objectWait(java.util.concurrent.TimeUnit unit, Object o, long timeout) throws InterruptedException;

  /** {@code o.notify()}. */
  void objectNotify(Object o);

  /** {@code o.notifyAll()}. */
  void objectNotifyAll(Object o);

  /** {@code Thread.holdsLock(o)}. */
  boolean holdsLock(Object o);

  /** The name of a thread created without one: {@code Thread-N}, numbered per process. */
  String nextThreadName();

  /** {@code t.start()}: a new virtual thread of the process. */
  void threadStart(Thread t);

  /** Resumable. {@code t.join()}. */
  void threadJoin(Thread t) throws InterruptedException;

  /** Resumable. {@code t.join(millis)}. */
  void threadJoin(Thread t, long millis) throws InterruptedException;

  /** Resumable. {@code t.join(millis, nanos)}. */
  void threadJoin(Thread t, long millis, int nanos) throws InterruptedException;

  /** Resumable. {@code t.join(duration)} (JDK 19+): true when {@code t} has ended. */
  boolean threadJoin(Thread t, java.time.Duration duration) throws InterruptedException;

  /** Resumable. {@code unit.timedJoin(t, timeout)}. */
  void threadJoin(java.util.concurrent.TimeUnit unit, Thread t, long timeout) throws InterruptedException;

  boolean threadIsAlive(Thread t);

  Thread.State threadGetState(Thread t);

  void threadInterrupt(Thread t);

  boolean threadIsInterrupted(Thread t);

  /** {@code Thread.interrupted()}: tests and clears the running virtual thread's flag. */
  boolean threadInterrupted();

  void threadSetDaemon(Thread t, boolean on);

  boolean threadIsDaemon(Thread t);

  String threadGetName(Thread t);

  void threadSetName(Thread t, String name);

  /** {@code getId()} and {@code threadId()}: numbered per process, main is 1. */
  long threadGetId(Thread t);

  void threadSetPriority(Thread t, int priority);

  int threadGetPriority(Thread t);
}
