package io.roam.instrument.runtime.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;

/**
 * What {@code new FileReader(…)} in process code creates (also the reader under {@code
 * Files.newBufferedReader}): a {@link FileReader} that decodes bytes read from a kernel handle.
 * It keeps no buffer: each read decodes what it reads and moves the handle back over the bytes
 * of an incomplete character, so the handle's position is the whole state, except a low
 * surrogate owed to a one-char read, which is part of its {@link #proxyKey}. Malformed input
 * is replaced, as FileReader does. Charsets whose decoders keep state between characters (those
 * with shift sequences) are not supported.
 */
public final class VFileReader extends FileReader implements FileProxy {
  private static final int MAX_READ = 8192;
  final FileService fs;
  final int h;
  final Charset cs;
  /** A low surrogate decoded but not yet returned, or -1. */
  private int pendingLow;

  public VFileReader(String name, FileService fs) throws FileNotFoundException {
    this(name, Charset.defaultCharset(), fs);
  }

  public VFileReader(String name, Charset cs, FileService fs) throws FileNotFoundException {
    this(fs, Opening.open(fs, name, FileService.READ), java.util.Objects.requireNonNull(cs, "charset"), -1);
  }

  public VFileReader(File file, FileService fs) throws FileNotFoundException {
    this(file.getPath(), fs);
  }

  public VFileReader(File file, Charset cs, FileService fs) throws FileNotFoundException {
    this(file.getPath(), cs, fs);
  }

  VFileReader(FileService fs, int h, Charset cs, int pendingLow) {
    super(new FileDescriptor());
    this.lock = this;
    this.fs = fs;
    this.h = h;
    this.cs = cs;
    this.pendingLow = pendingLow;
  }

  @Override
  public FileService fileService() {
    return fs;
  }

  @Override
  public String proxyKey() {
    return FileProxies.key(FileProxies.READER, h, cs.name(), Integer.toString(pendingLow));
  }

  @Override
  public String getEncoding() {
    return fs.isOpen(h) ? cs.name() : null;
  }

  private CharsetDecoder decoder() {
    return Chars.replacingDecoder(cs);
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    return read(one, 0, 1) == 1 ? one[0] : -1;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
    if (!fs.isOpen(h)) {
      throw new IOException("Stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (pendingLow >= 0) {
      cbuf[off] = (char) pendingLow;
      pendingLow = -1;
      return 1;
    }
    if (len == 1) {
      char[] two = new char[2];
      int n = decode(two, 0, 2, 4);
      if (n == 2) {
        pendingLow = two[1];
      }
      if (n > 0) {
        cbuf[off] = two[0];
      }
      return n < 0 ? -1 : Math.min(n, 1);
    }
    return decode(cbuf, off, len, Math.min(MAX_READ, len * 4));
  }

  /** Decodes at most one code point if {@code maxBytes} is 4, else as many as fit. */
  private int decode(char[] cbuf, int off, int len, int maxBytes) throws IOException {
    byte[] b = new byte[Math.max(4, maxBytes)];
    int n = fs.read(h, b, 0, maxBytes == 4 ? 1 : b.length);
    if (n < 0) {
      return -1;
    }
    CharsetDecoder d = decoder();
    CharBuffer out = CharBuffer.wrap(cbuf, off, maxBytes == 4 ? 2 : len);
    while (true) {
      ByteBuffer in = ByteBuffer.wrap(b, 0, n);
      boolean eof = fs.position(h) >= fs.size(h);
      d.decode(in, out, eof);
      if (eof) {
        d.flush(out);
      }
      if (out.position() > off || eof || maxBytes != 4 || n == 4) {
        if (in.hasRemaining()) {
          fs.position(h, fs.position(h) - in.remaining());
        }
        return out.position() - off;
      }
      // one char wanted and the bytes so far end inside it: read one more byte
      d.reset();
      out.position(off);
      int more = fs.read(h, b, n, 1);
      if (more > 0) {
        n += more;
      }
    }
  }

  @Override
  public boolean ready() throws IOException {
    if (!fs.isOpen(h)) {
      throw new IOException("Stream closed");
    }
    return pendingLow >= 0 || fs.position(h) < fs.size(h);
  }

  @Override
  public long skip(long n) throws IOException {
    if (n < 0L) {
      throw new IllegalArgumentException("skip value is negative");
    }
    char[] buf = new char[(int) Math.min(n, 8192)];
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(left, buf.length));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  @Override
  public void close() throws IOException {
    fs.close(h);
  }
}
