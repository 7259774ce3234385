package io.roam.bench;

import io.roam.kernel.image.ProcessImage;
import io.roam.kernel.process.ProcessRunner;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.VirtualConsole;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

/**
 * Runs one process under the kernel the way a node kernel's workers run processes — {@link
 * ProcessRunner#runHere} on a long-lived thread with a carrier's stack — and moves it on request:
 * the thread that captured the process writes its snapshot, and the thread that reads a snapshot
 * runs what it restored. So a timed round trip contains no hand-off between threads, whose cost on
 * this VM is the operating system's (waking an idle virtual CPU takes up to a scheduler tick,
 * ≈ 4 ms), not Roam's. Two node threads, A and B, stand for two nodes; a move over a socket goes
 * from the one running the process to the other.
 *
 * <p>Transports: {@link Transport#FILE} — {@code ProcessImage.write} to a file (fsync, rename),
 * {@code ProcessImage.read} of it (what a checkpoint and a restore from it do); {@link
 * Transport#MEMORY} — the same bytes into memory and read back from there (what a fork does, and
 * the cost of a move without the network); {@link Transport#SOCKET} — streamed over a loopback TCP
 * connection to the other node thread, which verifies and restores it as it arrives (what a
 * migration does; the connection is opened before the capture, as a node keeps one to its peers).
 *
 * <p>Timestamps of a round trip ({@code System.nanoTime}, one JVM): request (driver) → captured
 * (the capturing thread: {@code runHere} returned) → sent (snapshot written, flushed, fsynced for a
 * file) → restored ({@code ProcessImage.read} returned on the restoring thread) → running (the
 * restored main thread's rewind handed out its innermost frame: {@code
 * Continuation.rewoundAtNanos}). A caller-supplied check of the workload's state (a checksum of its
 * grid) runs right after the capture and right after the restore, outside the timed spans.
 */
final class Mover implements AutoCloseable {
  enum Transport {
    FILE, MEMORY, SOCKET
  }

  /** One round trip's timestamps (ns) and the check values; see the class comment. */
  record Move(Transport transport, long requested, long ttspNanos, long captured, long checked, long sent,
      long restored, long restoredChecked, long running, long bytes, long before, long after) {
    double toCapturedMs() {
      return (captured - requested) / 1e6;
    }

    double sendMs() {
      return (sent - checked) / 1e6;
    }

    /** After sending (file, memory) or after the capture check (socket: receiving overlaps sending). */
    double restoreMs() {
      return (restored - (transport == Transport.SOCKET ? checked : sent)) / 1e6;
    }

    double rewindMs() {
      return (running - restoredChecked) / 1e6;
    }

    /** Request → running, without the two checks. */
    double totalMs() {
      return (captured - requested + restored - checked + running - restoredChecked) / 1e6;
    }
  }

  private enum Kind {
    IN_PLACE, HOLD, MOVE
  }

  private final String mainClass;
  private final Path dir;
  private final ToLongFunction<ProcessRuntime> check;
  private final NodeThread a;
  private final NodeThread b;
  /** The runtime of the process now, and the node thread running it. */
  private volatile ProcessRuntime current;
  private volatile NodeThread runningOn;
  private volatile Kind kind = Kind.IN_PLACE;
  private volatile Transport transport = Transport.FILE;
  private final SynchronousQueue<Object> results = new SynchronousQueue<>();
  private volatile Thread holdRelease;
  private final Thread watcher;
  private int files;

  /** Starts {@code rt} (prepared, not started) with {@code args} on node thread A. */
  Mover(ProcessRuntime rt, String mainClass, String[] args, Path dir, ToLongFunction<ProcessRuntime> check)
      throws IOException {
    this.mainClass = mainClass;
    this.dir = dir;
    this.check = check;
    this.current = rt;
    this.a = new NodeThread("A");
    this.b = new NodeThread("B");
    a.peer = b;
    b.peer = a;
    runningOn = a;
    watcher = new Thread(this::watch, "mover-watch");
    watcher.setDaemon(true);
    watcher.start();
    a.start(rt, args);
    b.start(null, null);
  }

  ProcessRuntime runtime() {
    return current;
  }

  /** Captures the process and resumes it in place; returns the kernel's time to safe point (ns). */
  long inPlace() throws Exception {
    kind = Kind.IN_PLACE;
    current.requestCapture();
    return (Long) await();
  }

  /**
   * Captures the process and keeps it stopped until {@link Held#release}; returns the kernel's time
   * to safe point (ns) in the handle.
   */
  Held hold() throws Exception {
    kind = Kind.HOLD;
    current.requestCapture();
    long ttsp = (Long) await();
    return new Held(ttsp);
  }

  final class Held {
    final long ttspNanos;

    Held(long ttspNanos) {
      this.ttspNanos = ttspNanos;
    }

