package apiuse;

import io.roam.api.Message;
import io.roam.api.Pid;
import io.roam.api.Roam;

/**
 * One thread of a process waits in {@code Roam.receive} while another thread of the same process
 * computes: only the waiting thread blocks (docs/design/threads.md, "External waits"). Usage:
 *
 * <ul>
 *   <li>{@code compute N ROUNDS}: a thread prints N steps of a deterministic series (ROUNDS
 *       generator rounds each), then sends its own
 *       process a message; main, blocked in {@code receive()} all that time, prints what it got
 *       and how many steps had been printed when it got it.
 *   <li>{@code timed MS}: main waits in {@code receive(MS)} with no sender while another thread
 *       spins until told to stop; receive gives null once MS ms of the process clock have passed,
 *       and the spinner ran meanwhile. The spinner first interrupts main: that sets main's
 *       interrupt flag and does not end the wait (receive is not interruptible).
 *   <li>{@code allwait}: main waits in {@code receive()}, the other thread in {@code Object.wait()};
 *       every thread waits, so the process holds no worker until a message from another process
 *       ends main's wait; main then notifies the other thread.
 *   <li>{@code send PID TEXT}: computes for a while (10^8 generator rounds), then sends TEXT to
 *       process PID.
 *   <li>{@code checkpoint}: main waits in {@code receive()} while another thread computes, calls
 *       {@code Roam.checkpoint()} (a blocking call of a thread other than main) and sends main the
 *       answer.
 *   <li>{@code tworeceivers}: two threads wait in receive, one of them with a timeout; after that
 *       one timed out, main sends a message, which the other one gets.
 *   <li>{@code forkthread}: main waits in {@code receive()} while another thread forks; in both
 *       processes that thread sends its own process's main a message naming the side it is on.
 *   <li>{@code twocheckpoints}: two threads call {@code Roam.checkpoint()}, the second while the
 *       first one's request is with the node; main joins both.
 *   <li>{@code nested}: main waits in {@code receive()} for a message from a process it spawned,
 *       while another thread waits inside a {@code List.sort} comparator (a stack that cannot
 *       unwind, so the kernel runs the other threads on top of it); main's message ends both waits.
 * </ul>
 */
public final class ReceiveWhileComputing {
  private ReceiveWhileComputing() {}

  /** Steps the computing thread has printed. */
  private static volatile int printed;
  /** Tells the spinner of {@code timed} to stop. */
  private static volatile boolean stop;
  /** Rounds the spinner of {@code timed} has run. */
  private static volatile long spins;

  private static final Object LOCK = new Object();
  /** Guarded by LOCK: main got its message ({@code allwait}). */
  private static boolean told;

