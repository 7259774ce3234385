package io.roam.kernel.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Buffered reader of a heap section of known length, mirror of {@link HeapOutput}. Every read is
 * checked against the bytes that remain, and every count against the limits, before anything is
 * allocated; failures are {@link SnapshotFormatException}s giving the byte offset in the
 * section. Not thread-safe.
 */
final class HeapInput {
  private static final int BUFFER_SIZE = 256 * 1024;

  private final InputStream in;
  private final long length;
  /** At most {@link #BUFFER_SIZE}, at most the section (so small sections cost little). */
  private final byte[] buf;
  private final ByteBuffer bb;
  /** Section offset of {@code buf[0]}. */
  private long bufStart;

  HeapInput(InputStream in, long length) {
    this.in = in;
    this.length = length;
    this.buf = new byte[(int) Math.max(16, Math.min(BUFFER_SIZE, length))];
    this.bb = ByteBuffer.wrap(buf).order(HeapOutput.ORDER).limit(0);
  }

  /** Section offset of the next byte. */
  long position() {
    return bufStart + bb.position();
  }

  /** Bytes of the section not read yet. */
  long remaining() {
    return length - position();
  }

  SnapshotFormatException error(String what) {
    return new SnapshotFormatException(
        "heap section corrupt at byte offset " + position() + ": " + what
            + "; the snapshot cannot be restored, use another checkpoint");
  }

  /** Makes at least {@code n} (at most the buffer size) bytes readable. */
  private void require(int n) throws IOException, SnapshotFormatException {
    if (bb.remaining() >= n) {
      return;
    }
    if (remaining() < n) {
      throw error("truncated: " + n + " more bytes needed, " + remaining() + " left");
    }
    bufStart += bb.position();
    bb.compact();
    while (bb.position() < n) {
      int want = (int) Math.min(bb.remaining(), length - bufStart - bb.position());
      int r = in.read(buf, bb.position(), want);
      if (r < 0) {
        throw error("section stream ended early");
      }
      bb.position(bb.position() + r);
    }
    bb.flip();
  }

  /** Checks that {@code count} items of at least {@code minBytes} bytes each can still follow. */
  void checkCount(long count, int minBytes, String what) throws SnapshotFormatException {
    if (count < 0 || count * minBytes > remaining()) {
      throw error(what + " count " + count + " exceeds the " + remaining() + " bytes left");
    }
  }

  int readByte() throws IOException, SnapshotFormatException {
    require(1);
    return bb.get() & 0xFF;
  }

  boolean readBoolean() throws IOException, SnapshotFormatException {
    int b = readByte();
    if (b > 1) {
      throw error("boolean byte " + b);
    }
    return b == 1;
  }

  short readShort() throws IOException, SnapshotFormatException {
    require(2);
    return bb.getShort();
  }

  char readChar() throws IOException, SnapshotFormatException {
    require(2);
    return bb.getChar();
  }

  int readInt() throws IOException, SnapshotFormatException {
    require(4);
    return bb.getInt();
  }

  long readLong() throws IOException, SnapshotFormatException {
    require(8);
    return bb.getLong();
  }

  float readFloat() throws IOException, SnapshotFormatException {
    require(4);
    return bb.getFloat();
  }

  double readDouble() throws IOException, SnapshotFormatException {
    require(8);
    return bb.getDouble();
  }