    void release() {
      Thread t = holdRelease;
      holdRelease = null;
      LockSupport.unpark(t);
    }
  }

  /** One move by {@code how}; returns when the restored process runs its own code again. */
  Move move(Transport how) throws Exception {
    kind = Kind.MOVE;
    transport = how;
    if (how == Transport.SOCKET) {
      runningOn.connectToPeer();
    }
    moving = true;
    LockSupport.unpark(watcher);
    long t0 = System.nanoTime();
    ProcessRuntime rt = current;
    rt.requestCapture();
    Move m;
    try {
      m = (Move) await();
    } finally {
      moving = false;
    }
    return new Move(m.transport, t0, m.ttspNanos, m.captured, m.checked, m.sent, m.restored, m.restoredChecked,
        m.running, m.bytes, m.before, m.after);
  }

  private Object await() throws Exception {
    Object o = results.poll(10, TimeUnit.MINUTES);
    if (o == null) {
      throw new IllegalStateException("no answer from the node threads within 10 minutes");
    }
    if (o instanceof Throwable t) {
      throw new IllegalStateException("a node thread failed: " + t, t);
    }
    return o;
  }

  @Override
  public void close() {
    a.stop();
    b.stop();
    watcher.interrupt();
  }

  /** A node: runs the process while it is here, sends and receives it. */
  private final class NodeThread {
    final String name;
    final ServerSocket server;
    NodeThread peer;
    Thread thread;
    volatile Socket toPeer;
    volatile boolean stopping;

