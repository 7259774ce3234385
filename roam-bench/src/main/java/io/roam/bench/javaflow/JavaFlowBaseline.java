package io.roam.bench.javaflow;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.javaflow.api.Continuation;

/**
 * Tascalate JavaFlow with JDK serialization, the baseline issue 2 names, measured in the same run
 * as Roam: a {@link SorFlow} sweep is suspended at its explicit suspend point, its {@link
 * Continuation} (stack and grid) written with {@code ObjectOutputStream} to a file and fsynced,
 * read back with {@code ObjectInputStream} and resumed until it sweeps another row — the same
 * phases as Roam's round trip. Only the workload's own thread runs the continuation; between
 * round trips nothing of it runs.
 */
public final class JavaFlowBaseline {
  /** Phases of one round trip, in ms, the file's size in bytes, and whether the restored grid equals the captured one. */
  public record Round(double capture, double write, double read, double resume, long bytes, boolean sameGrid) {
    public double total() {
      return capture + write + read + resume;
    }
  }

  private final ExecutorService exec;
  /** The sweep between round trips: suspended, so that it takes no CPU from Roam's phases. */
  private Continuation parked;
  private CompletableFuture<Continuation> running;

  /** Starts a sweep over a grid of about {@code bytes} bytes, lets it sweep a row, and parks it. */
  public JavaFlowBaseline(long bytes, ExecutorService exec) throws Exception {
    this.exec = exec;
    SorFlow.suspendWanted = false;
    long before = SorFlow.progress;
    SorFlow work = new SorFlow(bytes);
    running = CompletableFuture.supplyAsync(() -> Continuation.startWith(work), exec);
    awaitProgress(before);
    park();
  }

  /**
   * One suspend → file → resumed-and-running round trip: the parked sweep runs again (not timed)
   * for {@code runMillis}, then the timed phases, then it is parked again (not timed).
   */
  public Round roundTrip(Path dir, long runMillis) throws Exception {
    Continuation p = parked;
    parked = null;
    long p0 = SorFlow.progress;
    running = CompletableFuture.supplyAsync(p::resume, exec);
    awaitProgress(p0);
    Thread.sleep(runMillis);
    long c0 = System.nanoTime();
    SorFlow.suspendWanted = true;
    Continuation c = running.get(2, TimeUnit.MINUTES);
    long c1 = System.nanoTime();
    if (c == null) {
      throw new IllegalStateException("the JavaFlow sweep ended instead of suspending");
    }
    long sum = checksum(SorFlow.current.grid());
    Path f = dir.resolve("javaflow.ser");
    long w0 = System.nanoTime();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
        ObjectOutputStream o = new ObjectOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 20))) {
      o.writeObject(c);
      o.flush();
      ch.force(true);
    }
    long w1 = System.nanoTime();
    c = null;
    SorFlow.current = null;
    long r0 = System.nanoTime();
    Continuation restored;
    try (InputStream in = Files.newInputStream(f);
        ObjectInputStream o = new ObjectInputStream(new BufferedInputStream(in, 1 << 20))) {
      restored = (Continuation) o.readObject();
    }
    long r1 = System.nanoTime();
    long bytes = Files.size(f);
    Files.delete(f);
    boolean same = SorFlow.lastRestored != null && checksum(SorFlow.lastRestored.grid()) == sum;
    long before = SorFlow.progress;
    long s0 = System.nanoTime();
    running = CompletableFuture.supplyAsync(restored::resume, exec);
    awaitProgress(before);
    long s1 = System.nanoTime();
    park();
    return new Round((c1 - c0) / 1e6, (w1 - w0) / 1e6, (r1 - r0) / 1e6, (s1 - s0) / 1e6, bytes, same);
  }

  private void park() throws Exception {
    SorFlow.suspendWanted = true;
    parked = running.get(2, TimeUnit.MINUTES);
    running = null;
    if (parked == null) {
      throw new IllegalStateException("the JavaFlow sweep ended instead of suspending");
    }
  }

  private void awaitProgress(long from) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (SorFlow.progress == from) {
      if (running.isDone()) {
        throw new IllegalStateException("the JavaFlow sweep stopped: " + running.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the JavaFlow sweep did not run within 2 minutes");
      }
      Thread.yield();
    }
  }

  static long checksum(double[][] g) {
    long h = 1;
    for (double[] row : g) {
      for (double v : row) {
        h = h * 31 + Double.doubleToRawLongBits(v);
      }
    }
    return h;
  }
}
