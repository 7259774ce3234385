package io.roam.instrument.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What {@code new FileOutputStream(…)} in process code creates: a {@link FileOutputStream} over
 * a kernel handle (see {@link VFileInputStream}). Append mode is the handle's: every write goes
 * to the end of the file, also after a resume.
 */
public final class VFileOutputStream extends FileOutputStream implements FileProxy {
  final FileService fs;
  final int h;
  private volatile FileChannel channel;

  public VFileOutputStream(String name, FileService fs) throws FileNotFoundException {
    this(name, false, fs);
  }

  public VFileOutputStream(String name, boolean append, FileService fs) throws FileNotFoundException {
    this(fs, Opening.open(fs, name, FileService.WRITE | FileService.CREATE
        | (append ? FileService.APPEND : FileService.TRUNCATE)));
  }

  public VFileOutputStream(File file, FileService fs) throws FileNotFoundException {
    this(file.getPath(), false, fs);
  }

  public VFileOutputStream(File file, boolean append, FileService fs) throws FileNotFoundException {
    this(file.getPath(), append, fs);
  }

  VFileOutputStream(FileService fs, int h) {
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
    return FileProxies.key(FileProxies.OUTPUT, h);
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
  public void flush() {}

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
