package io.roam.kernel.files;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The write journal of one durable process: for every file the process starts to change after a
 * capture, one line written <em>before</em> the change, saying how long the file was then (or that
 * it did not exist). With the lengths a checkpoint holds for the files open for writing at its
 * capture, it tells recovery the length, at that checkpoint, of every file written since — also of
 * those opened and closed again after it, which no snapshot can know (see {@link RecoveryCut}).
 *
 * <p>Format: one line per entry, {@code <epoch> <length> <W|R> <path>}, the path with {@code %}
 * and line breaks escaped; {@code epoch} counts the process's captures before the change, {@code
 * length} is -1 for a file that did not exist, {@code R} marks a change that replaces the content
 * (a truncating open, a copy or move onto the file). Each entry is one {@code write} call on a
 * file opened for appending, so a node killed with SIGKILL leaves whole lines and at most one
 * torn last line, which is ignored (its change never began). Not forced to the disk: the journal
 * survives the death of the JVM, as the process's file writes do, not that of the machine.
 *
 * <p>Thread-safety: {@link #record} is called by the process's carrier; {@link #read} and {@link
 * #clear} by the node, while the process does not run; all are synchronized.
 */
public final class FileJournal {
  /** One change recorded: the file's length before it ({@code -1}: absent). */
  public record Entry(long epoch, String path, long length, boolean replaces) {}

  /** Where the journal is (looked up at the first record: the node may still be naming it). */
  private final Supplier<Path> location;

  private FileOutputStream out;

  /** A journal in the file {@code location} supplies (created at the first entry). */
  public FileJournal(Supplier<Path> location) {
    this.location = location;
  }

  /** Appends one entry (one write). */
  synchronized void record(Entry e) throws IOException {
    if (out == null) {
      out = new FileOutputStream(location.get().toFile(), true);
    }
    String line = e.epoch() + " " + e.length() + " " + (e.replaces() ? 'R' : 'W') + " " + escape(e.path()) + "\n";
    out.write(line.getBytes(StandardCharsets.UTF_8));
  }

  /** The whole entries in the journal, oldest first (none if it does not exist). */
  public List<Entry> read() throws IOException {
    Path f = location.get();
    List<Entry> entries = new ArrayList<>();
    if (f == null || !Files.exists(f)) {
      return entries;
    }
    // not readString: a torn last line may end inside a character
    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    int start = 0;
    for (int nl; (nl = text.indexOf('\n', start)) >= 0; start = nl + 1) {
      entries.add(parse(text.substring(start, nl), f));
    }
    return entries;
  }

  /**
   * Empties the journal: after a recovery put every file back, or once a newer checkpoint is the
   * one recovery will use (the old entries are spent).
   */
  public synchronized void clear() throws IOException {
    close();
    Path f = location.get();
    if (f != null) {
      Files.deleteIfExists(f);
    }
  }

  /** Closes the journal file (the process has ended or is being recovered). */
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  private static Entry parse(String line, Path f) throws IOException {
    String[] p = line.split(" ", 4);
    if (p.length != 4 || !(p[2].equals("W") || p[2].equals("R"))) {
      throw new IOException("file journal " + f + " has a malformed line: " + line);
    }
    try {
      return new Entry(Long.parseLong(p[0]), unescape(p[3]), Long.parseLong(p[1]), p[2].equals("R"));
    } catch (NumberFormatException e) {
      throw new IOException("file journal " + f + " has a malformed line: " + line, e);
    }
  }

  static String escape(String path) {
    return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
  }

  static String unescape(String s) {
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }
}
