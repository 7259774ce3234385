package apiuse;

import io.roam.api.Message;
import io.roam.api.Pid;
import io.roam.api.Roam;

/**
 * One-way traffic, for moving the receiver while messages are in flight: the parent forks a
 * child and sends it N numbers (0..N-1; every 1000th a {@link Numbered} object, the rest boxed
 * longs), pausing 1 ms after every 50 (20 000 take it at least 0.4 s), then ends; the child
 * takes them more slowly (1 ms after every 25), checks that each is the next one from the parent
 * — a lost, duplicated or reordered message ends it with exit code 3 — and prints progress every
 * 1000 and a checksum at the end.
 * The child's output is the same on every run. Usage: {@code Feed [N]} (default 5000).
 */
public final class Feed {
  /** A number carried as a process object (deep-copied between the processes). */
  record Numbered(long seq, String note) {}

  private Feed() {}

  public static void main(String[] args) throws InterruptedException {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 5000;
    Pid parent = Roam.self();
    Pid child = Roam.fork();
    if (child.isNone()) {
      System.exit(child(parent, n));
    }
    for (long i = 0; i < n; i++) {
      Roam.send(child, i % 1000 == 0 ? new Numbered(i, "number " + i) : (Object) i);
      if (i % 50 == 49) {
        Thread.sleep(1);
      }
    }
  }

  private static int child(Pid parent, long n) throws InterruptedException {
    long sum = 0;
    for (long expected = 0; expected < n; expected++) {
      Message m = Roam.receive();
      Object b = m.body();
      long seq = b instanceof Numbered x ? x.seq() : (Long) b;
      if (!m.sender().equals(parent) || seq != expected || (expected % 1000 == 0) != (b instanceof Numbered)) {
        System.out.println("child: expected #" + expected + " from " + parent + " but got " + m);
        return 3;
      }
      sum = sum * 31 + seq;
      if (expected % 1000 == 999) {
        System.out.println("child: " + (expected + 1) + " in order");
      }
      if (expected % 25 == 24) {
        Thread.sleep(1);
      }
    }
    System.out.println("child: all " + n + " in order, checksum " + Long.toHexString(sum));
    return 0;
  }
}