  /** Unsigned LEB128, at most 5 bytes, value at most Integer.MAX_VALUE. */
  int readVarInt() throws IOException, SnapshotFormatException {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (shift == 28 && b > 7) {
          break;
        }
        return v;
      }
    }
    throw error("malformed varint");
  }

  /** A varint checked against {@code max}, naming {@code what} in the error. */
  int readCount(int max, String what) throws IOException, SnapshotFormatException {
    int n = readVarInt();
    if (n > max) {
      throw error(what + " " + n + " exceeds the limit " + max);
    }
    return n;
  }

  String readString(int maxLength) throws IOException, SnapshotFormatException {
    int len = readCount(maxLength, "string length");
    int coder = readByte();
    if (coder == 0) {
      checkCount(len, 1, "string char");
      return new String(readBytes(len), StandardCharsets.ISO_8859_1);
    }
    if (coder != 1) {
      throw error("string coder " + coder);
    }
    checkCount(len, 2, "string char");
    char[] c = new char[len];
    readChars(c);
    return new String(c);
  }

  byte[] readBytes(int len) throws IOException, SnapshotFormatException {
    checkCount(len, 1, "byte");
    byte[] b = new byte[len];
    readBytes(b);
    return b;
  }

  private void readBytes(byte[] b) throws IOException, SnapshotFormatException {
    for (int off = 0; off < b.length; ) {
      require(1);
      int n = Math.min(b.length - off, bb.remaining());
      bb.get(b, off, n);
      off += n;
    }
  }

  /** Fills a primitive array of the given length, already checked against the bytes left. */
  void readPrimitiveArray(Object array) throws IOException, SnapshotFormatException {
    if (array instanceof byte[] a) {
      readBytes(a);
    } else if (array instanceof int[] a) {
      readInts(a);
    } else if (array instanceof long[] a) {
      readLongs(a);
    } else if (array instanceof double[] a) {
      readDoubles(a);
    } else if (array instanceof float[] a) {
      readFloats(a);
    } else if (array instanceof char[] a) {
      readChars(a);
    } else if (array instanceof short[] a) {
      readShorts(a);
    } else {
      readBooleans((boolean[]) array);
    }
  }

  /** At least one element of {@code size} bytes buffered; returns whole elements buffered. */
  private int avail(int size, int wanted) throws IOException, SnapshotFormatException {
    if (bb.remaining() < size) {
      require(Math.min(buf.length, (int) Math.min(remaining(), (long) wanted * size)));
      if (bb.remaining() < size) {
        throw error("truncated array");
      }
    }
    return Math.min(wanted, bb.remaining() / size);
  }

  private void skip(int bytes) {
    bb.position(bb.position() + bytes);
  }

  private void readInts(int[] a) throws IOException, SnapshotFormatException {
    for (int off = 0; off < a.length; ) {
      int n = avail(4, a.length - off);
      bb.slice().order(HeapOutput.ORDER).asIntBuffer().get(a, off, n);
      skip(n * 4);
      off += n;
    }
  }

  private void readLongs(long[] a) throws IOException, SnapshotFormatException {
    for (int off = 0; off < a.length; ) {
      int n = avail(8, a.length - off);
      bb.slice().order(HeapOutput.ORDER).asLongBuffer().get(a, off, n);
      skip(n * 8);
      off += n;
    }
  }

  private void readDoubles(double[] a) throws IOException, SnapshotFormatException {
    for (int off = 0; off < a.length; ) {
      int n = avail(8, a.length - off);
      bb.slice().order(HeapOutput.ORDER).asDoubleBuffer().get(a, off, n);
      skip(n * 8);
      off += n;
    }
  }

  private void readFloats(float[] a) throws IOException, SnapshotFormatException {
    for (int off = 0; off < a.length; ) {
      int n = avail(4, a.length - off);
      bb.slice().order(HeapOutput.ORDER).asFloatBuffer().get(a, off, n);
      skip(n * 4);
      off += n;
    }
  }

  private void readChars(char[] a) throws IOException, SnapshotFormatException {
    for (int off = 0; off < a.length; ) {
      int n = avail(2, a.length - off);
      bb.slice().order(HeapOutput.ORDER).asCharBuffer().get(a, off, n);
      skip(n * 2);
      off += n;
    }
  }

  private void readShorts(short[] a) throws IOException, SnapshotFormatException {
    for (int off = 0; off < a.length; ) {
      int n = avail(2, a.length - off);
      bb.slice().order(HeapOutput.ORDER).asShortBuffer().get(a, off, n);
      skip(n * 2);
      off += n;
    }
  }

  private void readBooleans(boolean[] a) throws IOException, SnapshotFormatException {
    for (int i = 0; i < a.length; i++) {
      a[i] = readBoolean();
    }
  }
}
