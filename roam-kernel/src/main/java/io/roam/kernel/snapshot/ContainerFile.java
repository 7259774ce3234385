package io.roam.kernel.snapshot;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A snapshot container in a file, read in one pass (format in {@link ContainerFormat}). {@link
 * #open} checks the header and the frame structure with {@link ContainerParser} in index mode:
 * every frame's type and length, the checksum chain through all frames but the chunk payloads,
 * section ends, the trailer; it reads the heads and checksum fields of chunks, not their
 * payloads. A section stream reads each of its chunks once — head, payload and checksum, into a
 * direct buffer it owns — and checks there, before handing out a byte of it, that the chunk's
 * checksum covers its link (the checksum field before it, as read at open), head and payload and
 * equals the field read at open. So every byte handed out belongs to the chain that open checked
 * up to the trailer, and a file changed in place after open fails a chunk's check (or, if it
 * shrank, a read). The channel stays open until {@link #close}: a snapshot renamed over this file
 * later is not seen. Section streams are independent, each single-threaded.
 */
final class ContainerFile implements Closeable {
  /** Bytes of a chunk frame around its payload: head and checksum. */
  private static final int FRAME_EXTRA = ContainerFormat.FRAME_HEAD + ContainerFormat.FRAME_CRC;

  private final FileChannel ch;
  private final Map<String, ContainerParser.Section> sections;

  private ContainerFile(FileChannel ch, Map<String, ContainerParser.Section> sections) {
    this.ch = ch;
    this.sections = sections;
  }

  /** Opens {@code file} and checks its structure; the caller must {@link #close} it. */
  static ContainerFile open(Path file) throws IOException, SnapshotFormatException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new ContainerFile(ch,
          new ContainerParser(new PositionalSource(ch), ContainerParser.Mode.INDEX).parse());
    } catch (IOException | SnapshotFormatException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  Map<String, ContainerParser.Section> sections() {
    return sections;
  }

  /** A stream of a section's bytes, each chunk checked before it is handed out. */
  InputStream openSection(ContainerParser.Section s) {
    return new SectionStream(s);
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }

  /** A section's bytes, one checked chunk at a time. */
  private final class SectionStream extends InputStream {
    private final ContainerParser.Section s;
    /** The current chunk's frame; position and limit bound the bytes not handed out yet. */
    private final ByteBuffer frame;
    private int chunk;

    SectionStream(ContainerParser.Section s) {
      this.s = s;
      int largest = 0;
      for (int size : s.chunkSizes()) {
        largest = Math.max(largest, size);
      }
      // direct: the file is read straight into it, not through a JDK temporary buffer
      this.frame = ByteBuffer.allocateDirect(largest + FRAME_EXTRA)
          .order(ByteOrder.LITTLE_ENDIAN).limit(0);
    }

    @Override
    public int read() throws IOException {
      if (!frame.hasRemaining() && !nextChunk()) {
        return -1;
      }
      return frame.get() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!frame.hasRemaining() && !nextChunk()) {
        return -1;
      }
      int n = Math.min(len, frame.remaining());
      frame.get(b, off, n);
      return n;
    }

    @Override
    public int available() {
      return frame.remaining();
    }

    private boolean nextChunk() throws IOException {
      if (chunk == s.chunkSizes().length) {
        return false;
      }
      int size = s.chunkSizes()[chunk];
      long at = s.frameOffsets()[chunk];
      frame.clear().limit(size + FRAME_EXTRA);
      while (frame.hasRemaining()) {
        if (ch.read(frame, at + frame.position()) < 0) {
          frame.limit(0);
          throw new EOFException("snapshot truncated: the file ends inside chunk " + (chunk + 1)
              + " of section '" + s.name() + "' at byte offset " + at + "; it shrank after it"
              + " was opened, nothing from it may be used");
        }
      }
      int end = ContainerFormat.FRAME_HEAD + size;
      CRC32C crc = ContainerFormat.frameCrc(s.link(chunk));
      crc.update(frame.position(0).limit(end));
      int field = frame.limit(end + ContainerFormat.FRAME_CRC).getInt(end);
      if ((int) crc.getValue() != field || field != s.chunkCrcs()[chunk]
          || frame.get(0) != ContainerFormat.CHUNK || frame.getInt(1) != size) {
        frame.limit(0);
        throw new IOException("snapshot corrupt: chunk " + (chunk + 1) + " of section '"
            + s.name() + "' at byte offset " + at + " fails its check; the file is damaged or"
            + " changed after it was opened, use another copy or checkpoint");
      }
      chunk++;
      frame.limit(end).position(ContainerFormat.FRAME_HEAD);
      return true;
    }
  }

  /**
   * Positional reads of a file for the structure check, through a small read-ahead window: a
   * chunk's checksum field and the next frame's head come in one read.
   */
  private static final class PositionalSource implements ContainerParser.Source {
    private static final int WINDOW = 512;

    private final FileChannel ch;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW).limit(0);
    /** File offset of {@code window}'s first byte. */
    private long windowAt;
    private long pos;

    PositionalSource(FileChannel ch) throws IOException {
      this.ch = ch;
      this.size = ch.size();
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (pos < windowAt || pos >= windowAt + window.limit()) {
          fill();
        }
        int from = (int) (pos - windowAt);
        int n = Math.min(len, window.limit() - from);
        window.get(from, b, off, n);
        off += n;
        len -= n;
        pos += n;
      }
    }

    private void fill() throws IOException {
      window.clear();
      windowAt = pos;
      while (window.hasRemaining()) {
        if (ch.read(window, pos + window.position()) < 0) {
          break;
        }
      }
      window.flip();
      if (!window.hasRemaining()) {
        throw new EOFException();
      }
    }

    @Override
    public void skip(long len) throws IOException {
      if (len > size - pos) {
        throw new EOFException();
      }
      pos += len;
    }

    @Override
    public boolean atEnd() {
      return pos == size;
    }

    @Override
    public long remaining() {
      return size - pos;
    }
  }
}
