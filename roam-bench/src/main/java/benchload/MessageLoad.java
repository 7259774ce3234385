package benchload;

import io.roam.api.Message;
import io.roam.api.Pid;
import io.roam.api.Roam;

/**
 * Message traffic for {@code MessageRate}, as a Roam program. Modes: {@code self N} sends N boxed
 * longs to itself, each received at once (no other process, never waits); {@code selfobj N} the
 * same with a small record (deep-copied through the heap codec); {@code stream N} forks
 * and the parent sends N boxed longs to the child, which takes them all, checking their order,
 * and answers once; {@code pingpong N W} forks and the parent sends windows of W, each answered by
 * the child; {@code threads N}: a thread of the process sends N boxed longs to the process, main
 * takes them. Prints {@code nanos=T} (virtual clock, from after the fork to the last message) and,
 * for checking, the last number the receiver saw.
 */
public final class MessageLoad {
  /** A small process object as a message: copied by the heap codec, not shared. */
  record Item(long seq, String tag) {}

  private MessageLoad() {}

  public static void main(String[] args) {
    String mode = args[0];
    long n = Long.parseLong(args[1]);
    if (mode.startsWith("self")) {
      boolean obj = mode.equals("selfobj");
      Pid me = Roam.self();
      long t0 = System.nanoTime();
      long last = -1;
      for (long i = 0; i < n; i++) {
        Roam.send(me, obj ? new Item(i, "item") : (Object) i);
        Object b = Roam.receive(0).body();
        last = obj ? ((Item) b).seq() : (Long) b;
      }
      System.out.println("nanos=" + (System.nanoTime() - t0) + " last=" + last);
      return;
    }
    if (mode.equals("threads")) {
      threads(n);
      return;
    }
    Pid parent = Roam.self();
    Pid child = Roam.fork();
    if (child.isNone()) {
      receiver(parent, mode, n);
      return;
    }
    long t0 = System.nanoTime();
    if (mode.equals("stream")) {
      for (long i = 0; i < n; i++) {
        Roam.send(child, i);
      }
    } else {
      int w = Integer.parseInt(args[2]);
      for (long sent = 0; sent < n; ) {
        long end = Math.min(n, sent + w);
        for (; sent < end; sent++) {
          Roam.send(child, sent);
        }
        for (long k = end - w; k < end; k++) {
          Roam.receive();
        }
      }
    }
    Message done = Roam.receive();
    System.out.println("nanos=" + (System.nanoTime() - t0) + " last=" + done.body());
  }

  /**
   * A producer thread sends n boxed longs to its own process; main takes them, checking their
   * order: main waits alone whenever the mailbox is empty (an external wait) while the producer runs.
   */
  private static void threads(long n) {
    Pid me = Roam.self();
    Thread producer = new Thread(() -> {
      for (long i = 0; i < n; i++) {
        Roam.send(me, i);
      }
    });
    long t0 = System.nanoTime();
    producer.start();
    long last = -1;
    for (long i = 0; i < n; i++) {
      last = next(last);
    }
    System.out.println("nanos=" + (System.nanoTime() - t0) + " last=" + last);
  }

  /** The next message's number, which must follow {@code last}: exit 3 otherwise. */
  private static long next(long last) {
    long v = (Long) Roam.receive().body();
    if (v != last + 1) {
      System.out.println("out of order: " + v + " after " + last);
      System.exit(3);
    }
    return v;
  }

  private static void receiver(Pid parent, String mode, long n) {
    long last = -1;
    for (long i = 0; i < n; i++) {
      last = next(last);
      if (mode.equals("pingpong")) {
        Roam.send(parent, last);
      }
    }
    Roam.send(parent, last);
  }
}
