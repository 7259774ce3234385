package io.roam.kernel.node;

import io.roam.kernel.RoamException;
import io.roam.kernel.image.ProcessImage;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRunner;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import io.roam.kernel.process.VirtualConsole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node's runtime: a process table and a scheduler running many processes at once, each in
 * its own process class loader (its own classes and statics), each able to be suspended,
 * checkpointed and resumed — here or, through its snapshot, in another JVM.
 *
 * <p>Lifecycle: create, {@link #spawn}/{@link #adopt} processes, control them by id, {@link
 * #close} (kills what still runs). Thread-safe. Entries of ended processes stay in the table
 * (their exit code and failure reason are kept) until {@link #reap}.
 */
public final class NodeKernel implements AutoCloseable {
  /**
   * @param nodeId this node's id: the prefix of the ids of processes created here
   * @param workers worker threads (processes running at once); default one per core
   * @param slice time a process may keep a worker while others wait
   * @param foreignNice added to the nice level of processes whose home is another node
   */
  public record Config(String nodeId, int workers, Duration slice, int foreignNice) {
    /** Defaults: one worker per core, 20 ms slices, foreign processes 5 nice levels lower. */
    public static Config defaults(String nodeId) {
      return new Config(nodeId, Runtime.getRuntime().availableProcessors(), Duration.ofMillis(20), 5);
    }

    public Config withWorkers(int n) {
      return new Config(nodeId, n, slice, foreignNice);
    }

    public Config withSlice(Duration d) {
      return new Config(nodeId, workers, d, foreignNice);
    }
  }

  private final Config config;
  private final Scheduler scheduler;
  private final AtomicLong counter = new AtomicLong();
  private final Map<ProcessId, KernelProcess> table = new ConcurrentHashMap<>();
  /** Mailboxes, spawn and fork of {@code io.roam.api.Roam} (see api.md). */
  final MessageRouter router = new MessageRouter(this);
  private volatile ChildConsoles childConsoles = (child, parent, main, parentConsole) -> parentConsole;
  private volatile FileJournals fileJournals;

  /**
   * Prepares the files of every process this node starts (spawned, adopted, recovered, forked),
   * before it runs: a durable node attaches a write journal and, for a process resuming for
   * recovery, cuts its files back (see {@code LocalFileService.cutBack}).
   */
  @FunctionalInterface
  public interface FileJournals {
    /** Called once per process, before it runs; an error stops the process from starting. */
    void attach(ProcessId pid, io.roam.kernel.files.LocalFileService files) throws RoamException;
  }

  /** Makes the console of a process created by {@code Roam.spawn} or {@code Roam.fork}. */
  @FunctionalInterface
  public interface ChildConsoles {
    /** The default shares the parent's console, as a Unix child shares its parent's terminal. */
    VirtualConsole create(ProcessId child, ProcessId parent, String mainClass, VirtualConsole parentConsole);
  }

  public NodeKernel(Config config) {
    this.config = config;
    new ProcessId(config.nodeId(), 1); // validates the node id
    this.scheduler = new Scheduler(config.workers(), config.slice().toNanos());
  }

  public Config config() {
    return config;
  }

  /** Sets how every process's files are prepared before it runs (none by default). */
  public void setFileJournals(FileJournals j) {
    this.fileJournals = j;
  }

  /** Sets how the consoles of spawned and forked processes are made. */
  public void setChildConsoles(ChildConsoles c) {
    this.childConsoles = c;
  }

  /**
   * Starts {@code mainClass.main(args)} from {@code code} as a new process of this node, its
   * output going to {@code console}.
   */
  public ProcessId spawn(CodeSource code, String mainClass, String[] args, VirtualConsole console,
      int nice) throws RoamException {
    ProcessClassLoader loader = new ProcessClassLoader(code, NodeKernel.class.getClassLoader());
    ProcessRuntime rt = new ProcessRuntime(loader, ProcessState.fresh(), console);
    return start(rt, mainClass, args.clone(), false, nice, null, true);
  }

  /**
   * Resumes a snapshot (written by this or any other JVM) as a new process of this node, its
   * output going to a console made by {@code consoles}.
   */
  public ProcessId adopt(Path snapshot, VirtualConsole.Factory consoles, int nice)
      throws IOException, RoamException {
    ProcessImage.Restored r = ProcessImage.read(snapshot, NodeKernel.class.getClassLoader(), consoles);
    return start(r.runtime(), r.mainClass(), null, false, nice, null, true);
  }

  /**
   * As {@link #adopt(Path, VirtualConsole.Factory, int)}, keeping the process's id {@code pid}
   * (a recovered process of this node; later ids of this node count on from at least its), and
   * held: it runs at {@link #resume}, so that a group of processes that talk to each other is
   * adopted whole before any of them sends.
   */
  public ProcessId adopt(Path snapshot, VirtualConsole.Factory consoles, int nice, ProcessId pid)
      throws IOException, RoamException {
    ProcessImage.Restored r = ProcessImage.read(snapshot, NodeKernel.class.getClassLoader(), consoles);
    return start(r.runtime(), r.mainClass(), null, false, nice, pid, false);
  }

  /**
   * As {@link #spawn}, with the id {@code pid} (a recovered process restarted from its beginning),
   * held until {@link #resume}.
   */
  public ProcessId spawn(CodeSource code, String mainClass, String[] args, VirtualConsole console,
      int nice, ProcessId pid) throws RoamException {
    ProcessClassLoader loader = new ProcessClassLoader(code, NodeKernel.class.getClassLoader());
    ProcessRuntime rt = new ProcessRuntime(loader, ProcessState.fresh(), console);
    return start(rt, mainClass, args.clone(), false, nice, pid, false);
  }

  /** The last process id this node gave out (its counter). */
  public long counter() {
    return counter.get();
  }

  /** Sets the counter: the next id given out is {@code value + 1} (a recovered node). */
  public void setCounter(long value) {
    counter.set(value);
  }

  /** A new process id of this node. */
  ProcessId nextPid() {
    return new ProcessId(config.nodeId(), counter.incrementAndGet());
  }

  /** {@code Roam.spawn}: {@code mainClass} from the code of {@code parent}, as a new process. */
  ProcessId spawnChild(ProcessId parent, String mainClass, String[] args) throws RoamException {
    KernelProcess p = process(parent);
    ProcessId pid = nextPid();
    VirtualConsole console = childConsoles.create(pid, parent, mainClass, p.runtime.console());
    ProcessClassLoader loader = new ProcessClassLoader(p.runtime.loader().code(),
        NodeKernel.class.getClassLoader());
    ProcessRuntime rt = new ProcessRuntime(loader, ProcessState.fresh(), console);
    return start(rt, mainClass, args, false, p.nice - (p.foreign ? config.foreignNice() : 0), pid, true);
  }

  /** {@code Roam.fork}: starts the in-memory image of the stopped {@code parent} as {@code child}. */
  void startFork(ProcessId parent, ProcessId child, byte[] image) throws RoamException {
    KernelProcess p = process(parent);
    ProcessImage.Restored r = ProcessImage.read(image, "fork of " + parent,
        NodeKernel.class.getClassLoader(), (o, e) -> childConsoles.create(child, parent, p.mainClass, p.runtime.console()));
    r.runtime().state().resources().remove(ProcessEndpoint.RESOURCE); // a child's mailbox starts empty
    start(r.runtime(), r.mainClass(), null, p.foreign, p.nice - (p.foreign ? config.foreignNice() : 0), child, true);
  }

  /** The status of a process of the table, or null. */
  ProcessStatus statusOrNull(ProcessId pid) {
    KernelProcess p = table.get(pid);
    return p == null ? null : p.status;
  }

  String mainClassOf(ProcessId pid) throws RoamException {
    return process(pid).mainClass;
  }

  private ProcessId start(ProcessRuntime rt, String mainClass, String[] args, boolean foreign,
      int nice, ProcessId given, boolean run) throws RoamException {
    MethodHandle main;
    try {
      main = ProcessRunner.mainMethod(rt.loader(), mainClass);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new RoamException("main class " + mainClass + " has no public static void main(String[])"
          + " on the class path; check the class path and the class name (" + e + ")", e);
    }
    ProcessId pid = given;
    if (pid == null) {
      pid = nextPid();
    } else if (pid.node().equals(config.nodeId())) {
      long seq = pid.seq();
      counter.accumulateAndGet(seq, Math::max);
    }
    if (fileJournals != null) {
      try {
        fileJournals.attach(pid, rt.files());
      } catch (RoamException e) {
        rt.files().closeAll();
        throw e;
      }
    }
    rt.setScheduled(true);
    rt.onExit(code -> {
      throw new ProcessRunner.ProcessExit(code);
    });
    KernelProcess p = new KernelProcess(pid, mainClass, rt, main, args, foreign,
        nice + (foreign ? config.foreignNice() : 0));
    rt.setWakeListener(() -> scheduler.wake(p));
    router.attach(pid, rt);
    ProcessId id = pid;
    p.ended.whenComplete((i, e) -> router.detach(id));
    table.put(pid, p);
    if (run) {
      scheduler.makeRunnable(p);
    }
    return pid;
  }

  private KernelProcess process(ProcessId pid) throws RoamException {
    KernelProcess p = table.get(pid);
    if (p == null) {
      throw new RoamException("no process " + pid + " on node " + config.nodeId() + "; see ps");
    }
    return p;
  }

  /** The accounting of one process. */
  public ProcessInfo info(ProcessId pid) throws RoamException {
    return process(pid).info();
  }

  /**
   * The class loader of a process: its own classes and statics (for tools and benchmarks that
   * inspect a process's state; process code never sees it).
   */
  public ClassLoader classLoader(ProcessId pid) throws RoamException {
    return process(pid).runtime.loader();
  }

  /** Every process in the table, by id. */
  public List<ProcessInfo> ps() {
    List<ProcessInfo> out = new ArrayList<>();
    for (KernelProcess p : table.values()) {
      out.add(p.info());
    }
    out.sort(Comparator.comparingLong(i -> i.pid().seq()));
    return out;
  }

  /** Waits for the process to end and returns its final accounting. */
  public ProcessInfo await(ProcessId pid, Duration timeout) throws RoamException, TimeoutException,
      InterruptedException {
    try {
      return process(pid).ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Stops the process at its next safe point and holds it; returns SUSPENDED, or the final state
   * when the process ended first.
   */
  public ProcessStatus suspend(ProcessId pid, Duration timeout) throws RoamException,
      TimeoutException, InterruptedException {
    try {
      return scheduler.suspend(process(pid)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Lets a SUSPENDED process run again. */
  public void resume(ProcessId pid) throws RoamException {
    try {
      scheduler.resume(process(pid));
    } catch (IllegalStateException e) {
      throw new RoamException(e.getMessage(), e);
    }
  }

  /**
   * Writes a snapshot of the process to {@code file} (atomically) and lets it continue; returns
   * the snapshot's size. A process that was suspended stays suspended.
   */
  public long checkpoint(ProcessId pid, Path file, Duration timeout) throws RoamException,
      IOException, TimeoutException, InterruptedException {
    KernelProcess p = process(pid);
    boolean wasSuspended = p.status == ProcessStatus.SUSPENDED;
    ProcessStatus s = suspend(pid, timeout);
    if (s != ProcessStatus.SUSPENDED) {
      throw new RoamException("process " + pid + " ended (" + s + ") before its checkpoint");
    }
    try {
      p.runtime.console().flush();
      long bytes = ProcessImage.write(p.runtime, p.mainClass, file);
      p.stateBytes = bytes;
      return bytes;
    } finally {
      if (!wasSuspended) {
        scheduler.resume(p);
      }
    }
  }

  // ------------------------------------------------------------------ moving between nodes

  /** A message that arrived for a process while it was moving, its body encoded for the destination. */
  public record Forwarded(io.roam.api.Pid from, byte[] body) {}

  /**
   * The source node's half of moving a process (docs/design/node-kernel.md, "Moving a process"):
   * suspends it at a safe point, marks it MIGRATING — from then on messages to it are held, not
   * put in its mailbox — and writes its snapshot to {@code out} (flushed, not closed). Then the
   * caller either {@link Migration#commit commits} the move, once the destination holds the
   * process, or {@link Migration#giveUp gives it up}. If writing fails (the peer went away), the
   * move is given up here and the error thrown: the process runs on (or stays suspended) with
   * every message. Refused for a process that is not running or suspended.
   */
  public Migration migrate(ProcessId pid, OutputStream out, Duration timeout) throws RoamException,
      IOException, TimeoutException, InterruptedException {
    KernelProcess p = process(pid);
    boolean wasSuspended = p.status == ProcessStatus.SUSPENDED;
    ProcessStatus s = suspend(pid, timeout);
    if (s != ProcessStatus.SUSPENDED || !scheduler.migrating(p)) {
      throw new RoamException("process " + pid + " is " + p.status + "; only a running or suspended process can move");
    }
    ProcessEndpoint e = (ProcessEndpoint) p.runtime.api();
    e.hold();
    Migration m = new Migration(p, e, wasSuspended);
    try {
      p.runtime.console().flush();
      CountingStream c = new CountingStream(out);
      ProcessImage.write(p.runtime, p.mainClass, c);
      m.bytes = c.count;
      p.stateBytes = c.count;
      return m;
    } catch (IOException | RoamException | RuntimeException x) {
      m.giveUp();
      throw x;
    }
  }

  /** A process moving away from this node; see {@link #migrate}. */
  public final class Migration {
    private final KernelProcess p;
    private final ProcessEndpoint endpoint;
    private final boolean wasSuspended;
    private long bytes;
    private boolean done;

    private Migration(KernelProcess p, ProcessEndpoint endpoint, boolean wasSuspended) {
      this.p = p;
      this.endpoint = endpoint;
      this.wasSuspended = wasSuspended;
    }

    /** The snapshot's size in bytes. */
    public long bytes() {
      return bytes;
    }

    /**
     * The process lives on at the destination: here it is MOVED (final; its heap released, its
     * files closed, sends to it fail); returns the messages held while it moved, in order, for
     * the destination ({@link NodeKernel#deliver}).
     */
    public synchronized List<Forwarded> commit() throws RoamException {
      check();
      List<Forwarded> held;
      try {
        held = endpoint.departed();
      } catch (io.roam.kernel.snapshot.SnapshotCaptureException x) {
        throw new RoamException("process " + p.pid + " moved, but a message held for it cannot be"
            + " encoded: " + x.getMessage(), x);
      } finally {
        done = true;
        scheduler.moved(p);
      }
      return held;
    }

    /** The move failed: the process stays here with every message held meanwhile, as before. */
    public synchronized void giveUp() {
      if (done) {
        return;
      }
      done = true;
      endpoint.release();
      scheduler.stayed(p, wasSuspended);
    }

    private void check() {
      if (done) {
        throw new IllegalStateException("the move of process " + p.pid + " was already committed or given up");
      }
    }
  }

  /**
   * Resumes a process that moved here from another node, read from {@code in} (its snapshot,
   * verified whole before anything is decoded), keeping its id; held until {@link #resume} when
   * {@code run} is false, so that the messages held for it can be delivered first.
   */
  public ProcessId adopt(InputStream in, String from, VirtualConsole.Factory consoles, int nice,
      ProcessId pid, boolean run) throws RoamException {
    ProcessImage.Restored r = ProcessImage.read(in, from, NodeKernel.class.getClassLoader(), consoles);
    return start(r.runtime(), r.mainClass(), null, !pid.node().equals(config.nodeId()), nice, pid, run);
  }

  /** Delivers a message forwarded from another node to process {@code to} of this node. */
  public void deliver(ProcessId to, Forwarded m) throws RoamException {
    ProcessEndpoint e = router.endpoint(io.roam.api.Pid.of(to.node(), to.seq()));
    if (e == null) {
      throw new RoamException("no live process " + to + " on node " + config.nodeId() + " to deliver to");
    }
    Object body;
    try {
      body = e.codec().decode(m.body());
    } catch (io.roam.kernel.snapshot.SnapshotFormatException x) {
      throw new RoamException("a message forwarded to " + to + " cannot be decoded: " + x.getMessage(), x);
    }
    ProcessId from = new ProcessId(m.from().node(), m.from().seq());
    if (!e.deliver(from, m.from(), body, m.body().length)) {
      throw new RoamException("process " + to + " on node " + config.nodeId() + " ended before the message arrived");
    }
  }

  /** Counts what is written through it. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
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

  /** Ends a process (exit code 137, failure "killed"). */
  public void kill(ProcessId pid) throws RoamException {
    try {
      scheduler.kill(process(pid));
    } catch (IllegalStateException e) {
      throw new RoamException(e.getMessage(), e);
    }
  }

  /** Changes a process's nice level (-20 … 19). */
  public void setNice(ProcessId pid, int nice) throws RoamException {
    scheduler.setNice(process(pid), nice);
  }

  /** Removes the entries of ended processes; returns how many. */
  public int reap() {
    int n = 0;
    for (var it = table.values().iterator(); it.hasNext(); ) {
      if (it.next().status.isFinal()) {
        it.remove();
        n++;
      }
    }
    return n;
  }

  /** Kills every process still in the table and stops the workers (waits up to 5 s). */
  @Override
  public void close() {
    router.close();
    List<KernelProcess> stuck = scheduler.close(new ArrayList<>(table.values()), 5_000_000_000L);
    for (KernelProcess p : stuck) {
      p.failure = "still running when its node closed (no safe point within 5 s)";
    }
  }
}
