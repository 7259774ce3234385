package benchload;

/**
 * The workload of {@code io.roam.bench.ThreadSwitchCost}: two threads take turns through one
 * monitor with {@code wait}/{@code notifyAll}, {@code args[0]} turns each, each turn at {@code
 * args[1]} extra frames of recursion (a thread switch under Roam unwinds and rewinds the whole
 * stack). {@link #elapsedNanos} is the time of the turns alone, read by the driver.
 */
public final class PingPong {
  private static final Object LOCK = new Object();
  private static boolean pingTurn = true;
  /** Turns taken (both threads). */
  public static long turns;
  /** Nanoseconds from the first turn to the last. */
  public static volatile long elapsedNanos;

  private PingPong() {}

  public static void main(String[] args) throws InterruptedException {
    int rounds = Integer.parseInt(args[0]);
    int depth = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Thread pong = new Thread(() -> deep(depth, false, rounds));
    pong.start();
    long t0 = System.nanoTime();
    deep(depth, true, rounds);
    pong.join();
    elapsedNanos = System.nanoTime() - t0;
    if (turns != 2L * rounds) {
      throw new IllegalStateException("lost turns: " + turns);
    }
  }

  static void deep(int d, boolean ping, int rounds) {
    if (d > 0) {
      deep(d - 1, ping, rounds);
      return;
    }
    try {
      play(ping, rounds);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static void play(boolean ping, int rounds) throws InterruptedException {
    for (int i = 0; i < rounds; i++) {
      synchronized (LOCK) {
        while (pingTurn != ping) {
          LOCK.wait();
        }
        pingTurn = !ping;
        turns++;
        LOCK.notifyAll();
      }
    }
  }
}
