package io.roam.instrument.runtime.files;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;

/**
 * Replacements for the final methods of {@link RandomAccessFile}, which a subclass cannot
 * override and some of which use the superclass's descriptor directly ({@code readLine} and
 * {@code writeBytes} on JDK 25). {@code FileRedirector} turns process calls of them into calls
 * here, receiver first; on a {@link VRandomAccessFile} they work on its handle, on anything else
 * they call the original. Byte order and formats as {@link java.io.DataInput}/{@link
 * java.io.DataOutput}.
 */
public final class RafCalls {
  private RafCalls() {}

  private static byte[] readN(VRandomAccessFile v, int n) throws IOException {
    byte[] b = new byte[n];
    readFully(v, b, 0, n);
    return b;
  }

  private static long bigEndian(byte[] b) {
    long x = 0;
    for (byte y : b) {
      x = (x << 8) | (y & 0xFF);
    }
    return x;
  }

  private static void writeBigEndian(VRandomAccessFile v, long x, int n) throws IOException {
    byte[] b = new byte[n];
    for (int i = n - 1; i >= 0; i--, x >>>= 8) {
      b[i] = (byte) x;
    }
    v.write(b, 0, n);
  }

  public static void readFully(RandomAccessFile r, byte[] b) throws IOException {
    readFully(r, b, 0, b.length);
  }

  public static void readFully(RandomAccessFile r, byte[] b, int off, int len) throws IOException {
    if (!(r instanceof VRandomAccessFile v)) {
      r.readFully(b, off, len);
      return;
    }
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    for (int n = 0; n < len; ) {
      int c = v.read(b, off + n, len - n);
      if (c < 0) {
        throw new EOFException();
      }
      n += c;
    }
  }

  public static boolean readBoolean(RandomAccessFile r) throws IOException {
    return readUnsignedByte(r) != 0;
  }

  public static byte readByte(RandomAccessFile r) throws IOException {
    return (byte) readUnsignedByte(r);
  }

  public static int readUnsignedByte(RandomAccessFile r) throws IOException {
    if (!(r instanceof VRandomAccessFile v)) {
      return r.readUnsignedByte();
    }
    int c = v.read();
    if (c < 0) {
      throw new EOFException();
    }
    return c;
  }

  public static short readShort(RandomAccessFile r) throws IOException {
    return r instanceof VRandomAccessFile v ? (short) bigEndian(readN(v, 2)) : r.readShort();
  }

  public static int readUnsignedShort(RandomAccessFile r) throws IOException {
    return r instanceof VRandomAccessFile v ? (int) bigEndian(readN(v, 2)) : r.readUnsignedShort();
  }

  public static char readChar(RandomAccessFile r) throws IOException {
    return r instanceof VRandomAccessFile v ? (char) bigEndian(readN(v, 2)) : r.readChar();
  }

  public static int readInt(RandomAccessFile r) throws IOException {
    return r instanceof VRandomAccessFile v ? (int) bigEndian(readN(v, 4)) : r.readInt();
  }

  public static long readLong(RandomAccessFile r) throws IOException {
    return r instanceof VRandomAccessFile v ? bigEndian(readN(v, 8)) : r.readLong();
  }

  public static float readFloat(RandomAccessFile r) throws IOException {
    return Float.intBitsToFloat(readInt(r));
  }

  public static double readDouble(RandomAccessFile r) throws IOException {
    return Double.longBitsToDouble(readLong(r));
  }

  public static String readLine(RandomAccessFile r) throws IOException {
    if (!(r instanceof VRandomAccessFile v)) {
      return r.readLine();
    }
    StringBuilder s = new StringBuilder();
    int c = -1;
    boolean eol = false;
    while (!eol) {
      switch (c = v.read()) {
        case -1, '\n' -> eol = true;
        case '\r' -> {
          eol = true;
          long cur = v.getFilePointer();
          if (v.read() != '\n') {
            v.seek(cur);
          }
        }
        default -> s.append((char) c);
      }
    }
    return c == -1 && s.length() == 0 ? null : s.toString();
  }

  public static String readUTF(RandomAccessFile r) throws IOException {
    if (!(r instanceof VRandomAccessFile v)) {
      return r.readUTF();
    }
    return DataInputStream.readUTF(new DataInputStream(new InputStream() {
      @Override
      public int read() throws IOException {
        return v.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return v.read(b, off, len);
      }
    }));
  }

  public static void writeBoolean(RandomAccessFile r, boolean x) throws IOException {
    r.write(x ? 1 : 0);
  }

  public static void writeByte(RandomAccessFile r, int x) throws IOException {
    r.write(x);
  }

  public static void writeShort(RandomAccessFile r, int x) throws IOException {
    if (r instanceof VRandomAccessFile v) {
      writeBigEndian(v, x, 2);
    } else {
      r.writeShort(x);
    }
  }

  public static void writeChar(RandomAccessFile r, int x) throws IOException {
    writeShort(r, x);
  }

  public static void writeInt(RandomAccessFile r, int x) throws IOException {
    if (r instanceof VRandomAccessFile v) {
      writeBigEndian(v, x, 4);
    } else {
      r.writeInt(x);
    }
  }

  public static void writeLong(RandomAccessFile r, long x) throws IOException {
    if (r instanceof VRandomAccessFile v) {
      writeBigEndian(v, x, 8);
    } else {
      r.writeLong(x);
    }
  }

  public static void writeFloat(RandomAccessFile r, float x) throws IOException {
    writeInt(r, Float.floatToIntBits(x));
  }

  public static void writeDouble(RandomAccessFile r, double x) throws IOException {
    writeLong(r, Double.doubleToLongBits(x));
  }

  public static void writeBytes(RandomAccessFile r, String s) throws IOException {
    if (!(r instanceof VRandomAccessFile v)) {
      r.writeBytes(s);
      return;
    }
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) s.charAt(i);
    }
    v.write(b, 0, b.length);
  }

  public static void writeChars(RandomAccessFile r, String s) throws IOException {
    if (!(r instanceof VRandomAccessFile v)) {
      r.writeChars(s);
      return;
    }
    byte[] b = new byte[s.length() * 2];
    for (int i = 0; i < s.length(); i++) {
      b[2 * i] = (byte) (s.charAt(i) >>> 8);
      b[2 * i + 1] = (byte) s.charAt(i);
    }
    v.write(b, 0, b.length);
  }

  public static void writeUTF(RandomAccessFile r, String s) throws IOException {
    if (!(r instanceof VRandomAccessFile v)) {
      r.writeUTF(s);
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() + 2);
    new DataOutputStream(bytes).writeUTF(s);
    v.write(bytes.toByteArray());
  }

  public static FileChannel getChannel(RandomAccessFile r) {
    return r instanceof VRandomAccessFile v ? v.channel() : r.getChannel();
  }
}
