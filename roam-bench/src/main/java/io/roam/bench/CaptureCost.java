package io.roam.bench;

import io.roam.bench.javaflow.JavaFlowBaseline;
import io.roam.kernel.LocalKernel;
import io.roam.kernel.image.ProcessImage;
import io.roam.kernel.process.ProcessRuntime;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Capture and restore cost against live state size. The workload {@code benchload.SorLoad} (a
 * plain program: a SOR grid of S bytes of doubles swept forever) runs under the kernel in this JVM,
 * from a directory that holds only its class file, on node threads ({@link Mover}) that move it by
 * file, through memory and over a loopback socket. Per size and transport it measures request →
 * Captured, sending the snapshot, restoring it and the rewind until the program's own code runs
 * again; time to safe point over every capture of the size (moves plus extra captures resumed in
 * place); snapshot size ÷ S and GB/s = S ÷ round trip. Baselines, interleaved in every round while
 * the process is held captured: the same {@code double[][]} through JDK serialization to a file,
 * and the same sweep written for Tascalate JavaFlow. Every copy is checked against a checksum of
 * the captured grid. The report's notes say exactly what each column times.
 */
public final class CaptureCost {
  static final String USAGE = """
      CaptureCost [--sizes 1KiB,1MiB,100MiB,1GiB] [--rounds N] [--warmup N] [--inplace N] [--transports LIST] [--dir DIR]
        --sizes    live state sizes (KiB/MiB/GiB suffixes)
        --transports  how the process moves in each round, in order: file, memory, socket (default: all three)
        --warmup   unrecorded rounds per size (default: 300 up to 1 MiB, 2 up to 100 MiB, 0 above)
        --rounds   rounds per size (default: 60 up to 1 MiB, 10 up to 100 MiB, 5 above)
        --inplace  extra captures per size resumed in place, for time-to-safe-point percentiles (default 100)
        --dir      where snapshots and serialized files go (default /dev/shm if present, else /tmp)""";
  static final String MAIN = "benchload.SorLoad";
  static final String JAVAFLOW_VERSION = "2.7.3";
  static final double GB = 1e9;
  /** Sizes from which a {@code System.gc()} precedes each timed phase. */
  static final long GC_FROM = 64L << 20;
  /** Windows of 200 ms over which the workload's speed is sampled before and after. */
  static final int SPEED_WINDOWS = 5;
  static final long SPIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final Path dir;
  private final Path classDir;
  private final int inplace;
  private final LocalKernel kernel = new LocalKernel(System.err);
  private final ExecutorService exec = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "capture-cost-runner");
    t.setDaemon(true);
    return t;
  });
  private final Random random = new Random(1);
  private final List<String> problems = new ArrayList<>();
  /** How each round moves the process, in this order. */
  private final EnumSet<Mover.Transport> transports;
  /** The JavaFlow baseline's parked sweep for the size being measured. */
  private JavaFlowBaseline javaFlow;

  private CaptureCost(Path dir, Path classDir, int inplace, EnumSet<Mover.Transport> transports) {
    this.transports = transports;
    this.dir = dir;
    this.classDir = classDir;
    this.inplace = inplace;
  }

  /** Measurements of one size. */
  static final class Sample {
    final long size;
    final int rounds;
    final int warmup;
    final Stats ttsp = new Stats();
    final Stats ttspInPlace = new Stats();
    final Stats ttspRestored = new Stats();
    final Stats control = new Stats();
    final Stats rowsBefore = new Stats();
    final Stats rowsAfter = new Stats();
    final Map<Mover.Transport, Leg> legs = new EnumMap<>(Mover.Transport.class);
    final Stats jdkWrite = new Stats();
    final Stats jdkRead = new Stats();
    final Stats jdkRoundTrip = new Stats();
    final Stats jdkBytes = new Stats();
    final Stats ratio = new Stats();
    final Stats jfCapture = new Stats();
    final Stats jfWrite = new Stats();
    final Stats jfRead = new Stats();
    final Stats jfResume = new Stats();
    final Stats jfRoundTrip = new Stats();
    final Stats jfBytes = new Stats();
    final Stats jfRatio = new Stats();

    Sample(long size, int rounds, int warmup) {
      this.size = size;
      this.rounds = rounds;
      this.warmup = warmup;
    }

    Leg leg(Mover.Transport how) {
      return legs.computeIfAbsent(how, k -> new Leg());
    }
  }

  /** The moves of one size by one transport. */
  static final class Leg {
    final Stats toCaptured = new Stats();
    final Stats send = new Stats();
    final Stats restore = new Stats();
    final Stats rewind = new Stats();
    final Stats roundTrip = new Stats();
    final Stats bytes = new Stats();

    void add(Mover.Move m) {
      toCaptured.add(m.toCapturedMs() * 1e3);
      send.add(m.sendMs());
      restore.add(m.restoreMs());
      rewind.add(m.rewindMs());
      roundTrip.add(m.totalMs());
      bytes.add(m.bytes());
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Env.args(args, USAGE);
    List<Long> sizes = new ArrayList<>();
    for (String s : a.getOrDefault("sizes", "1KiB,1MiB,100MiB,1GiB").split(",")) {
      sizes.add(parseSize(s.trim()));
    }
    Integer fixedRounds = a.containsKey("rounds") ? Integer.valueOf(a.get("rounds")) : null;
    int inplace = Integer.parseInt(a.getOrDefault("inplace", "100"));
    Path base = Path.of(a.getOrDefault("dir", Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : "/tmp"));
    Path work = Files.createTempDirectory(base, "roam-bench-capture");
    try {
      Path classDir = work.resolve("cp");
      Env.copyClass(classDir, MAIN);
      EnumSet<Mover.Transport> how = EnumSet.noneOf(Mover.Transport.class);
      for (String t : a.getOrDefault("transports", "file,memory,socket").split(",")) {
        how.add(Mover.Transport.valueOf(t.trim().toUpperCase(Locale.ROOT)));
      }
      CaptureCost bench = new CaptureCost(work, classDir, inplace, how);
      List<Sample> results = new ArrayList<>();
      for (long size : sizes) {
        int rounds = fixedRounds != null ? fixedRounds : size <= (1L << 20) ? 60 : size <= (100L << 20) ? 10 : 5;
        int warmup = a.containsKey("warmup") ? Integer.parseInt(a.get("warmup"))
            : size <= (1L << 20) ? 300 : size <= (100L << 20) ? 2 : 0;
        results.add(bench.measure(new Sample(size, rounds, warmup)));
      }
      bench.report(args, results, base);
    } finally {
      Env.deleteTree(work);
    }
  }

  // ------------------------------------------------------------------ measuring

  private Sample measure(Sample s) throws Exception {
    System.err.printf("== %s: %d warm-up + %d rounds (each: %s), %d in-place captures%n", size(s.size), s.warmup, s.rounds,
        transports, inplace);
    String[] args = {Long.toString(s.size)};
    LocalKernel.Prepared p = kernel.prepare(classDir.toString(), MAIN, args);
    try (Mover mover = new Mover(p.runtime(), MAIN, args, dir, CaptureCost::checksum)) {
      awaitProgress(mover.runtime(), 0);
      Thread.sleep(1000);
      for (int i = 0; i < SPEED_WINDOWS; i++) {
        s.rowsBefore.add(rowsPerSecond(mover.runtime(), 200));
      }
      for (int i = 0; i < inplace; i++) {
        Thread.sleep(2 + random.nextInt(18));
        long ttsp = mover.inPlace();
        s.ttsp.add(ttsp / 1e3);
        s.ttspInPlace.add(ttsp / 1e3);
      }
      javaFlow = new JavaFlowBaseline(s.size, exec);
      for (int i = -s.warmup; i < s.rounds; i++) {
        roundTrip(mover, s, i, i >= 0);
      }
      Thread.sleep(1000);
      for (int i = 0; i < SPEED_WINDOWS; i++) {
        s.rowsAfter.add(rowsPerSecond(mover.runtime(), 200));
      }
    }
    controlLoop(s);
    return s;
  }

  /**
   * The time-to-safe-point floor of this machine: the same sweep as the workload, plain Java on its
   * own grid of the same size, checking a volatile flag after every row (as the rewritten workload
   * polls after every row); from setting the flag to the loop seeing it, {@code inplace} times.
   */
  private void controlLoop(Sample s) throws Exception {
    if (inplace == 0) {
      return;
    }
    gc(s.size);
    SafePointControl c = new SafePointControl(s.size);
    for (int i = 0; i < inplace; i++) {
      Thread t = new Thread(c::sweepUntilStopped, "control-loop");
      t.start();
      Thread.sleep(2 + random.nextInt(18));
      s.control.add(c.stopAndWait(t) / 1e3);
    }
  }

  /**
   * One round: a move by each transport (the process runs 20–50 ms between them), then, with the
   * process held captured, the JDK serialization and JavaFlow baselines on the same grid.
   */
  private void roundTrip(Mover mover, Sample s, int round, boolean record) throws Exception {
    StringBuilder line = new StringBuilder();
    Mover.Move file = null;
    for (Mover.Transport how : transports) {
      gc(s.size); // the previous move's garbage, not while the process is about to be captured
      Thread.sleep(20 + random.nextInt(30));
      Mover.Move m = mover.move(how);
      if (m.before() != m.after()) {
        problems.add(size(s.size) + " round " + round + " (" + how + "): the restored grid differs from the captured one"
            + " (checksum " + Long.toHexString(m.after()) + " ≠ " + Long.toHexString(m.before()) + ")");
      }
      s.ttsp.add(m.ttspNanos() / 1e3);
      s.ttspRestored.add(m.ttspNanos() / 1e3);
      if (record) {
        s.leg(how).add(m);
      }
      if (how == Mover.Transport.FILE) {
        file = m;
      }
      line.append(String.format(Locale.ROOT, " %s %.2f ms (send %.2f, restore %.2f, rewind %.3f);", how.name().toLowerCase(Locale.ROOT),
          m.totalMs(), m.sendMs(), m.restoreMs(), m.rewindMs()));
    }
    Thread.sleep(20 + random.nextInt(30));
    Mover.Held held = mover.hold();
    double[] jdk;
    JavaFlowBaseline.Round jf;
    try {
      double[][] grid = grid(mover.runtime());
      long sum = checksum(grid);
      jdk = jdkRoundTrip(grid, sum, round, s.size);
      grid = null;
      // JavaFlow's round trip while Roam's process is stopped, as the JDK baseline's
      gc(s.size);
      jf = javaFlow.roundTrip(dir, 20 + random.nextInt(30));
      if (!jf.sameGrid()) {
        problems.add(size(s.size) + " round " + round + ": JavaFlow's restored grid differs from the captured one");
      }
    } finally {
      held.release();
    }
    if (record) {
      s.jdkWrite.add(jdk[0]);
      s.jdkRead.add(jdk[1]);
      s.jdkRoundTrip.add(jdk[0] + jdk[1]);
      s.jdkBytes.add(jdk[2]);
      s.jfCapture.add(jf.capture());
      s.jfWrite.add(jf.write());
      s.jfRead.add(jf.read());
      s.jfResume.add(jf.resume());
      s.jfRoundTrip.add(jf.total());
      s.jfBytes.add(jf.bytes());
      if (file != null) {
        s.ratio.add(file.totalMs() / (jdk[0] + jdk[1]));
        s.jfRatio.add(file.totalMs() / jf.total());
      }
    }
    System.err.printf(Locale.ROOT, "  %s %d:%s jdk %.2f + %.2f ms; javaflow %.2f ms%n", record ? "round" : "warm-up", round,
        line, jdk[0], jdk[1], jf.total());
  }

  /** {write ms, read ms, file bytes} of the grid through JDK serialization. */
  private double[] jdkRoundTrip(double[][] grid, long sum, int round, long size) throws Exception {
    Path f = dir.resolve("grid.ser");
    gc(size);
    long w0 = System.nanoTime();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
        ObjectOutputStream o = new ObjectOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 20))) {
      o.writeObject(grid);
      o.flush();
      ch.force(true);
    }
    long w1 = System.nanoTime();
    gc(size);
    long r0 = System.nanoTime();
    double[][] copy;
    try (InputStream in = Files.newInputStream(f);
        ObjectInputStream o = new ObjectInputStream(new BufferedInputStream(in, 1 << 20))) {
      copy = (double[][]) o.readObject();
    }
    long r1 = System.nanoTime();
    if (checksum(copy) != sum) {
      problems.add("JDK serialization round " + round + " returned a different grid");
    }
    long bytes = Files.size(f);
    Files.delete(f);
    return new double[] {(w1 - w0) / 1e6, (r1 - r0) / 1e6, bytes};
  }

  private static Class<?> mainClass(ProcessRuntime rt) throws ClassNotFoundException {
    return Class.forName(MAIN, false, rt.loader());
  }

  private static long progress(ProcessRuntime rt) throws ReflectiveOperationException {
    return mainClass(rt).getField("progress").getLong(null);
  }

  private static double[][] grid(ProcessRuntime rt) throws ReflectiveOperationException {
    return (double[][]) mainClass(rt).getField("grid").get(null);
  }

  /** The checksum of the workload's grid in {@code rt} (the process is stopped). */
  private static long checksum(ProcessRuntime rt) {
    try {
      return checksum(grid(rt));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows swept per second over the next {@code millis} ms. */
  private static double rowsPerSecond(ProcessRuntime rt, long millis) throws Exception {
    long p0 = progress(rt);
    long t0 = System.nanoTime();
    Thread.sleep(millis);
    long p1 = progress(rt);
    long t1 = System.nanoTime();
    return (p1 - p0) / ((t1 - t0) / 1e9);
  }

  /** Waits until {@code progress} differs from {@code from}. */
  private static void awaitProgress(ProcessRuntime rt, long from) throws Exception {
    long deadline = System.nanoTime() + SPIN_TIMEOUT_NANOS;
    while (progress(rt) == from) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the workload did not start within " + TimeUnit.NANOSECONDS.toSeconds(SPIN_TIMEOUT_NANOS) + " s");
      }
      Thread.sleep(1);
    }
  }


  // ------------------------------------------------------------------ report

  private void report(String[] args, List<Sample> results, Path base) throws IOException {
    StringBuilder w = new StringBuilder();
    for (Sample s : results) {
      w.append(w.length() == 0 ? "" : ", ").append(s.warmup).append(" at ").append(size(s.size));
    }
    String warmupText = w.toString();
    Report rep = new Report("capture-cost", "Capture and restore cost vs live state size", args);
    rep.param("workload", "benchload.SorLoad (SOR sweeps over a double[rows][2·rows] grid of S bytes, forever),"
        + " run in-process under LocalKernel from a directory that holds only its class file");
    rep.param("rounds per size", "see table (plus warm-up round trips that are not recorded, and "
        + inplace + " extra captures resumed in place that only feed the time-to-safe-point percentiles)");
    rep.param("snapshot directory", base + (base.toString().startsWith("/dev/shm") ? " (tmpfs: no disk I/O in the figures)" : ""));
    rep.param("bench JVM max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    Table t = new Table("live state S", "transport", "rounds", "request → Captured µs", "send ms", "restore ms",
        "rewind until running ms", "round trip ms", "round trip p10 ms", "snapshot ÷ S", "GB/s (S ÷ round trip)");
    for (Sample s : results) {
      for (var e : s.legs.entrySet()) {
        Leg l = e.getValue();
        t.row(size(s.size), e.getKey().name().toLowerCase(Locale.ROOT), Integer.toString(l.roundTrip.count()),
            l.toCaptured.summary("%.1f"), l.send.summary("%.3f"), l.restore.summary("%.3f"), l.rewind.summary("%.3f"),
            l.roundTrip.summary("%.3f"), Stats.fmt("%.3f", l.roundTrip.percentile(10)),
            Stats.fmt("%.4f", l.bytes.median() / s.size), gbps(s.size, l.roundTrip));
      }
    }
    rep.table("Roam (medians [min – max])", t);
    Table tt = new Table("live state S", "time to safe point, all captures: p50 / p99 µs (n)",
        "time to safe point, resumed in place: p50 / p99 / max µs (n)",
        "time to safe point, first capture after a restore: p50 / max µs (n)",
        "control: plain loop seeing a volatile flag: p50 / p99 / max µs (n)",
        "sweep rows/s before the first capture, median [min – max]", "rows/s after the last restore", "after ÷ before");
    for (Sample s : results) {
      tt.row(size(s.size), Stats.fmt("%.1f", s.ttsp.percentile(50)) + " / " + Stats.fmt("%.1f", s.ttsp.percentile(99))
              + " (" + s.ttsp.count() + ")", pct(s.ttspInPlace), Stats.fmt("%.1f", s.ttspRestored.percentile(50)) + " / "
              + Stats.fmt("%.1f", s.ttspRestored.max()) + " (" + s.ttspRestored.count() + ")",
          pct(s.control), s.rowsBefore.summary("%.0f"), s.rowsAfter.summary("%.0f"),
          Stats.fmt("%.3f", s.rowsAfter.median() / s.rowsBefore.median()));
    }
    rep.table("Time to safe point by situation, and the workload's speed before and after", tt);
    Table b = new Table("live state S", "Roam round trip (file) ms", "JDK ser. write ms", "JDK ser. read ms",
        "JDK ser. round trip ms", "JDK ser. GB/s", "JDK file ÷ S", "Roam ÷ JDK (round-trip time; per-round median [min – max])");
    for (Sample s : results) {
      b.row(size(s.size), Stats.fmt("%.3f", fileLeg(s).roundTrip.median()), s.jdkWrite.summary("%.3f"), s.jdkRead.summary("%.3f"),
          s.jdkRoundTrip.summary("%.3f"), gbps(s.size, s.jdkRoundTrip), Stats.fmt("%.4f", s.jdkBytes.median() / s.size),
          s.ratio.summary("%.2f"));
    }
    rep.table("Baseline: the same double[][] through JDK serialization, same rounds, interleaved", b);
    Table jt = new Table("live state S", "Roam round trip (file) ms", "JavaFlow: suspend µs", "JavaFlow: write ms",
        "JavaFlow: read ms", "JavaFlow: resume until running ms", "JavaFlow round trip ms", "JavaFlow GB/s",
        "JavaFlow file ÷ S", "Roam ÷ JavaFlow (round-trip time; per-round median [min – max])",
        "JavaFlow as quoted in issue 2");
    for (Sample s : results) {
      jt.row(size(s.size), Stats.fmt("%.3f", fileLeg(s).roundTrip.median()), scaled(s.jfCapture, 1e3, "%.1f"),
          s.jfWrite.summary("%.3f"), s.jfRead.summary("%.3f"), s.jfResume.summary("%.3f"),
          s.jfRoundTrip.summary("%.3f"), gbps(s.size, s.jfRoundTrip), Stats.fmt("%.4f", s.jfBytes.median() / s.size),
          s.jfRatio.summary("%.2f"), javaFlow(s.size));
    }
    rep.table("Baseline: Tascalate JavaFlow " + JAVAFLOW_VERSION + " + JDK serialization, the same grid and sweep, same rounds, interleaved", jt);
    rep.note("""
        What is measured. The workload runs the way a node kernel's workers run processes: \
        `ProcessRunner.runHere` on a long-lived thread with a carrier's stack (`io.roam.bench.Mover`); the thread \
        that captures the process writes its snapshot, and the thread that reads a snapshot runs what it \
        restored, so no hand-off between threads is timed (on this VM, waking a thread on an idle virtual CPU \
        takes up to a scheduler tick, ≈ 4 ms, and earlier reports that started a new carrier thread per \
        restore measured that). Each round moves the process once by each transport, in this order, with \
        20–50 ms of running between moves: *file* = `ProcessImage.write(runtime, main, file)` (meta, code and \
        heap sections, fsync, rename) then `ProcessImage.read(file, …)`, what a checkpoint and a restore from it \
        do; *memory* = the same container into 256 KiB blocks in memory and `ProcessImage.read(InputStream, …)` \
        of them (a move without the network); *socket* = the container streamed over a loopback TCP connection \
        (opened before the capture, as a node keeps one to a peer) to a second node thread, which reads, \
        verifies and restores it and runs the process from then on (receiving overlaps sending). After each \
        move the old runtime is released (`ProcessRuntime.release`: its statics let go of its heap). \
        *Time to safe point*: the kernel's `Captured.timeToSafePointNanos` (from `requestCapture` to the safe \
        point that starts the unwind); p99 is nearest-rank. *Request → Captured*: from `requestCapture` on the \
        driver until `runHere` returned `Captured` on the node thread (the unwind included). *Send*: writing \
        the container (file: until fsynced and renamed). *Restore*: `ProcessImage.read` (verify checksums, \
        decode code, statics, frames and heap into a process class loader no process has used — from the third \
        restore on a spare made ahead in the background, see docs/design/state-capture.md — plus the main \
        method's handle); for *file* and *memory* from the end of sending, for *socket* from the start of \
        sending. *Rewind until running*: from then until the restored main thread's rewind has handed out \
        its innermost frame, so that the program's own code runs again (`Continuation.rewoundAtNanos`). A \
        checksum of the grid, taken after the capture and after the restore, is compared and not timed. \
        *Round trip* = request → Captured + send + restore + rewind (socket: request → Captured + restore + \
        rewind); GB/s = S ÷ round trip (10^9 bytes). The JDK baseline writes the same `double[][]` (taken from \
        the process, held captured while the baselines run) with `ObjectOutputStream` over a 1 MiB \
        `BufferedOutputStream` to a file in the same directory, fsyncs it, and reads it back with \
        `ObjectInputStream`; *Roam ÷ JDK* (against Roam's *file* move of the same round) < 1 means Roam is \
        faster. From 64 MiB on, a `System.gc()` (not timed) runs before the 20–50 ms that precede each move and \
        each baseline phase. The JVM pre-touches its heap (`-XX:+AlwaysPreTouch`, as a node daemon should run): \
        otherwise whichever allocation first lands on never-used heap pays the kernel's page faults, and \
        with an 8 GiB heap that is most allocations of the first minutes, Roam's and the baselines' \
        alike. Warm-up rounds (not \
        recorded): WARMUP, so the figures are for JIT-compiled kernel code, the steady state of a \
        node that moves processes often; a one-shot `roam local run --freeze-after` pays for cold code on top. \
        *Control*: the same sweep in plain Java (not under Roam) on its own grid of size S, on a new thread each \
        time, checking a volatile flag after every row; the time from setting the flag to the loop seeing it \
        is this machine's floor for a time to safe point (scheduling, one row's work). *Rows/s*: the \
        workload's `progress` counter over 5 windows of 200 ms, 1 s after the start (before any capture) and \
        1 s after the last move; the loop then runs in the rewritten method's rewind twin, in code loaded by \
        the last restored loader.""".replace("WARMUP", warmupText));
    rep.note("""
        JavaFlow baseline (measured in this run): `io.roam.bench.javaflow.SorFlow`, the same grid (`SorLoad.allocate`) \
        and SOR sweep written for JavaFlow — a `@continuable` run() rewritten at build time by JavaFlow's Maven \
        plugin, an explicit `Continuation.suspend()` after each row when a volatile flag is set (the row sweep itself \
        is a plain method: JavaFlow's verifier cannot analyse double[] locals in a continuable method). Each round, \
        while Roam's process is stopped: the parked sweep runs again for 20–50 ms (not timed); *suspend* = flag set → \
        `resume()` returned the suspended `Continuation`; *write* = `ObjectOutputStream` of the continuation (stack \
        and the object holding the grid) over a 1 MiB buffer to a file in the same directory, fsync; *read* = \
        `ObjectInputStream` of it; *resume* = `resume()` of the read continuation on a pool thread until one more row \
        is swept. The restored grid's checksum is compared with the captured one's. Unlike Roam's, JavaFlow's code \
        is annotated and suspends only where the program says so, its runtime state lives in the same JVM's class \
        loader (no code travels, no new loader), and JDK serialization trusts the stream. Issue 2 quoted 3.1 ms \
        (1 MiB) and 209 ms (100 MiB) for JavaFlow on this machine. Goals from issue 2: time to safe point p99 ≤ \
        1 ms for loop code; round trip ≥ 1.5 GB/s, and ≤ 1 ms for 1 MiB.""");
    goals(rep, results);
    if (!problems.isEmpty()) {
      rep.note("Problems seen:\n\n" + String.join("\n", problems.stream().map(x -> "- " + x).toList()));
    }
    rep.finish();
  }

  private static void goals(Report rep, List<Sample> results) {
    List<String> g = new ArrayList<>();
    for (Sample s : results) {
      double p99 = s.ttsp.percentile(99) / 1e3;
      g.add(String.format(Locale.ROOT, "- %s: time to safe point p99 %.3f ms (%s)", size(s.size), p99,
          p99 <= 1 ? "goal met" : "goal NOT met"));
      for (var e : s.legs.entrySet()) {
        double ms = e.getValue().roundTrip.median();
        double gb = s.size / (ms / 1e3) / GB;
        g.add(String.format(Locale.ROOT, "  - %s: round trip %.3f ms = %.2f GB/s (%s)%s", e.getKey().name().toLowerCase(Locale.ROOT),
            ms, gb, gb >= 1.5 ? "≥ 1.5 GB/s met" : "< 1.5 GB/s",
            s.size == (1L << 20) ? (ms <= 1 ? "; ≤ 1 ms for 1 MiB met" : "; ≤ 1 ms for 1 MiB NOT met") : ""));
      }
    }
    rep.note("Against the goals (medians):\n\n" + String.join("\n", g));
  }

  /** The file transport's leg (the baselines also go through a file), else the first one measured. */
  private static Leg fileLeg(Sample s) {
    Leg l = s.legs.get(Mover.Transport.FILE);
    return l != null ? l : s.legs.values().iterator().next();
  }

  private static String pct(Stats s) {
    return Stats.fmt("%.1f", s.percentile(50)) + " / " + Stats.fmt("%.1f", s.percentile(99)) + " / "
        + Stats.fmt("%.1f", s.max()) + " (" + s.count() + ")";
  }

  private static String javaFlow(long size) {
    if (size == (1L << 20)) {
      return "3.1 ms (0.34 GB/s)";
    }
    if (size == (100L << 20)) {
      return "209 ms (≈ 0.5 GB/s)";
    }
    return "—";
  }

  private static String scaled(Stats s, double factor, String fmt) {
    Stats t = new Stats();
    for (double v : s.values()) {
      t.add(v * factor);
    }
    return t.summary(fmt);
  }

  private static String gbps(long size, Stats ms) {
    return ms.isEmpty() ? "—" : String.format(Locale.ROOT, "%.3f", size / (ms.median() / 1e3) / GB);
  }

  // ------------------------------------------------------------------ helpers

  private static long checksum(double[][] g) {
    long h = 1;
    for (double[] row : g) {
      for (double v : row) {
        h = h * 31 + Double.doubleToRawLongBits(v);
      }
    }
    return h;
  }

  /** Before a timed phase with large state, so that the phase does not pay for the previous one's garbage. */
  private static void gc(long size) {
    if (size >= GC_FROM) {
      System.gc();
    }
  }

  static long parseSize(String s) {
    String u = s.toUpperCase(Locale.ROOT);
    long mult = 1;
    for (String[] suf : new String[][] {{"KIB", "1024"}, {"MIB", "1048576"}, {"GIB", "1073741824"}, {"B", "1"}}) {
      if (u.endsWith(suf[0])) {
        mult = Long.parseLong(suf[1]);
        u = u.substring(0, u.length() - suf[0].length());
        break;
      }
    }
    return Long.parseLong(u.trim()) * mult;
  }

  static String size(long b) {
    if (b >= (1L << 30) && b % (1L << 30) == 0) {
      return (b >> 30) + " GiB";
    }
    if (b >= (1L << 20) && b % (1L << 20) == 0) {
      return (b >> 20) + " MiB";
    }
    if (b >= 1024 && b % 1024 == 0) {
      return (b >> 10) + " KiB";
    }
    return b + " B";
  }
}
