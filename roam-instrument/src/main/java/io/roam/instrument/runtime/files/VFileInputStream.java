package io.roam.instrument.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * What {@code new FileInputStream(…)} in process code creates: a {@link FileInputStream} (so
 * static types stay valid) over a kernel handle, built on an unopened descriptor and overriding
 * every method that would touch it. The constructors take the process's {@link FileService}
 * last; {@code FileRedirector} appends it at the call site.
 */
public final class VFileInputStream extends FileInputStream implements FileProxy {
  final FileService fs;
  final int h;
  private volatile FileChannel channel;

  public VFileInputStream(String name, FileService fs) throws FileNotFoundException {
    this(fs, Opening.open(fs, name, FileService.READ));
  }

  public VFileInputStream(File file, FileService fs) throws FileNotFoundException {
    this(file.getPath(), fs);
  }

  VFileInputStream(FileService fs, int h) {
    super(new FileDescriptor());
    this.fs = fs;
    this.h = h;
  }

  @Override
  public FileService fileService() {
    return fs;
  }

  @Override
  public String proxyKey() {
    return FileProxies.key(FileProxies.INPUT, h);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return fs.read(h, one, 0, 1) == 1 ? one[0] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b) throws IOException {
    return read(b, 0, b.length);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      fs.position(h);
      return 0;
    }
    return fs.read(h, b, off, len);
  }

  @Override
  public byte[] readAllBytes() throws IOException {
    long left = Math.max(0, fs.size(h) - fs.position(h));
    byte[] b = new byte[(int) Math.min(Math.max(left, 8192), Integer.MAX_VALUE - 8)];
    int n = 0;
    for (int r; (r = fs.read(h, b, n, b.length - n)) > 0; ) {
      n += r;
      if (n == b.length) {
        b = Arrays.copyOf(b, Math.min(b.length * 2, Integer.MAX_VALUE - 8));
      }
    }
    return n == b.length ? b : Arrays.copyOf(b, n);
  }

  @Override
  public long skip(long n) throws IOException {
    long pos = fs.position(h);
    if (pos + n < 0) {
      throw new IOException("Invalid argument");
    }
    fs.position(h, pos + n);
    return n;
  }

  @Override
  public int available() throws IOException {
    long left = fs.size(h) - fs.position(h);
    return (int) Math.max(0, Math.min(left, Integer.MAX_VALUE));
  }

  @Override
  public long transferTo(OutputStream out) throws IOException {
    long total = 0;
    byte[] b = new byte[16384];
    for (int r; (r = read(b, 0, b.length)) > 0; ) {
      out.write(b, 0, r);
      total += r;
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    fs.close(h);
  }

  @Override
  public FileChannel getChannel() {
    FileChannel c = channel;
    if (c == null) {
      c = channel = VFileChannel.of(fs, h);
    }
    return c;
  }
}
