package io.roam.kernel.process;

import io.roam.instrument.runtime.ContextClass;
import io.roam.instrument.runtime.Continuation;
import io.roam.instrument.runtime.Frame;
import io.roam.instrument.runtime.VThread;
import io.roam.instrument.sandbox.SandboxViolationException;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual threads of one process and its virtualized monitors (docs/design/threads.md).
 *
 * <p>A process is a uniprocessor: one of its virtual threads runs at a time, on the carrier that
 * runs the process. Every other thread is unwound into its own {@link Continuation} (or not
 * started yet). {@link #run} is the switch loop: it rewinds the chosen thread (entry {@code
 * main(String[])} for the main thread, {@code run()} of the {@code Thread} object — or its target
 * — for the others) until it ends or unwinds; a thread unwinds when it blocks (monitor, {@code
 * wait}, {@code join}, {@code sleep}, or a blocking call of another subsystem such as a mailbox
 * receive: {@link #waitExternal}), yields, or its quantum ({@link #QUANTUM_NANOS}) ran out with
 * another thread runnable. When no thread can run, the process as a whole stops ({@link
 * ProcessRuntime#stopIdle}: SLEEP until the earliest timed wait, or BLOCK) under a scheduler, or
 * waits on its carrier when unscheduled. The process ends when every non-daemon thread has ended.
 *
 * <p>Monitors: a table from object (identity) to owner, recursion count, entry queue and wait
 * set. Exiting a monitor wakes the first thread of its entry queue, which takes the monitor when
 * it runs if it is still free (no hand-off: a hand-off makes every monitor operation of
 * contending threads a thread switch, a lock convoy). All this lives in a {@link Table} kept in {@link
 * ProcessState#resources()} under {@link #RESOURCE}: plain fields the heap codec copies (the
 * kernel vets the classes, {@link #isCapturedKernelClass}), so threads, monitors and wait sets
 * travel with the process and keep the identity of the objects they name.
 *
 * <p>Threading: everything runs on the process's carrier except the quantum ticker, which only
 * reads {@link #runningSince} and {@link #runnable} and asks for a switch, {@link #wakeExternal}
 * (any thread, through {@link ProcessRuntime#wake}), and {@link #answered} (the node's request
 * thread, while the process is stopped).
 */
public final class ProcessThreads {
  /** Key of the table in {@link ProcessState#resources()}. */
  public static final String RESOURCE = "threads";
  /** Run time of one virtual thread before another runnable thread of the process gets a turn. */
  static final long QUANTUM_NANOS = 5_000_000L;
  /** Unused monitor entries kept before a sweep (see {@link #newMonitor}). */
  static final int MONITORS_KEPT = 4096;

  static final int RUNNABLE = 1;
  static final int BLOCKED = 2;
  static final int WAITING = 3;
  static final int TIMED_WAITING = 4;
  static final int TERMINATED = 5;

  /** One virtual thread. Plain data: captured with the process. */
  static final class PThread {
    /** {@code getId()}: main is 1. */
    long id;
    /** The process's {@code Thread} object (the kernel's main thread object for main). */
    Thread thread;
    /** Frames while unwound, thread locals, blocking-call state; null for main (see {@link #cont}). */
    Continuation cont;
    boolean main;
    boolean daemon;
    int status;
    /** TIMED_WAITING: process clock ({@link VirtualClock#nanoTime}) at which the wait ends. */
    long deadline;
    /** BLOCKED or WAITING in {@code wait}: the monitor's object. */
    Object monitor;
    /** Recursion count to own the monitor with when it is handed over. */
    int reacquire;
    /** WAITING in {@code join}: the thread joined. */
    PThread joining;
    /** Sleeping (TIMED_WAITING without monitor or join). */
    boolean sleeping;
    /** The interrupt flag. */
    boolean interrupted;
    /** Woken from wait, join or sleep by an interrupt: throw InterruptedException on return. */
    boolean wokenByInterrupt;
    /** Blocked where its stack could not unwind: live below the threads run nested on top of it. */
    boolean onStack;
    /**
     * WAITING or TIMED_WAITING in a blocking call of another subsystem (a mailbox receive…, see
     * {@link #waitExternal}): runnable again at a {@link ProcessRuntime#wake}, its deadline, or a
     * restore, and then re-checks what it waits for.
     */
    boolean external;
  }

  /** One monitor in use. Plain data. */
  static final class Monitor {
    PThread owner;
    int count;
    ArrayList<PThread> entrants = new ArrayList<>();
    ArrayList<PThread> waiters = new ArrayList<>();
  }

  /** Everything that travels with the process. Plain data. */
  static final class Table {
    ArrayList<PThread> threads = new ArrayList<>();
    IdentityHashMap<Thread, PThread> byThread = new IdentityHashMap<>();
    IdentityHashMap<Object, Monitor> monitors = new IdentityHashMap<>();
    /** Index in {@link #threads} of the thread that runs, or ran last. */
    int current;
    /** Next N of {@code Thread-N}. */
    int nextName;
    long nextId = 2;
    /** The main thread ended with an uncaught exception while other threads lived: exit 1. */
    boolean mainFailed;
    /** Size of {@link #monitors} after the last sweep of unused entries. */
    int monitorsAfterSweep;
  }

  private static final Set<ProcessThreads> TICKING = ConcurrentHashMap.newKeySet();
  private static volatile Thread ticker;

  private final ProcessRuntime rt;
  private final ProcessState state;
  private final Table table;
  /** {@link System#nanoTime} when the running thread was rewound, 0 while none runs. */
  private volatile long runningSince;
  /** Threads in state RUNNABLE (the running one included). */
  private volatile int runnable;
  /**
   * {@link System#nanoTime} at which the earliest timed wait (sleep, timed wait or join) of a
   * thread that does not run ends, {@link Long#MAX_VALUE} for none: the ticker asks the running
   * thread to give way then, so that a sleeper wakes on time even when no other thread is
   * runnable to share a quantum with and the node does not preempt the process.
   */
  private volatile long nextTimedWake = Long.MAX_VALUE;
  /** Threads waiting on an external condition ({@link PThread#external}); written on the carrier. */
  private volatile int externalWaiters;
  /** {@link ProcessRuntime#wakeCount} when the switch loop last woke the external waiters. */
  private long wakesSeen;
  /** Entry of the main thread, for this run. */
  private MethodHandle mainHandle;
  private String[] mainArgs;

  ProcessThreads(ProcessRuntime rt) {
    this.rt = rt;
    this.state = rt.state;
    Object t = state.resources().get(RESOURCE);
    if (t instanceof Table restored) {
      table = restored;
      for (PThread p : table.threads) {
        if (p.thread instanceof VThread v) {
          v.restored();
        }
        if (p.external) { // its waker's record did not travel (a mailbox's waiting flag): look again
          p.external = false;
          p.status = RUNNABLE;
        }
      }
    } else {
      table = new Table();
      PThread main = new PThread();
      main.id = 1;
      main.thread = state.mainThread;
      main.main = true;
      main.status = RUNNABLE;
      table.threads.add(main);
      table.byThread.put(main.thread, main);
      state.resources().put(RESOURCE, table);
    }
    int ready = 0;
    int live = 0;
    for (PThread p : table.threads) {
      ready += p.status == RUNNABLE ? 1 : 0;
      live += p.status != TERMINATED ? 1 : 0;
    }
    runnable = ready;
    // one live thread: monitors need no table until another starts (ContextClass fast monitors)
    rt.setFastMonitors(live <= 1);
  }

  /** A monitor the running thread entered on the fast path: now a table entry it owns. */
  void adoptHeld(Object o) {
    if (!acquire(current(), o, 1)) {
      throw new IllegalStateException("a monitor entered by the only thread is owned by another");
    }
  }

  /** The kernel classes the heap codec may copy field by field (they hold plain data). */
  public static boolean isCapturedKernelClass(Class<?> c) {
    return c == Table.class || c == PThread.class || c == Monitor.class || c == Continuation.class
        || c == Frame.class;
  }

  // ------------------------------------------------------------------ the switch loop

  /** Runs (or resumes) the process's threads until the process ends or stops. */
  ProcessRunner.Outcome run(MethodHandle main, String[] args) {
    this.mainHandle = main;
    this.mainArgs = args;
    try {
      while (true) {
        PThread t = pick();
        ProcessRunner.Outcome o = t == null ? idle() : runSlice(t);
        if (o != null) {
          return o;
        }
      }
    } finally {
      TICKING.remove(this);
      Continuation.bind(null);
    }
  }

  private Continuation contOf(PThread t) {
    return t.main ? state.mainContinuation : t.cont;
  }

  /** Runs {@code t} until it ends or unwinds; returns the process's outcome, or null to go on. */
  private ProcessRunner.Outcome runSlice(PThread t) {
    Continuation c = contOf(t);
    rt.bindThread(c);
    if (!c.isEmpty()) {
      c.beginRewind();
      rt.setMode(ContextClass.MODE_REWINDING);
    }
    if (table.threads.size() > 1) {
      TICKING.add(this);
      startTicker();
    }
    runningSince = System.nanoTime();
    Throwable died = null;
    try {
      if (t.main) {
        ProcessRunner.enter(mainHandle, mainArgs);
      } else if (t.thread instanceof VThread v && runIsInherited(v.getClass())) {
        if (v.target() != null) {
          ProcessRunner.enter(v.target());
        }
      } else {
        ProcessRunner.enter(t.thread);
      }
    } catch (ProcessRunner.ProcessExit e) {
      rt.setMode(ContextClass.MODE_RUNNING);
      return new ProcessRunner.Exited(e.code);
    } catch (Throwable e) {
      died = e;
    } finally {
      runningSince = 0;
    }
    if (died == null && rt.mode() == ContextClass.MODE_UNWINDING) {
      rt.setMode(ContextClass.MODE_RUNNING);
      return afterUnwind(t);
    }
    rt.setMode(ContextClass.MODE_RUNNING);
    c.clear();
    return terminate(t, died);
  }

  private ProcessRunner.Outcome afterUnwind(PThread t) {
    ProcessRuntime.Unwind why = rt.lastUnwind();
    if (t.status == RUNNABLE && (why == ProcessRuntime.Unwind.SWITCH || why == ProcessRuntime.Unwind.PREEMPT)) {
      table.current = (table.current + 1) % table.threads.size(); // round robin
    }
    return why == ProcessRuntime.Unwind.SWITCH ? null : new ProcessRunner.Captured(rt.timeToSafePointNanos());
  }

  /** Per class (weakly, so process classes can be unloaded): does it inherit VThread's run()? */
  private static final ClassValue<Boolean> INHERITS_RUN = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> k) {
      try {
        return k.getMethod("run").getDeclaringClass() == VThread.class;
      } catch (NoSuchMethodException e) {
        return true;
      }
    }
  };

  /** True when {@code run()} of the class is {@link VThread#run} (so the target is the entry). */
  private static boolean runIsInherited(Class<?> c) {
    return INHERITS_RUN.get(c);
  }

  private ProcessRunner.Outcome terminate(PThread t, Throwable died) {
    setStatus(t, TERMINATED);
    table.threads.remove(t);
    table.current = table.threads.isEmpty() ? 0 : table.current % table.threads.size();
    for (PThread p : table.threads) {
      if (p.joining == t) {
        p.joining = null;
        setStatus(p, RUNNABLE);
      }
    }
    Monitor own = table.monitors.get(t.thread);
    if (own != null) { // as in Java, a thread's end notifies all that wait on its Thread object
      for (PThread w : new ArrayList<>(own.waiters)) {
        endWait(w);
      }
    }
    boolean others = table.threads.stream().anyMatch(p -> !p.daemon);
    if (died != null) {
      if (t.main && (!others || sandboxRefusal(died))) {
        return new ProcessRunner.Failed(died);
      }
      ProcessRunner.printUncaught(died, rt.err(), rt.threadGetName(t.thread));
      table.mainFailed |= t.main;
    }
    return others ? null : new ProcessRunner.Exited(table.mainFailed ? 1 : 0);
  }

  private static boolean sandboxRefusal(Throwable t) {
    for (int depth = 0; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SandboxViolationException) {
        return true;
      }
    }
    return false;
  }

  /**
   * No thread can run. Stops the process (a capture is wanted, or a scheduler runs it), or waits
   * on this carrier until the earliest timed wait ends or a capture is requested.
   */
  private ProcessRunner.Outcome idle() {
    long deadline = Long.MAX_VALUE;
    for (PThread p : table.threads) {
      if (p.status == TIMED_WAITING) {
        deadline = Math.min(deadline, p.deadline);
      }
    }
    long wakeAt = deadline == Long.MAX_VALUE ? Long.MAX_VALUE
        : System.nanoTime() + Math.max(0, deadline - state.clock.nanoTime());
    if (rt.captureIsWanted() || rt.isScheduled()) {
      rt.stopIdle(wakeAt, externalWaiters > 0);
      return new ProcessRunner.Captured(rt.timeToSafePointNanos());
    }
    rt.awaitWake(wakeAt);
    return null;
  }

  /** The thread to run: the current one if runnable, else the next runnable one; null if none. */
  private PThread pick() {
    takeWakes();
    expireTimedWaits();
    int n = table.threads.size();
    for (int i = 0; i < n; i++) {
      int k = (table.current + i) % n;
      if (table.threads.get(k).status == RUNNABLE) {
        table.current = k;
        return table.threads.get(k);
      }
    }
    return null;
  }

  private void expireTimedWaits() {
    long now = state.clock.nanoTime();
    long next = Long.MAX_VALUE;
    for (PThread p : table.threads) {
      if (p.status == TIMED_WAITING) {
        if (p.deadline - now <= 0) {
          endWait(p);
        } else {
          next = Math.min(next, p.deadline);
        }
      }
    }
    nextTimedWake = next == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + (next - now);
  }

  /** A thread waits until {@code deadline} (process clock): the ticker must know when it ends. */
  private void timedWaitUntil(PThread p, long deadline) {
    setStatus(p, TIMED_WAITING);
    p.deadline = deadline;
    long at = System.nanoTime() + (deadline - state.clock.nanoTime());
    if (at < nextTimedWake) {
      nextTimedWake = at;
    }
  }

  /** A waiting thread's wait ends (timeout, notify, interrupt): it runs again or queues for its monitor. */
  private void endWait(PThread p) {
    p.joining = null;
    p.sleeping = false;
    if (p.external) {
      p.external = false;
      externalWaiters--;
    }
    Object o = p.monitor;
    if (o == null) {
      setStatus(p, RUNNABLE);
      return;
    }
    Monitor m = table.monitors.get(o);
    m.waiters.remove(p);
    if (m.owner == null) {
      setStatus(p, RUNNABLE); // takes the monitor when it runs
    } else {
      setStatus(p, BLOCKED);
      m.entrants.add(p);
    }
  }

  private void setStatus(PThread p, int s) {
    if (p.status == RUNNABLE && s != RUNNABLE) {
      runnable--;
    } else if (p.status != RUNNABLE && s == RUNNABLE) {
      runnable++;
    }
    p.status = s;
  }

  private PThread current() {
    return table.threads.get(table.current);
  }

  // ------------------------------------------------------------------ the quantum ticker

  private static synchronized void startTicker() {
    if (ticker != null) {
      return;
    }
    Thread t = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        for (ProcessThreads p : TICKING) {
          long since = p.runningSince;
          long wake = p.nextTimedWake;
          if (since != 0 && (now - since > QUANTUM_NANOS && p.runnable > 1
              || wake != Long.MAX_VALUE && now - wake >= 0)) {
            p.rt.requestSwitch();
          }
        }
      }
    }, "roam-thread-quantum");
    t.setDaemon(true);
    t.start();
    ticker = t;
  }

  // ------------------------------------------------------------------ blocking

  /**
   * The running thread {@code me} has just been set to wait: unwinds it (true: the caller returns
   * at once), or, when its stack cannot be unwound, runs the other threads nested on this
   * carrier until {@code me} may continue (false: the caller continues).
   */
  private boolean block(PThread me, Object syscallState) {
    if (rt.switchUnwind(syscallState)) {
      return true;
    }
    runNested(me);
    return false;
  }

  /**
   * Runs other threads on top of the blocked thread's stack until it is runnable again. Nested
   * threads switch among themselves; a capture or preemption waits until the blocked thread
   * continues and reaches a safe point of its own.
   */
  private void runNested(PThread me) {
    Continuation mine = contOf(me);
    long since = runningSince;
    rt.nested++;
    me.onStack = true;
    try {
      while (me.status != RUNNABLE) {
        PThread t = pickOther(me);
        if (t == null) {
          long deadline = Long.MAX_VALUE;
          for (PThread p : table.threads) {
            if (p.status == TIMED_WAITING) {
              deadline = Math.min(deadline, p.deadline);
            }
          }
          if (externalWaiters > 0) { // not a deadlock: a wake-up may come
            rt.awaitWake(deadline == Long.MAX_VALUE ? Long.MAX_VALUE
                : System.nanoTime() + (deadline - state.clock.nanoTime()), false);
            continue;
          }
          if (deadline == Long.MAX_VALUE) {
            throw new IllegalMonitorStateException("deadlock: every thread of the process waits"
                + " and the waiting thread " + rt.threadGetName(me.thread) + " cannot be unwound here");
          }
          long left = deadline - state.clock.nanoTime();
          if (left > 0) {
            try {
              Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          continue;
        }
        table.current = table.threads.indexOf(t); // current() is the thread that runs
        ProcessRunner.Outcome o = runSlice(t);
        if (o instanceof ProcessRunner.Exited e) {
          throw new ProcessRunner.ProcessExit(e.code());
        }
      }
    } finally {
      me.onStack = false;
      rt.nested--;
      table.current = table.threads.indexOf(me);
      rt.bindThread(mine);
      runningSince = since;
    }
  }

  /**
   * A runnable thread other than those blocked on the carrier's stack (which must continue where
   * they are, never be started again from their empty continuations), after the last one run.
   */
  private PThread pickOther(PThread me) {
    takeWakes();
    expireTimedWaits();
    int n = table.threads.size();
    int from = Math.max(0, table.current);
    for (int i = 1; i <= n; i++) {
      PThread p = table.threads.get((from + i) % n);
      if (p != me && p.status == RUNNABLE && !p.onStack) {
        return p;
      }
    }
    return null;
  }

  /** Java's argument checks of timed waits. */
  static void checkTimeout(long millis, int nanos) {
    if (millis < 0) {
      throw new IllegalArgumentException("timeout value is negative");
    }
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
  }

  private boolean rewinding() {
    return rt.mode() == ContextClass.MODE_REWINDING;
  }

  private void throwIfWokenByInterrupt(PThread me) throws InterruptedException {
    if (me.wokenByInterrupt) {
      me.wokenByInterrupt = false;
      throw new InterruptedException();
    }
  }

  private void throwIfInterrupted(PThread me) throws InterruptedException {
    if (me.interrupted) {
      me.interrupted = false;
      throw new InterruptedException();
    }
  }

  private void waitFor(PThread me, long timeoutNanos) {
    if (timeoutNanos < 0) {
      setStatus(me, WAITING);
    } else {
      timedWaitUntil(me, state.clock.nanoTime() + timeoutNanos);
    }
  }

  // ------------------------------------------------------------------ external waits

  /**
   * A blocking call of another subsystem ({@link ProcessRuntime#blockUnwind}: a mailbox receive,
   * fork, checkpoint) finds its condition false while other threads of the process live: the
   * running thread alone waits — until a {@link ProcessRuntime#wake} (from any thread), its
   * deadline {@code wakeAt} ({@link System#nanoTime}, or {@link Long#MAX_VALUE}), or a restore — and
   * unwinds with {@code syscallState} so the others run (true: the caller returns at once and is
   * rewound into its call, which looks again). False with one live thread (the process blocks as
   * a whole, as before) or when the stack cannot unwind here (the caller waits on the carrier).
   *
   * <p>No wake-up is lost: one that comes after the caller's check has a {@link
   * ProcessRuntime#wakeCount} the switch loop has not seen, so the next {@link #pick} makes the
   * thread runnable again.
   */
  boolean waitExternal(Object syscallState, long wakeAt) {
    if (table.threads.size() < 2) {
      return false;
    }
    PThread me = current();
    if (wakeAt == Long.MAX_VALUE) {
      setStatus(me, WAITING);
    } else {
      timedWaitUntil(me, state.clock.nanoTime() + (wakeAt - System.nanoTime()));
    }
    me.external = true;
    externalWaiters++;
    rt.watchWakes(this);
    if (rt.switchUnwind(syscallState)) {
      return true;
    }
    endWait(me);
    return false;
  }

  /**
   * {@link ProcessRuntime#wake} was called (any thread): a thread waiting on an external
   * condition must get a chance to look, so the running thread gives way at its next safe point.
   * A request made while no thread runs is harmless (one extra switch at most).
   */
  void wakeExternal() {
    if (externalWaiters > 0) {
      rt.requestSwitch();
    }
  }

  /** The continuation of a thread unwound in a blocking call that saved {@code syscallState}, or null. */
  Continuation continuationBlockedIn(Object syscallState) {
    for (PThread p : table.threads) {
      Continuation c = contOf(p);
      if (c != null && syscallState.equals(c.syscallState)) {
        return c;
      }
    }
    return null;
  }

  /** The thread whose continuation is {@code c}, waiting on an external condition, was answered. */
  void answered(Continuation c) {
    for (PThread p : table.threads) {
      if (p.external && contOf(p) == c) {
        endWait(p);
      }
    }
  }

  /** Makes the external waiters runnable if {@link ProcessRuntime#wake} was called since last time. */
  private void takeWakes() {
    long w = rt.wakeCount();
    if (w == wakesSeen) {
      return;
    }
    wakesSeen = w; // also with no waiter: a thread that waits later checked after these wakes
    if (externalWaiters == 0) {
      return;
    }
    for (PThread p : table.threads) {
      if (p.external) {
        endWait(p);
      }
    }
  }

  // ------------------------------------------------------------------ monitors

  void monitorEnter(Object o) {
    PThread me = current();
    if (o == null) { // a rewind re-invokes the call with a null (dummy) argument
      if (rewinding()) {
        acquire(me, rt.finishBlockedRewind(), me.reacquire); // woken: try again
        return;
      }
      throw new NullPointerException("cannot enter synchronized block because the lock is null");
    }
    acquire(me, o, 1);
  }

  /**
   * Takes monitor {@code o} for {@code me} with recursion {@code count}: true when it owns it
   * now; false when it queued and unwound (the caller returns at once and is rewound into its
   * blocking call when woken, which calls this again). Not a hand-off: a woken thread competes
   * with the running one (see docs/design/threads.md, "No hand-off").
   */
  private boolean acquire(PThread me, Object o, int count) {
    while (true) {
      Monitor m = lookup(o);
      if (m == null) {
        m = newMonitor(o);
      }
      if (m.owner == null) {
        m.owner = me;
        m.count = count;
        me.monitor = null;
        return true;
      }
      if (m.owner == me) {
        m.count += count;
        return true;
      }
      me.monitor = o;
      me.reacquire = count;
      setStatus(me, BLOCKED);
      m.entrants.add(me);
      if (block(me, o)) {
        return false;
      }
    }
  }

  void monitorExit(Object o) {
    PThread me = current();
    Monitor m = o == null ? null : lookup(o);
    if (m == null || m.owner != me) {
      throw new IllegalMonitorStateException("current thread is not owner");
    }
    if (--m.count == 0) {
      release(o, m);
    }
  }

  /** The owner left: wakes the first entrant (it will compete with the running thread). */
  private void release(Object o, Monitor m) {
    m.owner = null;
    m.count = 0;
    if (!m.entrants.isEmpty()) {
      setStatus(m.entrants.remove(0), RUNNABLE);
    }
  }

  /**
   * A monitor entry for {@code o}. Released monitors stay in the table (an uncontended enter is
   * then a lookup, no allocation) until it holds {@link #MONITORS_KEPT} more than after the last
   * sweep, which drops the unused ones (no owner, no entrant, no waiter).
   */
  private Monitor newMonitor(Object o) {
    if (table.monitors.size() >= table.monitorsAfterSweep + MONITORS_KEPT) {
      table.monitors.values().removeIf(x -> x.owner == null && x.entrants.isEmpty() && x.waiters.isEmpty());
      table.monitorsAfterSweep = table.monitors.size();
      lastKey = null;
      lastMonitor = null;
    }
    Monitor m = new Monitor();
    table.monitors.put(o, m);
    lastKey = o;
    lastMonitor = m;
    lastTable = table;
    return m;
  }

  /**
   * The last monitor looked up, with its object and table: a loop that calls a synchronized
   * method of one object (a shared random generator, a buffer) finds its monitor without hashing.
   */
  private Object lastKey;

  private Monitor lastMonitor;
  private Table lastTable;

  private Monitor lookup(Object o) {
    if (o == lastKey && table == lastTable) {
      return lastMonitor;
    }
    Monitor m = table.monitors.get(o);
    if (m != null) {
      lastKey = o;
      lastMonitor = m;
      lastTable = table;
    }
    return m;
  }

  void objectWait(Object o, long timeoutNanos) throws InterruptedException {
    PThread me = current();
    if (o == null && rewinding()) {
      // notified, timed out or interrupted, and woken to take the monitor back
      if (acquire(me, rt.finishBlockedRewind(), me.reacquire)) {
        throwIfWokenByInterrupt(me);
      }
      return;
    }
    Monitor m = table.monitors.get(java.util.Objects.requireNonNull(o));
    if (m == null || m.owner != me) {
      throw new IllegalMonitorStateException("current thread is not owner");
    }
    throwIfInterrupted(me);
    me.reacquire = m.count;
    m.waiters.add(me);
    me.monitor = o;
    waitFor(me, timeoutNanos);
    release(o, m);
    if (!block(me, o) && acquire(me, o, me.reacquire)) {
      throwIfWokenByInterrupt(me);
    }
  }

  void notify(Object o, boolean all) {
    PThread me = current();
    Monitor m = table.monitors.get(java.util.Objects.requireNonNull(o));
    if (m == null || m.owner != me) {
      throw new IllegalMonitorStateException("current thread is not owner");
    }
    while (!m.waiters.isEmpty()) {
      PThread w = m.waiters.remove(0);
      w.joining = null;
      setStatus(w, BLOCKED);
      m.entrants.add(w);
      if (!all) {
        break;
      }
    }
  }

  boolean holdsLock(Object o) {
    if (o == null) {
      throw new NullPointerException();
    }
    Monitor m = table.monitors.get(o);
    return m != null && m.owner == current();
  }

  // ------------------------------------------------------------------ threads

  String nextThreadName() {
    return "Thread-" + table.nextName++;
  }

  Thread currentThread() {
    return current().thread;
  }

  void start(Thread t) {
    if (!(t instanceof VThread v) || table.byThread.containsKey(t)) {
      throw new IllegalThreadStateException();
    }
    rt.setFastMonitors(false); // from now on threads can contend: every monitor in the table
    PThread p = new PThread();
    p.id = table.nextId++;
    p.thread = t;
    p.cont = new Continuation();
    p.daemon = v.vDaemon();
    p.status = RUNNABLE;
    runnable++;
    table.threads.add(p);
    table.byThread.put(t, p);
  }

  /**
   * {@code t.join} with a timeout ({@code < 0}: none). Returns the joined thread: {@code t}, or,
   * when a join that unwound is rewound (with a null argument), the thread it was joining.
   */
  Thread join(Thread t, long timeoutNanos) throws InterruptedException {
    if (t == null && rewinding()) {
      Thread joined = (Thread) rt.finishBlockedRewind();
      throwIfWokenByInterrupt(current());
      return joined;
    }
    PThread me = current();
    PThread target = table.byThread.get(java.util.Objects.requireNonNull(t));
    throwIfInterrupted(me);
    if (target == null || target.status == TERMINATED || target == me && timeoutNanos < 0) {
      if (target == me) {
        throw new IllegalStateException("thread " + rt.threadGetName(t) + " joins itself forever");
      }
      return t;
    }
    me.joining = target;
    waitFor(me, timeoutNanos);
    if (!block(me, t)) {
      throwIfWokenByInterrupt(me);
    }
    return t;
  }

  /** Before a sleep: Java throws at once when the interrupt flag is set. */
  void beforeSleep() throws InterruptedException {
    throwIfInterrupted(current());
  }

  /** After a sleep was rewound: an interrupt that ended it is thrown now. */
  void afterSleep() throws InterruptedException {
    throwIfWokenByInterrupt(current());
  }

  /**
   * A sleep of the running thread until {@code deadline} (process clock) while other threads
   * live: unwinds it so they can run (true), or false to sleep in place.
   */
  boolean sleepSwitch(long deadline) {
    if (table.threads.size() < 2) {
      return false;
    }
    PThread me = current();
    timedWaitUntil(me, deadline);
    me.sleeping = true;
    if (rt.switchUnwind(deadline)) {
      return true;
    }
    me.sleeping = false;
    setStatus(me, RUNNABLE);
    return false;
  }

  /** {@code Thread.yield} and {@code onSpinWait}: gives way to another runnable thread. */
  boolean yieldSwitch() {
    return runnable > 1 && rt.switchUnwind(null);
  }

  boolean isAlive(Thread t) {
    PThread p = table.byThread.get(t);
    return p != null && p.status != TERMINATED;
  }

  Thread.State stateOf(Thread t) {
    PThread p = table.byThread.get(t);
    if (p == null) {
      return Thread.State.NEW;
    }
    return switch (p.status) {
      case BLOCKED -> Thread.State.BLOCKED;
      case WAITING -> Thread.State.WAITING;
      case TIMED_WAITING -> Thread.State.TIMED_WAITING;
      case TERMINATED -> Thread.State.TERMINATED;
      default -> Thread.State.RUNNABLE;
    };
  }

  void interrupt(Thread t) {
    PThread p = table.byThread.get(t);
    if (p == null || p.status == TERMINATED) {
      return;
    }
    if ((p.status == WAITING || p.status == TIMED_WAITING) && p != current() && !p.external) {
      p.wokenByInterrupt = true;
      p.interrupted = false;
      endWait(p);
    } else {
      p.interrupted = true;
    }
  }

  boolean isInterrupted(Thread t, boolean clear) {
    PThread p = table.byThread.get(t);
    if (p == null) {
      return false;
    }
    boolean was = p.interrupted;
    if (clear) {
      p.interrupted = false;
    }
    return was;
  }

  void setDaemon(Thread t, boolean on) {
    if (table.byThread.containsKey(t)) {
      throw new IllegalThreadStateException();
    }
    if (t instanceof VThread v) {
      v.vDaemon(on);
    } else {
      t.setDaemon(on);
    }
  }

  long idOf(Thread t) {
    PThread p = table.byThread.get(t);
    return p != null ? p.id : t.getId();
  }

  /** Threads that have started and not ended. */
  int liveThreads() {
    return table.threads.size();
  }

  /** Names of the live threads, main first (for messages and tests). */
  public List<String> threadNames() {
    List<String> out = new ArrayList<>();
    for (PThread p : table.threads) {
      out.add(rt.threadGetName(p.thread));
    }
    return out;
  }
}
