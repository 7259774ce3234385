package monitorfixture;

/** Monitor shapes for MonitorRewriteTest: javac's synchronized blocks and synchronized methods. */
public class Synced {
  private final Object lock = new Object();
  private int total;

  public synchronized int add(int v) {
    total += v;
    return total;
  }

  public static synchronized long twice(long v) {
    return v * 2;
  }

  public synchronized void throwInside(int v) {
    if (v > 0) {
      throw new IllegalArgumentException("inside " + v);
    }
    total += v;
  }

  public int throwInBlock(int v) {
    synchronized (lock) {
      if (v > 0) {
        throw new IllegalStateException("block " + v);
      }
      return v;
    }
  }

  public synchronized int recurse(int n) {
    return n == 0 ? total : 1 + recurse(n - 1);
  }

  public int nested(int v) {
    synchronized (lock) {
      synchronized (this) {
        return add(v) + helper(v);
      }
    }
  }

  public synchronized double wide(long a, double b) {
    return a + b;
  }

  public synchronized int loop(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += i;
    }
    return s;
  }

  public synchronized int fresh(int n) {
    return new int[] {n}.length + lock.hashCode() * 0;
  }

  private int helper(int v) {
    return v + 1;
  }

  public void waitAndNotify() throws InterruptedException {
    synchronized (lock) {
      lock.notifyAll();
      lock.wait(1);
    }
  }
}
