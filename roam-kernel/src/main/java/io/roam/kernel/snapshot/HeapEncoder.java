package io.roam.kernel.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One encoding run. First a depth-first discovery from the root with an explicit work stack (no
 * recursion, so a list a million links long is fine) numbers every reachable object, classifies
 * its class and refuses what cannot be captured, with the reference path; it also records the
 * post-order of hashed and immutable collections, which is the order the decoder fills them in
 * (everything a collection reaches is complete before the collection is filled). Then the
 * section is written: class table, object headers, object bodies, fill order. Single use; not
 * thread-safe; the process must not run meanwhile.
 */
final class HeapEncoder {
  private static final Object EXIT = new Object();
  private static final MethodHandle OUR_STACK_TRACE = ourStackTrace();

  private final HeapPolicy policy;
  private final Layouts layouts;
  private final ObjectTable ids = new ObjectTable();
  private final Map<ClassLayout, Integer> classIds = new IdentityHashMap<>();
  private final List<ClassLayout> classes = new ArrayList<>();
  /** Canonical names of canonical objects, by id. */
  private final Map<Integer, String> canonicalNames = new HashMap<>();

  /** Class reference per object (see {@link HeapFormat}). */
  private int[] classOf = new int[1024];
  /** Entries of hashed and immutable collections, by id, as read during discovery. */
  private Object[] entries = new Object[1024];
  /** Discovering object and its slot (field index, array index, entry index) per object. */
  private int[] parent = new int[1024];
  private int[] slot = new int[1024];
  /**
   * Reference log: the references of every object as ids + 1 (0 for null), recorded during
   * discovery so writing needs no identity lookups. Object id's references start at refBase[id]:
   * its reference fields in order, then its entries (or an array's elements).
   */
  private int[] refLog = new int[4096];
  private int[] refBase = new int[1024];
  private int refTotal;
  private int[] fillOrder = new int[64];
  private int fillCount;

  // The work stack: object (or EXIT with the id in stackParent), discovering object, slot.
  private Object[] stackObj = new Object[1024];
  private int[] stackParent = new int[1024];
  private int[] stackSlot = new int[1024];
  private int sp;

  HeapEncoder(HeapPolicy policy) {
    this.policy = policy;
    this.layouts = new Layouts(policy);
  }

