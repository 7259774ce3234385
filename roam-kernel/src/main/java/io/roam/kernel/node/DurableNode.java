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
 * <p>Files are treated likewise: a recovered process's files are cut back to their lengths at its
 * checkpoint before it runs (from the lengths in the checkpoint and the process's file journal,
 * see {@code LocalFileService.cutBack}), so the bytes it writes again are not there twice.
 *
 * <p>Layout: {@code DIR/<pid>/process.properties} (class path, main class, arguments, state),
 * {@code out} and {@code err} (what the process wrote), {@code checkpoint-<n>.roam} (the newest
 * {@code keep}), {@code files.journal} (lengths of the files changed since the last cut).
 * Lifecycle: {@link #create} or {@link #recover}, then {@link #awaitAll}, then {@link #close}.
 * Thread-safe.
 */
public final class DurableNode implements AutoCloseable {
  private final Path dir;
  private final NodeKernel kernel;
  private final Duration every;
  private final int keep;
  private final Map<ProcessId, Path> processes = new LinkedHashMap<>();
  private final Thread checkpointer;
  private volatile boolean closed;
  /** Number of the last checkpoint round written (see {@link #round}). */
  private long lastRound;
  /** Processes that were unfinished when this node recovered them. */
  private int recoveredUnfinished;
  /** The checkpoint round each recovered process resumed from (0: from its start). */
  private final Map<ProcessId, Long> recoveredFrom = new LinkedHashMap<>();
  /**
   * Processes whose files are cut back before they run: recovered ones (from their checkpoint)
   * and children made again after a recovery (everything their former self wrote).
   */
  private final Map<ProcessId, Boolean> cutBackAtStart = new java.util.concurrent.ConcurrentHashMap<>();
  /** The file journal of every process started here (emptied after each cut that holds it). */
  private final Map<ProcessId, io.roam.kernel.files.FileJournal> journals = new java.util.concurrent.ConcurrentHashMap<>();
  /** How many files were cut back or deleted before each process in {@link #cutBackAtStart} ran. */
  private final Map<ProcessId, Integer> filesCutBack = new LinkedHashMap<>();

  private DurableNode(Path dir, NodeKernel.Config config, Duration every, int keep) {
    this.dir = dir;
    this.kernel = new NodeKernel(config);
    this.every = every;
    this.keep = Math.max(1, keep);
    checkpointer = new Thread(this::checkpointLoop, "roam-checkpointer");
    checkpointer.setDaemon(true);
    kernel.setChildConsoles(this::childConsole);
    kernel.router.setCheckpointer(this::round);
    kernel.setFileJournals(this::attachJournal);
  }

  /**
   * Gives a process its file journal ({@code DIR/<pid>/files.journal}); for one in {@link
   * #cutBackAtStart}, first puts its files back with the old journal and then empties it.
   */
  private void attachJournal(ProcessId pid, io.roam.kernel.files.LocalFileService files) throws RoamException {
    io.roam.kernel.files.FileJournal j = new io.roam.kernel.files.FileJournal(() -> journalOf(pid));
    Boolean remade = cutBackAtStart.remove(pid);
    if (remade != null) {
      try {
        var entries = j.read();
        int n = remade ? files.cutBack(entries, Long.MIN_VALUE) : files.cutBack(entries);
        synchronized (filesCutBack) {
          filesCutBack.put(pid, n);
        }
        j.clear();
      } catch (IOException e) {
        throw new RoamException("cannot recover process " + pid + ": cannot read its file journal "
            + journalOf(pid) + " to put its files back as they were at its checkpoint: " + e.getMessage(), e);
      } catch (RoamException e) {
        throw new RoamException("cannot recover process " + pid + ": " + e.getMessage(), e);
      }
    }
    files.journal(j);
    journals.put(pid, j);
  }

  /** The journal of {@code pid}: in its directory (looked up under the lock: spawn names it). */
  private Path journalOf(ProcessId pid) {
    synchronized (processes) {
      Path pdir = processes.get(pid);
      return (pdir != null ? pdir : dir.resolve(pid.toString())).resolve(JOURNAL);
    }
  }

  /** File name of a process's write journal in its directory. */
  static final String JOURNAL = "files.journal";

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
    Cut cut = Cut.read(dir);
    long counter = cut == null ? 0 : cut.counter;
    for (Path p : pdirs) {
      Properties d = load(p);
      ProcessId pid = ProcessId.parse(d.getProperty("pid"));
      boolean unfinished = "RUNNING".equals(d.getProperty("state"));
      if (cut != null && cut.pids.contains(pid)) {
        // in the last consistent cut: back to it, even if it ended since (its peers go back too)
        n.resume(p, d, pid, cut.round);
      } else if (unfinished && d.getProperty("parent") == null) {
        n.resume(p, d, pid, 0); // started after the cut (or no cut yet): from its start
        counter = Math.max(counter, pid.seq());
      } else {
        continue; // ended before the cut, or made by Roam.spawn/fork after it: its parent remakes it
      }
      if (unfinished) {
        n.recoveredUnfinished++;
      }
    }
    n.kernel.setCounter(counter);
    n.lastRound = cut == null ? 0 : cut.round;
    for (ProcessId pid : n.processes().keySet()) {
      n.kernel.resume(pid); // all adopted before any runs: none sends to a peer not yet back
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

  /**
   * Resumes a process with its own id: from the checkpoint of round {@code round} (the cut), or,
   * for round 0, from its start.
   */
  private void resume(Path pdir, Properties d, ProcessId pid, long round) throws IOException, RoamException {
    cutBackAtStart.put(pid, false);
    if (round > 0) {
      Path cp = pdir.resolve("checkpoint-" + round + ".roam");
      kernel.adopt(cp, (o, e) -> console(pdir, o, e), 0, pid);
    } else {
      // Crashed before its first checkpoint: start again; the console drops all it showed.
      CodeSource code = CodeSource.fromClassPath(d.getProperty("classPath"));
      kernel.spawn(code, d.getProperty("main"), decode(d.getProperty("args")), console(pdir, 0, 0), 0, pid);
    }
    synchronized (processes) {
      processes.put(pid, pdir);
      recoveredFrom.put(pid, round);
    }
  }

  /**
   * The console of a process made by {@code Roam.spawn} or {@code Roam.fork}: a directory of its
   * own, as every durable process has. After a recovery its parent may make it again (it was
   * made after the cut): the directory is reused and what it already shows is not repeated.
   */
  private VirtualConsole childConsole(ProcessId child, ProcessId parent, String mainClass,
      VirtualConsole parentConsole) {
    try {
      Path pdir = dir.resolve(child.toString());
      if (Files.exists(pdir.resolve(JOURNAL))) {
        cutBackAtStart.put(child, true); // made again after a recovery: undo its former self's writes
      }
      Files.createDirectories(pdir);
      Path parentDir = snapshotOfProcesses().get(parent);
      Properties pd = parentDir == null ? new Properties() : load(parentDir);
      Properties d = new Properties();
      d.setProperty("pid", child.toString());
      d.setProperty("parent", parent.toString());
      d.setProperty("classPath", pd.getProperty("classPath", ""));
      d.setProperty("main", mainClass);
      d.setProperty("state", "RUNNING");
      store(pdir, d);
      synchronized (processes) {
        processes.put(child, pdir);
      }
      return console(pdir, 0, 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot make the directory of process " + child, e);
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
      kernel.router.freezeLock.lock();
      try {
        round();
      } catch (RoamException | IOException | TimeoutException e) {
        // a process that could not be stopped in time: the next round retries
      } catch (InterruptedException e) {
        return;
      } finally {
        kernel.router.freezeLock.unlock();
      }
    }
  }

  private Map<ProcessId, Path> snapshotOfProcesses() {
    synchronized (processes) {
      return new LinkedHashMap<>(processes);
    }
  }

  /**
   * Writes a checkpoint round of the whole node now and returns the file of {@code pid} in it
   * (see {@link #round}).
   */
  public Path checkpoint(ProcessId pid) throws IOException, RoamException, TimeoutException,
      InterruptedException {
    Path pdir = snapshotOfProcesses().get(pid);
    if (pdir == null) {
      throw new RoamException("no durable process " + pid);
    }
    kernel.router.freezeLock.lock();
    try {
      round();
      return pdir.resolve("checkpoint-" + lastRound + ".roam");
    } finally {
      kernel.router.freezeLock.unlock();
    }
  }

  /**
   * One checkpoint round, a consistent cut of the node: suspends every live process, then
   * writes each one's checkpoint {@code checkpoint-<round>.roam}, then the cut file naming the
   * round, the node's id counter and the processes in it, then resumes them. No process runs
   * while the others are written, so a message is either in its sender's past and its receiver's
   * mailbox (or past), or in neither: recovery neither loses nor duplicates one. Called with the
   * router's freeze lock held. If a process cannot be stopped in time, no cut is written.
   */
  private void round() throws IOException, RoamException, TimeoutException, InterruptedException {
    Map<ProcessId, Path> stopped = new LinkedHashMap<>();
    List<ProcessId> toResume = new ArrayList<>();
    java.util.Set<ProcessId> seen = new java.util.HashSet<>();
    try {
      // until no new process appears: one that a process spawned before it was stopped is in
      // the table by then (spawn registers the child before it returns), and belongs in the cut
      for (Map<ProcessId, Path> all; (all = snapshotOfProcesses()).size() > seen.size(); ) {
        for (Map.Entry<ProcessId, Path> p : all.entrySet()) {
          if (seen.add(p.getKey())) {
            stop(p.getKey(), p.getValue(), stopped, toResume);
          }
        }
      }
      long n = lastRound + 1;
      for (Map.Entry<ProcessId, Path> p : stopped.entrySet()) {
        kernel.checkpoint(p.getKey(), p.getValue().resolve("checkpoint-" + n + ".roam"), Duration.ofSeconds(30));
      }
      new Cut(n, kernel.counter(), List.copyOf(stopped.keySet())).write(dir);
      lastRound = n;
      forgetJournals(stopped.keySet());
      for (Path pdir : stopped.values()) {
        List<Path> old = checkpoints(pdir);
        for (int i = 0; i < old.size() - keep; i++) {
          Files.deleteIfExists(old.get(i));
        }
      }
    } finally {
      for (ProcessId pid : toResume) {
        kernel.resume(pid);
      }
    }
  }

  /**
   * Empties the file journals of the processes of a cut just written, while they are still
   * stopped: a recovery resumes from this cut or a later one, and needs only entries made after
   * it. (A crash before this leaves older entries, which recovery skips by their epoch.)
   */
  private void forgetJournals(java.util.Collection<ProcessId> cut) {
    for (ProcessId pid : cut) {
      io.roam.kernel.files.FileJournal j = journals.get(pid);
      if (j != null) {
        try {
          j.clear();
        } catch (IOException e) {
          // kept: its entries are older than the cut and skipped by epoch at recovery
        }
      }
    }
  }

  /** Suspends one process for a round (or records its end). */
  private void stop(ProcessId pid, Path pdir, Map<ProcessId, Path> stopped, List<ProcessId> toResume)
      throws IOException, RoamException, TimeoutException, InterruptedException {
    ProcessInfo i = kernel.info(pid);
    if (i.status().isFinal()) {
      recordEnd(pdir, i);
    } else if (kernel.suspend(pid, Duration.ofSeconds(30)) == ProcessStatus.SUSPENDED) {
      stopped.put(pid, pdir);
      if (i.status() != ProcessStatus.SUSPENDED) {
        toResume.add(pid);
      }
    } else {
      recordEnd(pdir, kernel.info(pid));
    }
  }

  /** The last checkpoint round: its number, the node's id counter then, the processes in it. */
  private record Cut(long round, long counter, List<ProcessId> pids) {
    static final String FILE = "cut.properties";

    void write(Path dir) throws IOException {
      Properties p = new Properties();
      p.setProperty("round", String.valueOf(round));
      p.setProperty("counter", String.valueOf(counter));
      p.setProperty("pids", String.join(",", pids.stream().map(ProcessId::toString).toList()));
      Path tmp = dir.resolve(FILE + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp)) {
        p.store(w, "Roam durable node: last consistent checkpoint round");
      }
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Cut read(Path dir) throws IOException {
      Path f = dir.resolve(FILE);
      if (!Files.exists(f)) {
        return null;
      }
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(f)) {
        p.load(r);
      }
      String pids = p.getProperty("pids", "");
      return new Cut(Long.parseLong(p.getProperty("round")), Long.parseLong(p.getProperty("counter")),
          pids.isEmpty() ? List.of() : java.util.Arrays.stream(pids.split(",")).map(ProcessId::parse).toList());
    }
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
    // processes started meanwhile (Roam.spawn, Roam.fork) are waited for too
    for (Map<ProcessId, Path> all; (all = snapshotOfProcesses()).size() > out.size(); ) {
      for (Map.Entry<ProcessId, Path> p : all.entrySet()) {
        if (!out.containsKey(p.getKey())) {
          ProcessInfo i = kernel.await(p.getKey(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
          recordEnd(p.getValue(), i);
          out.put(p.getKey(), i);
        }
      }
    }
    return out;
  }

  /**
   * Records a process's end in its description. Synchronized: the checkpointer (a round that finds
   * the process ended) and {@link #awaitAll} may record the same end at once, and both would write
   * and rename the same temporary file (one rename then failed with NoSuchFileException).
   */
  private static synchronized void recordEnd(Path pdir, ProcessInfo i) throws IOException {
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

  /** The checkpoint round each process {@link #recover} resumed came from (0: its start). */
  public Map<ProcessId, Long> recoveredFrom() {
    synchronized (processes) {
      return new LinkedHashMap<>(recoveredFrom);
    }
  }

  /**
   * For each process recovered (or made again after the recovery) so far, how many of its files
   * were cut back to their length at its checkpoint, or deleted, before it ran.
   */
  public Map<ProcessId, Integer> filesCutBack() {
    synchronized (filesCutBack) {
      return new LinkedHashMap<>(filesCutBack);
    }
  }

  /** How many processes were unfinished when {@link #recover} resumed them. */
  public int recoveredUnfinished() {
    return recoveredUnfinished;
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
