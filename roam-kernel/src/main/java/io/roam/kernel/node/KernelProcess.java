package io.roam.kernel.node;

import io.roam.kernel.process.ProcessRuntime;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.CompletableFuture;

/**
 * One entry of the process table: the process's runtime and the kernel's bookkeeping of it.
 * Guarded by the {@link Scheduler}'s lock, except the fields marked volatile (read by {@code
 * ps} without the lock).
 */
final class KernelProcess {
  final ProcessId pid;
  final String mainClass;
  final ProcessRuntime runtime;
  final MethodHandle main;
  /** Arguments of the first run; null once it started (later runs resume). */
  String[] args;
  final boolean foreign;
  final long createdNanos = System.nanoTime();
  volatile int nice;
  /** Load weight of {@link #nice}, as Linux's CFS: 1024 at 0, ×1.25 per step down. */
  double weight;

  volatile ProcessStatus status = ProcessStatus.STARTING;
  volatile int exitCode = -1;
  volatile String failure;
  /** Weighted CPU time: the scheduler runs the process with the least first. */
  long vruntime;
  volatile long cpuNanos;
  volatile long slices;
  volatile long preemptions;
  volatile long lastTtsp = -1;
  volatile long maxTtsp = -1;
  volatile long stateBytes = -1;
  /** When the scheduler asked for the worker back (System.nanoTime), or 0. */
  volatile long preemptRequestedAt;
  /** On a worker now. */
  boolean onWorker;
  /** In the run queue now. */
  boolean queued;
  /** Sleeping until {@link ProcessRuntime#wakeAtNanos()}. */
  boolean sleeping;
  /** Unwound for {@link ProcessRuntime.Unwind#BLOCK}: runs again at {@link Scheduler#wake} (or its wake time). */
  boolean blocked;
  /** A suspend was asked for; completed when the process is SUSPENDED (or ends first). */
  CompletableFuture<ProcessStatus> suspended;
  boolean killRequested;
  final CompletableFuture<ProcessInfo> ended = new CompletableFuture<>();

  KernelProcess(ProcessId pid, String mainClass, ProcessRuntime runtime, MethodHandle main,
      String[] args, boolean foreign, int nice) {
    this.pid = pid;
    this.mainClass = mainClass;
    this.runtime = runtime;
    this.main = main;
    this.args = args;
    this.foreign = foreign;
    setNice(nice);
  }

  void setNice(int n) {
    nice = Math.max(-20, Math.min(19, n));
    weight = 1024.0 / Math.pow(1.25, nice);
  }

  void recordTtsp(long nanos) {
    lastTtsp = nanos;
    maxTtsp = Math.max(maxTtsp, nanos);
  }

  ProcessInfo info() {
    var c = runtime.console();
    return new ProcessInfo(pid, mainClass, status, exitCode, failure, nice, foreign, cpuNanos,
        System.nanoTime() - createdNanos, slices, preemptions, lastTtsp, maxTtsp, stateBytes,
        c.outWritten(), c.errWritten(), runtime.files().bytesByPath(),
        runtime.api() instanceof ProcessEndpoint e ? e.traffic() : java.util.Map.of(),
        runtime.api() instanceof ProcessEndpoint e ? e.migrateHint() : null);
  }
}
