package io.roam.kernel.snapshot;

import java.io.IOException;
import java.io.InputStream;

/**
 * A snapshot container read from a stream as it arrives (what a node does with a process another
 * node sends it): sections one after the other, each as a stream whose bytes are handed out one
 * chunk at a time, every chunk checked — its checksum and its link to the frame before it —
 * before any of its bytes is. So a receiver decodes while the sender still encodes, and holds one
 * chunk of the container at a time instead of all of it ({@link SnapshotReader#read} reads and
 * checks the whole container first).
 *
 * <p>What is checked when: the header by {@link #open}; a section's end frame (its length and
 * chunk count) before its stream reports its end; the trailer, and that nothing follows it,
 * before the stream of a section opened {@linkplain #section(boolean) as the last} reports its
 * end. A caller that acts on a section's contents only once its stream has ended — as {@code
 * HeapDecoder} runs process code only after the end of the heap section — therefore acts only on
 * a container checked up to there, or, for the last section, checked whole. Any failure is a
 * {@link SnapshotFormatException} (or the stream's {@link IOException}); after one, this object
 * is unusable. Not thread-safe.
 */
public final class SnapshotStream {
  private final ContainerParser parser;
  /** The section whose frame was read and not yet returned by {@link #nextSection}, or null. */
  private String announced;
  private boolean trailerRead;
  /** The stream of the section {@link #nextSection} returned last, handed out or not. */
  private SectionStream open;
  private boolean handedOut;

  private SnapshotStream(ContainerParser parser) {
    this.parser = parser;
  }

  /**
   * Reads and checks the container's header from {@code in} (not closed, and read no further
   * than the container's end), refusing containers longer than {@code maxBytes}.
   */
  public static SnapshotStream open(InputStream in, long maxBytes) throws IOException, SnapshotFormatException {
    ContainerParser p = new ContainerParser(new SnapshotReader.StreamSource(in, maxBytes), ContainerParser.Mode.STREAM);
    p.readHeader();
    return new SnapshotStream(p);
  }

  /**
   * The name of the next section, or null once the trailer has been read and checked (and the
   * stream's end reached). The stream of the section before, if not read to its end, is read to
   * it now (its chunks checked).
   */
  public String nextSection() throws IOException, SnapshotFormatException {
    if (open != null) {
      open.drain();
      open = null;
    }
    if (announced == null && !trailerRead) {
      announce(parser.step());
    }
    String name = announced;
    announced = null;
    if (name != null) {
      open = new SectionStream();
      handedOut = false;
    }
    return name;
  }

  /**
   * The bytes of the section {@link #nextSection} returned last. With {@code last}, its end is
   * reported only after the trailer has been checked too; a section that follows it is an error.
   */
  public InputStream section(boolean last) {
    if (open == null || handedOut) {
      throw new IllegalStateException("section() follows nextSection(), once per section");
    }
    handedOut = true;
    open.last = last;
    return open;
  }

  /** The whole of the next section, which must be {@code expected}; for small sections. */
  public byte[] readSection(String expected, int maxBytes) throws IOException, SnapshotFormatException {
    String name = nextSection();
    if (!expected.equals(name)) {
      throw new SnapshotFormatException("the snapshot has " + (name == null ? "no more sections" : "section '" + name + "'")
          + " where section '" + expected + "' was expected; it was written by an incompatible Roam");
    }
    try (InputStream in = section(false)) {
      byte[] b = in.readNBytes(maxBytes);
      if (in.read() >= 0) {
        throw new SnapshotFormatException("section '" + expected + "' is larger than " + maxBytes + " bytes");
      }
      return b;
    } catch (Failure f) {
      throw f.unwrap();
    }
  }

  private void announce(byte type) throws SnapshotFormatException {
    if (type == ContainerFormat.TRAILER) {
      trailerRead = true;
    } else if (type == ContainerFormat.SECTION) {
      announced = parser.openSection();
    } else {
      // the parser refuses chunks and ends outside a section; this cannot happen
      throw new SnapshotFormatException("snapshot corrupt: frame '" + (char) type + "' between sections");
    }
  }

  /**
   * A section stream's way of reporting a {@link SnapshotFormatException} through {@code
   * InputStream}'s signatures; {@link #unwrap} gives the original back.
   */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    Failure(SnapshotFormatException cause) {
      super(cause.getMessage(), cause);
    }

    SnapshotFormatException unwrap() {
      return (SnapshotFormatException) getCause();
    }
  }

  /** One section's bytes: the current chunk's payload, then the next chunk's, until its end frame. */
  private final class SectionStream extends InputStream {
    private boolean last;
    private int at;
    private int limit;
    private boolean ended;

    /** Makes bytes available; false at the section's end (checked, and the trailer too if last). */
    private boolean fill() throws IOException {
      try {
        return step();
      } catch (SnapshotFormatException e) {
        throw new Failure(e);
      }
    }

    private boolean step() throws IOException, SnapshotFormatException {
      return step(null, 0, 0) == 0;
    }

    /**
     * Makes bytes available: -1 at the section's end; 0 when they are in the current chunk;
     * else the number of bytes of a chunk read straight into {@code dst} at {@code off} (it fitted
     * in {@code room}), which are not buffered here.
     */
    private int step(byte[] dst, int off, int room) throws IOException, SnapshotFormatException {
      while (at == limit) {
        if (ended) {
          return -1;
        }
        byte type = parser.step(dst, off, room);
        if (type == ContainerFormat.CHUNK) {
          if (parser.payloadInPlace()) {
            return parser.payloadLength();
          }
          at = 0;
          limit = parser.payloadLength();
        } else {
          // the end frame, checked against the chunks read
          ended = true;
          if (last) {
            byte next = parser.step();
            if (next != ContainerFormat.TRAILER) {
              throw new SnapshotFormatException("snapshot has a section after its last one ('"
                  + parser.openSection() + "'); it was written by an incompatible Roam");
            }
            trailerRead = true;
          }
        }
      }
      return 0;
    }

    void drain() throws IOException, SnapshotFormatException {
      while (step()) {
        at = limit;
      }
    }

    @Override
    public int read() throws IOException {
      return fill() ? parser.payload()[at++] & 0xFF : -1;
    }

    /** A whole chunk that fits in {@code b} is read into it directly (one copy fewer). */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      int direct;
      try {
        direct = step(b, off, len);
      } catch (SnapshotFormatException e) {
        throw new Failure(e);
      }
      if (direct != 0) {
        return direct;
      }
      int n = Math.min(len, limit - at);
      System.arraycopy(parser.payload(), at, b, off, n);
      at += n;
      return n;
    }

    @Override
    public int available() {
      return limit - at;
    }
  }
}
