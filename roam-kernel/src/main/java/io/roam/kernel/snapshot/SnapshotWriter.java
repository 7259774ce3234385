package io.roam.kernel.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Streams a snapshot container: the {@code ROAMSNAP} header and format version, then named
 * sections (e.g. "meta", "code", "heap"), each cut into chunks of at most 1 MiB, then a trailer
 * with the section count and size; every frame carries a CRC32C chained to the one before it
 * (layout in {@link ContainerFormat}), so each byte is checksummed once. Call order: constructor, then any number of {@link #openSection} (close the
 * returned stream before the next) or {@link #writeSection}, then {@link #finish} once. A file
 * without its trailer is refused by {@link SnapshotReader}, so a capture that fails midway never
 * leaves a readable snapshot. Holds at most one chunk in memory. Not thread-safe; never closes
 * the underlying stream.
 */
public final class SnapshotWriter {
  private final OutputStream out;
  /** The checksum of the last frame (or the header): the next frame's link. */
  private int link;
  private final Set<String> names = new HashSet<>();
  private final byte[] frameHead = new byte[ContainerFormat.FRAME_HEAD];
  private long written;
  private SectionStream open;
  private boolean finished;

  /** Writes the header to {@code out}. */
  public SnapshotWriter(OutputStream out) throws IOException {
    this.out = out;
    byte[] h = new byte[ContainerFormat.HEADER_SIZE];
    ContainerFormat.le(h).put(ContainerFormat.MAGIC).putInt(ContainerFormat.VERSION);
    CRC32C crc = new CRC32C();
    crc.update(h, 0, 12);
    link = (int) crc.getValue();
    ContainerFormat.le(h).putInt(12, link);
    emit(h, 0, h.length);
  }

  /**
   * Starts a section; the returned stream cuts what is written into chunks, and its {@code
   * close()} ends the section.
   */
  public OutputStream openSection(String name) throws IOException {
    checkState();
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length == 0 || n.length > ContainerFormat.MAX_NAME || !names.add(name)) {
      throw new IllegalArgumentException("section name must be 1..255 UTF-8 bytes and unique: "
          + name);
    }
    frame(ContainerFormat.SECTION, n, 0, n.length);
    open = new SectionStream();
    return open;
  }

  /** Writes a whole section held in memory. */
  public void writeSection(String name, byte[] data) throws IOException {
    try (OutputStream s = openSection(name)) {
      s.write(data);
    }
  }

  /** Writes the trailer and flushes; the container is complete. */
  public void finish() throws IOException {
    checkState();
    byte[] t = new byte[ContainerFormat.TRAILER_SIZE];
    ContainerFormat.le(t).putInt(names.size()).putLong(written);
    frame(ContainerFormat.TRAILER, t, 0, t.length);
    out.flush();
    finished = true;
  }

  private void checkState() {
    if (open != null || finished) {
      throw new IllegalStateException(finished ? "container already finished"
          : "the open section's stream must be closed first");
    }
  }

  private void frame(byte type, byte[] b, int off, int len) throws IOException {
    ContainerFormat.le(frameHead).put(type).putInt(len);
    CRC32C crc = ContainerFormat.frameCrc(link);
    crc.update(frameHead, 0, frameHead.length);
    crc.update(b, off, len);
    emit(frameHead, 0, frameHead.length);
    emit(b, off, len);
    link = (int) crc.getValue();
    byte[] c = new byte[ContainerFormat.FRAME_CRC];
    ContainerFormat.le(c).putInt(link);
    emit(c, 0, c.length);
  }

  private void emit(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    written += len;
  }

  /**
   * Cuts a section into chunks; large writes go out without being copied. The buffer starts
   * small and doubles up to a chunk's size, so that small snapshots do not pay for it.
   */
  final class SectionStream extends OutputStream {
    /**
     * Size of the chunks this writer cuts (readers accept up to {@link ContainerFormat#MAX_CHUNK}):
     * the heap encoder's buffer size, so that its buffers become chunks without a copy, and
     * small enough that neither side allocates arrays the G1 collector treats as humongous.
     */
    static final int WRITE_CHUNK = 256 << 10;

    /**
     * A write at a chunk's start of at least this many bytes is a chunk of its own, not copied: the
     * heap encoder flushes its buffer when the next value does not fit, a few bytes short of full.
     * (When this was the whole chunk's size, every such flush was copied here and cut again, and
     * this buffer grew from 8 KiB to 256 KiB in every capture: one more copy of the whole heap.)
     */
    static final int DIRECT = WRITE_CHUNK / 2;

    private byte[] buf = new byte[8192];
    private int used;
    private long length;
    private int chunks;
    private boolean closed;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("section already closed");
      }
      while (len > 0) {
        if (used == 0 && len >= DIRECT) {
          int n = Math.min(len, WRITE_CHUNK);
          chunk(b, off, n);
          off += n;
          len -= n;
          continue;
        }
        if (used + len > buf.length && buf.length < WRITE_CHUNK) {
          buf = java.util.Arrays.copyOf(buf,
              (int) Math.min(WRITE_CHUNK, Math.max(2L * buf.length, used + (long) len)));
        }
        int n = Math.min(len, buf.length - used);
        System.arraycopy(b, off, buf, used, n);
        used += n;
        off += n;
        len -= n;
        if (used == buf.length) {
          chunk(buf, 0, used);
          used = 0;
        }
      }
    }

    private void chunk(byte[] b, int off, int len) throws IOException {
      frame(ContainerFormat.CHUNK, b, off, len);
      length += len;
      chunks++;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      if (used > 0) {
        chunk(buf, 0, used);
        used = 0;
      }
      byte[] e = new byte[ContainerFormat.END_SIZE];
      ContainerFormat.le(e).putLong(length).putInt(chunks);
      frame(ContainerFormat.END, e, 0, e.length);
      closed = true;
      open = null;
    }
  }
}
