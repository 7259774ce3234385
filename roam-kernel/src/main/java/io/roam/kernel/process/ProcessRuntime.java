package io.roam.kernel.process;

import io.roam.instrument.runtime.ClinitHook;
import io.roam.instrument.runtime.ContextClass;
import io.roam.instrument.runtime.Continuation;
import io.roam.instrument.runtime.Rewind;
import io.roam.instrument.runtime.StableIdentity;
import io.roam.instrument.runtime.VirtualSystem;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The kernel side of one process: implements its virtual system calls and initializer hook,
 * owns its console, clocks and identity-hash generator, and turns a capture request into an
 * unwind at the next safe point whose whole stack can be unwound.
 *
 * <p>Threading: process code runs on one carrier thread at a time; {@link #requestCapture} and
 * {@link #requestPreempt} may be called from any thread. Everything else is called from the
 * carrier.
 *
 * <p>Scheduling: an unwind happens for one of the {@link Unwind} reasons. A capture request
 * stops the process for a snapshot; a preemption request (the node scheduler's time slice ran
 * out) stops it to give its worker to another process. When {@link #scheduled} is set, {@code
 * Thread.sleep} and {@code Thread.yield} unwind too, so that a sleeping process holds no worker:
 * {@link #wakeAtNanos} tells the scheduler when to run it again.
 */
public final class ProcessRuntime implements VirtualSystem, ClinitHook {
  /** What the kernel does when the process ends by itself. */
  public interface ExitHandler {
    void exit(int code);
  }

  private final ProcessClassLoader loader;
  private final Field requestedField;
  private final Field modeField;
  private final Field contField;
  final VirtualConsole console;
  final ProcessState state;
  private final SafePointCheck check;
  /** The continuation of the virtual thread that runs now (see {@link ProcessThreads}). */
  private Continuation main;
  /** The process's virtual threads and monitors, made on first use. */
  private ProcessThreads threads;
  /**
   * Depth of threads run nested on top of a thread that blocked where its stack could not be
   * unwound ({@link ProcessThreads}): while above 0, only thread switches unwind; captures and
   * preemptions wait.
   */
  int nested;
  /** The process's files (see docs/design/files.md); its hook records them in a capture. */
  private final io.roam.kernel.files.LocalFileService files;
  private final Object sleepLock = new Object();
  /** Why the last unwind happened. */
  public enum Unwind {
    /** A capture was requested ({@link #requestCapture}). */
    CAPTURE,
    /** The scheduler wants the worker back ({@link #requestPreempt}) or the process yielded. */
    PREEMPT,
    /** The process sleeps until {@link #wakeAtNanos}. */
    SLEEP,
    /**
     * The process waits for an event ({@link #wake}) — a message, a monitor, a thread's end — or
     * until {@link #wakeAtNanos} if that is not {@link Long#MAX_VALUE}. See {@link #blockUnwind}.
     */
    BLOCK,
    /**
     * One virtual thread of the process gives way to another (it blocked, or its quantum ran
     * out): handled by {@link ProcessThreads}, never seen by a scheduler.
     */
    SWITCH
  }

  /** Set by {@link #wake}, cleared by the scheduler when it parks the process. */
  private final java.util.concurrent.atomic.AtomicBoolean wakeup = new java.util.concurrent.atomic.AtomicBoolean();
  /** Calls of {@link #wake}, counted under {@code sleepLock} (see {@link ProcessThreads#waitExternal}). */
  private volatile long wakes;
  /** The threads to tell of a {@link #wake}, once one of them waited on an external condition. */
  private volatile ProcessThreads wakeWatcher;
  /** Told (on the waking thread) when {@link #wake} is called; set by the node scheduler. */
  private volatile Runnable wakeListener;
  private volatile boolean captureWanted;
  private volatile boolean preemptWanted;
  /** The running virtual thread's quantum is over and another thread of the process may run. */
  private volatile boolean switchWanted;
  private volatile Unwind lastUnwind;
  private volatile boolean scheduled;
  private long wakeAtNanos;
  private volatile long captureRequestedAt;
  private volatile long timeToSafePointNanos = -1;
  /**
   * Backoff of method-entry polls after an unsafe stack: a method called back by JDK code (a
   * lambda inside a stream, a comparator inside a sort) polls at entry on every call and is never
   * safe; only its entry polls back off, so loop polls (rate-limited by their own counters, and
   * where the outer, safe levels of a program poll) are always checked.
   */
  private long entryNextCheck;

  private long entryBackoff;
  private ExitHandler exitHandler = code -> {
    throw new IllegalStateException("no exit handler");
  };
  private PrintStream outOverride;
  private PrintStream errOverride;
  private InputStream inOverride;
  /** The kernel service behind {@code io.roam.api.Roam}, or null outside a node. */
  private volatile ProcessApi api;
  /** Names of classes whose initializer must not run: their statics come from a snapshot. */
  private volatile Set<String> restoring = Set.of();

  public ProcessRuntime(ProcessClassLoader loader, ProcessState state, VirtualConsole console) {
    this.loader = loader;
    this.state = state;
    this.console = console;
    this.check = new SafePointCheck(loader);
    this.main = state.mainContinuation;
    this.files = io.roam.kernel.files.LocalFileService.forNewProcess();
    state.addHook(files);
    state.addHook(s -> {
      if (threads != null) {
        flushFastMonitors(); // monitors held on the fast stack become table entries, captured
      }
    });
    Class<?> ctx = loader.contextClass();
    try {
      requestedField = ctx.getField("requested");
      modeField = ctx.getField("mode");
      contField = ctx.getField("cont");
      ctx.getField("sys").set(null, this);
      ctx.getField("hook").set(null, this);
      contField.set(null, main);
      fastMonitorsField = ctx.getField("fastMonitors");
      heldField = ctx.getField("held");
      heldTopField = ctx.getField("heldTop");
      heldField.set(null, new Object[64]);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("context class of the process is malformed", e);
    }
  }

  /** The context class's static fields a runtime reads and writes (see the constructor). */
  private static final String[] CONTEXT_FIELDS =
      {"requested", "mode", "cont", "sys", "hook", "fastMonitors", "held", "heldTop"};

  /**
   * Readies the reflective access to the context class of {@code loader} that a runtime made over
   * it will use — each field's accessor, which the JVM otherwise builds on the first access of
   * that runtime — by writing back each field's current value (the defaults: nothing of a process
   * runs yet). For a {@link SpareLoaders spare}, so that a restore does not pay for it.
   */
  static void prepareContext(ProcessClassLoader loader) throws ReflectiveOperationException {
    Class<?> ctx = loader.contextClass();
    for (String name : CONTEXT_FIELDS) {
      Field f = ctx.getField(name);
      f.set(null, f.get(null));
    }
  }

  public void onExit(ExitHandler h) {
    this.exitHandler = h;
  }

  public ProcessClassLoader loader() {
    return loader;
  }

  public VirtualConsole console() {
    return console;
  }

  public ProcessState state() {
    return state;
  }

  // ------------------------------------------------------------------ capture control

  /** Asks the process to stop at its next safe point (callable from any thread). */
  public void requestCapture() {
    captureRequestedAt = System.nanoTime();
    captureWanted = true;
    setRequested(true);
    synchronized (sleepLock) {
      sleepLock.notifyAll();
    }
  }

  /**
   * Asks the process to give up its worker at its next safe point (callable from any thread);
   * ignored once the process is off its worker. Cleared by {@link #startSlice}.
   */
  public void requestPreempt() {
    preemptWanted = true;
    setRequested(true);
  }

  /** Withdraws a capture request that an unwind for another reason made unnecessary. */
  public void cancelCapture() {
    captureWanted = false;
    clearRequested();
  }

  /** Called by the scheduler before the process runs on a worker: a fresh time slice. */
  public void startSlice() {
    preemptWanted = false;
    clearRequested();
  }

  /** Makes sleep and yield unwind (the process then holds no worker while it waits). */
  public void setScheduled(boolean scheduled) {
    this.scheduled = scheduled;
  }

  // ------------------------------------------------------------------ blocking calls

  /*
   * The pattern of a blocking virtual system call (receive, join, monitor enter, wait …):
   *
   *   Object saved = finishBlockedRewind();      // non-null when re-entered after a block
   *   while (!ready()) {
   *     if (blockUnwind(myState, deadline)) return <dummy>;   // the process unwinds
   *     awaitWake(deadline);                     // nobody schedules us: wait on this carrier
   *   }
   *
   * Subsystems call wake() (from any thread) when what a process waits for may have happened;
   * wake-ups may be spurious, so the call re-checks its condition when it runs again.
   *
   * With other virtual threads alive, blockUnwind makes the calling thread alone wait (an
   * external wait, ProcessThreads.waitExternal) and returns true: the pattern is the same.
   */

  /**
   * If the process may leave its worker now (it runs under a scheduler, or a capture is
   * wanted) and its stack is safe: saves {@code syscallState} in the running continuation,
   * starts an unwind for {@link Unwind#BLOCK} (or CAPTURE) and returns true — the caller must
   * return at once; it is called again in REWINDING mode when the process next runs. Returns
   * false when the caller must wait where it is ({@link #awaitWake}). When other virtual threads
   * of the process live, only the calling thread waits ({@link ProcessThreads#waitExternal}): it
   * unwinds and the others run (true as well).
   *
   * @param wakeAt {@link System#nanoTime} at which to run the process again even without a
   *     wake-up, or {@link Long#MAX_VALUE}
   */
  public boolean blockUnwind(Object syscallState, long wakeAt) {
    ProcessThreads t = threads;
    if (t != null && nested == 0 && t.waitExternal(syscallState, wakeAt)) {
      return true; // other threads live: this one alone waits (docs/design/threads.md)
    }
    if (!(captureWanted || scheduled) || nested > 0 || !check.stackIsSafe()) {
      return false;
    }
    main.syscallState = syscallState;
    wakeAtNanos = wakeAt;
    beginUnwind(System.nanoTime(), captureWanted ? Unwind.CAPTURE : Unwind.BLOCK);
    return true;
  }

  /**
   * In REWINDING mode (a blocking call re-entered after its process unwound there): ends the
   * rewind and returns the state saved by {@link #blockUnwind}; otherwise null.
   */
  public Object finishBlockedRewind() {
    if (mode() != ContextClass.MODE_REWINDING) {
      return null;
    }
    Object saved = main.syscallState;
    main.syscallState = null;
    finishRewind();
    return saved;
  }

  /**
   * Waits on this carrier until {@link #wake}, a capture request, or {@code deadline}
   * ({@link System#nanoTime}; {@link Long#MAX_VALUE} for none). Returns at once if a wake-up
   * came since the last call.
   */
  public void awaitWake(long deadline) {
    awaitWake(deadline, true);
  }

  /** {@link #awaitWake}; a capture request ends the wait only if {@code forCapture}. */
  void awaitWake(long deadline, boolean forCapture) {
    synchronized (sleepLock) {
      while (!wakeup.getAndSet(false) && !(forCapture && captureWanted)) {
        long left = deadline == Long.MAX_VALUE ? 0 : deadline - System.nanoTime();
        if (deadline != Long.MAX_VALUE && left <= 0) {
          return;
        }
        try {
          sleepLock.wait(left / 1_000_000L, (int) (left % 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Something a blocked process may wait for has happened (callable from any thread). */
  public void wake() {
    wakeup.set(true);
    synchronized (sleepLock) {
      wakes++;
      sleepLock.notifyAll();
    }
    ProcessThreads w = wakeWatcher;
    if (w != null) {
      w.wakeExternal();
    }
    Runnable l = wakeListener;
    if (l != null) {
      l.run();
    }
  }

  /** How many times {@link #wake} was called (any thread): never consumed, unlike the wake-up flag. */
  long wakeCount() {
    return wakes;
  }

  /** {@code t} has (or had) a thread waiting on an external condition: {@link #wake} tells it. */
  void watchWakes(ProcessThreads t) {
    if (wakeWatcher != t) {
      wakeWatcher = t;
    }
  }

  /** Consumes a pending wake-up: true if {@link #wake} was called since the last call. */
  public boolean takeWakeup() {
    return wakeup.getAndSet(false);
  }

  /**
   * The continuation of the virtual thread stopped in a blocking call that saved {@code
   * syscallState} (the main thread's looked at first), or null. For a stopped process only.
   */
  public Continuation continuationBlockedIn(Object syscallState) {
    if (syscallState.equals(state.mainContinuation.syscallState)) {
      return state.mainContinuation;
    }
    return threads == null ? null : threads.continuationBlockedIn(syscallState);
  }

  /**
   * The blocking call of a stopped process that saved its state in {@code c} has its answer
   * there: if its thread waits alone ({@link ProcessThreads#waitExternal}) it runs again when the
   * process does. (A process stopped as a whole re-enters the call when it runs anyway.)
   */
  public void answered(Continuation c) {
    if (threads != null) {
      threads.answered(c);
    }
  }

  /** The node scheduler's hook for {@link #wake}. */
  public void setWakeListener(Runnable l) {
    this.wakeListener = l;
  }

  /** Why the last unwind happened, or null before the first. */
  public Unwind lastUnwind() {
    return lastUnwind;
  }

  /** After an unwind for {@link Unwind#SLEEP}: the {@link System#nanoTime} at which to wake. */
  public long wakeAtNanos() {
    return wakeAtNanos;
  }

  /** Nanoseconds from the last capture request to the safe point that honoured it, or -1. */
  public long timeToSafePointNanos() {
    return timeToSafePointNanos;
  }

  /** Current mode of the process's context ({@link ContextClass#MODE_RUNNING} …). */
  public int mode() {
    try {
      return modeField.getInt(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the mode of the process's context. */
  public void setMode(int mode) {
    try {
      modeField.setInt(null, mode);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Lowers the polled flag unless a request is pending. A request made by another thread
   * between a check of the flags and the write of false would otherwise be lost (its flag set,
   * the polled one cleared, nothing left to poll): the flags are read again after the write.
   */
  private void clearRequested() {
    setRequested(false);
    if (captureWanted || preemptWanted || switchWanted) {
      setRequested(true);
    }
  }

  private void setRequested(boolean v) {
    try {
      requestedField.setBoolean(null, v);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean safePoint() {
    if (!captureWanted && !preemptWanted && !switchWanted) {
      clearRequested();
      return false;
    }
    if (nested > 0 && !switchWanted) {
      return false;
    }
    long now = System.nanoTime();
    if (!check.stackIsSafe()) {
      return false;
    }
    beginUnwind(now);
    return true;
  }

  @Override
  public boolean safePointAtEntry() {
    if (!captureWanted && !preemptWanted && !switchWanted) {
      clearRequested();
      return false;
    }
    if (nested > 0 && !switchWanted) {
      return false;
    }
    long now = System.nanoTime();
    if (now < entryNextCheck) {
      return false;
    }
    if (!check.stackIsSafe()) {
      entryBackoff = Math.min(Math.max(entryBackoff * 2, 10_000), 1_000_000);
      entryNextCheck = now + entryBackoff;
      return false;
    }
    beginUnwind(now);
    return true;
  }

  private void beginUnwind(long now) {
    beginUnwind(now, nested > 0 ? Unwind.SWITCH
        : captureWanted ? Unwind.CAPTURE : preemptWanted ? Unwind.PREEMPT : Unwind.SWITCH);
  }

  private void beginUnwind(long now, Unwind why) {
    entryBackoff = 0;
    entryNextCheck = 0;
    if (why == Unwind.CAPTURE || (captureWanted && why != Unwind.SWITCH)) {
      why = Unwind.CAPTURE;
      timeToSafePointNanos = now - captureRequestedAt;
    }
    switchWanted = false;
    if (why == Unwind.SWITCH) {
      setRequested(preemptWanted);
    } else {
      captureWanted = false;
      preemptWanted = false;
      setRequested(false);
    }
    lastUnwind = why;
    setMode(ContextClass.MODE_UNWINDING);
  }

  /** Ends a rewind whose innermost frame is a virtual system call. */
  private void finishRewind() {
    Rewind.finish(main);
    setMode(ContextClass.MODE_RUNNING);
  }

  // ------------------------------------------------------------------ virtual threads

  /** The process's virtual threads and monitors (attached to {@link ProcessState#resources()}). */
  public ProcessThreads threads() {
    if (threads == null) {
      threads = new ProcessThreads(this);
    }
    flushFastMonitors();
    return threads;
  }

  private final Field fastMonitorsField;
  private final Field heldField;
  private final Field heldTopField;

  /**
   * Turns the context class's fast monitors on or off ({@code ContextClass}: with one live
   * virtual thread, enter and exit only push and pop the held stack). Off moves the held stack
   * into the monitor table first.
   */
  void setFastMonitors(boolean on) {
    flushFastMonitors();
    try {
      fastMonitorsField.setBoolean(null, on);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Moves the monitors on the context class's held stack (entered by the running thread while it
   * was the only one) into the monitor table, owned by that thread, innermost last; before any
   * call that reads the table and before a capture.
   */
  private void flushFastMonitors() {
    try {
      int top = heldTopField.getInt(null);
      if (top == 0) {
        return;
      }
      Object[] held = (Object[]) heldField.get(null);
      heldTopField.setInt(null, 0);
      for (int i = 0; i < top; i++) {
        threads.adoptHeld(held[i]);
        held[i] = null;
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes {@code c} the running virtual thread's continuation (context class and carrier). */
  void bindThread(Continuation c) {
    main = c;
    Continuation.bind(c);
    try {
      contField.set(null, c);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when the process has more than one live virtual thread (carrier only). */
  public boolean hasOtherThreads() {
    ProcessThreads t = threads;
    return t != null && t.liveThreads() > 1;
  }

  /** Asks the running virtual thread to give way to another at its next safe point. */
  void requestSwitch() {
    switchWanted = true;
    setRequested(true);
  }

  boolean isScheduled() {
    return scheduled;
  }

  boolean captureIsWanted() {
    return captureWanted;
  }

  /**
   * Unwinds the running virtual thread so that another one can run ({@link Unwind#SWITCH}, or
   * {@link Unwind#CAPTURE} when a capture is wanted), keeping {@code syscallState} for its
   * blocking call; false, doing nothing, when its stack cannot be unwound now.
   */
  boolean switchUnwind(Object syscallState) {
    if (!check.stackIsSafe()) {
      return false;
    }
    main.syscallState = syscallState;
    beginUnwind(System.nanoTime(), captureWanted && nested == 0 ? Unwind.CAPTURE : Unwind.SWITCH);
    return true;
  }

  /**
   * Every virtual thread is unwound and none can run: records why the process stops ({@link
   * Unwind#CAPTURE} if wanted, else {@link Unwind#SLEEP} until {@code wakeAt}, or {@link
   * Unwind#BLOCK} when {@code wakeAt} is {@link Long#MAX_VALUE}), as if it had unwound.
   */
  void stopIdle(long wakeAt) {
    stopIdle(wakeAt, false);
  }

  /**
   * {@link #stopIdle(long)}; with {@code wakeable} (a thread waits on an external condition) the
   * process stops for {@link Unwind#BLOCK} even with a deadline, so that a {@link #wake} reaches
   * it through the scheduler before then.
   */
  void stopIdle(long wakeAt, boolean wakeable) {
    long now = System.nanoTime();
    Unwind why = captureWanted ? Unwind.CAPTURE
        : wakeAt == Long.MAX_VALUE || wakeable ? Unwind.BLOCK : Unwind.SLEEP;
    if (why == Unwind.CAPTURE) {
      timeToSafePointNanos = now - captureRequestedAt;
    }
    wakeAtNanos = wakeAt;
    captureWanted = false;
    preemptWanted = false;
    switchWanted = false;
    setRequested(false);
    lastUnwind = why;
  }

  // ------------------------------------------------------------------ initializers

  /** Marks the classes whose initializers must be skipped while a snapshot is restored. */
  public void restoring(Set<String> classes) {
    this.restoring = classes;
  }

  @Override
  public boolean initializing(String className) {
    if (restoring.contains(className)) {
      return true;
    }
    synchronized (state.initialized) {
      state.initialized.add(className);
    }
    return false;
  }

  // ------------------------------------------------------------------ console

  @Override
  public PrintStream out() {
    return outOverride != null ? outOverride : console.out();
  }

  @Override
  public PrintStream err() {
    return errOverride != null ? errOverride : console.err();
  }

  @Override
  public InputStream in() {
    return inOverride != null ? inOverride : console.in();
  }

  @Override
  public void setOut(PrintStream s) {
    outOverride = s;
  }

  @Override
  public void setErr(PrintStream s) {
    errOverride = s;
  }

  @Override
  public void setIn(InputStream s) {
    inOverride = s;
  }

  // ------------------------------------------------------------------ exit

  @Override
  public void exit(int code) {
    console.flush();
    exitHandler.exit(code);
  }

  @Override
  public void runtimeExit(Runtime runtime, int code) {
    exit(code);
  }

  @Override
  public void runtimeHalt(Runtime runtime, int code) {
    exit(code);
  }

  // ------------------------------------------------------------------ time

  @Override
  public long currentTimeMillis() {
    return state.clock.currentTimeMillis();
  }

  @Override
  public long nanoTime() {
    return state.clock.nanoTime();
  }

  @Override
  public void sleep(long millis) throws InterruptedException {
    sleep(millis, 0);
  }

  @Override
  public void sleep(long millis, int nanos) throws InterruptedException {
    long deadline;
    if (mode() == ContextClass.MODE_REWINDING) {
      deadline = (Long) main.syscallState;
      main.syscallState = null;
      finishRewind();
      threads().afterSleep();
    } else {
      threads().beforeSleep();
      if (millis < 0) {
        throw new IllegalArgumentException("timeout value is negative");
      }
      if (nanos < 0 || nanos > 999_999) {
        throw new IllegalArgumentException("nanosecond timeout value out of range");
      }
      deadline = nanoTime() + millis * 1_000_000L + nanos;
    }
    synchronized (sleepLock) {
      for (long left; (left = deadline - nanoTime()) > 0; ) {
        if (threads().sleepSwitch(deadline)) {
          return;
        }
        if ((captureWanted || scheduled) && nested == 0 && check.stackIsSafe()) {
          main.syscallState = deadline;
          wakeAtNanos = System.nanoTime() + left;
          beginUnwind(System.nanoTime(), captureWanted ? Unwind.CAPTURE : Unwind.SLEEP);
          return;
        }
        sleepLock.wait(left / 1_000_000L, (int) (left % 1_000_000L));
      }
    }
  }

  @Override
  public void sleep(java.time.Duration duration) throws InterruptedException {
    if (mode() == ContextClass.MODE_REWINDING) {
      sleep(0L, 0); // ends the rewind of the sleep that unwound
      return;
    }
    long nanos = java.util.concurrent.TimeUnit.NANOSECONDS.convert(duration); // saturates
    if (nanos >= 0) { // as the JDK: a negative duration does not sleep
      sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
  }

  @Override
  public void sleep(java.util.concurrent.TimeUnit unit, long timeout) throws InterruptedException {
    if (mode() == ContextClass.MODE_REWINDING) {
      sleep(0L, 0);
    } else if (timeout > 0) { // as TimeUnit.sleep
      long[] t = millisAndNanos(unit, timeout);
      sleep(t[0], (int) t[1]);
    }
  }

  /** {@code timeout} of {@code unit} as Java's (millis, nanos) pair, saturated like TimeUnit. */
  private static long[] millisAndNanos(java.util.concurrent.TimeUnit unit, long timeout) {
    long nanos = unit.toNanos(timeout);
    return nanos == Long.MAX_VALUE ? new long[] {unit.toMillis(timeout), 0}
        : new long[] {nanos / 1_000_000L, nanos % 1_000_000L};
  }

  @Override
  public void yield() {
    if (mode() == ContextClass.MODE_REWINDING) {
      finishRewind();
      return;
    }
    if (threads().yieldSwitch()) {
      return;
    }
    if ((captureWanted || scheduled) && nested == 0 && check.stackIsSafe()) {
      beginUnwind(System.nanoTime());
      return;
    }
    Thread.yield();
  }

  // ------------------------------------------------------------------ identity

  @Override
  public Thread currentThread() {
    return threads().currentThread();
  }

  @Override
  public int identityHashCode(Object o) {
    if (o == null) {
      return 0;
    }
    return o instanceof StableIdentity s ? s.$roam$identityHash() : System.identityHashCode(o);
  }

  @Override
  public int nextIdentityHash() {
    return state.nextIdentityHash();
  }

  @Override
  public double mathRandom() {
    if (state.mathRandom == null) {
      state.mathRandom = new Random();
    }
    return state.mathRandom.nextDouble();
  }

  @Override
  public io.roam.kernel.files.LocalFileService files() {
    return files;
  }

  /**
   * Lets go of the process's heap: the process has left this JVM for good (it ended, or its
   * snapshot went to another node) and nothing of it runs here again. Its objects are reachable
   * from its classes' static fields, its threads' continuations and its kernel resources; the
   * classes stay reachable through the class loader until a collector unloads it, which G1 does
   * only at the end of a concurrent cycle — so without this, a process that moved away kept its
   * whole heap alive, and young collections kept copying it, for an unbounded time. Clears
   * reference statics (primitive ones hold nothing), frames, thread locals, the blocking-call
   * state and the resources (threads, monitors); console, files and accounting stay readable.
   * Best effort and idempotent: a static the JVM will not let go of (a final one the rewriter
   * kept) stays.
   */
  public void release() {
    for (String name : initializedClasses()) {
      Class<?> c;
      try {
        c = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      for (Field f : c.getDeclaredFields()) {
        if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
          try {
            f.setAccessible(true);
            f.set(null, null);
          } catch (ReflectiveOperationException | RuntimeException e) {
            // kept: see above
          }
        }
      }
    }
    Continuation main = state.mainContinuation;
    main.clear();
    main.threadLocals().clear();
    main.syscallState = null;
    state.resources().clear();
  }

  /** Snapshot of the class names initialized so far, in order. */
  public List<String> initializedClasses() {
    synchronized (state.initialized) {
      return new ArrayList<>(state.initialized);
    }
  }

  // ------------------------------------------------------------------ io.roam.api.Roam

  /** Installs the kernel service behind {@code io.roam.api.Roam} (see {@link ProcessApi}). */
  public void setApi(ProcessApi api) {
    this.api = api;
  }

  /** The installed {@link ProcessApi}, or null. */
  public ProcessApi api() {
    return api;
  }

  private ProcessApi api(String call) {
    ProcessApi a = api;
    if (a == null) {
      throw new IllegalStateException("io.roam.api.Roam." + call + " needs a Roam node, and this"
          + " process runs alone ('roam local run'); run it with 'roam local node --program ...'");
    }
    return a;
  }

  /**
   * True when a blocking call may unwind here now: the stack is capturable (not inside {@code
   * synchronized}, not called back from JDK code).
   */
  public boolean canUnwindHere() {
    return check.stackIsSafe();
  }

  @Override
  public boolean roamIsUnderRoam() {
    return true;
  }

  @Override
  public io.roam.api.Pid roamSelf() {
    ProcessApi a = api;
    return a == null ? io.roam.api.Pid.of("local", 1) : a.self();
  }

  @Override
  public void roamSend(io.roam.api.Pid to, Object message) {
    try {
      api("send").send(to, message);
    } catch (RuntimeException e) {
      throw asFromRoam(e, "send");
    }
  }

  @Override
  public io.roam.api.Message roamReceive(long timeoutMillis) {
    try {
      return api("receive").receive(timeoutMillis);
    } catch (RuntimeException e) {
      throw asFromRoam(e, "receive");
    }
  }

  @Override
  public io.roam.api.Message roamReceive() {
    try {
      return api("receive").receive(-1);
    } catch (RuntimeException e) {
      throw asFromRoam(e, "receive");
    }
  }

  @Override
  public io.roam.api.Pid roamSpawn(String mainClass, String[] args) {
    try {
      return api("spawn").spawn(mainClass, args);
    } catch (RuntimeException e) {
      throw asFromRoam(e, "spawn");
    }
  }

  @Override
  public io.roam.api.Pid roamFork() {
    try {
      return api("fork").fork();
    } catch (RuntimeException e) {
      throw asFromRoam(e, "fork");
    }
  }

  /**
   * An error of a {@code Roam} call as the program would see it without the kernel in between:
   * the kernel's frames and the context class's forwarder become one {@code io.roam.api.Roam}
   * frame.
   */
  private static RuntimeException asFromRoam(RuntimeException e, String call) {
    StackTraceElement[] st = e.getStackTrace();
    for (int i = 0; i < st.length; i++) {
      if (st[i].getClassName().equals(ContextClass.NAME)) {
        StackTraceElement[] out = new StackTraceElement[st.length - i];
        out[0] = new StackTraceElement("io.roam.api.Roam", call, "Roam.java", -1);
        System.arraycopy(st, i + 1, out, 1, st.length - i - 1);
        e.setStackTrace(out);
        break;
      }
    }
    return e;
  }

  @Override
  public boolean roamCheckpoint() {
    ProcessApi a = api;
    return a != null && a.checkpoint();
  }

  @Override
  public void roamMigrateHint(String node) {
    ProcessApi a = api;
    if (a != null) {
      a.migrateHint(node);
    }
  }

  // ------------------------------------------------------------------ threads and monitors
  // (the calls of VirtualSystem's section of the same name; logic in ProcessThreads)

  @Override
  public void monitorEnter(Object o) {
    threads().monitorEnter(o);
  }

  @Override
  public void monitorExit(Object o) {
    threads().monitorExit(o);
  }

  @Override
  public void objectWait(Object o) throws InterruptedException {
    threads().objectWait(o, -1);
  }

  @Override
  public void objectWait(Object o, long millis) throws InterruptedException {
    objectWait(o, millis, 0);
  }

  @Override
  public void objectWait(Object o, long millis, int nanos) throws InterruptedException {
    if (mode() != ContextClass.MODE_REWINDING) {
      ProcessThreads.checkTimeout(millis, nanos);
    }
    threads().objectWait(o, millis == 0 && nanos == 0 ? -1 : millis * 1_000_000L + nanos);
  }

  @Override
  public void objectNotify(Object o) {
    threads().notify(o, false);
  }

  @Override
  public void objectNotifyAll(Object o) {
    threads().notify(o, true);
  }

  @Override
  public boolean holdsLock(Object o) {
    return threads().holdsLock(o);
  }

  @Override
  public String nextThreadName() {
    return threads().nextThreadName();
  }

  @Override
  public void threadStart(Thread t) {
    threads().start(t);
  }

  @Override
  public void threadJoin(Thread t) throws InterruptedException {
    threads().join(t, -1);
  }

  @Override
  public void threadJoin(Thread t, long millis) throws InterruptedException {
    threadJoin(t, millis, 0);
  }

  @Override
  public void threadJoin(Thread t, long millis, int nanos) throws InterruptedException {
    if (mode() != ContextClass.MODE_REWINDING) {
      ProcessThreads.checkTimeout(millis, nanos);
    }
    threads().join(t, millis == 0 && nanos == 0 ? -1 : millis * 1_000_000L + nanos);
  }

  @Override
  public boolean threadJoin(Thread t, java.time.Duration duration) throws InterruptedException {
    if (mode() == ContextClass.MODE_REWINDING) {
      Thread joined = threads().join(null, 0); // the thread saved when the join unwound
      return joined == null || !threads().isAlive(joined);
    }
    long nanos = java.util.concurrent.TimeUnit.NANOSECONDS.convert(duration);
    Thread.State state = threads().stateOf(t);
    if (state == Thread.State.NEW) {
      throw new IllegalThreadStateException("Thread not started");
    }
    if (state == Thread.State.TERMINATED) {
      return true;
    }
    if (nanos > 0) {
      threads().join(t, nanos);
    }
    return !threads().isAlive(t);
  }

  @Override
  public void threadJoin(java.util.concurrent.TimeUnit unit, Thread t, long timeout) throws InterruptedException {
    if (mode() == ContextClass.MODE_REWINDING) {
      threadJoin(null, 0L, 0);
    } else if (timeout > 0) { // as TimeUnit.timedJoin
      long[] ms = millisAndNanos(unit, timeout);
      threadJoin(t, ms[0], (int) ms[1]);
    }
  }

  @Override
  public void objectWait(java.util.concurrent.TimeUnit unit, Object o, long timeout) throws InterruptedException {
    if (mode() == ContextClass.MODE_REWINDING) {
      objectWait(null, 0L, 0);
    } else if (timeout > 0) { // as TimeUnit.timedWait
      long[] ms = millisAndNanos(unit, timeout);
      objectWait(o, ms[0], (int) ms[1]);
    }
  }

  @Override
  public boolean threadIsAlive(Thread t) {
    return threads().isAlive(t);
  }

  @Override
  public Thread.State threadGetState(Thread t) {
    return threads().stateOf(t);
  }

  @Override
  public void threadInterrupt(Thread t) {
    threads().interrupt(t);
  }

  @Override
  public boolean threadIsInterrupted(Thread t) {
    return threads().isInterrupted(t, false);
  }

  @Override
  public boolean threadInterrupted() {
    return threads().isInterrupted(currentThread(), true);
  }

  @Override
  public void threadSetDaemon(Thread t, boolean on) {
    threads().setDaemon(t, on);
  }

  @Override
  public boolean threadIsDaemon(Thread t) {
    return t instanceof io.roam.instrument.runtime.VThread v ? v.vDaemon() : t.isDaemon();
  }

  @Override
  public String threadGetName(Thread t) {
    return t instanceof io.roam.instrument.runtime.VThread v ? v.vName() : t.getName();
  }

  @Override
  public void threadSetName(Thread t, String name) {
    if (t instanceof io.roam.instrument.runtime.VThread v) {
      v.vName(java.util.Objects.requireNonNull(name, "name cannot be null"));
    } else {
      t.setName(name);
    }
  }

  @Override
  public long threadGetId(Thread t) {
    return threads().idOf(t);
  }

  @Override
  public void threadSetPriority(Thread t, int priority) {
    if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
      throw new IllegalArgumentException();
    }
    if (t instanceof io.roam.instrument.runtime.VThread v) {
      v.vPriority(priority);
    } else {
      t.setPriority(priority);
    }
  }

  @Override
  public int threadGetPriority(Thread t) {
    return t instanceof io.roam.instrument.runtime.VThread v ? v.vPriority() : t.getPriority();
  }
}
