package io.roam.kernel.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Buffered reader of a heap section, mirror of {@link HeapOutput}. Every count is checked against
 * the limits, and against the bytes that can follow, before anything is allocated; failures are
 * {@link SnapshotFormatException}s giving the byte offset in the section. Not thread-safe.
 *
 * <p>Of a section of known length, every count must fit in the bytes that remain. Of a section
 * read as it arrives ({@link #UNKNOWN} length, {@link SnapshotStream}), a count may promise at most
 * {@link HeapLimits#maxAhead} bytes beyond those buffered, so that a stream that lies about what follows
 * makes the decoder allocate a bounded amount before it runs out; a primitive array or string
 * larger than that is read in pieces as its bytes arrive and assembled after (one more copy, for
 * such arrays only). A legitimate section never promises more than it holds, so the bound refuses
 * only reference arrays and object counts too large for the heap anyway.
 */
final class HeapInput {
  /** The length of a section read until its stream ends. */
  static final long UNKNOWN = -1;

  private static final int BUFFER_SIZE = 256 * 1024;
  /**
   * Unknown length: room for a whole chunk as {@link SnapshotWriter} cuts them plus what a read
   * leaves over (less than one element), so that {@link SnapshotStream} reads each chunk straight
   * into this buffer.
   */
  private static final int STREAM_BUFFER_SIZE = (256 + 64) * 1024;
  /** Pieces of a large primitive array of a section of unknown length. */
  private static final int PIECE = 1 << 20;

  private final InputStream in;
  /** The section's length, or {@link #UNKNOWN}. */
  private final long length;
  /** Unknown length: the bytes a count may promise beyond those buffered ({@link HeapLimits#maxAhead}). */
  private final long aheadBudget;
  /** At most {@link #BUFFER_SIZE}, at most the section (so small sections cost little). */
  private final byte[] buf;
  private final ByteBuffer bb;
  /** Section offset of {@code buf[0]}. */
  private long bufStart;

  /**
   * Reads a section of {@code length} bytes, or until {@code in} ends if {@link #UNKNOWN}, which
   * may then promise at most {@code maxAhead} bytes ahead.
   */
  HeapInput(InputStream in, long length, long maxAhead) {
    this.in = in;
    this.length = length;
    int size = length == UNKNOWN ? STREAM_BUFFER_SIZE : (int) Math.max(16, Math.min(BUFFER_SIZE, length));
    this.buf = pooled(size) ? CodecBuffers.take(size) : new byte[size];
    this.bb = ByteBuffer.wrap(buf).order(HeapOutput.ORDER).limit(0);
    this.aheadBudget = maxAhead;
  }

  /** Done: a buffer of a standard size goes back for this thread's next run (see {@link CodecBuffers}). */
  void release() {
    if (pooled(buf.length)) {
      CodecBuffers.give(buf);
    }
  }

  /** Buffers of the two standard sizes are kept per thread ({@link CodecBuffers}). */
  private static boolean pooled(int size) {
    return size == STREAM_BUFFER_SIZE || size == BUFFER_SIZE;
  }

  /** Section offset of the next byte. */
  long position() {
    return bufStart + bb.position();
  }

  /** Bytes of the section not read yet; known length only. */
  private long remaining() {
    return length - position();
  }

  /** True when the whole section has been read (for a stream: it reports its end). */
  boolean atEnd() throws IOException {
    if (length != UNKNOWN) {
      return remaining() == 0;
    }
    return bb.remaining() == 0 && in.read() < 0;
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
    if (length != UNKNOWN && remaining() < n) {
      throw error("truncated: " + n + " more bytes needed, " + remaining() + " left");
    }
    bufStart += bb.position();
    bb.compact();
    while (bb.position() < n) {
      int want = length == UNKNOWN ? bb.remaining()
          : (int) Math.min(bb.remaining(), length - bufStart - bb.position());
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
    if (count < 0) {
      throw error(what + " count " + count);
    }
    if (length != UNKNOWN) {
      if (count * minBytes > remaining()) {
        throw error(what + " count " + count + " exceeds the " + remaining() + " bytes left");
      }
    } else if (count * minBytes - bb.remaining() > aheadBudget) {
      throw tooFarAhead(what + " count " + count, count * minBytes);
    }
  }

  /**
   * Unknown length: checks that tables of {@code bytes} made from a count just read (the decoder's
   * per-object arrays) stay within 8 times what a stream may promise ahead.
   */
  void checkTables(long bytes, String what) throws SnapshotFormatException {
    if (length == UNKNOWN && bytes > 8 * aheadBudget) {
      throw tooFarAhead(what, bytes);
    }
  }

  private SnapshotFormatException tooFarAhead(String what, long bytes) {
    return error(what + " would need " + bytes + " bytes before the stream has delivered them, more than"
        + " a snapshot read as it arrives may claim in this JVM (" + aheadBudget + "); restore it from a file");
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
      return new String((byte[]) readPrimitiveArray(byte.class, len, "string char"), StandardCharsets.ISO_8859_1);
    }
    if (coder != 1) {
      throw error("string coder " + coder);
    }
    return new String((char[]) readPrimitiveArray(char.class, len, "string char"));
  }

  byte[] readBytes(int len) throws IOException, SnapshotFormatException {
    return (byte[]) readPrimitiveArray(byte.class, len, "byte");
  }

  /**
   * A new array of {@code len} elements of primitive type {@code type}, filled from the section;
   * {@code what} names the elements in errors.
   */
  Object readPrimitiveArray(Class<?> type, int len, String what) throws IOException, SnapshotFormatException {
    int size = elementSize(type);
    long bytes = (long) len * size;
    if (length == UNKNOWN && len >= 0 && bytes - bb.remaining() > aheadBudget) {
      return readInPieces(type, len, bytes);
    }
    checkCount(len, size, what);
    Object a = java.lang.reflect.Array.newInstance(type, len);
    readPrimitiveArray(a);
    return a;
  }

  /** Unknown length, a large array: its bytes as they arrive, then the array (see the class comment). */
  private Object readInPieces(Class<?> type, int len, long bytes) throws IOException, SnapshotFormatException {
    java.util.List<java.io.InputStream> pieces = new java.util.ArrayList<>();
    for (long left = bytes; left > 0; ) {
      byte[] p = new byte[(int) Math.min(left, PIECE)];
      readBytes(p);
      pieces.add(new java.io.ByteArrayInputStream(p));
      left -= p.length;
    }
    Object a = java.lang.reflect.Array.newInstance(type, len);
    HeapInput whole = new HeapInput(new java.io.SequenceInputStream(java.util.Collections.enumeration(pieces)), bytes,
        aheadBudget);
    whole.readPrimitiveArray(a);
    whole.release();
    return a;
  }

  static int elementSize(Class<?> p) {
    return p == long.class || p == double.class ? 8
        : p == int.class || p == float.class ? 4
        : p == short.class || p == char.class ? 2 : 1;
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
      // a stream: what one read gives (a whole chunk, read in place); a section of known length:
      // as much as the buffer holds
      require(length == UNKNOWN ? size : (int) Math.min(buf.length, Math.min(remaining(), (long) wanted * size)));
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