  private static MethodHandle ourStackTrace() {
    try {
      MethodHandles.Lookup l = MethodHandles.privateLookupIn(Throwable.class, MethodHandles.lookup());
      return l.findVirtual(Throwable.class, "getOurStackTrace",
          MethodType.methodType(StackTraceElement[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError("this JDK's Throwable has no getOurStackTrace: " + e);
    }
  }

  void encode(Object root, OutputStream os) throws IOException, SnapshotCaptureException {
    if (root != null) {
      discover(root);
    }
    HeapOutput out = new HeapOutput(os);
    out.writeInt(HeapFormat.MAGIC);
    out.writeVarInt(classes.size());
    for (ClassLayout l : classes) {
      l.writeTableEntry(out);
    }
    int count = ids.size();
    out.writeVarInt(count);
    out.writeVarInt(root == null ? 0 : 1);
    for (int id = 0; id < count; id++) {
      writeHeader(id, out);
    }
    for (int id = 0; id < count; id++) {
      writeBody(id, out);
    }
    out.writeVarInt(fillCount);
    for (int i = 0; i < fillCount; i++) {
      out.writeVarInt(fillOrder[i]);
    }
    out.writeInt(HeapFormat.END);
    out.flush();
  }

  // ---- discovery ----

  private void discover(Object root) throws SnapshotCaptureException {
    push(root, -1, 0);
    while (sp > 0) {
      sp--;
      Object o = stackObj[sp];
      stackObj[sp] = null;
      int from = stackParent[sp];
      if (o == EXIT) {
        finish(from);
        continue;
      }
      int at = stackSlot[sp];
      int id = ids.idOf(o);
      if (id < 0) {
        id = register(o, from, at);
        push(EXIT, id, 0);
        pushChildren(id, o);
      }
      if (from >= 0) {
        refLog[logPosition(from, at)] = id + 1;
      }
    }
  }

  /** Logs the reference from {@code from} at {@code at} now if its target has an id, else stacks it. */
  private void push(Object o, int from, int at) {
    if (o == null) {
      return;
    }
    if (o != EXIT) {
      int id = ids.idOf(o);
      if (id >= 0) {
        refLog[logPosition(from, at)] = id + 1;
        return;
      }
    }
    if (sp == stackObj.length) {
      stackObj = Arrays.copyOf(stackObj, sp * 2);
      stackParent = Arrays.copyOf(stackParent, sp * 2);
      stackSlot = Arrays.copyOf(stackSlot, sp * 2);
    }
    stackObj[sp] = o;
    stackParent[sp] = from;
    stackSlot[sp] = at;
    sp++;
  }

  /** Where the reference of object {@code id} at {@code at} goes in {@link #refLog}. */
  private int logPosition(int id, int at) {
    ClassLayout l = layoutOf(id);
    if (l.kind != ClassLayout.Kind.OBJECT) {
      return refBase[id] + at;
    }
    return refBase[id] + (at < l.fields.length ? l.refOrdinal[at] : l.refFields + at - l.fields.length);
  }

  /** Reserves {@code n} reference slots for object {@code id}. */
  private void reserve(int id, int n) {
    refBase[id] = refTotal;
    if (refTotal + (long) n > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("more than 2^31 references in one heap");
    }
    refTotal += n;
    if (refTotal > refLog.length) {
      refLog = Arrays.copyOf(refLog, Math.max(refTotal, refLog.length * 2));
    }
  }

  private void finish(int id) {
    if (entries[id] != null) {
      if (fillCount == fillOrder.length) {
        fillOrder = Arrays.copyOf(fillOrder, fillCount * 2);
      }
      fillOrder[fillCount++] = id;
    }
  }

  private int register(Object o, int from, int at) throws SnapshotCaptureException {
    int id = ids.size();
    if (id == classOf.length) {
      grow();
    }
    parent[id] = from;
    slot[id] = at;
    classOf[id] = classify(o, id);
    return ids.add(o);
  }

  private int classify(Object o, int id) throws SnapshotCaptureException {
    Class<?> c = o.getClass();
    ClassLayout l;
    try {
      l = layouts.of(c);
    } catch (Layouts.Refusal r) {
      return canonicalOrRefuse(o, id, r);
    }
    if (l.value == ValueKind.CLASS && ((Class<?>) o).isHidden()) {
      throw new SnapshotCaptureException(((Class<?>) o).getName(),
          pathTo(parent[id], slot[id], o), "this Class object is a hidden class (a lambda or"
              + " proxy), which has no name another JVM can resolve");
    }
    if (l.kind != ClassLayout.Kind.VALUE) {
      String name = policy.canonicalName(o);
      if (name != null) {
        canonicalNames.put(id, name);
        return HeapFormat.CLASS_POLICY_CANONICAL;
      }
    }
    if (l.mayBeCanonical) {
      String name = Canonicals.nameOf(o);
      if (name != null) {
        canonicalNames.put(id, name);
        return HeapFormat.CLASS_JDK_CANONICAL;
      }
    }
    return classId(l);
  }

  private int canonicalOrRefuse(Object o, int id, Layouts.Refusal r)
      throws SnapshotCaptureException {
    String name = policy.canonicalName(o);
    if (name != null) {
      canonicalNames.put(id, name);
      return HeapFormat.CLASS_POLICY_CANONICAL;
    }
    name = Canonicals.nameOf(o);
    if (name != null) {
      canonicalNames.put(id, name);
      return HeapFormat.CLASS_JDK_CANONICAL;
    }
    throw new SnapshotCaptureException(o.getClass().getName(), pathTo(parent[id], slot[id], o),
        r.className.equals(o.getClass().getName()) ? r.getMessage()
            : r.className + " is refused: " + r.getMessage());
  }

  private int classId(ClassLayout l) {
    Integer cid = classIds.get(l);
    if (cid == null) {
      cid = classes.size() + HeapFormat.FIRST_CLASS;
      classIds.put(l, cid);
      classes.add(l);
    }
    return cid;
  }

  private ClassLayout layoutOf(int id) {
    int c = classOf[id];
    return c < HeapFormat.FIRST_CLASS ? null : classes.get(c - HeapFormat.FIRST_CLASS);
  }

  private void pushChildren(int id, Object o) throws SnapshotCaptureException {
    ClassLayout l = layoutOf(id);
    if (l == null) {
      return;
    }
    switch (l.kind) {
      case OBJECT -> pushFields(id, o, l);
      case ARRAY -> {
        if (!l.primitiveArray) {
          Object[] a = (Object[]) o;
          reserve(id, a.length);
          for (int i = a.length - 1; i >= 0; i--) {
            push(a[i], id, i);
          }
        }
      }
      case IMMUTABLE -> {
        Object[] flat = l.immutable.entries(o);
        reserve(id, flat.length);
        pushEntries(id, flat, 0);
      }
      default -> { }
    }
  }

  private void pushFields(int id, Object o, ClassLayout l) throws SnapshotCaptureException {
    if (l.throwable) {
      materialiseStackTrace((Throwable) o);
    }
    checkDefaultOnly(id, o, l);
    Object[] flat = l.hashed != null ? l.hashed.entries(o) : null;
    reserve(id, l.refFields + (flat != null ? flat.length : 0));
    if (flat != null) {
      pushEntries(id, flat, l.fields.length);
    }
    for (int i = l.fields.length - 1; i >= 0; i--) {
      if (l.codes[i] == 'L') {
        push(get(l.fields[i], o), id, i);
      }
    }
  }

  private void pushEntries(int id, Object[] flat, int firstSlot) {
    entries[id] = flat;
    for (int i = flat.length - 1; i >= 0; i--) {
      push(flat[i], id, firstSlot + i);
    }
  }

  private static void materialiseStackTrace(Throwable t) {
    try {
      Object unused = (StackTraceElement[]) OUR_STACK_TRACE.invokeExact(t);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read the stack trace of a " + t.getClass(), e);
    }
  }

  private void checkDefaultOnly(int id, Object o, ClassLayout l) throws SnapshotCaptureException {
    for (Field f : l.defaultOnly) {
      Object v = get(f, o);
      if (v != null && !v.equals(Boolean.FALSE) && !(v instanceof Number n && n.longValue() == 0)) {
        throw new SnapshotCaptureException(o.getClass().getName(), pathTo(parent[id], slot[id], o),
            "its field " + f.getName() + " exists only on some JDK versions and is set");
      }
    }
  }

  private void grow() {
    int n = classOf.length * 2;
    refBase = Arrays.copyOf(refBase, n);
    classOf = Arrays.copyOf(classOf, n);
    entries = Arrays.copyOf(entries, n);
    parent = Arrays.copyOf(parent, n);
    slot = Arrays.copyOf(slot, n);
  }

  // ---- reference paths ----

  /** The path from the root to {@code o}, reached from {@code from} at {@code at}. */
  private String pathTo(int from, int at, Object o) {
    List<String> steps = new ArrayList<>();
    for (int p = from, s = at; p >= 0; s = slot[p], p = parent[p]) {
      steps.add(step(p, s));
    }
    StringBuilder sb = new StringBuilder("root");
    for (int i = steps.size() - 1; i >= 0; i--) {
      String st = steps.get(i);
      sb.append(st.startsWith("[") ? "" : " -> ").append(st);
    }
    return sb.append(" -> ").append(o.getClass().getName()).toString();
  }

  private String step(int p, int s) {
    ClassLayout l = layoutOf(p);
    String owner = ids.object(p).getClass().getName();
    if (l.kind == ClassLayout.Kind.ARRAY) {
      return "[" + s + "]";
    }
    if (l.kind == ClassLayout.Kind.OBJECT && s < l.fields.length) {
      return owner + "." + l.fields[s].getName();
    }
    int e = l.kind == ClassLayout.Kind.OBJECT ? s - l.fields.length : s;
    boolean map = l.hashed != null ? l.hashed.isMap : l.immutable.isMap;
    String what = !map ? "element #" + e : (e % 2 == 0 ? "key #" : "value #") + e / 2;
    return owner + "{" + what + "}";
  }

  // ---- writing ----

  private void writeHeader(int id, HeapOutput out) throws IOException {
    Object o = ids.object(id);
    out.writeVarInt(classOf[id]);
    ClassLayout l = layoutOf(id);
    if (l == null) {
      out.writeString(canonicalNames.get(id));
      return;
    }
    switch (l.kind) {
      case OBJECT -> {
        if (l.hashed != null) {
          l.hashed.writeSettings(o, out);
        }
      }
      case ARRAY -> {
        out.writeVarInt(Array.getLength(o));
        if (l.primitiveArray) {
          out.writePrimitiveArray(o);
        }
      }
      case VALUE -> l.value.write(o, out, policy);
      case ENUM -> out.writeString(((Enum<?>) o).name());
      case IMMUTABLE -> { }
    }
  }

  private void writeBody(int id, HeapOutput out) throws IOException {
    ClassLayout l = layoutOf(id);
    if (l == null || !l.hasBody) {
      return;
    }
    int base = refBase[id];
    if (l.kind == ClassLayout.Kind.OBJECT) {
      writeFields(ids.object(id), l, base, out);
      base += l.refFields;
    } else if (l.kind == ClassLayout.Kind.ARRAY) {
      writeRefs(base, ((Object[]) ids.object(id)).length, out);
      return;
    }
    Object[] flat = (Object[]) entries[id];
    if (flat != null) {
      boolean map = l.hashed != null ? l.hashed.isMap : l.immutable.isMap;
      out.writeVarInt(map ? flat.length / 2 : flat.length);
      writeRefs(base, flat.length, out);
    }
  }

  private void writeRefs(int from, int n, HeapOutput out) throws IOException {
    for (int i = from; i < from + n; i++) {
      out.writeVarInt(refLog[i]);
    }
  }

  /** Primitive fields read now; reference fields as logged during discovery. */
  private void writeFields(Object o, ClassLayout l, int base, HeapOutput out) throws IOException {
    Field[] fs = l.fields;
    try {
      for (int i = 0; i < fs.length; i++) {
        Field f = fs[i];
        switch (l.codes[i]) {
          case 'L' -> out.writeVarInt(refLog[base + l.refOrdinal[i]]);
          case 'I' -> out.writeInt(f.getInt(o));
          case 'J' -> out.writeLong(f.getLong(o));
          case 'D' -> out.writeDouble(f.getDouble(o));
          case 'F' -> out.writeFloat(f.getFloat(o));
          case 'Z' -> out.writeBoolean(f.getBoolean(o));
          case 'B' -> out.writeByte(f.getByte(o));
          case 'S' -> out.writeShort(f.getShort(o));
          default -> out.writeChar(f.getChar(o));
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("field of " + l.type.getName() + " not accessible", e);
    }
  }

  private static Object get(Field f, Object o) {
    try {
      return f.get(o);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("field " + f + " not accessible", e);
    }
  }
}
