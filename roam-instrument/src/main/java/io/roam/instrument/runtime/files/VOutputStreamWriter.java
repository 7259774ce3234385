package io.roam.instrument.runtime.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;

/**
 * What {@code new OutputStreamWriter(out[, charset])} in process code creates: an {@link
 * OutputStreamWriter} that encodes by itself into an 8 KiB byte buffer of its own (written to the
 * stream when full, on flush and on close, as the JDK's), so that its state — stream, charset
 * name, unwritten bytes, a high surrogate waiting for its low half — is plain fields the heap
 * codec copies. Unmappable characters are replaced.
 */
public final class VOutputStreamWriter extends OutputStreamWriter {
  private static final int BUFFER = 8192;
  private final OutputStream out;
  private final String charset;
  private byte[] buf = new byte[BUFFER];
  private int count;
  private int pendingHigh = -1;
  private boolean closed;

  public VOutputStreamWriter(OutputStream out) {
    this(out, Charset.defaultCharset());
  }

  public VOutputStreamWriter(OutputStream out, Charset cs) {
    super(out, cs);
    this.out = out;
    this.charset = cs.name();
  }

  public VOutputStreamWriter(OutputStream out, String charsetName) throws UnsupportedEncodingException {
    this(out, Chars.forName(charsetName));
  }

  @Override
  public String getEncoding() {
    return closed ? null : charset;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
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
    encode(chars);
  }

  private void encode(CharBuffer chars) throws IOException {
    ByteBuffer bytes = Chars.encode(Charset.forName(charset), chars);
    append(bytes.array(), bytes.position());
  }

  private void append(byte[] b, int len) throws IOException {
    int off = 0;
    while (len > 0) {
      int n = Math.min(len, buf.length - count);
      System.arraycopy(b, off, buf, count, n);
      count += n;
      off += n;
      len -= n;
      if (count == buf.length) {
        flushBuffer();
      }
    }
  }

  private void flushBuffer() throws IOException {
    if (count > 0) {
      out.write(buf, 0, count);
      count = 0;
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
  public OutputStreamWriter append(CharSequence csq) throws IOException {
    write(String.valueOf(csq));
    return this;
  }

  @Override
  public OutputStreamWriter append(CharSequence csq, int start, int end) throws IOException {
    CharSequence s = csq == null ? "null" : csq;
    write(s.subSequence(start, end).toString());
    return this;
  }

  @Override
  public OutputStreamWriter append(char c) throws IOException {
    write(c);
    return this;
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    flushBuffer();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    if (pendingHigh >= 0) {
      CharBuffer lone = CharBuffer.wrap(new char[] {(char) pendingHigh});
      pendingHigh = -1;
      encode(lone);
    }
    flushBuffer();
    closed = true;
    out.close();
  }
}