    NodeThread(String name) throws IOException {
      this.name = name;
      this.server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    void start(ProcessRuntime rt, String[] args) {
      thread = new Thread(null, () -> loop(rt, args), "mover-" + name, ProcessRunner.CARRIER_STACK);
      thread.setDaemon(true);
      thread.start();
    }

    void connectToPeer() throws IOException {
      if (toPeer == null) {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(peer.server.getLocalSocketAddress());
        toPeer = s;
      }
    }

    void stop() {
      stopping = true;
      try {
        server.close();
      } catch (IOException e) {
        // closing anyway
      }
      ProcessRuntime rt = current;
      if (runningOn == this && rt != null) {
        rt.requestCapture();
      }
    }

    private void loop(ProcessRuntime first, String[] firstArgs) {
      ProcessRuntime rt = first;
      String[] args = firstArgs;
      try {
        while (!stopping) {
          Move arrived = null;
          if (rt == null) {
            arrived = receive();
            if (arrived == null) {
              return;
            }
            rt = current;
          }
          rt = runUntilGone(rt, args, arrived);
          args = null;
        }
      } catch (Throwable t) {
        if (!stopping) {
          results.offer(t);
        }
      }
    }

    /** Runs the process until it leaves this node; returns null then (or the runtime if stopping). */
    private ProcessRuntime runUntilGone(ProcessRuntime rt, String[] args, Move arrived) throws Exception {
      MethodHandle main = ProcessRunner.mainMethod(rt.loader(), mainClass);
      Move pendingArrival = arrived;
      while (true) {
        if (pendingArrival != null) {
          watchRunning(rt, pendingArrival);
          pendingArrival = null;
        }
        ProcessRunner.Outcome o = ProcessRunner.runHere(rt, main, args);
        args = null;
        long captured = System.nanoTime();
        if (stopping) {
          return null;
        }
        if (!(o instanceof ProcessRunner.Captured c)) {
          throw new IllegalStateException("the workload was not captured but ended: " + o);
        }
        Kind k = kind;
        if (k == Kind.IN_PLACE) {
          results.put(c.timeToSafePointNanos());
          continue;
        }
        if (k == Kind.HOLD) {
          holdRelease = Thread.currentThread();
          results.put(c.timeToSafePointNanos());
          while (holdRelease != null) {
            LockSupport.park(this);
          }
          continue;
        }
        long before = check.applyAsLong(rt);
        long checked = System.nanoTime();
        Transport how = transport;
        if (how == Transport.SOCKET) {
          Socket s = toPeer;
          toPeer = null;
          long bytes;
          try (OutputStream out = new Counting(new BufferedOutputStream(s.getOutputStream(), 64 << 10))) {
            ProcessImage.write(rt, mainClass, out);
            bytes = ((Counting) out).count;
            s.shutdownOutput();
          }
          long sent = System.nanoTime();
          rt.release();
          peer.expect(new Move(how, 0, c.timeToSafePointNanos(), captured, checked, sent, 0, 0, 0, bytes, before, 0));
          s.close();
          return null;
        }
        ProcessImage.Restored r;
        long bytes;
        long sent;
        if (how == Transport.FILE) {
          Path f = dir.resolve("move-" + (files++ & 1) + ".roam");
          bytes = ProcessImage.write(rt, mainClass, f);
          sent = System.nanoTime();
          rt.release();
          r = ProcessImage.read(f, Mover.class.getClassLoader());
          Files.delete(f);
        } else {
          Blocks blocks = memory;
          blocks.reset();
          ProcessImage.write(rt, mainClass, blocks);
          bytes = blocks.size;
          sent = System.nanoTime();
          rt.release();
          r = ProcessImage.read(blocks.input(), "memory", Mover.class.getClassLoader(), VirtualConsole.Factory.STANDARD);
        }
        main = ProcessRunner.mainMethod(r.runtime().loader(), mainClass);
        long restored = System.nanoTime();
        rt = r.runtime();
        long after = check.applyAsLong(rt);
        current = rt;
        pendingArrival = new Move(how, 0, c.timeToSafePointNanos(), captured, checked, sent, restored,
            System.nanoTime(), 0, bytes, before, after);
      }
    }

    private volatile Move expected;

    void expect(Move m) {
      expected = m;
    }

    /** Waits for a process from the peer; null when stopping. */
    private Move receive() throws Exception {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (stopping) {
          return null;
        }
        throw e;
      }
      ProcessImage.Restored r;
      try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 64 << 10)) {
        r = ProcessImage.read(in, "socket", Mover.class.getClassLoader(), VirtualConsole.Factory.STANDARD);
      }
      long restored = System.nanoTime();
      long after = check.applyAsLong(r.runtime());
      Move sent;
      while ((sent = expected) == null) {
        Thread.onSpinWait(); // the sender publishes right after its last byte: rarely waited for
      }
      expected = null;
      current = r.runtime();
      runningOn = this;
      return new Move(Transport.SOCKET, 0, sent.ttspNanos, sent.captured, sent.checked, sent.sent, restored,
          System.nanoTime(), 0, sent.bytes, sent.before, after);
    }

    /**
     * Hands the move to the watcher, which passes it to the driver once the restored process runs
     * its own code: a store the polling watcher picks up (waking a parked thread would cost the node
     * thread a system call, starting one about 0.1 ms, inside the timed rewind).
     */
    private void watchRunning(ProcessRuntime rt, Move m) {
      watched = new Watched(rt, m);
    }
  }

  private record Watched(ProcessRuntime rt, Move move) {}

  private volatile Watched watched;

  /** Whether a move is under way: the watcher polls only then (the driver wakes it first). */
  private volatile boolean moving;

  /** Waits for each restored process's rewind to end and reports its move. */
  private void watch() {
    try {
      while (true) {
        Watched w;
        while ((w = watched) == null) {
          if (moving) {
            LockSupport.parkNanos(50_000);
          } else {
            LockSupport.park(this); // between moves the process has both cores to itself
          }
          if (Thread.interrupted()) {
            return;
          }
        }
        watched = null;
        Move m = w.move();
        var cont = w.rt().state().mainContinuation;
        long running;
        while ((running = cont.rewoundAtNanos()) == 0 || running < m.restoredChecked()) {
          LockSupport.parkNanos(50_000);
          if (Thread.interrupted()) {
            return;
          }
        }
        results.put(new Move(m.transport(), 0, m.ttspNanos(), m.captured(), m.checked(), m.sent(), m.restored(),
            m.restoredChecked(), running, m.bytes(), m.before(), m.after()));
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  /** Counts the bytes written through it. */
  private static final class Counting extends java.io.FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** The memory transport's blocks, reused from move to move as a pipe's buffers are. */
  private final Blocks memory = new Blocks();

  /**
   * An output stream into blocks of 256 KiB (none large enough to be a G1 humongous object), kept
   * for the next move after {@link #reset}.
   */
  private static final class Blocks extends OutputStream {
    static final int BLOCK = 256 << 10;
    final List<byte[]> blocks = new ArrayList<>();
    /** Blocks in use. */
    int inUse;
    int used = BLOCK;
    long size;

    void reset() {
      inUse = 0;
      used = BLOCK;
      size = 0;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      size += len;
      while (len > 0) {
        if (used == BLOCK) {
          if (inUse == blocks.size()) {
            blocks.add(new byte[BLOCK]);
          }
          inUse++;
          used = 0;
        }
        int n = Math.min(len, BLOCK - used);
        System.arraycopy(b, off, blocks.get(inUse - 1), used, n);
        used += n;
        off += n;
        len -= n;
      }
    }

    InputStream input() {
      return new InputStream() {
        int block;
        int at;
        long left = size;

        @Override
        public int read() {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (left == 0) {
            return -1;
          }
          if (at == BLOCK) {
            block++;
            at = 0;
          }
          int n = (int) Math.min(Math.min(len, BLOCK - at), left);
          System.arraycopy(blocks.get(block), at, b, off, n);
          at += n;
          left -= n;
          return n;
        }
      };
    }
  }
}
