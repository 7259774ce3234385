package apiuse;

import io.roam.api.Message;
import io.roam.api.Pid;
import io.roam.api.Roam;
import java.util.ArrayList;
import java.util.List;

/**
 * Ping-pong between a parent and its forked child through Roam mailboxes: the parent sends
 * windows of pings numbered 0..N-1 (every 1000th a {@link Ping} object, the rest boxed longs),
 * the child answers each with a pong of the same number, and both check that every message comes
 * from the expected sender with the next number: one lost, duplicated or reordered message ends
 * the run with exit code 3. Prints progress every 10 000 messages and a summary; the output is
 * the same on every run (the test compares it). Usage: {@code PingPong [N [WINDOW [PAUSE]]]}: the
 * parent sleeps PAUSE ms after every 2000 pongs (default 0), to stretch a run for crash tests.
 */
public final class PingPong {
  /** A ping or pong carried as a process object (deep-copied between the processes). */
  record Ping(long seq, String note) {}

  private PingPong() {}

  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    int window = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    long pause = args.length > 2 ? Long.parseLong(args[2]) : 0;
    List<String> heap = new ArrayList<>(List.of("before-fork"));
    Pid parent = Roam.self();
    Pid child = Roam.fork();
    if (child.isNone()) {
      heap.add("child-only");
      System.out.println("child: heap " + heap);
      System.exit(child(parent));
    }
    System.out.println("parent: forked a child");
    long sent = 0;
    long received = 0;
    while (received < n) {
      for (int i = 0; i < window && sent < n; i++, sent++) {
        Roam.send(child, body(sent));
      }
      while (received < sent) {
        Message m = Roam.receive();
        check("parent", m, child, received);
        received++;
        if (received % 10_000 == 0) {
          System.out.println("parent: " + received + " pongs in order");
        }
        if (pause > 0 && received % 2_000 == 0) {
          sleep(pause);
        }
      }
    }
    Roam.send(child, -1L);
    Message done = Roam.receive();
    System.out.println("parent: child says " + done.body());
    System.out.println("parent: heap " + heap);
  }

  private static int child(Pid parent) {
    long expected = 0;
    while (true) {
      Message m = Roam.receive();
      if (Long.valueOf(-1L).equals(m.body())) {
        break;
      }
      check("child", m, parent, expected);
      Roam.send(parent, body(expected));
      expected++;
      if (expected % 25_000 == 0) {
        System.out.println("child: " + expected + " pings in order");
      }
    }
    Roam.send(parent, "received " + expected + " pings in order");
    System.out.println("child: done");
    return 0;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Object body(long seq) {
    return seq % 1000 == 0 ? new Ping(seq, "ping #" + seq) : (Object) seq;
  }

  private static void check(String who, Message m, Pid from, long expected) {
    Object b = m.body();
    long seq = b instanceof Ping p ? p.seq() : (Long) b;
    boolean kindOk = (expected % 1000 == 0) == (b instanceof Ping);
    if (!m.sender().equals(from) || seq != expected || !kindOk) {
      System.out.println(who + ": expected #" + expected + " from " + from + " but got " + m);
      System.exit(3);
    }
  }
}
