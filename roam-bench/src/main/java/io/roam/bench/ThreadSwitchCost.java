package io.roam.bench;

import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRunner;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cost of a thread switch inside a process: {@code benchload.PingPong}'s two threads take turns
 * through one monitor ({@code wait}/{@code notifyAll}), so every turn is one switch. Under Roam a
 * switch unwinds the waiting thread into its continuation and rewinds the other; the baseline is
 * the same class run by plain Java threads in this JVM (an OS context switch per turn). Each case
 * runs {@code --runs} times in a fresh process (loader, rewritten classes); the median is reported.
 */
public final class ThreadSwitchCost {
  static final String USAGE = """
      ThreadSwitchCost [--rounds R] [--runs N]
        --rounds  turns of each thread per run (default 50000)
        --runs    runs per case after one warm-up run (default 5)""";

  private static final OutputStream NULL = OutputStream.nullOutputStream();

  private ThreadSwitchCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "50000"));
    int runs = Integer.parseInt(a.getOrDefault("runs", "5"));
    Path dir = Files.createTempDirectory("roam-threadswitch");
    Files.createDirectories(dir.resolve("benchload"));
    for (String res : new String[] {"benchload/PingPong.class", "benchload/MonitorLoad.class"}) {
      try (InputStream in = ThreadSwitchCost.class.getClassLoader().getResourceAsStream(res)) {
        Files.copy(in, dir.resolve(res));
      }
    }
    CodeSource code = CodeSource.fromClassPath(dir.toString());
    Report rep = new Report("threads", "Thread switches inside a process: ping-pong via wait/notifyAll", args);
    rep.param("workload", "benchload.PingPong: 2 threads × " + rounds + " turns, one monitor");
    rep.param("runs per case", runs + " after 1 warm-up (median)");
    Table t = new Table("stack depth", "plain Java µs/switch", "Roam µs/switch", "Roam ÷ plain",
        "switches/s plain", "switches/s Roam");
    for (int depth : new int[] {0, 20, 100}) {
      double plain = median(runs, () -> plain(dir, rounds, depth)) / (2.0 * rounds) / 1e3;
      double roam = median(runs, () -> roam(code, rounds, depth)) / (2.0 * rounds) / 1e3;
      t.row(String.valueOf(depth + 3), String.format("%.2f", plain), String.format("%.2f", roam),
          String.format("%.2f", roam / plain), String.format("%.0f", 1e6 / plain),
          String.format("%.0f", 1e6 / roam));
    }
    rep.table("One switch = one turn (µs per turn, median of the runs)", t);
    rep.note("*Stack depth*: frames of each thread between its entry and the wait (main or the"
        + " lambda, `deep` × the extra depth, `play`). Under Roam a switch costs the unwinding of the"
        + " waiting thread's frames into its continuation, the kernel's monitor and wait-set"
        + " bookkeeping, and the rewinding of the other thread's frames; the process stays on its"
        + " carrier, no OS thread switch happens. Plain Java pays an OS context switch (a futex"
        + " wake-up and a sleep) per turn on this 2-core machine shared with other jobs. Time is the"
        + " program's own `System.nanoTime` around the turns (the process clock under Roam), so class"
        + " loading and rewriting are not included.");
    monitors(rep, dir, code, runs);
    rep.finish();
  }

  /** Uncontended monitor calls: ns per call, plain Java and Roam, one thread and after two. */
  private static void monitors(Report rep, Path dir, CodeSource code, int runs) throws Exception {
    long calls = 20_000_000L;
    String[] shapes = {"leaf synchronized method", "synchronized method that calls", "synchronized block in a loop"};
    Table t = new Table("shape", "threads started", "plain Java ns/call", "Roam ns/call", "Roam ÷ plain");
    for (String mode : new String[] {"one", "threads"}) {
      String[] args = {mode, String.valueOf(calls)};
      double[][] plain = medians(runs, () -> times(plainRun(dir, "benchload.MonitorLoad", args)));
      double[][] roam = medians(runs, () -> times(roamRun(code, "benchload.MonitorLoad", args)));
      for (int i = 0; i < shapes.length; i++) {
        double p = plain[i][0] / calls;
        double r = roam[i][0] / calls;
        t.row(shapes[i], mode.equals("one") ? "none (main only)" : "one, ended",
            String.format("%.2f", p), String.format("%.2f", r), String.format("%.2f", r / p));
      }
    }
    rep.table("Uncontended monitors (" + calls + " calls per shape, median of the runs)", t);
    rep.note("*Leaf*: a synchronized method with no call, loop, allocation or foreign static (SciMark's"
        + " `Random.nextDouble` shape). Under Roam it calls `monitorEnterLeaf/ExitLeaf`, which do nothing"
        + " while the process has one thread, so C2 treats it as plain Java does. *Calling* and *block in"
        + " a loop* hold a safe point inside the region: with one thread they push and pop the context"
        + " class's held stack; after a second thread has started (`threads`), every shape goes through"
        + " the kernel's monitor table (`ProcessThreads`). Plain Java's uncontended monitors are"
        + " lightweight locks, or nothing where escape analysis removes them.");
  }

  private static long[] times(Class<?> c) throws Exception {
    return ((long[]) c.getField("nanos").get(null)).clone();
  }

  interface Times {
    long[] nanos() throws Exception;
  }

  /** Per shape, the median over {@code runs} runs (after one warm-up), as a one-element row. */
  private static double[][] medians(int runs, Times r) throws Exception {
    r.nanos();
    List<long[]> xs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      xs.add(r.nanos());
    }
    double[][] out = new double[xs.get(0).length][1];
    for (int k = 0; k < out.length; k++) {
      final int shape = k;
      out[k][0] = xs.stream().mapToLong(x -> x[shape]).sorted().skip(xs.size() / 2).findFirst().orElseThrow();
    }
    return out;
  }

  interface Run {
    long nanos() throws Exception;
  }

  private static double median(int runs, Run r) throws Exception {
    r.nanos();
    List<Long> xs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      xs.add(r.nanos());
    }
    xs.sort(null);
    return xs.get(xs.size() / 2);
  }

  /** PingPong in a plain loader of its own, on real threads: its elapsed nanoseconds. */
  private static long plain(Path dir, int rounds, int depth) throws Exception {
    return plainRun(dir, "benchload.PingPong", String.valueOf(rounds), String.valueOf(depth))
        .getField("elapsedNanos").getLong(null);
  }

  /** PingPong as a Roam process run in this JVM: its elapsed nanoseconds. */
  private static long roam(CodeSource code, int rounds, int depth) throws Exception {
    return roamRun(code, "benchload.PingPong", String.valueOf(rounds), String.valueOf(depth))
        .getField("elapsedNanos").getLong(null);
  }

  /** Runs {@code main} of class {@code name} in a plain loader of its own; returns the class. */
  private static Class<?> plainRun(Path dir, String name, String... args) throws Exception {
    java.net.URLClassLoader l = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    Class<?> c = Class.forName(name, true, l);
    c.getMethod("main", String[].class).invoke(null, (Object) args);
    return c;
  }

  /** Runs class {@code name} as a Roam process in this JVM; returns its class (process loader). */
  private static Class<?> roamRun(CodeSource code, String name, String... args) throws Exception {
    ProcessClassLoader loader = new ProcessClassLoader(code, ThreadSwitchCost.class.getClassLoader());
    ProcessRuntime rt = new ProcessRuntime(loader, ProcessState.fresh(),
        new VirtualConsole(NULL, NULL, new ByteArrayInputStream(new byte[0]), 0, 0));
    rt.onExit(x -> {
      throw new ProcessRunner.ProcessExit(x);
    });
    MethodHandle main = ProcessRunner.mainMethod(loader, name);
    ProcessRunner.Outcome o = ProcessRunner.run(rt, main, args);
    if (!(o instanceof ProcessRunner.Exited e) || e.code() != 0) {
      throw new IllegalStateException(name + " under Roam ended with " + o);
    }
    return Class.forName(name, false, loader);
  }
}
