package io.roam.bench;

import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Messages per second within one node for small messages (boxed longs) through {@code
 * io.roam.api.Roam} mailboxes ({@code benchload.MessageLoad}), with plain-Java hand-offs between
 * two threads measured in the same run as the baseline: a LinkedBlockingQueue and an ArrayDeque
 * guarded by a monitor with wait/notify. Each case is run {@code rounds} times in a fresh node
 * kernel; the table gives the median and the best rate.
 */
public final class MessageRate {
  static final String USAGE = """
      MessageRate [--messages N] [--rounds R]
        --messages  messages per run (default 2000000)
        --rounds    runs per case (default 5)""";

  private static final OutputStream NULL = OutputStream.nullOutputStream();

  private MessageRate() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    long n = Long.parseLong(a.getOrDefault("messages", "2000000"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
    Path dir = Files.createTempDirectory("roam-msgrate");
    Env.copyClass(dir, "benchload.MessageLoad");
    Env.copyClass(dir, "benchload.MessageLoad$Item");
    CodeSource code = CodeSource.fromClassPath(dir.toString());
    Report rep = new Report("messages", "Messages per second within a node (io.roam.api mailboxes)", args);
    rep.param("messages per run", n);
    rep.param("runs per case", rounds + " (median and best shown)");
    Table t = new Table("case", "workers", "median msg/s", "best msg/s", "ns/msg (median)",
        "receiver slices per 1000 msgs");
    for (String[] c : new String[][] {{"self"}, {"selfobj"}, {"stream"}, {"pingpong", "1000"}, {"pingpong", "100"}, {"threads"}}) {
      for (int workers : c[0].startsWith("self") || c[0].equals("threads") ? new int[] {1} : new int[] {1, 2}) {
        roam(t, code, c, workers, n, rounds);
      }
    }
    plain(t, "plain Java: LinkedBlockingQueue, 2 threads", n, rounds, MessageRate::linkedBlockingQueue);
    plain(t, "plain Java: ArrayDeque + synchronized/notify, 2 threads", n, rounds, MessageRate::monitorDeque);
    rep.table("Small messages (boxed long) between two processes of one node", t);
    rep.note("*self*: one process sends to itself and takes each message at once — the cost of the"
        + " API path alone (redirected call, mailbox lock, Message object, per-peer counters), no"
        + " waiting and no other thread. *selfobj*: the same with a small record {long, String}"
        + " instead of a boxed long, deep-copied by the heap codec (N/10 messages). *stream*: the parent sends all N, the child takes them. "
        + "*pingpong W*: windows of W pings, each answered by a pong (both counted as messages). "
        + "*threads*: one process, a thread sends N to the process and main takes them; main waits"
        + " alone (an external wait, docs/design/threads.md) whenever the mailbox is empty. "
        + "With one worker a process that finds its mailbox empty unwinds (holds no worker) and the"
        + " other runs; *receiver slices per 1000 msgs* counts those runs of the receiving process."
        + " Rates are messages moved ÷ the parent's time from after fork to the last message "
        + "(virtual clock). Each Roam run is a fresh node kernel, so the JIT warms up in every run:"
        + " the best column is closer to the steady state.");
    rep.finish();
  }

  private static void roam(Table t, CodeSource code, String[] c, int workers, long n, int rounds)
      throws Exception {
    List<Double> rates = new ArrayList<>();
    double slicesPerK = 0;
    for (int r = 0; r < rounds; r++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("b").withWorkers(workers))) {
        k.setChildConsoles((child, parent, m, pc) -> new VirtualConsole(NULL, NULL,
            new ByteArrayInputStream(new byte[0]), 0, 0));
        String[] args = new String[c.length + 1];
        args[0] = c[0];
        args[1] = String.valueOf(n);
        System.arraycopy(c, 1, args, 2, c.length - 1);
        long n1 = c[0].equals("selfobj") ? n / 10 : n;
        args[1] = String.valueOf(n1);
        ProcessId p = k.spawn(code, "benchload.MessageLoad", args,
            new VirtualConsole(out, NULL, new ByteArrayInputStream(new byte[0]), 0, 0), 0);
        ProcessInfo end = k.await(p, Duration.ofMinutes(10));
        List<ProcessInfo> all = k.ps();
        ProcessInfo receiver = all.get(all.size() - 1);
        if (!c[0].startsWith("self")) {
          receiver = k.await(receiver.pid(), Duration.ofMinutes(1));
        }
        String s = out.toString().trim();
        if (end.exitCode() != 0 || !s.endsWith("last=" + (n1 - 1))) {
          throw new IllegalStateException("MessageLoad " + String.join(" ", args) + " failed: " + s);
        }
        long nanos = Long.parseLong(s.substring(s.indexOf("nanos=") + 6, s.indexOf(' ')));
        long moved = c[0].equals("pingpong") ? 2 * n1 : n1; // a ping and its pong are two messages
        rates.add(moved / (nanos / 1e9));
        slicesPerK = receiver.slices() * 1000.0 / moved;
      }
    }
    rates.sort(null);
    double med = rates.get(rates.size() / 2);
    t.row(String.join(" ", c), String.valueOf(workers), fmt(med), fmt(rates.get(rates.size() - 1)),
        String.format("%.0f", 1e9 / med), String.format("%.2f", slicesPerK));
  }

  private interface Handoff {
    long run(long n) throws InterruptedException;
  }

  private static void plain(Table t, String name, long n, int rounds, Handoff h) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long nanos = h.run(n);
      rates.add(n / (nanos / 1e9));
    }
    rates.sort(null);
    double med = rates.get(rates.size() / 2);
    t.row(name, "—", fmt(med), fmt(rates.get(rates.size() - 1)), String.format("%.0f", 1e9 / med), "—");
  }

  /** Producer puts n boxed longs, consumer takes them: nanos until the consumer has the last. */
  private static long linkedBlockingQueue(long n) throws InterruptedException {
    LinkedBlockingQueue<Long> q = new LinkedBlockingQueue<>();
    long[] last = {-1};
    Thread consumer = new Thread(() -> {
      try {
        for (long i = 0; i < n; i++) {
          last[0] = q.take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long t0 = System.nanoTime();
    consumer.start();
    for (long i = 0; i < n; i++) {
      q.add(i);
    }
    consumer.join();
    check(last[0], n);
    return System.nanoTime() - t0;
  }

  private static long monitorDeque(long n) throws InterruptedException {
    ArrayDeque<Long> q = new ArrayDeque<>();
    long[] last = {-1};
    Thread consumer = new Thread(() -> {
      try {
        for (long i = 0; i < n; i++) {
          synchronized (q) {
            while (q.isEmpty()) {
              q.wait();
            }
            last[0] = q.poll();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long t0 = System.nanoTime();
    consumer.start();
    for (long i = 0; i < n; i++) {
      synchronized (q) {
        q.add(i);
        q.notify();
      }
    }
    consumer.join();
    check(last[0], n);
    return System.nanoTime() - t0;
  }

  private static void check(long last, long n) {
    if (last != n - 1) {
      throw new IllegalStateException("hand-off lost messages: last " + last);
    }
  }

  private static String fmt(double d) {
    return String.format("%.0f", d);
  }
}
