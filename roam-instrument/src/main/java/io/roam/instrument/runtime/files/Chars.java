package io.roam.instrument.runtime.files;

import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * The character coding shared by the virtual readers and writers, which code by themselves so
 * that their whole state is plain fields: charset lookup with the JDK's errors, replacing coders,
 * and the surrogate pair split across two writes.
 */
final class Chars {
  private Chars() {}

  /** The charset {@code name}, failing as the JDK's stream readers and writers do. */
  static Charset forName(String name) throws UnsupportedEncodingException {
    if (name == null) {
      throw new NullPointerException("charsetName");
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedEncodingException(name);
    }
  }

  /** A decoder of {@code cs} that replaces malformed and unmappable input. */
  static CharsetDecoder replacingDecoder(Charset cs) {
    return cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /** {@code chars} encoded by {@code cs}, unmappable characters replaced; bytes [0, position). */
  static ByteBuffer encode(Charset cs, CharBuffer chars) {
    CharsetEncoder e = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer out = ByteBuffer.allocate((int) Math.ceil(chars.remaining() * (double) e.maxBytesPerChar()) + 16);
    e.encode(chars, out, true);
    e.flush(out);
    return out;
  }

  /**
   * The characters of a write, after the high surrogate held from the last one ({@code
   * pendingHigh}, or -1); checks the bounds as {@code Writer.write} does.
   */
  static CharBuffer afterPending(int pendingHigh, char[] cbuf, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
    if (pendingHigh < 0) {
      return CharBuffer.wrap(cbuf, off, len);
    }
    char[] c = new char[len + 1];
    c[0] = (char) pendingHigh;
    System.arraycopy(cbuf, off, c, 1, len);
    return CharBuffer.wrap(c);
  }

  /**
   * Takes a trailing high surrogate off {@code chars} (its low half comes with the next write):
   * returns it, or -1 when {@code chars} ends otherwise or is empty.
   */
  static int holdTrailingHigh(CharBuffer chars) {
    if (!chars.hasRemaining() || !Character.isHighSurrogate(chars.get(chars.limit() - 1))) {
      return -1;
    }
    char high = chars.get(chars.limit() - 1);
    chars.limit(chars.limit() - 1);
    return high;
  }

  /** {@code str[off, off+len)} as an array, bounds checked as {@code Writer.write} does. */
  static char[] of(String str, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, str.length());
    char[] c = new char[len];
    str.getChars(off, off + len, c, 0);
    return c;
  }
}
