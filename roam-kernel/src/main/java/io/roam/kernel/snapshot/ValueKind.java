package io.roam.kernel.snapshot;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * JDK classes encoded by value rather than by fields: immutable (or, for the string builders,
 * fully described by their content) and holding no references the graph must share. Boxes
 * decode through {@code valueOf} so the JDK's small-value caches keep identity, Boolean to
 * TRUE/FALSE; literal strings are re-interned; Class objects are resolved by name. The builders
 * and BigInteger are values because their fields differ between JDK 17 and 25. Paths (a
 * JDK-internal class per file system) and Files are their path strings, re-created relative or
 * absolute as they were; the kernel's file interface resolves them in the process's view.
 */
enum ValueKind {
  STRING(String.class),
  BOOLEAN(Boolean.class),
  BYTE(Byte.class),
  SHORT(Short.class),
  CHARACTER(Character.class),
  INTEGER(Integer.class),
  LONG(Long.class),
  FLOAT(Float.class),
  DOUBLE(Double.class),
  BIG_INTEGER(BigInteger.class),
  BIG_DECIMAL(BigDecimal.class),
  CLASS(Class.class),
  STACK_TRACE_ELEMENT(StackTraceElement.class),
  STRING_BUILDER(StringBuilder.class),
  STRING_BUFFER(StringBuffer.class),
  /** A file system path of the default file system (a JDK-internal class), as its string. */
  PATH(java.nio.file.Path.of("").getClass()),
  /** A {@code java.io.File}, as its path string. */
  FILE(java.io.File.class);

  private static final Map<Class<?>, ValueKind> BY_CLASS = byClass();

  /** The exact class of the values of this kind. */
  final Class<?> type;

  ValueKind(Class<?> type) {
    this.type = type;
  }

  private static Map<Class<?>, ValueKind> byClass() {
    Map<Class<?>, ValueKind> m = new java.util.HashMap<>();
    for (ValueKind k : values()) {
      m.put(k.type, k);
    }
    return Map.copyOf(m);
  }

  /** The kind of exact class {@code c}, or null when {@code c} is not a value class. */
  static ValueKind of(Class<?> c) {
    return BY_CLASS.get(c);
  }

  /** Writes {@code v}, an instance of {@link #type}. */
  void write(Object v, HeapOutput out, HeapPolicy policy) throws IOException {
    switch (this) {
      case STRING -> {
        String s = (String) v;
        out.writeBoolean(policy.isLiteral(s) && s.intern() == s);
        out.writeString(s);
      }
      case BOOLEAN -> out.writeBoolean((Boolean) v);
      case BYTE -> out.writeByte((Byte) v);
      case SHORT -> out.writeShort((Short) v);
      case CHARACTER -> out.writeChar((Character) v);
      case INTEGER -> out.writeInt((Integer) v);
      case LONG -> out.writeLong((Long) v);
      case FLOAT -> out.writeFloat((Float) v);
      case DOUBLE -> out.writeDouble((Double) v);
      case BIG_INTEGER -> writeByteArray(((BigInteger) v).toByteArray(), out);
      case BIG_DECIMAL -> {
        writeByteArray(((BigDecimal) v).unscaledValue().toByteArray(), out);
        out.writeInt(((BigDecimal) v).scale());
      }
      case CLASS -> out.writeString(((Class<?>) v).getName());
      case STACK_TRACE_ELEMENT -> writeFrame((StackTraceElement) v, out);
      case STRING_BUILDER, STRING_BUFFER, PATH -> out.writeString(v.toString());
      case FILE -> out.writeString(((java.io.File) v).getPath());
    }
  }

