package io.roam.kernel.snapshot;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A verified snapshot container (format in {@link ContainerFormat}). The factories read the
 * whole container and check magic, version, every chunk's CRC32C, the frame structure and the
 * trailer's whole-file CRC32C before returning: no section is handed out from an unverified
 * chunk. From an {@link InputStream} the chunks are kept in memory (one copy); from a {@link
 * Path} only their positions are kept and each chunk is read again, and its CRC32C checked
 * again, as a section stream reaches it. Immutable after construction; section streams are
 * independent and each is single-threaded.
 */
public final class SnapshotReader {
  private final Path file;
  private final Map<String, ContainerParser.Section> sections;

  private SnapshotReader(Path file, Map<String, ContainerParser.Section> sections) {
    this.file = file;
    this.sections = sections;
  }

  /** Verifies the container in {@code file}, keeping only section positions in memory. */
  public static SnapshotReader open(Path file) throws IOException, SnapshotFormatException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ContainerParser.Source src = new ChannelSource(ch);
      return new SnapshotReader(file, new ContainerParser(src, false).parse());
    }
  }

  /** Reads and verifies a whole container from {@code in}, which is not closed. */
  public static SnapshotReader read(InputStream in) throws IOException, SnapshotFormatException {
    return read(in, Long.MAX_VALUE);
  }

  /** As {@link #read(InputStream)}, refusing containers longer than {@code maxBytes}. */
  public static SnapshotReader read(InputStream in, long maxBytes)
      throws IOException, SnapshotFormatException {
    ContainerParser.Source src = new StreamSource(in, maxBytes);
    return new SnapshotReader(null, new ContainerParser(src, true).parse());
  }

  /** The format version of the container (the only one this Roam reads). */
  public int formatVersion() {
    return ContainerFormat.VERSION;
  }

  /** Section names in file order. */
  public List<String> sectionNames() {
    return List.copyOf(sections.keySet());
  }

  /** Whether the container has a section of that name. */
  public boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  /** The byte length of a section. */
  public long sectionLength(String name) throws SnapshotFormatException {
    return section(name).length();
  }

  /** A stream of the bytes of a section; close it when done. */
  public InputStream openSection(String name) throws IOException, SnapshotFormatException {
    ContainerParser.Section s = section(name);
    if (file != null) {
      return new FileSectionStream(file, s);
    }
    List<InputStream> parts = new ArrayList<>();
    for (byte[] c : s.chunks()) {
      parts.add(new ByteArrayInputStream(c));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  /** The bytes of a section, in one array (for small sections). */
  public byte[] readSection(String name) throws IOException, SnapshotFormatException {
    long len = sectionLength(name);
    if (len > Integer.MAX_VALUE - 16) {
      throw new IOException("section '" + name + "' is too large for one array; stream it");
    }
    try (InputStream in = openSection(name)) {
      return in.readNBytes((int) len);
    }
  }

  private ContainerParser.Section section(String name) throws SnapshotFormatException {
    ContainerParser.Section s = sections.get(name);
    if (s == null) {
      throw new SnapshotFormatException("the snapshot has no section '" + name + "' (it has "
          + sections.keySet() + "); it was written by an incompatible Roam");
    }
    return s;
  }

  /** Reads a file sequentially through a buffer of up to 256 KiB. */
  private static final class ChannelSource implements ContainerParser.Source {
    private final FileChannel ch;
    private final ByteBuffer buf;
    private long left;

    ChannelSource(FileChannel ch) throws IOException {
      this.ch = ch;
      this.left = ch.size();
      // no larger than the file: a small snapshot does not pay for a 1 MiB buffer
      this.buf = ByteBuffer.allocate((int) Math.max(4096, Math.min(256 << 10, left))).limit(0);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (!buf.hasRemaining()) {
          buf.clear();
          if (ch.read(buf) <= 0) {
            throw new EOFException();
          }
          buf.flip();
        }
        int n = Math.min(len, buf.remaining());
        buf.get(b, off, n);
        off += n;
        len -= n;
        left -= n;
      }
    }

    @Override
    public boolean atEnd() {
      return left == 0;
    }

    @Override
    public long remaining() {
      return left;
    }
  }

  /** Reads a stream, refusing more than a given number of bytes. */
  private static final class StreamSource implements ContainerParser.Source {
    private final InputStream in;
    private long allowed;

    StreamSource(InputStream in, long maxBytes) {
      this.in = in;
      this.allowed = maxBytes;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      if (len > allowed) {
        throw new IOException("snapshot is larger than the allowed maximum");
      }
      if (in.readNBytes(b, off, len) < len) {
        throw new EOFException();
      }
      allowed -= len;
    }

    @Override
    public boolean atEnd() throws IOException {
      return in.read() < 0;
    }

    @Override
    public long remaining() {
      return Long.MAX_VALUE;
    }
  }

  /** A section of a verified file, re-reading and re-checking one chunk at a time. */
  private static final class FileSectionStream extends InputStream {
    private final FileChannel ch;
    private final ContainerParser.Section s;
    private final byte[] frame;
    private int chunk;
    private int at;
    private int end;

    FileSectionStream(Path file, ContainerParser.Section s) throws IOException {
      this.s = s;
      int largest = 0;
      for (int size : s.chunkSizes()) {
        largest = Math.max(largest, size);
      }
      this.frame = new byte[ContainerFormat.FRAME_HEAD + largest + ContainerFormat.FRAME_CRC];
      this.ch = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (at == end && !nextChunk()) {
        return -1;
      }
      int n = Math.min(len, end - at);
      System.arraycopy(frame, at, b, off, n);
      at += n;
      return n;
    }

    private boolean nextChunk() throws IOException {
      if (chunk == s.chunkSizes().length) {
        return false;
      }
      int size = s.chunkSizes()[chunk];
      int total = ContainerFormat.FRAME_HEAD + size + ContainerFormat.FRAME_CRC;
      ByteBuffer bb = ByteBuffer.wrap(frame, 0, total);
      long pos = s.frameOffsets()[chunk];
      while (bb.hasRemaining()) {
        if (ch.read(bb, pos + bb.position()) < 0) {
          throw new IOException("snapshot file shrank after it was verified; nothing from it"
              + " may be used");
        }
      }
      CRC32C crc = new CRC32C();
      crc.update(frame, 0, ContainerFormat.FRAME_HEAD + size);
      if ((int) crc.getValue() != ContainerFormat.le(frame).getInt(total - 4)
          || frame[0] != ContainerFormat.CHUNK || ContainerFormat.le(frame).getInt(1) != size) {
        throw new IOException("snapshot file changed after it was verified (chunk " + (chunk + 1)
            + " of section '" + s.name() + "'); nothing from it may be used");
      }
      chunk++;
      at = ContainerFormat.FRAME_HEAD;
      end = ContainerFormat.FRAME_HEAD + size;
      return true;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
