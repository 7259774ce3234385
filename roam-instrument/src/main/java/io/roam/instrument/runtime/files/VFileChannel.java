package io.roam.instrument.runtime.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * What {@code FileChannel.open} and {@code getChannel()} return in process code: a {@link
 * FileChannel} over a kernel handle. Reads, writes, position, size, truncate, force and close go
 * to the kernel; memory mapping and locks are not virtualized and throw {@link
 * UnsupportedOperationException} (a mapping or a lock cannot follow a process to another JVM).
 */
public final class VFileChannel extends FileChannel implements FileProxy {
  private static final int CHUNK = 64 * 1024;
  final FileService fs;
  final int h;

  private VFileChannel(FileService fs, int h) {
    this.fs = fs;
    this.h = h;
  }

  /** A channel over handle {@code h}; closed at once if the handle is. */
  static VFileChannel of(FileService fs, int h) {
    return of(fs, h, !fs.isOpen(h));
  }

  /** A channel over handle {@code h}, closed if {@code closed} (re-creation before the handle is). */
  static VFileChannel of(FileService fs, int h, boolean closed) {
    VFileChannel c = new VFileChannel(fs, h);
    if (closed) {
      try {
        c.close();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return c;
  }

  @Override
  public FileService fileService() {
    return fs;
  }

  @Override
  public String proxyKey() {
    return FileProxies.key(FileProxies.CHANNEL, h, isOpen() && fs.isOpen(h) ? "open" : "closed");
  }

  private void check() throws ClosedChannelException {
    if (!isOpen() || !fs.isOpen(h)) {
      throw new ClosedChannelException();
    }
  }

  private void readable() {
    if ((fs.flags(h) & FileService.READ) == 0) {
      throw new NonReadableChannelException();
    }
  }

  private void writable() {
    if ((fs.flags(h) & FileService.WRITE) == 0) {
      throw new NonWritableChannelException();
    }
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    check();
    readable();
    return transferIn(dst, -1);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("Negative position");
    }
    check();
    readable();
    return transferIn(dst, position);
  }

  /** Reads into {@code dst} at the handle's position ({@code at} &lt; 0) or at {@code at}. */
  private int transferIn(ByteBuffer dst, long at) throws IOException {
    int len = dst.remaining();
    if (len == 0) {
      return 0;
    }
    byte[] b;
    int off;
    if (dst.hasArray() && !dst.isReadOnly()) {
      b = dst.array();
      off = dst.arrayOffset() + dst.position();
    } else {
      b = new byte[Math.min(len, CHUNK)];
      off = 0;
      len = b.length;
    }
    int n = at < 0 ? fs.read(h, b, off, len) : fs.readAt(h, at, b, off, len);
    if (n > 0) {
      if (dst.hasArray() && !dst.isReadOnly()) {
        dst.position(dst.position() + n);
      } else {
        dst.put(b, 0, n);
      }
    }
    return n;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, dsts.length);
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      if (!dsts[i].hasRemaining()) {
        continue;
      }
      int want = dsts[i].remaining();
      int n = read(dsts[i]);
      if (n < 0) {
        return total == 0 ? -1 : total;
      }
      total += n;
      if (n < want) {
        break;
      }
    }
    return total;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    check();
    writable();
    return transferOut(src, -1);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("Negative position");
    }
    check();
    writable();
    return transferOut(src, position);
  }

  private int transferOut(ByteBuffer src, long at) throws IOException {
    int len = src.remaining();
    byte[] b;
    int off;
    if (src.hasArray()) {
      b = src.array();
      off = src.arrayOffset() + src.position();
    } else {
      b = new byte[len];
      src.duplicate().get(b);
      off = 0;
    }
    if (at < 0) {
      fs.write(h, b, off, len);
    } else {
      fs.writeAt(h, at, b, off, len);
    }
    src.position(src.position() + len);
    return len;
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, srcs.length);
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      total += write(srcs[i]);
    }
    return total;
  }

  @Override
  public long position() throws IOException {
    check();
    return fs.position(h);
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    if (newPosition < 0) {
      throw new IllegalArgumentException();
    }
    check();
    fs.position(h, newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    check();
    return fs.size(h);
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (size < 0) {
      throw new IllegalArgumentException("Negative size");
    }
    check();
    writable();
    fs.truncate(h, size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    check();
    fs.force(h, metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    check();
    readable();
    long done = 0;
    byte[] b = new byte[CHUNK];
    while (done < count) {
      int n = fs.readAt(h, position + done, b, 0, (int) Math.min(b.length, count - done));
      if (n <= 0) {
        break;
      }
      ByteBuffer bb = ByteBuffer.wrap(b, 0, n);
      while (bb.hasRemaining()) {
        target.write(bb);
      }
      done += n;
    }
    return done;
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    check();
    writable();
    long done = 0;
    ByteBuffer bb = ByteBuffer.allocate(CHUNK);
    while (done < count) {
      bb.clear().limit((int) Math.min(bb.capacity(), count - done));
      int n = src.read(bb);
      if (n <= 0) {
        break;
      }
      fs.writeAt(h, position + done, bb.array(), 0, n);
      done += n;
    }
    return done;
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new UnsupportedOperationException("Roam: memory-mapped files cannot follow a process to another JVM");
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("Roam: file locks are not virtualized");
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("Roam: file locks are not virtualized");
  }

  @Override
  protected void implCloseChannel() throws IOException {
    fs.close(h);
  }
}
