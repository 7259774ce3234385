package io.roam.instrument.runtime.files;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;

/**
 * What {@code new RandomAccessFile(…)} in process code creates: a {@link RandomAccessFile} over
 * a kernel handle. RandomAccessFile has no constructor without a file, so the superclass is
 * opened on the null device and closed at once; every non-final method that would use it is
 * overridden, and call sites of the final ones (the DataInput/DataOutput methods, {@code
 * getChannel}) are redirected to {@link RafCalls}, which implements them on this handle.
 */
public final class VRandomAccessFile extends RandomAccessFile implements FileProxy {
  private static final String NULL_DEVICE =
      File.separatorChar == '\\' ? "NUL" : "/dev/null";
  final FileService fs;
  final int h;
  private volatile FileChannel channel;

  public VRandomAccessFile(String name, String mode, FileService fs) throws FileNotFoundException {
    this(fs, Opening.open(fs, name, flags(mode)));
  }

  public VRandomAccessFile(File file, String mode, FileService fs) throws FileNotFoundException {
    this(file.getPath(), mode, fs);
  }

  VRandomAccessFile(FileService fs, int h) throws FileNotFoundException {
    super(NULL_DEVICE, "r");
    try {
      super.close();
    } catch (IOException e) {
      throw new FileNotFoundException("cannot release the null device: " + e.getMessage());
    }
    this.fs = fs;
    this.h = h;
  }

  private static int flags(String mode) {
    return switch (mode) {
      case "r" -> FileService.READ;
      case "rw" -> FileService.READ | FileService.WRITE | FileService.CREATE;
      case "rws", "rwd" -> FileService.READ | FileService.WRITE | FileService.CREATE | FileService.SYNC;
      default -> throw new IllegalArgumentException("Illegal mode \"" + mode
          + "\" must be one of \"r\", \"rw\", \"rws\", or \"rwd\"");
    };
  }

  @Override
  public FileService fileService() {
    return fs;
  }

  @Override
  public String proxyKey() {
    return FileProxies.key(FileProxies.RANDOM_ACCESS, h);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return fs.read(h, one, 0, 1) == 1 ? one[0] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    return len == 0 ? 0 : fs.read(h, b, off, len);
  }

  @Override
  public int read(byte[] b) throws IOException {
    return read(b, 0, b.length);
  }

  @Override
  public int skipBytes(int n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    long pos = fs.position(h);
    long end = Math.min(fs.size(h), pos + n);
    if (end <= pos) {
      return 0;
    }
    fs.position(h, end);
    return (int) (end - pos);
  }

  @Override
  public void write(int b) throws IOException {
    fs.write(h, new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b) throws IOException {
    fs.write(h, b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    fs.write(h, b, off, len);
  }

  @Override
  public long getFilePointer() throws IOException {
    return fs.position(h);
  }

  @Override
  public void seek(long pos) throws IOException {
    if (pos < 0) {
      throw new IOException("Negative seek offset");
    }
    fs.position(h, pos);
  }

  @Override
  public long length() throws IOException {
    return fs.size(h);
  }

  @Override
  public void setLength(long newLength) throws IOException {
    fs.setLength(h, newLength);
  }

  @Override
  public void close() throws IOException {
    fs.close(h);
  }

  /** The channel of this file (what {@code getChannel()} returns; see {@link RafCalls}). */
  FileChannel channel() {
    FileChannel c = channel;
    if (c == null) {
      c = channel = VFileChannel.of(fs, h);
    }
    return c;
  }
}
