package io.roam.instrument.runtime.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;

/**
 * What {@code new InputStreamReader(in[, charset])} in process code creates: an {@link
 * InputStreamReader} that decodes by itself, so that its whole state — the stream, the charset
 * name, the bytes read ahead and not yet decoded, a low surrogate owed to a one-char read — is
 * plain fields the heap codec copies (the JDK's decoder state is not capturable). Reads from the
 * stream only when no character can be decoded from what it holds, at most 8 KiB at a time, as
 * the JDK's does. Malformed input is replaced. Charsets with shift states are not supported.
 */
public final class VInputStreamReader extends InputStreamReader {
  private static final int BUFFER = 8192;
  private final InputStream in;
  private final String charset;
  private byte[] buf = new byte[BUFFER];
  private int pos;
  private int lim;
  private boolean eof;
  private int pendingLow = -1;
  private boolean closed;

  public VInputStreamReader(InputStream in) {
    this(in, Charset.defaultCharset());
  }

  public VInputStreamReader(InputStream in, Charset cs) {
    super(in, cs);
    this.in = in;
    this.charset = cs.name();
  }

  public VInputStreamReader(InputStream in, String charsetName) throws UnsupportedEncodingException {
    this(in, Chars.forName(charsetName));
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
  public int read() throws IOException {
    char[] one = new char[1];
    return read(one, 0, 1) == 1 ? one[0] : -1;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    if (pendingLow >= 0) {
      cbuf[off] = (char) pendingLow;
      pendingLow = -1;
      return 1;
    }
    char[] target = len == 1 ? new char[2] : cbuf;
    int start = len == 1 ? 0 : off;
    int n = decode(target, start, len == 1 ? 2 : len);
    if (len == 1 && n > 0) {
      cbuf[off] = target[0];
      if (n == 2) {
        pendingLow = target[1];
      }
      return 1;
    }
    return n;
  }

  /** Decodes into {@code out[off, off+len)}, reading more bytes only while nothing decodes. */
  private int decode(char[] out, int off, int len) throws IOException {
    CharsetDecoder d = Chars.replacingDecoder(Charset.forName(charset));
    CharBuffer cb = CharBuffer.wrap(out, off, len);
    while (true) {
      ByteBuffer bb = ByteBuffer.wrap(buf, pos, lim - pos);
      d.reset();
      d.decode(bb, cb, eof);
      if (eof) {
        d.flush(cb);
      }
      pos = bb.position();
      int produced = cb.position() - off;
      if (produced > 0) {
        return produced;
      }
      if (eof) {
        return -1;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
    } else {
      lim += n;
    }
  }

  @Override
  public boolean ready() throws IOException {
    ensureOpen();
    return pendingLow >= 0 || pos < lim || in.available() > 0;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }
}
