package io.roam.kernel.snapshot;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.List;

/**
 * How instances of one class are encoded: its {@link Kind} and, for {@link Kind#OBJECT}, the
 * fields copied (the class's and its superclasses', skipped ones left out, in a fixed order) plus
 * the hashed JDK base it extends, if any; for {@link Kind#DERIVED}, the {@link DerivedKind}.
 * Computed by {@link Layouts} from this JVM's classes on both sides; the decoder compares the
 * snapshot's class table against it. Immutable.
 */
final class ClassLayout {
  /** Encoding strategy; the byte codes are part of the heap format. */
  enum Kind {
    OBJECT, ARRAY, VALUE, ENUM, IMMUTABLE, DERIVED;

    static Kind of(int code) {
      return code >= 1 && code <= values().length ? values()[code - 1] : null;
    }

    int code() {
      return ordinal() + 1;
    }
  }

  final Class<?> type;
  final Kind kind;
  /** OBJECT: the fields copied, in stream order. */
  final Field[] fields;
  /** OBJECT: first char of each field's descriptor (Z B S C I J F D, or L for references). */
  final char[] codes;
  /** OBJECT: per field, its position among the reference fields, or -1 for a primitive. */
  final int[] refOrdinal;
  /** OBJECT: how many fields hold references. */
  final int refFields;
  /** OBJECT: the hashed JDK base class's kind, or null. */
  final HashedKind hashed;
  /** OBJECT: fields not encoded that must hold their default value. */
  final Field[] defaultOnly;
  /** OBJECT: fields not encoded that hold the same value as field {@link #dupSource}[i]. */
  final Field[] duplicates;
  /** OBJECT: per duplicate, the index in {@link #fields} of the field it duplicates. */
  final int[] dupSource;
  /** OBJECT: a Throwable, whose stack trace is materialised before encoding. */
  final boolean throwable;
  /** VALUE: which value. */
  final ValueKind value;
  /** IMMUTABLE: which collection. */
  final ImmutableKind immutable;
  /** DERIVED: which iterator, view or entry. */
  final DerivedKind derived;
  /** ARRAY: whether elements are primitives (bulk) rather than references. */
  final boolean primitiveArray;
  /** Whether instances may be JDK singletons (see {@link Canonicals}). */
  final boolean mayBeCanonical;
  /** OBJECT: whether the object has references or entries to write in the second pass. */
  final boolean hasBody;

  private ClassLayout(Class<?> type, Kind kind, List<Field> fields, HashedKind hashed,
      List<Field> defaultOnly, List<Field> duplicates, int[] dupSource, ValueKind value,
      ImmutableKind immutable, DerivedKind derived) {
    this.type = type;
    this.kind = kind;
    this.fields = fields.toArray(new Field[0]);
    this.codes = new char[this.fields.length];
    this.refOrdinal = new int[this.fields.length];
    int refs = 0;
    for (int i = 0; i < codes.length; i++) {
      codes[i] = this.fields[i].getType().descriptorString().charAt(0);
      if (codes[i] == '[') {
        codes[i] = 'L';
      }
      refOrdinal[i] = codes[i] == 'L' ? refs++ : -1;
    }
    this.refFields = refs;
    this.hashed = hashed;
    this.defaultOnly = defaultOnly.toArray(new Field[0]);
    this.duplicates = duplicates.toArray(new Field[0]);
    this.dupSource = dupSource;
    this.derived = derived;
    this.throwable = kind == Kind.OBJECT && Throwable.class.isAssignableFrom(type);
    this.value = value;
    this.immutable = immutable;
    this.primitiveArray = type.isArray() && type.getComponentType().isPrimitive();
    this.mayBeCanonical = Canonicals.hasInstancesOf(type);
    this.hasBody = kind == Kind.IMMUTABLE || kind == Kind.DERIVED
        || (kind == Kind.ARRAY && !primitiveArray)
        || (kind == Kind.OBJECT && (this.fields.length > 0 || hashed != null));
  }

