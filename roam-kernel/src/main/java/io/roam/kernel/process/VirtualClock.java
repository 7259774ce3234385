package io.roam.kernel.process;

/**
 * The clocks of one process. {@code nanoTime} continues from where it was when the process was
 * captured plus the real time the move took, and never goes backwards; {@code currentTimeMillis}
 * follows this machine's wall clock but never goes below a value the process has already seen.
 */
public final class VirtualClock {
  private final long nanoOffset;
  private long lastMillis;
  private long lastNanos;

  private VirtualClock(long nanoOffset, long lastMillis, long lastNanos) {
    this.nanoOffset = nanoOffset;
    this.lastMillis = lastMillis;
    this.lastNanos = lastNanos;
  }

  /** Clocks of a new process. */
  public static VirtualClock start() {
    return new VirtualClock(0, Long.MIN_VALUE, Long.MIN_VALUE);
  }

  /**
   * Clocks of a process resumed from a capture taken when its clocks read {@code nanos} and
   * {@code millis}.
   */
  public static VirtualClock resume(long nanos, long millis) {
    long elapsed = Math.max(0, System.currentTimeMillis() - millis) * 1_000_000L;
    return new VirtualClock(nanos + elapsed - System.nanoTime(), millis, nanos);
  }

  public long nanoTime() {
    long n = System.nanoTime() + nanoOffset;
    if (n < lastNanos) {
      n = lastNanos;
    }
    lastNanos = n;
    return n;
  }

  public long currentTimeMillis() {
    long m = Math.max(System.currentTimeMillis(), lastMillis);
    lastMillis = m;
    return m;
  }
}
