package benchload;

/**
 * A workload of {@code io.roam.bench.ThreadSwitchCost}: uncontended {@code synchronized} calls of
 * three shapes, {@code args[1]} of each, and {@link #nanos} of each shape read by the driver:
 * a leaf method (field arithmetic only, the shape of SciMark's random generator), a method that
 * calls another (its region holds a safe point), and a block in a loop (its region holds the
 * loop's poll). With {@code args[0]} = {@code threads}, a second thread has been started and
 * ended first, so the monitors are the kernel's table under Roam, not its single-thread fast paths.
 */
public final class MonitorLoad {
  /** Nanoseconds per shape: leaf, calling, block. */
  public static final long[] nanos = new long[3];
  private long counter;
  private long sink;

  private MonitorLoad() {}

  synchronized void leaf(long v) {
    counter += v;
  }

  synchronized void calling(long v) {
    counter += twice(v);
  }

  private long twice(long v) {
    return v << 1;
  }

  void block(long n) {
    for (long i = 0; i < n; i++) {
      synchronized (this) {
        counter += i;
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    if (args[0].equals("threads")) {
      Thread t = new Thread(() -> { });
      t.start();
      t.join();
    }
    long n = Long.parseLong(args[1]);
    MonitorLoad m = new MonitorLoad();
    long t0 = System.nanoTime();
    for (long i = 0; i < n; i++) {
      m.leaf(i);
    }
    long t1 = System.nanoTime();
    for (long i = 0; i < n; i++) {
      m.calling(i);
    }
    long t2 = System.nanoTime();
    m.block(n);
    long t3 = System.nanoTime();
    nanos[0] = t1 - t0;
    nanos[1] = t2 - t1;
    nanos[2] = t3 - t2;
    m.sink = m.counter;
    if (m.sink == 42) {
      System.out.println("impossible");
    }
  }
}
