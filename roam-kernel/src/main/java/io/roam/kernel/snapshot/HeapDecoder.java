package io.roam.kernel.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One decoding run, in phases, none recursive: (1) read and check the whole class table —
 * every class resolved, allowed by the same rules as at capture, and its fields matching this
 * JVM — before any object exists; (2) create every object from its header (values, arrays with
 * their primitive contents, empty instances allocated without constructors, empty hash
 * collections); (3) set fields and reference array elements from the bodies; (4) fill hash
 * collections, build immutable ones and recreate iterators, views and entries of rebuilt
 * collections ({@link DerivedKind}) in the recorded fill order, innermost first, once the whole
 * section (fill order and end mark included) has been read. Any failure is a
 * {@link SnapshotFormatException} and nothing is returned. Single use; not thread-safe.
 */
final class HeapDecoder {
  /** Where a not-yet-built immutable collection must be stored once built. */
  private record Fixup(Object holder, Field field, int index) {}

  private final HeapPolicy policy;
  private final HeapLimits limits;
  private final Layouts layouts;
  private HeapInput in;
  private ClassLayout[] classes;
  private Object[] objects;
  private int[] classOf;
  /**
   * Entry references of hashed and immutable collections, by id, until filled; for derived
   * objects the header followed by the slot references.
   */
  private int[][] pending;
  private final Map<Integer, List<Fixup>> fixups = new HashMap<>();
  private final DerivedKind.Rebuild rebuild = new DerivedKind.Rebuild();

  HeapDecoder(HeapPolicy policy, HeapLimits limits) {
    this.policy = policy;
    this.limits = limits;
    this.layouts = new Layouts(policy);
  }

  Object decode(InputStream stream, long length) throws IOException, SnapshotFormatException {
    in = new HeapInput(stream, length, limits.maxAhead());
    try {
      return decodeSection();
    } finally {
      in.release();
    }
  }

  private Object decodeSection() throws IOException, SnapshotFormatException {
    int magic = in.readInt();
    if (magic == HeapFormat.MAGIC_1) {
      throw in.error("heap section of an earlier Roam format (RHP1); restore with the Roam that"
          + " wrote it");
    }
    if (magic != HeapFormat.MAGIC) {
      throw in.error("not a Roam heap section (bad magic)");
    }
    readClassTable();
    int n = in.readCount(limits.maxObjects(), "object count");
    in.checkCount(n, 1, "object");
    in.checkTables(24L * n, "object count " + n);
    int root = readRefId(n);
    objects = new Object[n];
    classOf = new int[n];
    pending = new int[n][];
    for (int id = 0; id < n; id++) {
      readHeader(id);
    }
    for (int id = 0; id < n; id++) {
      readBody(id);
    }
    int[] order = readFillOrder();
    if (in.readInt() != HeapFormat.END || !in.atEnd()) {
      throw in.error("heap section does not end where expected");
    }
    // Filling runs hashCode, equals and compareTo of process classes: only once every byte of
    // the section has been read, and so checked by a container's section stream.
    for (int id : order) {
      int[] refs = pending[id];
      pending[id] = null;
      fillOne(id, refs);
    }
    return root < 0 ? null : objects[root];
  }

  // ---- phase 1: class table ----

  private void readClassTable() throws IOException, SnapshotFormatException {
    int n = in.readCount(limits.maxClasses(), "class count");
    in.checkCount(n, 3, "class");
    classes = new ClassLayout[n];
    for (int i = 0; i < n; i++) {
      String name = in.readString(limits.maxStringLength());
      ClassLayout.Kind kind = ClassLayout.Kind.of(in.readByte());
      if (kind == null) {
        throw in.error("unknown encoding kind for class " + name);
      }
      classes[i] = kind == ClassLayout.Kind.DERIVED ? derivedLayout(name) : layout(name);
      classes[i].checkTableEntry(kind, in, limits);
    }
  }

