package io.roam.kernel.files;

import io.roam.instrument.runtime.files.FileService;
import io.roam.kernel.RoamException;
import io.roam.kernel.process.ProcessState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file interface of one process, served from this JVM's file system: paths are resolved
 * against the process's working directory (that of the JVM that started it, carried in its
 * snapshot), open files are kept in a handle table with their positions, and bytes read and
 * written are counted per path.
 *
 * <p>Capture ({@link #beforeCapture}) records the working directory, every open handle (path,
 * flags, position) and the counters in the process's resources under {@link #RESOURCE_KEY};
 * {@link #restore} reopens every handle in the resuming JVM at its position and refuses, naming
 * the path, a file that is gone or shorter than the position. Handles keep their numbers, which
 * the process's file objects hold.
 *
 * <p>Recovery: each capture also starts a new <em>epoch</em> and records the length of every file
 * open for writing under {@link #CUT_KEY}; with a {@link FileJournal} attached (a durable node),
 * the length of any other file is journaled before the process first changes it in an epoch. A
 * process restored for recovery is then put back with {@link #cutBack} before it runs; a plain
 * restore (a migration) never cuts.
 *
 * <p>Threading: the I/O methods are called on the process's carrier, one at a time; {@link
 * #bytesByPath} may be called from any thread.
 */
public final class LocalFileService implements FileService, ProcessState.ResourceHook {
  /** Key of this subsystem's state in {@link ProcessState#resources()}. */
  public static final String RESOURCE_KEY = "files";
  /**
   * Key of the lengths a capture records for recovery: {@code [epoch, paths, lengths]} of the
   * files open for writing (see {@link #cutBack}).
   */
  public static final String CUT_KEY = "files.cut";

  private String workingDirectory;
  private final Map<Integer, OpenFile> open = new LinkedHashMap<>();
  private final Map<String, OpenFile.Counter> counters = new ConcurrentHashMap<>();
  private int nextHandle = 3;
  /** The handle used last and its file (most I/O repeats on one handle): no boxing, no hashing. */
  private int lastHandle = -1;

  private OpenFile lastFile;
  /** Where the first change of each file after a capture is recorded, or null (not durable). */
  private FileJournal journal;
  /** Captures of the process so far (carried in its snapshots): tags journal entries. */
  private long epoch;
  /** Paths whose length at the last capture is known (recorded by it or journaled since). */
  private final java.util.Set<String> lengthKnown = new java.util.HashSet<>();
  /** Lengths the snapshot this process was restored from recorded (for {@link #cutBack}). */
  private Map<String, Long> restoredLengths = Map.of();

  /** A file interface whose relative paths resolve against {@code workingDirectory}. */
  public LocalFileService(String workingDirectory) {
    this.workingDirectory = Path.of(workingDirectory).toAbsolutePath().toString();
  }

  /** One for a new process started in this JVM: the JVM's working directory. */
  public static LocalFileService forNewProcess() {
    return new LocalFileService(System.getProperty("user.dir"));
  }

  // ------------------------------------------------------------------ handles

  private OpenFile file(int h) throws IOException {
    if (h == lastHandle) {
      return lastFile;
    }
    OpenFile f = open.get(h);
    if (f == null) {
      throw new IOException("Stream Closed");
    }
    lastHandle = h;
    lastFile = f;
    return f;
  }

  @Override
  public int open(String path, int flags) throws IOException {
    String abs = resolve(path);
    if (journal != null && (flags & WRITE) != 0) {
      beforeChange(abs, (flags & TRUNCATE) != 0);
    }
    RandomAccessFile file = openFile(path, abs, flags);
    int h = nextHandle++;
    open.put(h, new OpenFile(abs, flags, file, counter(abs), 0));
    return h;
  }

  /** Opens as FileChannel.open would (its checks and exceptions), as a RandomAccessFile. */
  private static RandomAccessFile openFile(String path, String abs, int flags) throws IOException {
    Path p = Path.of(abs);
    boolean write = (flags & WRITE) != 0;
    boolean exists = Files.exists(p);
    if (exists && (flags & CREATE_NEW) != 0 && write) {
      throw new FileAlreadyExistsException(path);
    }
    if (!exists && !(write && (flags & (CREATE | CREATE_NEW)) != 0)) {
      throw new NoSuchFileException(path);
    }
    if (Files.isDirectory(p)) {
      throw new FileSystemException(path, null, "Is a directory");
    }
    RandomAccessFile f;
    try {
      f = new RandomAccessFile(abs, !write ? "r" : (flags & SYNC) != 0 ? "rws" : "rw");
    } catch (java.io.FileNotFoundException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("Permission denied")) {
        throw new AccessDeniedException(path);
      } else if (m.contains("No such file")) {
        throw new NoSuchFileException(path);
      }
      int paren = m.lastIndexOf(" (");
      throw new FileSystemException(path, null, paren >= 0 ? m.substring(paren + 2, m.length() - 1) : m);
    }
    if ((flags & TRUNCATE) != 0 && write) {
      f.setLength(0);
    }
    return f;
  }

  private OpenFile.Counter counter(String abs) {
    return counters.computeIfAbsent(abs, k -> new OpenFile.Counter(0, 0));
  }

  @Override
  public int read(int h, byte[] b, int off, int len) throws IOException {
    OpenFile f = file(h);
    readable(f);
    f.seek(f.position);
    f.at(-1);
    int n = f.file.read(b, off, len);
    if (n > 0) {
      f.position += n;
      f.counter.read += n;
    }
    f.at(f.position);
    return n;
  }

  @Override
  public int readAt(int h, long pos, byte[] b, int off, int len) throws IOException {
    return readAt(file(h), pos, b, off, len);
  }

  private static void readable(OpenFile f) throws IOException {
    if ((f.flags & READ) == 0) {
      throw new IOException("Bad file descriptor");
    }
  }

  private static void writable(OpenFile f) throws IOException {
    if ((f.flags & WRITE) == 0) {
      throw new IOException("Bad file descriptor");
    }
  }

  private static int readAt(OpenFile f, long pos, byte[] b, int off, int len) throws IOException {
    readable(f);
    int n = f.channel.read(ByteBuffer.wrap(b, off, len), pos);
    if (n > 0) {
      f.counter.read += n;
    }
    return n;
  }

  @Override
  public void write(int h, byte[] b, int off, int len) throws IOException {
    OpenFile f = file(h);
    writable(f);
    long at = (f.flags & APPEND) != 0 ? f.file.length() : f.position;
    f.seek(at);
    f.at(-1);
    f.file.write(b, off, len);
    f.position = at + len;
    f.at(f.position);
    f.counter.written += len;
  }

  @Override
  public void writeAt(int h, long pos, byte[] b, int off, int len) throws IOException {
    writeAt(file(h), pos, b, off, len);
  }

  private static void writeAt(OpenFile f, long pos, byte[] b, int off, int len) throws IOException {
    writable(f);
    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
    while (buf.hasRemaining()) {
      f.channel.write(buf, pos + buf.position() - off);
    }
    f.counter.written += len;
  }

  @Override
  public long position(int h) throws IOException {
    OpenFile f = file(h);
    return (f.flags & APPEND) != 0 ? f.channel.size() : f.position;
  }

  @Override
  public void position(int h, long pos) throws IOException {
    file(h).position = pos;
  }

  @Override
  public long size(int h) throws IOException {
    return file(h).channel.size();
  }

  @Override
  public void truncate(int h, long size) throws IOException {
    OpenFile f = file(h);
    if (size < f.channel.size()) {
      f.channel.truncate(size);
      f.at(-1);
    }
    if (f.position > size) {
      f.position = size;
    }
  }

  @Override
  public void setLength(int h, long length) throws IOException {
    OpenFile f = file(h);
    long size = f.channel.size();
    if (length != size) {
      f.file.setLength(length);
      f.at(-1);
    }
    if (f.position > length) {
      f.position = length;
    }
  }

  @Override
  public void force(int h, boolean metaData) throws IOException {
    file(h).channel.force(metaData);
  }

  @Override
  public void close(int h) throws IOException {
    OpenFile f = open.remove(h);
    if (h == lastHandle) {
      lastHandle = -1;
      lastFile = null;
    }
    if (f != null) {
      f.file.close();
    }
  }

  @Override
  public boolean isOpen(int h) {
    return h == lastHandle || open.containsKey(h);
  }

  @Override
  public int flags(int h) {
    OpenFile f = h == lastHandle ? lastFile : open.get(h);
    return f == null ? 0 : f.flags;
  }

  /** Closes every open file (the process has ended). */
  public void closeAll() {
    for (OpenFile f : open.values()) {
      try {
        f.file.close();
      } catch (IOException e) {
        // The process is gone; nothing is left to tell.
      }
    }
    open.clear();
    lastHandle = -1;
    lastFile = null;
    if (journal != null) {
      try {
        journal.close();
      } catch (IOException e) {
        // idem
      }
    }
  }

  // ------------------------------------------------------------------ names

  @Override
  public String resolve(String path) {
    return path.isEmpty() ? workingDirectory : Path.of(workingDirectory).resolve(path).toString();
  }

  @Override
  public String workingDirectory() {
    return workingDirectory;
  }

  private Path at(String path) {
    return Path.of(resolve(path));
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(at(path));
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(at(path));
  }

  @Override
  public boolean isRegularFile(String path) {
    return Files.isRegularFile(at(path));
  }

  @Override
  public long fileSize(String path) throws IOException {
    try {
      return Files.size(at(path));
    } catch (FileSystemException e) {
      throw renamed(e, path, null);
    }
  }

  @Override
  public boolean delete(String path) throws IOException {
    try {
      return Files.deleteIfExists(at(path));
    } catch (FileSystemException e) {
      throw renamed(e, path, null);
    }
  }

  @Override
  public void createDirectories(String path) throws IOException {
    try {
      Files.createDirectories(at(path));
    } catch (FileSystemException e) {
      throw renamed(e, path, null);
    }
  }

  @Override
  public void createDirectory(String path) throws IOException {
    try {
      Files.createDirectory(at(path));
    } catch (FileSystemException e) {
      throw renamed(e, path, null);
    }
  }

  @Override
  public void createFile(String path) throws IOException {
    if (journal != null) {
      beforeChange(resolve(path), true);
    }
    try {
      Files.createFile(at(path));
    } catch (FileSystemException e) {
      throw renamed(e, path, null);
    }
  }

  @Override
  public void copy(String from, String to, boolean replace) throws IOException {
    if (journal != null) {
      beforeChange(resolve(to), true);
    }
    try {
      if (replace) {
        Files.copy(at(from), at(to), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.copy(at(from), at(to));
      }
    } catch (FileSystemException e) {
      throw renamed(e, from, to);
    }
    if (Files.isRegularFile(at(to))) {
      long n = Files.size(at(to));
      counter(resolve(from)).read += n;
      counter(resolve(to)).written += n;
    }
  }

  @Override
  public void move(String from, String to, boolean replace) throws IOException {
    if (journal != null) {
      beforeChange(resolve(to), true);
    }
    try {
      if (replace) {
        Files.move(at(from), at(to), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(at(from), at(to));
      }
    } catch (FileSystemException e) {
      throw renamed(e, from, to);
    }
  }

  @Override
  public List<String> list(String dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(at(dir))) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (FileSystemException e) {
      throw renamed(e, dir, null);
    }
    return names;
  }

  /** The same exception with the paths as the process wrote them, not as resolved here. */
  private static FileSystemException renamed(FileSystemException e, String file, String other) {
    String o = e.getOtherFile() == null ? null : other;
    FileSystemException r;
    if (e instanceof NoSuchFileException) {
      r = new NoSuchFileException(file, o, e.getReason());
    } else if (e instanceof FileAlreadyExistsException) {
      r = new FileAlreadyExistsException(e.getFile() != null && other != null
          && e.getFile().endsWith(Path.of(other).getFileName().toString()) ? other : file, o, e.getReason());
    } else if (e instanceof AccessDeniedException) {
      r = new AccessDeniedException(file, o, e.getReason());
    } else if (e instanceof DirectoryNotEmptyException) {
      r = new DirectoryNotEmptyException(file);
    } else if (e instanceof NotDirectoryException) {
      r = new NotDirectoryException(file);
    } else {
      r = new FileSystemException(file, o, e.getReason());
    }
    r.initCause(e);
    return r;
  }

  // ------------------------------------------------------------------ accounting

  /** Bytes read and written per absolute path, since the process started (across moves). */
  public Map<String, FileBytes> bytesByPath() {
    Map<String, FileBytes> out = new java.util.TreeMap<>();
    counters.forEach((p, c) -> out.put(p, new FileBytes(c.read, c.written)));
    return out;
  }

  // ------------------------------------------------------------------ capture and restore

  /**
   * Records {@code [workingDirectory, nextHandle, handles, paths, counts]}: handles as {@code
   * [handle, path, flags, position]}, counts as {@code [read, written]} per path, all plain data.
   */
  @Override
  public void beforeCapture(ProcessState state) {
    List<Object> handles = new ArrayList<>();
    open.forEach((h, f) -> handles.add(new Object[] {h, f.path, f.flags, f.position}));
    Map<String, FileBytes> bytes = bytesByPath();
    long[] counts = new long[bytes.size() * 2];
    int i = 0;
    for (FileBytes b : bytes.values()) {
      counts[i++] = b.read();
      counts[i++] = b.written();
    }
    state.resources().put(RESOURCE_KEY, new Object[] {workingDirectory, nextHandle, handles.toArray(),
        bytes.keySet().toArray(String[]::new), counts});
    recordLengths(state);
  }

  /**
   * Starts a new epoch and records the length of every file open for writing under {@link
   * #CUT_KEY}: {@code [epoch, paths, lengths]}. Files the process changes later are journaled.
   * Without a journal (no durable node: the snapshot is never recovered from) nothing is recorded
   * and the snapshot is as it was before recovery existed.
   */
  private void recordLengths(ProcessState state) {
    if (journal == null) {
      state.resources().remove(CUT_KEY); // one a durable node's snapshot left: stale here
      return;
    }
    epoch++;
    lengthKnown.clear();
    List<String> paths = new ArrayList<>();
    List<Long> lengths = new ArrayList<>();
    for (OpenFile f : open.values()) {
      if ((f.flags & WRITE) != 0 && lengthKnown.add(f.path)) {
        paths.add(f.path);
        try {
          lengths.add(f.channel.size());
        } catch (IOException e) {
          paths.remove(paths.size() - 1); // unreadable now: its first write will be journaled
          lengthKnown.remove(f.path);
        }
      }
    }
    long[] l = new long[lengths.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = lengths.get(i);
    }
    state.resources().put(CUT_KEY, new Object[] {epoch, paths.toArray(String[]::new), l});
  }

  // ------------------------------------------------------------------ recovery

  /**
   * Journals the changes of this process from now on (a durable node's process; before it runs).
   */
  public void journal(FileJournal j) {
    this.journal = j;
  }

  /** Records the length of {@code abs} before its first change in this epoch. */
  private void beforeChange(String abs, boolean replaces) throws IOException {
    if (lengthKnown.add(abs)) {
      Path p = Path.of(abs);
      long length = Files.isRegularFile(p) ? Files.size(p) : -1;
      try {
        journal.record(new FileJournal.Entry(epoch, abs, length, replaces));
      } catch (IOException e) {
        lengthKnown.remove(abs);
        throw new IOException("cannot journal the change of " + abs + " for recovery: " + e, e);
      }
    }
  }

  /**
   * Puts every file this process wrote after the checkpoint it was restored from (or, for a
   * process started anew, after its start) back to its length then, using the lengths the
   * snapshot recorded and the journal's later entries: a recovered process then writes those bytes
   * again, once. Call before the process runs, only when it resumes for recovery (a migration
   * must not cut: the files are as the process left them). Returns how many files were changed.
   *
   * @throws RoamException naming the file when one is shorter than at the checkpoint
   */
  public int cutBack(List<FileJournal.Entry> entries) throws RoamException {
    return cutBack(entries, epoch);
  }

  /**
   * As {@link #cutBack(List)}, taking the journal's entries of epoch {@code fromEpoch} and later
   * (a process made again after a recovery takes all of its former self's).
   */
  public int cutBack(List<FileJournal.Entry> entries, long fromEpoch) throws RoamException {
    return new RecoveryCut(restoredLengths, fromEpoch, entries).apply();
  }

  /**
   * Takes over the files of a restored process from its resources (nothing to do for a snapshot
   * without them): the working directory, the counters, and every open file, reopened at its
   * position.
   *
   * @throws RoamException naming the path when an open file is gone, cannot be opened, or is now
   *     shorter than the position the process had reached in it
   */
  public void restore(ProcessState state) throws RoamException {
    Object saved = state.resources().get(RESOURCE_KEY);
    if (saved == null) {
      return;
    }
    Object[] s = (Object[]) saved;
    workingDirectory = (String) s[0];
    nextHandle = (Integer) s[1];
    String[] paths = (String[]) s[3];
    long[] counts = (long[]) s[4];
    for (int i = 0; i < paths.length; i++) {
      counters.put(paths[i], new OpenFile.Counter(counts[2 * i], counts[2 * i + 1]));
    }
    for (Object o : (Object[]) s[2]) {
      Object[] f = (Object[]) o;
      reopen((Integer) f[0], (String) f[1], (Integer) f[2], (Long) f[3]);
    }
    restoreLengths(state.resources().get(CUT_KEY));
  }

  /** The epoch and the recorded lengths of a snapshot (none in one written before them). */
  private void restoreLengths(Object saved) {
    if (saved == null) {
      return;
    }
    Object[] c = (Object[]) saved;
    epoch = (Long) c[0];
    String[] paths = (String[]) c[1];
    long[] lengths = (long[]) c[2];
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < paths.length; i++) {
      m.put(paths[i], lengths[i]);
      lengthKnown.add(paths[i]);
    }
    restoredLengths = m;
  }

  private void reopen(int h, String path, int flags, long position) throws RoamException {
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      closeAll();
      throw new RoamException("the process had " + path + " open, and it no longer exists here; restore"
          + " the file (it must be at least " + position + " bytes long) and resume again");
    }
    RandomAccessFile file;
    try {
      file = openFile(path, path, flags & ~(TRUNCATE | CREATE_NEW | CREATE));
      if (file.length() < position && (flags & APPEND) == 0) {
        long size = file.length();
        file.close();
        closeAll();
        throw new RoamException("the process had read or written " + path + " up to byte " + position
            + ", but the file now has only " + size + " bytes; restore the file and resume again");
      }
    } catch (IOException e) {
      closeAll();
      throw new RoamException("cannot reopen " + path + ", which the process had open: " + e, e);
    }
    open.put(h, new OpenFile(path, flags, file, counter(path), position));
  }
}
