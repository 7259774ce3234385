package io.roam.instrument.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;

/**
 * What {@code new FileWriter(…)} in process code creates (also the writer under {@code
 * Files.newBufferedWriter}): a {@link FileWriter} that encodes and writes through to a kernel
 * handle at every call (FileWriter itself buffers 8 KiB; programs that wrap it in a
 * BufferedWriter or PrintWriter see the same bytes, and one that never flushes loses nothing
 * here where FileWriter would). A high surrogate whose low half has not come yet is held and is
 * part of {@link #proxyKey}. Unmappable characters are replaced, as FileWriter does.
 */
public final class VFileWriter extends FileWriter implements FileProxy {
  final FileService fs;
  final int h;
  final Charset cs;
  /** A high surrogate written last, waiting for its low half, or -1. */
  private int pendingHigh;

  public VFileWriter(String name, FileService fs) throws IOException {
    this(name, Charset.defaultCharset(), false, fs);
  }

  public VFileWriter(String name, boolean append, FileService fs) throws IOException {
    this(name, Charset.defaultCharset(), append, fs);
  }

  public VFileWriter(String name, Charset cs, FileService fs) throws IOException {
    this(name, cs, false, fs);
  }

  public VFileWriter(String name, Charset cs, boolean append, FileService fs) throws IOException {
    this(fs, Opening.open(fs, name, FileService.WRITE | FileService.CREATE
        | (append ? FileService.APPEND : FileService.TRUNCATE)), java.util.Objects.requireNonNull(cs, "charset"), -1);
  }

  public VFileWriter(File file, FileService fs) throws IOException {
    this(file.getPath(), fs);
  }

  public VFileWriter(File file, boolean append, FileService fs) throws IOException {
    this(file.getPath(), append, fs);
  }

  public VFileWriter(File file, Charset cs, FileService fs) throws IOException {
    this(file.getPath(), cs, false, fs);
  }

  public VFileWriter(File file, Charset cs, boolean append, FileService fs) throws IOException {
    this(file.getPath(), cs, append, fs);
  }

  VFileWriter(FileService fs, int h, Charset cs, int pendingHigh) {
    super(new FileDescriptor());
    this.lock = this;
    this.fs = fs;
    this.h = h;
    this.cs = cs;
    this.pendingHigh = pendingHigh;
  }

  @Override
  public FileService fileService() {
    return fs;
  }

  @Override
  public String proxyKey() {
    return FileProxies.key(FileProxies.WRITER, h, cs.name(), Integer.toString(pendingHigh));
  }

  @Override
  public String getEncoding() {
    return fs.isOpen(h) ? cs.name() : null;
  }

  private void ensureOpen() throws IOException {
    if (!fs.isOpen(h)) {
      throw new IOException("Stream closed");
    }
  }

  @Override
  public void write(int c) throws IOException {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
    ensureOpen();
    if (len == 0) {
      return;
    }
    CharBuffer chars = Chars.afterPending(pendingHigh, cbuf, off, len);
    pendingHigh = Chars.holdTrailingHigh(chars);
    emit(chars, false);
  }

  private void emit(CharBuffer chars, boolean end) throws IOException {
    ByteBuffer out = Chars.encode(cs, chars);
    if (out.position() > 0) {
      fs.write(h, out.array(), 0, out.position());
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    write(Chars.of(str, off, len), 0, len);
  }

  @Override
  public void write(String str) throws IOException {
    write(str, 0, str.length());
  }

  @Override
  public FileWriter append(CharSequence csq) throws IOException {
    write(String.valueOf(csq));
    return this;
  }

  @Override
  public FileWriter append(CharSequence csq, int start, int end) throws IOException {
    CharSequence s = csq == null ? "null" : csq;
    write(s.subSequence(start, end).toString());
    return this;
  }

  @Override
  public FileWriter append(char c) throws IOException {
    write(c);
    return this;
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
  }

  @Override
  public void close() throws IOException {
    if (!fs.isOpen(h)) {
      return;
    }
    if (pendingHigh >= 0) {
      CharBuffer lone = CharBuffer.wrap(new char[] {(char) pendingHigh});
      pendingHigh = -1;
      emit(lone, true);
    }
    fs.close(h);
  }
}
