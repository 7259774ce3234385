package io.roam.kernel.node;

import io.roam.kernel.process.ProcessRunner;
import io.roam.kernel.process.ProcessRuntime;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a node's processes on a fixed pool of worker threads, fairly. A process runs on a worker
 * until it ends, sleeps, or its time slice is over and another process is waiting: then the
 * ticker asks it to give the worker back at its next safe point (it unwinds into its continuation
 * and is put back in the run queue; it rewinds when it next runs). Sleeping processes hold no
 * worker. The run queue is ordered by weighted CPU time ({@code vruntime}, as in Linux's CFS),
 * so a process gets CPU in proportion to the weight of its nice level.
 *
 * <p>Threading: the workers and the ticker are the scheduler's own threads; every other method
 * may be called from any thread. All state is guarded by {@link #lock}.
 */
final class Scheduler {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<KernelProcess> runQueue = new PriorityQueue<>(
      Comparator.<KernelProcess>comparingLong(p -> p.vruntime).thenComparingLong(p -> p.pid.seq()));
  private final PriorityQueue<KernelProcess> sleepers = new PriorityQueue<>(
      Comparator.comparingLong(p -> p.runtime.wakeAtNanos()));
  private final Worker[] workers;
  private final Thread ticker;
  private final long sliceNanos;
  private final long tickNanos;
  /** Smallest vruntime of a runnable process seen lately: where woken processes are placed. */
  private long minVruntime;
  private boolean closed;

  /** One worker thread and what it runs now. */
  private final class Worker {
    final Thread thread;
    KernelProcess current;
    long sliceStart;

    Worker(int i) {
      thread = new Thread(null, this::loop, "roam-worker-" + i, ProcessRunner.CARRIER_STACK);
      thread.setDaemon(true);
    }

    private void loop() {
      KernelProcess p;
      while ((p = take(this)) != null) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        ProcessRunner.Outcome o = ProcessRunner.runHere(p.runtime, p.main, p.args);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        p.runtime.console().flush();
        afterSlice(this, p, o, cpu);
      }
    }
  }

  Scheduler(int workerCount, long sliceNanos) {
    if (workerCount < 1 || sliceNanos < 1_000_000) {
      throw new IllegalArgumentException("need at least one worker and a slice of at least 1 ms");
    }
    this.sliceNanos = sliceNanos;
    this.tickNanos = Math.max(250_000, Math.min(1_000_000, sliceNanos / 10));
    workers = new Worker[workerCount];
    for (int i = 0; i < workerCount; i++) {
      workers[i] = new Worker(i);
      workers[i].thread.start();
    }
    ticker = new Thread(this::tick, "roam-ticker");
    ticker.setDaemon(true);
    ticker.start();
  }

  // ------------------------------------------------------------------ queue

  /** Makes a new, resumed or woken process runnable. Caller holds no lock. */
  void makeRunnable(KernelProcess p) {
    lock.lock();
    try {
      enqueue(p);
    } finally {
      lock.unlock();
    }
  }

  private void enqueue(KernelProcess p) {
    if (p.queued || p.onWorker || p.status.isFinal()) {
      return;
    }
    // A process that waited does not get to monopolise the CPU with its old, low vruntime, but
    // it does go first among those that kept running.
    p.vruntime = Math.max(p.vruntime, minVruntime - sliceNanos);
    p.status = ProcessStatus.RUNNING;
    p.queued = true;
    runQueue.add(p);
    work.signal();
  }

  private KernelProcess take(Worker w) {
    lock.lock();
    try {
      while (!closed && runQueue.isEmpty()) {
        work.awaitUninterruptibly();
      }
      if (closed) {
        return null;
      }
      KernelProcess p = runQueue.poll();
      p.queued = false;
      p.onWorker = true;
      p.preemptRequestedAt = 0;
      minVruntime = Math.max(minVruntime, p.vruntime);
      p.runtime.startSlice();
      w.current = p;
      w.sliceStart = System.nanoTime();
      return p;
    } finally {
      lock.unlock();
    }
  }

  private void afterSlice(Worker w, KernelProcess p, ProcessRunner.Outcome o, long cpu) {
    lock.lock();
    try {
      w.current = null;
      p.onWorker = false;
      p.args = null;
      p.cpuNanos += cpu;
      p.vruntime += (long) (cpu * 1024.0 / p.weight);
      p.slices++;
      if (o instanceof ProcessRunner.Exited e) {
        finish(p, ProcessStatus.EXITED, e.code(), null);
      } else if (o instanceof ProcessRunner.Failed f) {
        ProcessRunner.printUncaught(f.error(), p.runtime.err(), p.runtime.state().mainThread.getName());
        p.runtime.console().flush();
        finish(p, ProcessStatus.EXITED, 1, null);
      } else {
        unwound(p);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void unwound(KernelProcess p) {
    ProcessRuntime.Unwind why = p.runtime.lastUnwind();
    if (p.killRequested) {
      finish(p, ProcessStatus.FAILED, 137, "killed");
    } else if (why == ProcessRuntime.Unwind.CAPTURE || p.suspended != null) {
      // (a suspend asked for just as the process unwound for another reason holds it too)
      if (why == ProcessRuntime.Unwind.CAPTURE) {
        p.recordTtsp(p.runtime.timeToSafePointNanos());
      }
      p.runtime.cancelCapture();
      suspendNow(p);
    } else if (why == ProcessRuntime.Unwind.SLEEP) {
      p.sleeping = true;
      sleepers.add(p);
    } else if (why == ProcessRuntime.Unwind.BLOCK) {
      if (p.runtime.takeWakeup()) {
        enqueue(p); // woken while it was unwinding: it re-checks what it waits for
      } else {
        p.blocked = true;
        if (p.runtime.wakeAtNanos() != Long.MAX_VALUE) {
          p.sleeping = true;
          sleepers.add(p);
        }
      }
    } else {
      if (p.preemptRequestedAt != 0) {
        p.preemptions++;
        p.recordTtsp(System.nanoTime() - p.preemptRequestedAt);
      }
      enqueue(p);
    }
  }

  private void suspendNow(KernelProcess p) {
    p.status = ProcessStatus.SUSPENDED;
    if (p.suspended != null) {
      p.suspended.complete(ProcessStatus.SUSPENDED);
      p.suspended = null;
    }
  }

  private void finish(KernelProcess p, ProcessStatus s, int code, String failure) {
    p.status = s;
    p.exitCode = code;
    p.failure = failure;
    if (p.suspended != null) {
      p.suspended.complete(s);
      p.suspended = null;
    }
    p.runtime.files().closeAll();
    p.runtime.release(); // its heap is garbage now, not when its class loader is unloaded
    p.ended.complete(p.info());
  }

  // ------------------------------------------------------------------ control

  /**
   * Stops the process at its next safe point and holds it (SUSPENDED). The future completes with
   * SUSPENDED, or with the final state if the process ends first.
   */
  CompletableFuture<ProcessStatus> suspend(KernelProcess p) {
    lock.lock();
    try {
      if (p.status.isFinal() || p.status == ProcessStatus.SUSPENDED || p.status == ProcessStatus.MIGRATING) {
        return CompletableFuture.completedFuture(p.status);
      }
      if (p.suspended == null) {
        p.suspended = new CompletableFuture<>();
      }
      CompletableFuture<ProcessStatus> f = p.suspended;
      if (p.onWorker) {
        p.runtime.requestCapture();
      } else {
        offCpu(p);
        suspendNow(p);
      }
      return f;
    } finally {
      lock.unlock();
    }
  }

  /** Takes a process that is not on a worker out of the run queue and the sleepers. */
  private void offCpu(KernelProcess p) {
    if (p.queued) {
      runQueue.remove(p);
      p.queued = false;
    }
    if (p.sleeping) {
      sleepers.remove(p);
      p.sleeping = false;
    }
    p.blocked = false;
  }

  /** {@link ProcessRuntime#wake} of a process: runs it again if it is blocked. */
  void wake(KernelProcess p) {
    lock.lock();
    try {
      if (p.blocked && p.status == ProcessStatus.RUNNING) {
        p.runtime.takeWakeup();
        offCpu(p);
        enqueue(p);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Lets a SUSPENDED process run again (a sleeping one goes back to sleep when it rewinds). */
  void resume(KernelProcess p) {
    lock.lock();
    try {
      if (p.status != ProcessStatus.SUSPENDED && p.status != ProcessStatus.STARTING) {
        throw new IllegalStateException("process " + p.pid + " is " + p.status + ", not SUSPENDED");
      }
      enqueue(p);
    } finally {
      lock.unlock();
    }
  }

  /** A SUSPENDED process starts moving away; false if it is not SUSPENDED (it ended). */
  boolean migrating(KernelProcess p) {
    lock.lock();
    try {
      if (p.status != ProcessStatus.SUSPENDED) {
        return false;
      }
      p.status = ProcessStatus.MIGRATING;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The move of a MIGRATING process was given up: SUSPENDED again, and runnable unless {@code held}. */
  void stayed(KernelProcess p, boolean held) {
    lock.lock();
    try {
      if (p.status != ProcessStatus.MIGRATING) {
        return;
      }
      p.status = ProcessStatus.SUSPENDED;
      if (!held) {
        enqueue(p);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The move of a MIGRATING process was committed: it lives on elsewhere (MOVED, final). */
  void moved(KernelProcess p) {
    lock.lock();
    try {
      if (p.status == ProcessStatus.MIGRATING) {
        finish(p, ProcessStatus.MOVED, -1, null);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Ends the process: now if it is off its worker, else at its next safe point. */
  void kill(KernelProcess p) {
    lock.lock();
    try {
      if (p.status.isFinal()) {
        return;
      }
      if (p.status == ProcessStatus.MIGRATING) {
        throw new IllegalStateException("process " + p.pid + " is MIGRATING: commit or give up its move first");
      }
      p.killRequested = true;
      if (p.onWorker) {
        p.runtime.requestPreempt();
      } else {
        offCpu(p);
        finish(p, ProcessStatus.FAILED, 137, "killed");
      }
    } finally {
      lock.unlock();
    }
  }

  void setNice(KernelProcess p, int nice) {
    lock.lock();
    try {
      boolean q = p.queued;
      if (q) {
        runQueue.remove(p);
      }
      p.setNice(nice);
      if (q) {
        runQueue.add(p);
      }
    } finally {
      lock.unlock();
    }
  }

  // ------------------------------------------------------------------ ticker

  private void tick() {
    while (true) {
      LockSupport.parkNanos(tickNanos);
      lock.lock();
      try {
        if (closed) {
          return;
        }
        long now = System.nanoTime();
        wakeSleepers(now);
        preemptExpired(now);
      } finally {
        lock.unlock();
      }
    }
  }

  private void wakeSleepers(long now) {
    KernelProcess p;
    while ((p = sleepers.peek()) != null && p.runtime.wakeAtNanos() <= now) {
      sleepers.poll();
      p.sleeping = false;
      p.blocked = false;
      enqueue(p);
    }
  }

  /**
   * Each waiting process gets the worker whose process has run longest past its slice. A
   * request still pending after a further slice is made again (requests are idempotent; this
   * keeps a request that was somehow lost from leaving a process on its worker for good).
   */
  private void preemptExpired(long now) {
    for (Worker w : workers) {
      KernelProcess c = w.current;
      if (c != null && c.preemptRequestedAt != 0 && now - c.preemptRequestedAt >= sliceNanos) {
        c.runtime.requestPreempt();
      }
    }
    for (int waiting = runQueue.size(); waiting > 0; waiting--) {
      Worker oldest = null;
      for (Worker w : workers) {
        KernelProcess c = w.current;
        if (c != null && c.preemptRequestedAt == 0 && now - w.sliceStart >= sliceNanos
            && (oldest == null || w.sliceStart < oldest.sliceStart)) {
          oldest = w;
        }
      }
      if (oldest == null) {
        return;
      }
      oldest.current.preemptRequestedAt = now;
      oldest.current.runtime.requestPreempt();
    }
  }

  // ------------------------------------------------------------------ shutdown

  /**
   * Kills every process and stops the threads. Processes on a worker stop at their next safe
   * point; waits for them at most {@code timeoutNanos}.
   */
  List<KernelProcess> close(List<KernelProcess> all, long timeoutNanos) {
    for (KernelProcess p : all) {
      if (p.status == ProcessStatus.MIGRATING) {
        lock.lock();
        try {
          finish(p, ProcessStatus.FAILED, 137, "its node closed while it was moving");
        } finally {
          lock.unlock();
        }
      } else {
        kill(p);
      }
    }
    List<KernelProcess> stuck = new ArrayList<>();
    lock.lock();
    try {
      long deadline = System.nanoTime() + timeoutNanos;
      for (long left; anyOnWorker() && (left = deadline - System.nanoTime()) > 0; ) {
        changed.awaitNanos(left);
      }
      for (Worker w : workers) {
        if (w.current != null) {
          stuck.add(w.current);
        }
      }
      closed = true;
      work.signalAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    return stuck;
  }

  private boolean anyOnWorker() {
    for (Worker w : workers) {
      if (w.current != null) {
        return true;
      }
    }
    return false;
  }
}
