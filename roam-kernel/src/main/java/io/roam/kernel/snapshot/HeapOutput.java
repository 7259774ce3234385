package io.roam.kernel.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Buffered little-endian writer of the heap section's primitives: fixed-size scalars, unsigned
 * LEB128 varints, strings (Latin-1 or UTF-16, lossless for unpaired surrogates) and primitive
 * arrays in bulk through {@link ByteBuffer} views. Not thread-safe; {@link #flush} hands
 * everything buffered to the underlying stream, which this class never closes.
 */
final class HeapOutput {
  /** Byte order of every multi-byte value in a heap section. */
  static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private static final int BUFFER_SIZE = 256 * 1024;

  private final OutputStream out;
  private final byte[] buf;
  private final ByteBuffer bb;
  /** Bytes handed to {@link #out} so far. */
  private long flushed;

  /** With a buffer of {@value #BUFFER_SIZE} bytes, one this thread used before if it can; {@link #release} it. */
  HeapOutput(OutputStream out) {
    this(out, CodecBuffers.take(BUFFER_SIZE));
  }

  /** With a buffer of {@code size} bytes (at least 64): small graphs (messages) need no 256 KiB. */
  HeapOutput(OutputStream out, int size) {
    this(out, new byte[Math.max(64, size)]);
  }

  private HeapOutput(OutputStream out, byte[] buf) {
    this.out = out;
    this.buf = buf;
    this.bb = ByteBuffer.wrap(buf).order(ORDER);
  }

  /** Done: a buffer of the standard size goes back for this thread's next run (see {@link CodecBuffers}). */
  void release() {
    if (buf.length == BUFFER_SIZE) {
      CodecBuffers.give(buf);
    }
  }

  /** Bytes written so far, buffered or not. */
  long position() {
    return flushed + bb.position();
  }

  private void ensure(int n) throws IOException {
    if (bb.remaining() < n) {
      flushBuffer();
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buf, 0, bb.position());
    flushed += bb.position();
    bb.clear();
  }

  void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  void writeByte(int v) throws IOException {
    ensure(1);
    bb.put((byte) v);
  }

  void writeBoolean(boolean v) throws IOException {
    writeByte(v ? 1 : 0);
  }

  void writeShort(short v) throws IOException {
    ensure(2);
    bb.putShort(v);
  }

  void writeChar(char v) throws IOException {
    ensure(2);
    bb.putChar(v);
  }

  void writeInt(int v) throws IOException {
    ensure(4);
    bb.putInt(v);
  }

  void writeLong(long v) throws IOException {
    ensure(8);
    bb.putLong(v);
  }

  void writeFloat(float v) throws IOException {
    ensure(4);
    bb.putFloat(v);
  }

  void writeDouble(double v) throws IOException {
    ensure(8);
    bb.putDouble(v);
  }

  /** Unsigned LEB128 of a non-negative int. */
  void writeVarInt(int v) throws IOException {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      bb.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    bb.put((byte) v);
  }

  void writeBytes(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      ensure(1);
      int n = Math.min(len, bb.remaining());
      bb.put(b, off, n);
      off += n;
      len -= n;
    }
  }

  /** varint length in chars, a coder byte (0 Latin-1, 1 UTF-16), then the chars. */
  void writeString(String s) throws IOException {
    int len = s.length();
    writeVarInt(len);
    if (isLatin1(s)) {
      writeByte(0);
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      writeBytes(b, 0, b.length);
    } else {
      writeByte(1);
      writeChars(s.toCharArray());
    }
  }

  private static boolean isLatin1(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** The elements of a primitive array, in bulk; the length is written by the caller. */
  void writePrimitiveArray(Object array) throws IOException {
    if (array instanceof byte[] a) {
      writeBytes(a, 0, a.length);
    } else if (array instanceof int[] a) {
      writeInts(a);
    } else if (array instanceof long[] a) {
      writeLongs(a);
    } else if (array instanceof double[] a) {
      writeDoubles(a);
    } else if (array instanceof float[] a) {
      writeFloats(a);
    } else if (array instanceof char[] a) {
      writeChars(a);
    } else if (array instanceof short[] a) {
      writeShorts(a);
    } else {
      writeBooleans((boolean[]) array);
    }
  }

  /** Room for at least one element of {@code size} bytes; returns whole elements that fit. */
  private int room(int size, int wanted) throws IOException {
    if (bb.remaining() < size) {
      flushBuffer();
    }
    return Math.min(wanted, bb.remaining() / size);
  }

  private void advance(int bytes) {
    bb.position(bb.position() + bytes);
  }

  private void writeInts(int[] a) throws IOException {
    for (int off = 0; off < a.length; ) {
      int n = room(4, a.length - off);
      bb.slice().order(ORDER).asIntBuffer().put(a, off, n);
      advance(n * 4);
      off += n;
    }
  }

  private void writeLongs(long[] a) throws IOException {
    for (int off = 0; off < a.length; ) {
      int n = room(8, a.length - off);
      bb.slice().order(ORDER).asLongBuffer().put(a, off, n);
      advance(n * 8);
      off += n;
    }
  }

  private void writeDoubles(double[] a) throws IOException {
    for (int off = 0; off < a.length; ) {
      int n = room(8, a.length - off);
      bb.slice().order(ORDER).asDoubleBuffer().put(a, off, n);
      advance(n * 8);
      off += n;
    }
  }

  private void writeFloats(float[] a) throws IOException {
    for (int off = 0; off < a.length; ) {
      int n = room(4, a.length - off);
      bb.slice().order(ORDER).asFloatBuffer().put(a, off, n);
      advance(n * 4);
      off += n;
    }
  }

  private void writeChars(char[] a) throws IOException {
    for (int off = 0; off < a.length; ) {
      int n = room(2, a.length - off);
      bb.slice().order(ORDER).asCharBuffer().put(a, off, n);
      advance(n * 2);
      off += n;
    }
  }

  private void writeShorts(short[] a) throws IOException {
    for (int off = 0; off < a.length; ) {
      int n = room(2, a.length - off);
      bb.slice().order(ORDER).asShortBuffer().put(a, off, n);
      advance(n * 2);
      off += n;
    }
  }

  private void writeBooleans(boolean[] a) throws IOException {
    for (boolean v : a) {
      writeByte(v ? 1 : 0);
    }
  }
}
