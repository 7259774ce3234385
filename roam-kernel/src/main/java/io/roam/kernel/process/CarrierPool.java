package io.roam.kernel.process;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carrier threads for {@link ProcessRunner#run}, kept for a while after a run so that a resume
 * does not pay for creating and starting a thread with a {@link ProcessRunner#CARRIER_STACK}
 * stack (the node scheduler's workers are pooled likewise). Unbounded: every run that is under
 * way has a carrier of its own, as before; idle carriers end after {@value #IDLE_SECONDS} s.
 * Carriers are daemon threads, so that idle ones never keep a JVM alive.
 *
 * <p>A carrier holds nothing of a process between runs: the runner unbinds the continuation
 * when a run ends, process code sees its own virtual {@code Thread} (never the carrier), and a
 * carrier's interrupt status is cleared before each run. Thread-safe.
 */
final class CarrierPool {
  /** How long an idle carrier waits for another run before it ends. */
  static final long IDLE_SECONDS = 30;

  private static final AtomicInteger NUMBER = new AtomicInteger();

  private static final ThreadFactory FACTORY = r -> {
    Thread t = new Thread(null, r, "roam-carrier-" + NUMBER.incrementAndGet(), ProcessRunner.CARRIER_STACK);
    t.setDaemon(true);
    return t;
  };

  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS,
      TimeUnit.SECONDS, new SynchronousQueue<>(), FACTORY);

  private CarrierPool() {}

  /** Runs {@code task} on an idle carrier, or on a new one if none is idle. */
  static void execute(Runnable task) {
    POOL.execute(() -> {
      Thread.interrupted(); // a previous run's interrupt must not reach this one
      task.run();
    });
  }
}
