package io.roam.bench;

import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Costs of the node kernel: a context switch (preempt at a safe point, unwind, schedule, rewind)
 * measured as the throughput a CPU-bound process loses when it shares one worker with another
 * under short slices, against the same process alone on the worker in the same run; the kernel's
 * memory per process; and checkpoint rates. Processes are {@code benchload.SorLoad} and {@code
 * benchload.DeepLoad} (SorLoad at the bottom of a deep recursion), run from a directory holding
 * only their class files.
 */
public final class NodeCost {
  static final String USAGE = """
      NodeCost [--seconds S] [--processes N]
        --seconds    measuring time of each throughput case (default 3)
        --processes  idle processes spawned for the memory figure (default 200)""";

  private static final OutputStream NULL = OutputStream.nullOutputStream();

  private NodeCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    double seconds = Double.parseDouble(a.getOrDefault("seconds", "3"));
    int idle = Integer.parseInt(a.getOrDefault("processes", "200"));
    Path dir = Files.createTempDirectory("roam-nodecost");
    Env.copyClass(dir, "benchload.SorLoad");
    Env.copyClass(dir, "benchload.DeepLoad");
    CodeSource code = CodeSource.fromClassPath(dir.toString());
    Report rep = new Report("node-cost", "Node kernel: context switch, memory per process, checkpoints", args);
    rep.param("workloads", "benchload.SorLoad 64 KiB grid (rows/s = progress); benchload.DeepLoad (same, 50 frames deep)");
    rep.param("measuring time per case", seconds + " s after 1 s of warm-up");
    switches(rep, code, seconds);
    memory(rep, code, idle);
    checkpoints(rep, code, dir);
    rep.finish();
  }

  // ------------------------------------------------------------------ context switch

  private static void switches(Report rep, CodeSource code, double seconds) throws Exception {
    Table t = new Table("workload", "slice", "processes on 1 worker", "rows/s (sum)", "÷ alone",
        "switches/s", "cost per switch µs");
    for (String[] w : new String[][] {{"benchload.SorLoad", "65536"}, {"benchload.DeepLoad", "65536", "50"}}) {
      double alone = rate(code, w, 1, Duration.ofMillis(20), seconds)[0];
      t.row(w[0], "—", "1", fmt(alone), "1.000", "0", "—");
      for (int sliceMs : new int[] {20, 5, 1}) {
        double[] r = rate(code, w, 2, Duration.ofMillis(sliceMs), seconds);
        double lostSecondsPerSecond = 1 - r[0] / alone;
        double perSwitchUs = r[1] > 0 ? lostSecondsPerSecond / r[1] * 1e6 : Double.NaN;
        t.row(w[0], sliceMs + " ms", "2", fmt(r[0]), String.format("%.3f", r[0] / alone),
            fmt(r[1]), String.format("%.1f", perSwitchUs));
      }
    }
    rep.table("Context switch: two CPU-bound processes sharing one worker vs one alone", t);
    rep.note("*Cost per switch* = (1 − rows/s ÷ alone) ÷ switches per second: the worker time one "
        + "preemption takes from useful work (time to the safe point, unwinding the frames into the"
        + " continuation, the scheduler's queue, rewinding them, and running the rewind twins "
        + "instead of the originals). At 20 ms slices it is within the noise of this shared machine"
        + " (hence a negative figure once); the 1 ms rows measure it best. Before the twins entered"
        + " their loops only at their heads (same day, earlier report), two processes kept only 0.6"
        + " of one's throughput at every slice length: C2 compiled the re-entered twin with an "
        + "irreducible loop nest. Rows/s is read from each process's own `progress` counter; "
        + "switches are the kernel's preemption count; each case runs in a fresh node kernel with "
        + "one worker.");
  }

  /** {rows/s summed over the processes, preemptions/s} over {@code seconds}. */
  private static double[] rate(CodeSource code, String[] w, int n, Duration slice, double seconds)
      throws Exception {
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("b").withWorkers(1).withSlice(slice))) {
      List<ProcessId> ps = new ArrayList<>();
      List<Field> progress = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ProcessId p = k.spawn(code, w[0], java.util.Arrays.copyOfRange(w, 1, w.length), console(), 0);
        ps.add(p);
      }
      Thread.sleep(1000);
      for (ProcessId p : ps) {
        progress.add(progressField(k, p));
      }
      long rows0 = sum(progress);
      long pre0 = preemptions(k, ps);
      long t0 = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      double dt = (System.nanoTime() - t0) / 1e9;
      double rows = (sum(progress) - rows0) / dt;
      double sw = (preemptions(k, ps) - pre0) / dt;
      return new double[] {rows, sw};
    }
  }

  // ------------------------------------------------------------------ memory

  private static void memory(Report rep, CodeSource code, int n) throws Exception {
    Table t = new Table("idle processes", "heap per process KiB", "metaspace per process KiB",
        "of which the program's own classes KiB (est.)");
    try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("m").withWorkers(2))) {
      // One process first, so that the kernel's own classes are loaded before the baseline.
      ProcessId warm = k.spawn(code, "benchload.SorLoad", new String[] {"0"}, console(), 0);
      Thread.sleep(300);
      k.kill(warm);
      k.await(warm, Duration.ofSeconds(10));
      k.reap();
      long[] before = used();
      List<ProcessId> ps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ProcessId p = k.spawn(code, "benchload.SorLoad", new String[] {"0"}, console(), 0);
        ps.add(p);
        k.suspend(p, Duration.ofSeconds(30));
      }
      long[] after = used();
      double heap = (after[0] - before[0]) / 1024.0 / n;
      double meta = (after[1] - before[1]) / 1024.0 / n;
      t.row(String.valueOf(n), String.format("%.1f", heap), String.format("%.1f", meta), "see note");
    }
    rep.table("Memory of the kernel per process (processes started, then suspended)", t);
    rep.note("Heap and metaspace in use after a full GC, before and after spawning the processes,"
        + " divided by their number. Each process is benchload.SorLoad with a 0-byte grid (a few"
        + " dozen bytes of its own), suspended after it started and never printing: the heap figure"
        + " is the kernel's per-process state (runtime, class loader, continuation, process table"
        + " entry, console counters) plus the process's copies of its own class objects and statics."
        + " A process adds its console streams on first use: about 24 KiB per standard stream it"
        + " writes to (PrintStream encoder and an 8 KiB buffer; plain java pays the same for its own"
        + " System.out). Metaspace holds each process's own copy of its (rewritten) classes, which a"
        + " per-process class loader implies; it is the program's code, not kernel state.");
  }

  private static long[] used() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long meta = 0;
    for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
      if (m.getName().equals("Metaspace")) {
        meta = m.getUsage().getUsed();
      }
    }
    return new long[] {heap, meta};
  }

  // ------------------------------------------------------------------ checkpoints

  private static void checkpoints(Report rep, CodeSource code, Path dir) throws Exception {
    Table t = new Table("live state", "checkpoints", "ms per checkpoint (median)", "snapshot bytes",
        "MB/s", "process rows/s while checkpointed ÷ without");
    for (long size : new long[] {1024, 1 << 20, 64L << 20}) {
      try (NodeKernel k = new NodeKernel(NodeKernel.Config.defaults("c").withWorkers(1))) {
        ProcessId p = k.spawn(code, "benchload.SorLoad", new String[] {String.valueOf(size)}, console(), 0);
        Thread.sleep(500);
        Field progress = progressField(k, p);
        long r0 = progress.getLong(null);
        long t0 = System.nanoTime();
        Thread.sleep(1000);
        double plain = (progress.getLong(null) - r0) / ((System.nanoTime() - t0) / 1e9);
        int rounds = size > (1 << 20) ? 10 : 50;
        List<Double> ms = new ArrayList<>();
        long bytes = 0;
        r0 = progress.getLong(null);
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          long c0 = System.nanoTime();
          bytes = k.checkpoint(p, dir.resolve("ck.roam"), Duration.ofSeconds(30));
          ms.add((System.nanoTime() - c0) / 1e6);
        }
        double during = (progress.getLong(null) - r0) / ((System.nanoTime() - t0) / 1e9);
        ms.sort(null);
        double med = ms.get(ms.size() / 2);
        t.row(size + " B", String.valueOf(rounds), String.format("%.2f", med), String.valueOf(bytes),
            String.format("%.0f", bytes / med / 1e3), String.format("%.3f", during / plain));
      }
    }
    rep.table("Checkpoint of a running process (suspend, write atomically with fsync, resume)", t);
    rep.note("Back-to-back checkpoints of one SorLoad process; the last column is the process's"
        + " throughput during the checkpoint loop against before it (it runs between checkpoints).");
  }

  // ------------------------------------------------------------------ helpers

  private static Field progressField(NodeKernel k, ProcessId p) throws Exception {
    // The process's own copy of SorLoad (its class loader), found through its main class.
    ClassLoader l = loaderOf(k, p);
    Field f = Class.forName("benchload.SorLoad", false, l).getField("progress");
    return f;
  }

  private static ClassLoader loaderOf(NodeKernel k, ProcessId p) throws Exception {
    return k.classLoader(p);
  }

  private static long sum(List<Field> fs) throws IllegalAccessException {
    long s = 0;
    for (Field f : fs) {
      s += f.getLong(null);
    }
    return s;
  }

  private static long preemptions(NodeKernel k, List<ProcessId> ps) throws Exception {
    long s = 0;
    for (ProcessId p : ps) {
      s += k.info(p).preemptions();
    }
    return s;
  }

  private static VirtualConsole console() {
    return new VirtualConsole(NULL, NULL, new ByteArrayInputStream(new byte[0]), 0, 0);
  }

  private static String fmt(double d) {
    return String.format("%.0f", d);
  }
}