  /** Reads a value of this kind. */
  Object read(HeapInput in, HeapPolicy policy, HeapLimits limits)
      throws IOException, SnapshotFormatException {
    return switch (this) {
      case STRING -> {
        boolean interned = in.readBoolean();
        String s = in.readString(limits.maxStringLength());
        yield interned ? s.intern() : s;
      }
      case BOOLEAN -> Boolean.valueOf(in.readBoolean());
      case BYTE -> Byte.valueOf((byte) in.readByte());
      case SHORT -> Short.valueOf(in.readShort());
      case CHARACTER -> Character.valueOf(in.readChar());
      case INTEGER -> Integer.valueOf(in.readInt());
      case LONG -> Long.valueOf(in.readLong());
      case FLOAT -> Float.valueOf(in.readFloat());
      case DOUBLE -> Double.valueOf(in.readDouble());
      case BIG_INTEGER -> new BigInteger(readByteArray(in, limits));
      case BIG_DECIMAL -> new BigDecimal(new BigInteger(readByteArray(in, limits)), in.readInt());
      case CLASS -> readClass(in, policy, limits);
      case STACK_TRACE_ELEMENT -> readFrame(in, limits);
      case STRING_BUILDER -> new StringBuilder(in.readString(limits.maxStringLength()));
      case STRING_BUFFER -> new StringBuffer(in.readString(limits.maxStringLength()));
      case PATH -> java.nio.file.Path.of(in.readString(limits.maxStringLength()));
      case FILE -> new java.io.File(in.readString(limits.maxStringLength()));
    };
  }

  private static void writeByteArray(byte[] b, HeapOutput out) throws IOException {
    out.writeVarInt(b.length);
    out.writeBytes(b, 0, b.length);
  }

  private static byte[] readByteArray(HeapInput in, HeapLimits limits)
      throws IOException, SnapshotFormatException {
    int n = in.readCount(limits.maxArrayLength(), "number length");
    if (n == 0) {
      throw in.error("empty BigInteger magnitude");
    }
    return in.readBytes(n);
  }

  private static Object readClass(HeapInput in, HeapPolicy policy, HeapLimits limits)
      throws IOException, SnapshotFormatException {
    String name = in.readString(limits.maxStringLength());
    try {
      return ClassNames.resolve(policy, name);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new SnapshotFormatException("class " + name + ", referred to by a Class value in the"
          + " heap, cannot be found in this JVM: " + e + "; restore with the same code", e);
    }
  }

  private static void writeFrame(StackTraceElement e, HeapOutput out) throws IOException {
    writeNullable(e.getClassLoaderName(), out);
    writeNullable(e.getModuleName(), out);
    writeNullable(e.getModuleVersion(), out);
    out.writeString(e.getClassName());
    out.writeString(e.getMethodName());
    writeNullable(e.getFileName(), out);
    out.writeInt(e.getLineNumber());
    out.writeByte(FrameFormat.get(e));
  }

  private static StackTraceElement readFrame(HeapInput in, HeapLimits limits)
      throws IOException, SnapshotFormatException {
    int max = limits.maxStringLength();
    String loader = readNullable(in, max);
    String module = readNullable(in, max);
    String version = readNullable(in, max);
    String cls = in.readString(max);
    String method = in.readString(max);
    String file = readNullable(in, max);
    StackTraceElement e = new StackTraceElement(loader, module, version, cls, method, file,
        in.readInt());
    FrameFormat.set(e, (byte) in.readByte());
    return e;
  }

  /**
   * StackTraceElement's private {@code format} byte (JDK 9+, same on 17 and 25): flags that make
   * {@code toString} drop the built-in loader's name and the JDK modules' versions. Copied so a
   * restored stack trace prints as the original did; ignored where absent.
   */
  private static final class FrameFormat {
    private static final java.lang.reflect.Field FIELD = find();

    private static java.lang.reflect.Field find() {
      try {
        java.lang.reflect.Field f = StackTraceElement.class.getDeclaredField("format");
        f.setAccessible(true);
        return f.getType() == byte.class ? f : null;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    static byte get(StackTraceElement e) {
      try {
        return FIELD == null ? 0 : FIELD.getByte(e);
      } catch (IllegalAccessException x) {
        return 0;
      }
    }

    static void set(StackTraceElement e, byte format) {
      try {
        if (FIELD != null) {
          FIELD.setByte(e, format);
        }
      } catch (IllegalAccessException x) {
        // Without the flags the frame only prints its loader and module version in full.
      }
    }
  }

  private static void writeNullable(String s, HeapOutput out) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeString(s);
    }
  }

  private static String readNullable(HeapInput in, int max)
      throws IOException, SnapshotFormatException {
    return in.readBoolean() ? in.readString(max) : null;
  }
}
