package io.roam.kernel.node;

import io.roam.kernel.RoamException;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A node whose processes survive the death of its JVM: every process has a directory under the
 * node directory holding its description, its console output and its last checkpoints, written
 * every {@code every} (atomically: a checkpoint is a complete file or absent). After a crash —
 * {@code kill -9} included — {@link #recover} resumes every unfinished process from its newest
 * readable checkpoint (or from its start when it had none). Programs are deterministic between
 * their inputs, so a recovered process prints again what it printed after its checkpoint; its
 * console drops those bytes, by their position in the stream, up to what was already shown: no
 * line twice, none lost.
 *
 * <p>Layout: {@code DIR/<pid>/process.properties} (class path, main class, arguments, state),
 * {@code out} and {@code err} (what the process wrote), {@code checkpoint-<n>.roam} (the newest
 * {@code keep}). Lifecycle: {@link #create} or {@link #recover}, then {@link #awaitAll}, then
 * {@link #close}. Thread-safe.
 */
public final class DurableNode implements AutoCloseable {
  private final Path dir;
  private final NodeKernel kernel;
  private final Duration every;
  private final int keep;
  private final Map<ProcessId, Path> processes = new LinkedHashMap<>();
  private final Thread checkpointer;
  private volatile boolean closed;

  private DurableNode(Path dir, NodeKernel.Config config, Duration every, int keep) {
    this.dir = dir;
    this.kernel = new NodeKernel(config);
    this.every = every;
    this.keep = Math.max(1, keep);
    checkpointer = new Thread(this::checkpointLoop, "roam-checkpointer");
    checkpointer.setDaemon(true);
  }

  /** A new durable node in {@code dir} (created if missing; must hold no processes yet). */
  public static DurableNode create(Path dir, NodeKernel.Config config, Duration every, int keep)
      throws IOException, RoamException {
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(dir)) {
      if (s.anyMatch(p -> Files.exists(p.resolve("process.properties")))) {
        throw new RoamException("node directory " + dir + " already holds processes; recover it"
            + " with 'roam local recover " + dir + "' or choose an empty directory");
      }
    }
    DurableNode n = new DurableNode(dir, config, every, keep);
    n.checkpointer.start();
    return n;
  }

  /**
   * Resumes every unfinished process of the node directory {@code dir} in a new kernel; returns
   * the node (its processes running, checkpointed as before).
   */
  public static DurableNode recover(Path dir, NodeKernel.Config config, Duration every, int keep)
      throws IOException, RoamException {
    if (!Files.isDirectory(dir)) {
      throw new RoamException("node directory " + dir + " does not exist");
    }
    DurableNode n = new DurableNode(dir, config, every, keep);
    List<Path> pdirs;
    try (Stream<Path> s = Files.list(dir)) {
      pdirs = s.filter(p -> Files.exists(p.resolve("process.properties"))).sorted().toList();
    }
    for (Path p : pdirs) {
      Properties d = load(p);
      if ("RUNNING".equals(d.getProperty("state"))) {
        n.resume(p, d);
      }
    }
    n.checkpointer.start();
    return n;
  }

  /** Starts a program as a durable process. */
  public ProcessId spawn(String classPath, String mainClass, String[] args) throws IOException,
      RoamException {
    CodeSource code = CodeSource.fromClassPath(classPath);
    Path pdir = Files.createTempDirectory(dir, "starting-");
    VirtualConsole console = console(pdir, 0, 0);
    ProcessId pid;
    synchronized (processes) {
      pid = kernel.spawn(code, mainClass, args, console, 0);
      Path named = dir.resolve(pid.toString());
      Files.move(pdir, named);
      Properties d = new Properties();
      d.setProperty("pid", pid.toString());
      d.setProperty("classPath", classPath);
      d.setProperty("main", mainClass);
      d.setProperty("args", encode(args));
      d.setProperty("state", "RUNNING");
      store(named, d);
      processes.put(pid, named);
    }
    return pid;
  }

  private void resume(Path pdir, Properties d) throws IOException, RoamException {
    List<Path> cps = checkpoints(pdir);
    ProcessId pid = null;
    RoamException unreadable = null;
    for (int i = cps.size() - 1; i >= 0 && pid == null; i--) {
      try {
        pid = kernel.adopt(cps.get(i), (o, e) -> console(pdir, o, e), 0);
      } catch (RoamException e) {
        unreadable = e; // a damaged file: fall back to the one before
      }
    }
    if (pid == null && unreadable != null) {
      throw new RoamException("no checkpoint of " + pdir.getFileName() + " could be read: "
          + unreadable.getMessage(), unreadable);
    }
    if (pid == null) {
      // Crashed before its first checkpoint: start again; the console drops all it showed.
      CodeSource code = CodeSource.fromClassPath(d.getProperty("classPath"));
      pid = kernel.spawn(code, d.getProperty("main"), decode(d.getProperty("args")), console(pdir, 0, 0), 0);
    }
    synchronized (processes) {
      processes.put(pid, pdir);
    }
  }

  /**
   * The console of a process whose output so far is in {@code pdir}: the resumed program has
   * written {@code out}/{@code err} bytes by its own count; what the files hold beyond that was
   * shown before the crash and is dropped when the program writes it again.
   */
  private static VirtualConsole console(Path pdir, long out, long err) {
    try {
      Path o = pdir.resolve("out");
      Path e = pdir.resolve("err");
      long shownOut = Files.exists(o) ? Files.size(o) : 0;
      long shownErr = Files.exists(e) ? Files.size(e) : 0;
      return new VirtualConsole(new Skipping(new FileOutputStream(o.toFile(), true), shownOut - out),
          new Skipping(new FileOutputStream(e.toFile(), true), shownErr - err),
          new ByteArrayInputStream(new byte[0]), out, err);
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }

  /** Drops the first {@code skip} bytes written through it. */
  static final class Skipping extends OutputStream {
    private final OutputStream target;
    private long skip;

    Skipping(OutputStream target, long skip) {
      this.target = target;
      this.skip = Math.max(0, skip);
    }

    @Override
    public void write(int b) throws IOException {
      if (skip > 0) {
        skip--;
      } else {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int drop = (int) Math.min(skip, len);
      skip -= drop;
      if (len > drop) {
        target.write(b, off + drop, len - drop);
      }
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      target.close();
    }
  }

  // ------------------------------------------------------------------ checkpoints

  private void checkpointLoop() {
    while (!closed) {
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      for (Map.Entry<ProcessId, Path> p : snapshotOfProcesses().entrySet()) {
        checkpointQuietly(p.getKey(), p.getValue());
      }
    }
  }

  private Map<ProcessId, Path> snapshotOfProcesses() {
    synchronized (processes) {
      return new LinkedHashMap<>(processes);
    }
  }

  private void checkpointQuietly(ProcessId pid, Path pdir) {
    try {
      ProcessInfo i = kernel.info(pid);
      if (i.status().isFinal()) {
        recordEnd(pdir, i);
        return;
      }
      checkpoint(pid, pdir);
    } catch (RoamException | IOException | TimeoutException e) {
      // A process that ended meanwhile, or a capture that must wait: the next round retries.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes a checkpoint of the process now (keeping the newest {@code keep}); returns its file. */
  public Path checkpoint(ProcessId pid) throws IOException, RoamException, TimeoutException,
      InterruptedException {
    Path pdir = snapshotOfProcesses().get(pid);
    if (pdir == null) {
      throw new RoamException("no durable process " + pid);
    }
    return checkpoint(pid, pdir);
  }

  private Path checkpoint(ProcessId pid, Path pdir) throws IOException, RoamException,
      TimeoutException, InterruptedException {
    List<Path> old = checkpoints(pdir);
    long n = old.isEmpty() ? 1 : number(old.get(old.size() - 1)) + 1;
    Path file = pdir.resolve("checkpoint-" + n + ".roam");
    kernel.checkpoint(pid, file, Duration.ofSeconds(30));
    for (int i = 0; i < old.size() + 1 - keep; i++) {
      Files.deleteIfExists(old.get(i));
    }
    return file;
  }

  /** Checkpoint files of a process, oldest first. */
  static List<Path> checkpoints(Path pdir) throws IOException {
    try (Stream<Path> s = Files.list(pdir)) {
      return s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+\\.roam"))
          .sorted(java.util.Comparator.comparingLong(DurableNode::number)).toList();
    }
  }

  private static long number(Path p) {
    String f = p.getFileName().toString();
    return Long.parseLong(f.substring("checkpoint-".length(), f.length() - ".roam".length()));
  }

  // ------------------------------------------------------------------ ends

  /** Waits for every process to end; records each end in its directory. */
  public Map<ProcessId, ProcessInfo> awaitAll(Duration timeout) throws RoamException,
      TimeoutException, InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<ProcessId, ProcessInfo> out = new LinkedHashMap<>();
    for (Map.Entry<ProcessId, Path> p : snapshotOfProcesses().entrySet()) {
      ProcessInfo i = kernel.await(p.getKey(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      recordEnd(p.getValue(), i);
      out.put(p.getKey(), i);
    }
    return out;
  }

  private static void recordEnd(Path pdir, ProcessInfo i) throws IOException {
    Properties d = load(pdir);
    if (!"RUNNING".equals(d.getProperty("state"))) {
      return;
    }
    d.setProperty("state", i.status().name());
    d.setProperty("exitCode", String.valueOf(i.exitCode()));
    if (i.failure() != null) {
      d.setProperty("failure", i.failure());
    }
    store(pdir, d);
  }

  /** The kernel (for accounting and control). */
  public NodeKernel kernel() {
    return kernel;
  }

  /** Process ids and their directories. */
  public Map<ProcessId, Path> processes() {
    return snapshotOfProcesses();
  }

  @Override
  public void close() {
    closed = true;
    checkpointer.interrupt();
    kernel.close();
  }

  // ------------------------------------------------------------------ files

  private static Properties load(Path pdir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(pdir.resolve("process.properties"))) {
      p.load(r);
    }
    return p;
  }

  /** Writes process.properties atomically (a reader sees the old or the new file, whole). */
  private static void store(Path pdir, Properties p) throws IOException {
    Path tmp = pdir.resolve("process.properties.tmp");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      p.store(w, "Roam durable process");
    }
    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(tmp, pdir.resolve("process.properties"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, pdir.resolve("process.properties"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String encode(String[] args) {
    List<String> parts = new ArrayList<>();
    for (String a : args) {
      parts.add(Base64.getEncoder().encodeToString(a.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return String.join(",", parts);
  }

  private static String[] decode(String s) {
    if (s == null || s.isEmpty()) {
      return new String[0];
    }
    String[] parts = s.split(",");
    String[] out = new String[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = new String(Base64.getDecoder().decode(parts[i]), java.nio.charset.StandardCharsets.UTF_8);
    }
    return out;
  }
}