  private ClassLayout layout(String name) throws SnapshotFormatException {
    Class<?> c;
    try {
      c = ClassNames.resolve(policy, name);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new SnapshotFormatException("class " + name + " named in the snapshot cannot be found"
          + " in this JVM (" + e + "); restore with the same program code", e);
    }
    try {
      return layouts.of(c);
    } catch (Layouts.Refusal r) {
      throw new SnapshotFormatException("class " + name + " named in the snapshot is not allowed"
          + " (" + r.className + ": " + r.getMessage() + "); the snapshot was not written by"
          + " this Roam or was tampered with, and nothing was restored");
    }
  }

  /** The layout of a derived kind named by its stable id (see {@link DerivedKind#id}). */
  private ClassLayout derivedLayout(String id) throws SnapshotFormatException {
    DerivedKind k = DerivedKind.byId(id);
    if (k == null || k.type() == null) {
      throw new SnapshotFormatException("iterator or view kind " + id + " named in the snapshot"
          + " is unknown in this JVM; restore with the same Roam");
    }
    try {
      ClassLayout l = layouts.of(k.type());
      if (l.derived != k) {
        throw new SnapshotFormatException("iterator or view kind " + id + " is encoded otherwise"
            + " in this JVM");
      }
      return l;
    } catch (Layouts.Refusal r) {
      throw new SnapshotFormatException("iterator or view kind " + id + " is not allowed ("
          + r.getMessage() + ")");
    }
  }

  // ---- phase 2: headers ----

  private void readHeader(int id) throws IOException, SnapshotFormatException {
    int c = in.readCount(classes.length + HeapFormat.FIRST_CLASS - 1, "class reference");
    classOf[id] = c;
    if (c == HeapFormat.CLASS_JDK_CANONICAL || c == HeapFormat.CLASS_POLICY_CANONICAL) {
      objects[id] = canonical(c == HeapFormat.CLASS_JDK_CANONICAL);
      return;
    }
    ClassLayout l = classes[c - HeapFormat.FIRST_CLASS];
    objects[id] = switch (l.kind) {
      case OBJECT -> l.hashed != null ? l.hashed.create(l.type, in) : allocate(l.type);
      case ARRAY -> array(l);
      case VALUE -> l.value.read(in, policy, limits);
      case ENUM -> enumConstant(l.type);
      case IMMUTABLE -> null;
      case DERIVED -> {
        pending[id] = new int[] {in.readVarInt()};
        yield null;
      }
    };
  }

  private Object canonical(boolean jdk) throws IOException, SnapshotFormatException {
    String name = in.readString(limits.maxStringLength());
    Object o = jdk ? Canonicals.byName(name) : policy.canonicalObject(name);
    if (o == null) {
      throw in.error((jdk ? "JDK singleton " : "kernel object ") + name
          + " is unknown in this JVM");
    }
    return o;
  }

  private Object allocate(Class<?> c) throws SnapshotFormatException {
    try {
      return Thread.class.isAssignableFrom(c) ? Instantiator.newThread(c) : Instantiator.allocate(c);
    } catch (InstantiationException e) {
      throw in.error("cannot create an instance of " + c.getName() + " (" + e + ")");
    }
  }

  private Object array(ClassLayout l) throws IOException, SnapshotFormatException {
    int len = in.readCount(limits.maxArrayLength(), "array length");
    Class<?> comp = l.type.getComponentType();
    if (comp.isPrimitive()) {
      return in.readPrimitiveArray(comp, len, "array element");
    }
    in.checkCount(len, 1, "array element");
    return Array.newInstance(comp, len);
  }

  private Object enumConstant(Class<?> e) throws IOException, SnapshotFormatException {
    String name = in.readString(limits.maxStringLength());
    for (Object c : e.getEnumConstants()) {
      if (((Enum<?>) c).name().equals(name)) {
        return c;
      }
    }
    throw in.error("enum " + e.getName() + " has no constant " + name + " in this JVM");
  }

  // ---- phase 3: bodies ----

  private ClassLayout layoutOf(int id) {
    int c = classOf[id];
    return c < HeapFormat.FIRST_CLASS ? null : classes[c - HeapFormat.FIRST_CLASS];
  }

