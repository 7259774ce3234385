package io.roam.kernel.process;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The console of one process: what it writes to {@code System.out} and {@code System.err} and
 * reads from {@code System.in}. The streams are the objects process code holds (also in its own
 * fields); a snapshot refers to them by name and the resuming JVM binds the names to its own
 * console, so output continues in order after a move. Counts the bytes written to each stream
 * (the console sequence numbers of the snapshot). The print streams and their buffers are made
 * on first use: a process that never prints costs no console buffers (about 48 KiB for the two
 * streams' encoders and buffers). Not thread-safe beyond what PrintStream gives; the lazy
 * creation itself is.
 */
public final class VirtualConsole {
  /** Stream names used in snapshots. */
  public static final String OUT = "console:out";
  public static final String ERR = "console:err";
  public static final String IN = "console:in";

  private final CountingStream outBytes;
  private final CountingStream errBytes;
  private final Charset charset;
  private PrintStream out;
  private PrintStream err;
  private final InputStream in;

  /** A console on this JVM's standard streams, continuing from the given byte counts. */
  public VirtualConsole(long outWritten, long errWritten) {
    this(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err),
        new FileInputStream(FileDescriptor.in), outWritten, errWritten);
  }

  /** A console on the given streams (tests, embedding), continuing from the given byte counts. */
  public VirtualConsole(OutputStream out, OutputStream err, InputStream in, long outWritten, long errWritten) {
    charset = stdCharset();
    outBytes = new CountingStream(out, outWritten);
    errBytes = new CountingStream(err, errWritten);
    this.in = in;
  }

  /** Makes the console of a process, given how many bytes it already wrote to out and err. */
  @FunctionalInterface
  public interface Factory {
    VirtualConsole create(long outWritten, long errWritten);

    /** Consoles on this JVM's standard streams. */
    Factory STANDARD = VirtualConsole::new;
  }

  /** The charset the JVM gives {@code System.out}, so that bytes equal those of plain java. */
  private static Charset stdCharset() {
    for (String p : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
      String v = System.getProperty(p);
      if (v != null && Charset.isSupported(v)) {
        return Charset.forName(v);
      }
    }
    return Charset.defaultCharset();
  }

  public synchronized PrintStream out() {
    if (out == null) {
      out = new PrintStream(outBytes, true, charset);
    }
    return out;
  }

  public synchronized PrintStream err() {
    if (err == null) {
      err = new PrintStream(errBytes, true, charset);
    }
    return err;
  }

  /** True when {@code o} is this console's standard output (without making it). */
  public synchronized boolean isOut(Object o) {
    return o != null && o == out;
  }

  /** True when {@code o} is this console's standard error (without making it). */
  public synchronized boolean isErr(Object o) {
    return o != null && o == err;
  }

  public InputStream in() {
    return in;
  }

  /** Bytes written to standard output since the process started (across moves). */
  public long outWritten() {
    return outBytes.count;
  }

  /** Bytes written to standard error since the process started (across moves). */
  public long errWritten() {
    return errBytes.count;
  }

  /** Pushes everything written so far to the real streams. */
  public synchronized void flush() {
    if (out != null) {
      out.flush();
    }
    if (err != null) {
      err.flush();
    }
  }

  /** Counts and buffers (8 KiB, made on the first write) bytes on their way to a real stream. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream sink;
    private OutputStream target;
    private long count;

    CountingStream(OutputStream sink, long count) {
      this.sink = sink;
      this.count = count;
    }

    private OutputStream target() {
      if (target == null) {
        target = new BufferedOutputStream(sink, 1 << 13);
      }
      return target;
    }

    @Override
    public void write(int b) throws IOException {
      target().write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target().write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      if (target != null) {
        target.flush();
      }
    }
  }
}