  static ClassLayout object(Class<?> c, List<Field> fields, HashedKind hashed, List<Field> defOnly,
      List<Field> duplicates, int[] dupSource) {
    return new ClassLayout(c, Kind.OBJECT, fields, hashed, defOnly, duplicates, dupSource, null,
        null, null);
  }

  static ClassLayout simple(Class<?> c, Kind kind, ValueKind value, ImmutableKind immutable) {
    return new ClassLayout(c, kind, List.of(), null, List.of(), List.of(), new int[0], value,
        immutable, null);
  }

  static ClassLayout derived(Class<?> c, DerivedKind derived) {
    return new ClassLayout(c, Kind.DERIVED, List.of(), null, List.of(), List.of(), new int[0],
        null, null, derived);
  }

  /**
   * The class table entry: name (for DERIVED the kind's {@link DerivedKind#id}, which does not
   * depend on the JDK version), kind, and for OBJECT the fields and hashed base.
   */
  void writeTableEntry(HeapOutput out) throws IOException {
    out.writeString(kind == Kind.DERIVED ? derived.id : type.getName());
    out.writeByte(kind.code());
    if (kind == Kind.OBJECT) {
      out.writeVarInt(fields.length);
      for (Field f : fields) {
        out.writeString(f.getDeclaringClass().getName());
        out.writeString(f.getName());
        out.writeString(f.getType().descriptorString());
      }
      out.writeByte(hashed == null ? 0 : hashed.ordinal() + 1);
    }
  }

  /**
   * Reads the rest of a class table entry (after name and kind) and checks that it describes
   * this layout; the error names the class and the first field that differs.
   */
  void checkTableEntry(Kind streamKind, HeapInput in, HeapLimits limits)
      throws IOException, SnapshotFormatException {
    String name = type.getName();
    if (streamKind != kind) {
      throw new SnapshotFormatException("class " + name + " is encoded as " + streamKind
          + " in the snapshot but this JVM encodes it as " + kind
          + "; restore with the same Roam and JDK versions as the capture");
    }
    if (kind != Kind.OBJECT) {
      return;
    }
    int n = in.readCount(limits.maxFieldsPerClass(), "field count of " + name);
    in.checkCount(n, 6, "field");
    for (int i = 0; i < n; i++) {
      String owner = in.readString(limits.maxStringLength());
      String field = in.readString(limits.maxStringLength());
      String desc = in.readString(limits.maxStringLength());
      checkField(i, owner, field, desc);
    }
    if (n < fields.length) {
      throw mismatch("this JVM has field " + describe(fields[n]) + " that the snapshot lacks");
    }
    int h = in.readByte();
    int local = hashed == null ? 0 : hashed.ordinal() + 1;
    if (h != local) {
      throw mismatch("its hashed JDK base differs (snapshot " + h + ", this JVM " + local + ")");
    }
  }

  private void checkField(int i, String owner, String field, String desc)
      throws SnapshotFormatException {
    if (i >= fields.length) {
      throw mismatch("the snapshot has field " + owner + "." + field + " (" + desc
          + ") that this JVM lacks");
    }
    Field f = fields[i];
    if (!f.getDeclaringClass().getName().equals(owner) || !f.getName().equals(field)
        || !f.getType().descriptorString().equals(desc)) {
      throw mismatch("field " + (i + 1) + " is " + owner + "." + field + " (" + desc
          + ") in the snapshot but " + describe(f) + " in this JVM");
    }
  }

  private static String describe(Field f) {
    return f.getDeclaringClass().getName() + "." + f.getName() + " ("
        + f.getType().descriptorString() + ")";
  }

  private SnapshotFormatException mismatch(String what) {
    return new SnapshotFormatException("class " + type.getName() + " does not match the snapshot: "
        + what + "; restore with the same program code and a JDK with the same class layout");
  }
}