  private void readBody(int id) throws IOException, SnapshotFormatException {
    ClassLayout l = layoutOf(id);
    if (l == null || !l.hasBody) {
      return;
    }
    if (l.kind == ClassLayout.Kind.DERIVED) {
      int n = in.readCount(limits.maxObjects(), "slot count");
      in.checkCount(n, 1, "slot");
      if (!l.derived.validSlotCount(n)) {
        throw in.error("a " + l.derived.id + " with " + n + " slots");
      }
      int[] refs = new int[n + 1];
      refs[0] = pending[id][0];
      for (int i = 1; i <= n; i++) {
        refs[i] = readRefId(objects.length);
      }
      pending[id] = refs;
      return;
    }
    if (l.kind == ClassLayout.Kind.OBJECT) {
      readFields(objects[id], l);
    } else if (l.kind == ClassLayout.Kind.ARRAY) {
      readElements((Object[]) objects[id], l.type.getComponentType());
      return;
    }
    if (l.kind == ClassLayout.Kind.IMMUTABLE || l.hashed != null) {
      boolean map = l.hashed != null ? l.hashed.isMap : l.immutable.isMap;
      int n = in.readCount(limits.maxObjects(), "entry count");
      in.checkCount((long) n * (map ? 2 : 1), 1, "entry");
      int[] refs = new int[map ? 2 * n : n];
      for (int i = 0; i < refs.length; i++) {
        refs[i] = readRefId(objects.length);
      }
      pending[id] = refs;
    }
  }

  private void readFields(Object o, ClassLayout l) throws IOException, SnapshotFormatException {
    Field[] fs = l.fields;
    int[] refs = l.duplicates.length == 0 ? null : new int[fs.length];
    for (int i = 0; i < fs.length; i++) {
      Field f = fs[i];
      try {
        switch (l.codes[i]) {
          case 'L' -> {
            int ref = readRefId(objects.length);
            if (refs != null) {
              refs[i] = ref;
            }
            setRef(o, f, -1, ref, f.getType());
          }
          case 'I' -> f.setInt(o, in.readInt());
          case 'J' -> f.setLong(o, in.readLong());
          case 'D' -> f.setDouble(o, in.readDouble());
          case 'F' -> f.setFloat(o, in.readFloat());
          case 'Z' -> f.setBoolean(o, in.readBoolean());
          case 'B' -> f.setByte(o, (byte) in.readByte());
          case 'S' -> f.setShort(o, in.readShort());
          default -> f.setChar(o, in.readChar());
        }
      } catch (IllegalAccessException e) {
        throw new SnapshotFormatException("cannot set field " + f.getName() + " of "
            + f.getDeclaringClass().getName() + " (" + e.getMessage() + "); process classes must"
            + " be instrumented (the instrumenter removes final from their fields)", e);
      }
    }
    for (int i = 0; i < l.duplicates.length; i++) {
      Field d = l.duplicates[i];
      try {
        setRef(o, d, -1, refs[l.dupSource[i]], d.getType());
      } catch (IllegalAccessException e) {
        throw new SnapshotFormatException("cannot set field " + d.getName() + " of "
            + d.getDeclaringClass().getName() + " (" + e.getMessage() + ")", e);
      }
    }
  }

  private void readElements(Object[] a, Class<?> comp) throws IOException, SnapshotFormatException {
    try {
      for (int i = 0; i < a.length; i++) {
        setRef(a, null, i, readRefId(objects.length), comp);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("array stores need no access check", e);
    }
  }

  /** Stores object {@code ref} into a field or array slot, after a type check. */
  private void setRef(Object holder, Field f, int index, int ref, Class<?> type)
      throws IllegalAccessException, SnapshotFormatException {
    if (ref < 0) {
      return;
    }
    Object v = objects[ref];
    ClassLayout l = layoutOf(ref);
    Class<?> actual = v != null ? v.getClass() : l.type;
    if (!type.isAssignableFrom(actual)) {
      throw in.error("object #" + ref + " of class " + actual.getName() + " cannot be stored in "
          + (f != null ? "field " + f.getDeclaringClass().getName() + "." + f.getName()
              : "an array of " + type.getName()) + " of type " + type.getName());
    }
    if (v == null) {
      fixups.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Fixup(holder, f, index));
    } else if (f != null) {
      f.set(holder, v);
    } else {
      ((Object[]) holder)[index] = v;
    }
  }