  public static void main(String[] args) throws InterruptedException {
    switch (args[0]) {
      case "compute" -> compute(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "timed" -> timed(Long.parseLong(args[1]));
      case "allwait" -> allWait();
      case "send" -> send(Pid.parse(args[1]), args[2]);
      case "checkpoint" -> checkpointFromThread();
      case "tworeceivers" -> twoReceivers();
      case "forkthread" -> forkFromThread();
      case "twocheckpoints" -> twoCheckpoints();
      case "nested" -> waitUnderSort();
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void compute(int n, int rounds) throws InterruptedException {
    System.out.println("main: waiting for a message");
    Thread computer = new Thread(() -> {
      long x = 1;
      for (int k = 1; k <= n; k++) {
        x = mix(x, rounds);
        System.out.println("step " + k + ": " + Long.toHexString(x));
        printed = k;
      }
      Roam.send(Roam.self(), "computed " + n + " steps");
    }, "computer");
    computer.start();
    Message m = Roam.receive();
    int seen = printed;
    System.out.println("main: got '" + m.body() + "' when the computer had printed " + seen + " steps");
    computer.join();
    System.out.println("main: done");
  }

  private static void timed(long ms) throws InterruptedException {
    Thread main = Thread.currentThread();
    Thread spinner = new Thread(() -> {
      main.interrupt();
      long x = 1;
      while (!stop) {
        x = mix(x, 1000);
        spins++;
      }
      System.out.println("spinner: stopped");
    }, "spinner");
    System.out.println("main: receive(" + ms + ") while a thread computes");
    spinner.start();
    long t0 = System.nanoTime();
    Message m = Roam.receive(ms);
    long waited = (System.nanoTime() - t0) / 1_000_000;
    long ran = spins;
    boolean flag = Thread.interrupted();
    stop = true;
    spinner.join();
    System.out.println("main: got " + m + " after at least " + ms + " ms: " + (waited >= ms));
    System.out.println("main: the spinner ran while main waited: " + (ran > 0));
    System.out.println("main: interrupted while waiting, flag kept: " + flag);
  }

  private static void allWait() throws InterruptedException {
    System.out.println("main: waiting for a message; the other thread waits for main");
    Thread waiter = new Thread(() -> {
      synchronized (LOCK) {
        while (!told) {
          try {
            LOCK.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
      }
      System.out.println("waiter: main told me");
    }, "waiter");
    waiter.start();
    Message m = Roam.receive();
    System.out.println("main: got '" + m.body() + "' from " + m.sender());
    synchronized (LOCK) {
      told = true;
      LOCK.notifyAll();
    }
    waiter.join();
    System.out.println("main: done");
  }

  private static void checkpointFromThread() throws InterruptedException {
    System.out.println("main: waiting for the saver");
    Thread saver = new Thread(() -> {
      long x = mix(1, 1_000_000);
      boolean written = Roam.checkpoint();
      System.out.println("saver: computed " + Long.toHexString(x) + ", checkpoint " + written);
      Roam.send(Roam.self(), "saved: " + written);
    }, "saver");
    saver.start();
    Message m = Roam.receive();
    System.out.println("main: got '" + m.body() + "'");
    saver.join();
    System.out.println("main: done");
  }

  private static void twoReceivers() throws InterruptedException {
    Thread patient = new Thread(() -> System.out.println("patient: got '" + Roam.receive().body() + "'"),
        "patient");
    Thread hasty = new Thread(() -> System.out.println("hasty: receive(50) gave " + Roam.receive(50)),
        "hasty");
    patient.start();
    hasty.start();
    hasty.join();
    Roam.send(Roam.self(), "for the patient one");
    patient.join();
    System.out.println("main: done");
  }

  private static void forkFromThread() throws InterruptedException {
    System.out.println("main: waiting for the forking thread");
    Thread forker = new Thread(() -> {
      Pid child = Roam.fork();
      boolean inChild = child.equals(Pid.NONE);
      System.out.println("forker: fork gave " + child);
      Roam.send(Roam.self(), inChild ? "from the child's forker" : "from the parent's forker");
    }, "forker");
    forker.start();
    Message m = Roam.receive();
    System.out.println("main: got '" + m.body() + "'");
    forker.join();
    System.out.println("main: done");
  }

  private static void twoCheckpoints() throws InterruptedException {
    Thread[] savers = new Thread[2];
    boolean[] written = new boolean[2];
    for (int i = 0; i < 2; i++) {
      int k = i;
      savers[i] = new Thread(() -> written[k] = Roam.checkpoint(), "saver-" + i);
      savers[i].start();
    }
    for (Thread t : savers) {
      t.join();
    }
    System.out.println("main: both checkpoints returned " + written[0] + " " + written[1]);
  }

  private static void waitUnderSort() throws InterruptedException {
    System.out.println("main: waiting for a message; a thread waits inside a sort");
    Thread sorter = new Thread(() -> {
      java.util.List<Integer> list = new java.util.ArrayList<>(java.util.List.of(2, 1));
      list.sort((a, b) -> {
        synchronized (LOCK) {
          while (!told) {
            try {
              LOCK.wait();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
        }
        return Integer.compare(a, b);
      });
      System.out.println("sorter: sorted " + list);
    }, "sorter");
    sorter.start();
    Roam.spawn("apiuse.ReceiveWhileComputing", "send", Roam.self().toString(), "hello");
    Message m = Roam.receive();
    System.out.println("main: got '" + m.body() + "' from " + m.sender());
    synchronized (LOCK) {
      told = true;
      LOCK.notifyAll();
    }
    sorter.join();
    System.out.println("main: done");
  }

  private static void send(Pid to, String text) {
    long x = mix(1, 100_000_000);
    System.out.println("sender: computed " + Long.toHexString(x) + ", sending to " + to);
    Roam.send(to, text);
  }

  /** {@code rounds} steps of a 64-bit linear congruential generator. */
  private static long mix(long x, int rounds) {
    for (int i = 0; i < rounds; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }
}