  /** A reference: -1 for null, else an object id below {@code n}. */
  private int readRefId(int n) throws IOException, SnapshotFormatException {
    int r = in.readVarInt();
    if (r > n) {
      throw in.error("reference to object #" + (r - 1) + " of " + n);
    }
    return r - 1;
  }

  // ---- phase 4: fill ----

  /** The ids of the collections to fill, in order, each a collection listed once. */
  private int[] readFillOrder() throws IOException, SnapshotFormatException {
    int expected = 0;
    for (int[] p : pending) {
      expected += p != null ? 1 : 0;
    }
    int n = in.readCount(objects.length, "fill count");
    if (n != expected) {
      throw in.error("fill order lists " + n + " collections, the heap has " + expected);
    }
    int[] order = new int[n];
    boolean[] listed = new boolean[objects.length];
    for (int i = 0; i < n; i++) {
      int id = in.readCount(objects.length - 1, "fill order id");
      if (pending[id] == null || listed[id]) {
        throw in.error("fill order names object #" + id + " twice or it is not a collection");
      }
      listed[id] = true;
      order[i] = id;
    }
    return order;
  }

  private void fillOne(int id, int[] refs) throws SnapshotFormatException {
    ClassLayout l = layoutOf(id);
    if (l.kind == ClassLayout.Kind.DERIVED) {
      rebuildDerived(id, l, refs);
      return;
    }
    Object[] flat = new Object[refs.length];
    for (int i = 0; i < refs.length; i++) {
      if (refs[i] >= 0) {
        flat[i] = objects[refs[i]];
        if (flat[i] == null) {
          throw new SnapshotFormatException("a " + l.type.getName() + " (object #" + id + ")"
              + " contains an immutable collection that contains it in turn; such a cycle"
              + " cannot be rebuilt");
        }
      }
    }
    try {
      if (l.hashed != null) {
        l.hashed.fill(objects[id], flat);
      } else {
        objects[id] = l.immutable.build(flat);
        applyFixups(id);
      }
    } catch (RuntimeException e) {
      throw new SnapshotFormatException("cannot rebuild the " + l.type.getName() + " (object #"
          + id + "): " + e + " (a key's hashCode or equals failed, or entries are duplicate)", e);
    }
  }

  private void rebuildDerived(int id, ClassLayout l, int[] refs) throws SnapshotFormatException {
    Object[] slots = new Object[refs.length - 1];
    for (int i = 0; i < slots.length; i++) {
      int r = refs[i + 1];
      if (r >= 0) {
        slots[i] = objects[r];
        if (slots[i] == null) {
          throw new SnapshotFormatException("the " + l.derived.id + " (object #" + id + ") needs"
              + " object #" + r + ", which is restored after it; the fill order is corrupt");
        }
      }
    }
    try {
      objects[id] = l.derived.build(slots, refs[0], rebuild);
    } catch (RuntimeException e) {
      throw new SnapshotFormatException("cannot restore the " + l.derived.id + " (object #" + id
          + "): " + e, e);
    }
    applyFixups(id);
  }

  private void applyFixups(int id) throws SnapshotFormatException {
    List<Fixup> list = fixups.remove(id);
    if (list == null) {
      return;
    }
    for (Fixup x : list) {
      try {
        if (x.field() != null) {
          x.field().set(x.holder(), objects[id]);
        } else {
          ((Object[]) x.holder())[x.index()] = objects[id];
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (IllegalArgumentException | ArrayStoreException e) {
        throw new SnapshotFormatException("object #" + id + " of class "
            + objects[id].getClass().getName() + " cannot be stored in "
            + (x.field() != null ? "field " + x.field() : "an array of "
                + x.holder().getClass().getComponentType().getName()), e);
      }
    }
  }
}
