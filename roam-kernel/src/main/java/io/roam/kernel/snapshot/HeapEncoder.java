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
 * post-order of hashed, immutable and derived objects ("units"), which is the order the decoder
 * builds them in (everything a collection reaches is complete before the collection is filled).
 * After discovery: map entries find their map (recomputing the post-order with those edges),
 * iterators that can only resume in order are checked against keys whose hash codes change in
 * another JVM, and derived objects are moved after the collections they belong to (refused when
 * a collection needs one of its own iterators or entries to be rebuilt). Then the section is
 * written: class table, object headers, object bodies, fill order. Single use; not thread-safe;
 * the process must not run meanwhile.
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
  private int[] classOf = new int[16];
  /** Entries of hashed and immutable collections, by id, as read during discovery. */
  private Object[] entries = new Object[16];
  /** Discovering object and its slot (field index, array index, entry index) per object. */
  private int[] parent = new int[16];
  private int[] slot = new int[16];
  /**
   * Reference log: the references of every object as ids + 1 (0 for null), recorded during
   * discovery so writing needs no identity lookups. Object id's references start at refBase[id]:
   * its reference fields in order, then its entries (or an array's elements).
   */
  private int[] refLog = new int[64];
  private int[] refBase = new int[16];
  private int[] refCount = new int[16];
  private int refTotal;
  private int[] fillOrder = new int[64];
  private int fillCount;
  /** Derived objects (iterators, views, entries of rebuilt collections), by id. */
  private final List<Integer> derived = new ArrayList<>();
  /** Map entries whose map is looked for after discovery. */
  private final List<Integer> lateOwners = new ArrayList<>();
  /** Maps whose entries the program may hold: HashMap family, Hashtable, WeakHashMap. */
  private final List<Integer> entryMaps = new ArrayList<>();
  /** Per class: whether instances have hash codes that differ in another JVM. */
  private final Map<Class<?>, Boolean> unstableHash = new HashMap<>();

  // The work stack: object (or EXIT with the id in stackParent), discovering object, slot.
  private Object[] stackObj = new Object[64];
  private int[] stackParent = new int[64];
  private int[] stackSlot = new int[64];
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
      afterDiscovery();
    }
    // a graph held in memory (a message) gets a buffer of its own size, not 256 KiB
    HeapOutput out = os instanceof java.io.ByteArrayOutputStream ? new HeapOutput(os, 1024) : new HeapOutput(os);
    try {
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
    } finally {
      out.release();
    }
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
    refCount[id] = n;
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
    ClassLayout l = layoutOf(id);
    if (l != null && l.hashed != null && l.hashed != HashedKind.IDENTITY_HASH_MAP
        && l.hashed != HashedKind.CONCURRENT_HASH_MAP) {
      entryMaps.add(id);
    }
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
      case DERIVED -> pushDerived(id, o, l.derived);
      default -> { }
    }
  }

  private void pushDerived(int id, Object o, DerivedKind kind) throws SnapshotCaptureException {
    DerivedKind.Captured c;
    try {
      c = kind.capture(o);
    } catch (DerivedKind.Unsupported u) {
      throw new SnapshotCaptureException(o.getClass().getName(), pathTo(parent[id], slot[id], o),
          u.getMessage());
    }
    Object[] slots = c.slots();
    reserve(id, slots.length);
    entries[id] = c;
    derived.add(id);
    if (c.lateOwner()) {
      lateOwners.add(id);
    }
    for (int i = slots.length - 1; i >= 0; i--) {
      push(slots[i], id, i);
    }
  }

  private void pushFields(int id, Object o, ClassLayout l) throws SnapshotCaptureException {
    if (l.throwable) {
      materialiseStackTrace((Throwable) o);
    }
    checkDefaultOnly(id, o, l);
    checkDuplicates(id, o, l);
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

  private void checkDuplicates(int id, Object o, ClassLayout l) throws SnapshotCaptureException {
    for (int i = 0; i < l.duplicates.length; i++) {
      if (get(l.duplicates[i], o) != get(l.fields[l.dupSource[i]], o)) {
        throw new SnapshotCaptureException(o.getClass().getName(), pathTo(parent[id], slot[id], o),
            "its field " + l.duplicates[i].getName() + " differs from "
                + l.fields[l.dupSource[i]].getDeclaringClass().getName() + "."
                + l.fields[l.dupSource[i]].getName() + ", which it copies on some JDK versions");
      }
    }
  }

  private void grow() {
    int n = classOf.length * 2;
    refBase = Arrays.copyOf(refBase, n);
    refCount = Arrays.copyOf(refCount, n);
    classOf = Arrays.copyOf(classOf, n);
    entries = Arrays.copyOf(entries, n);
    parent = Arrays.copyOf(parent, n);
    slot = Arrays.copyOf(slot, n);
  }

  // ---- after discovery ----

  private void afterDiscovery() throws SnapshotCaptureException {
    if (derived.isEmpty()) {
      return;
    }
    boolean lateEdges = resolveOwners();
    for (int id : derived) {
      DerivedKind.Captured c = (DerivedKind.Captured) entries[id];
      if (c.orderSensitive()) {
        checkStableOrder(id, c.slots()[0]);
      }
    }
    int[] base = lateEdges ? postOrderUnits() : Arrays.copyOf(fillOrder, fillCount);
    orderUnits(base);
  }

  /**
   * Finds the map of every captured map entry among the captured maps (an entry whose map is not
   * captured, or no longer holds it, is decoded detached); true if any was found.
   */
  private boolean resolveOwners() {
    if (lateOwners.isEmpty()) {
      return false;
    }
    Map<Object, Object> entryToMap = new IdentityHashMap<>();
    for (int m : entryMaps) {
      DerivedKind.indexEntries(ids.object(m), entryToMap);
    }
    boolean found = false;
    for (int id : lateOwners) {
      Object map = entryToMap.get(ids.object(id));
      if (map != null) {
        refLog[refBase[id]] = ids.idOf(map) + 1;
        ((DerivedKind.Captured) entries[id]).slots()[0] = map;
        found = true;
      }
    }
    return found;
  }

  /**
   * An iterator part-way through a HashMap (or a HashSet's map) or ConcurrentHashMap resumes in
   * order only if every key has the same hash code in the new JVM: refuses keys that are enum
   * constants or objects hashed by identity that the kernel does not make stable (process objects
   * get stable identity hashes; Class objects and plain Objects do not).
   */
  private void checkStableOrder(int iterator, Object map) throws SnapshotCaptureException {
    int mapId = ids.idOf(map);
    Object[] flat = mapId < 0 || !(entries[mapId] instanceof Object[] f) ? new Object[0] : f;
    for (int i = 0; i < flat.length; i += 2) {
      Object k = flat[i];
      if (k == null || !unstableHash.computeIfAbsent(k.getClass(), this::hashedByIdentity)) {
        continue;
      }
      boolean set = flat[i + 1] == HashedKind.Jdk.HASHSET_PRESENT;
      boolean concurrent = map instanceof java.util.concurrent.ConcurrentHashMap;
      boolean isEnum = k instanceof Enum;
      String what = concurrent ? "ConcurrentHashMap" : set ? "HashSet" : "HashMap";
      String keys = isEnum ? "enum constants" : k instanceof Class ? "Class objects"
          : "objects hashed by identity (" + k.getClass().getName() + ")";
      String key = isEnum ? ((Enum<?>) k).getDeclaringClass().getName() + "."
          + ((Enum<?>) k).name()
          : k instanceof Class<?> c ? c.getName() : "a " + k.getClass().getName();
      String use = isEnum ? (set ? "EnumSet or LinkedHashSet" : "EnumMap or LinkedHashMap")
          : set ? "LinkedHashSet" : "LinkedHashMap";
      Object it = ids.object(iterator);
      throw new SnapshotCaptureException(map.getClass().getName(),
          pathTo(parent[mapId], slot[mapId], map),
          "an iterator over a " + what + (set ? " of " : " keyed by ") + keys + " cannot be"
              + " resumed in another JVM; use " + use + " (their hash codes differ there, so the"
              + " " + what + " iterates in another order; key " + key + "; the iterator is reached"
              + " by " + pathTo(parent[iterator], slot[iterator], it) + ")");
    }
  }

  private boolean hashedByIdentity(Class<?> c) {
    if (Enum.class.isAssignableFrom(c)) {
      return true; // Enum.hashCode is final and identity-based, process enums included
    }
    if (policy.isProcessClass(c)) {
      return false; // the kernel gives process objects stable identity hashes
    }
    try {
      return c.getMethod("hashCode").getDeclaringClass() == Object.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  private boolean isUnit(int id) {
    return entries[id] != null;
  }

  /** The post-order of units over the complete reference log (after entries found their maps). */
  private int[] postOrderUnits() {
    int n = ids.size();
    boolean[] seen = new boolean[n];
    int[] stack = new int[64];
    int[] pos = new int[64];
    int[] out = new int[fillCount];
    int count = 0;
    int top = 0;
    stack[0] = 0;
    pos[0] = 0;
    seen[0] = true;
    while (top >= 0) {
      int id = stack[top];
      if (pos[top] < refCount[id]) {
        int r = refLog[refBase[id] + pos[top]++];
        if (r != 0 && !seen[r - 1]) {
          seen[r - 1] = true;
          if (++top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
            pos = Arrays.copyOf(pos, top * 2);
          }
          stack[top] = r - 1;
          pos[top] = 0;
        }
      } else {
        top--;
        if (isUnit(id)) {
          out[count++] = id;
        }
      }
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * The final fill order: {@code base} (a post-order of the units), except that a derived object
   * waits until the units it is made from are complete; hashed and immutable collections keep
   * their place, and one that holds a derived object not yet complete is refused (it would be
   * filled with a missing entry).
   */
  private void orderUnits(int[] base) throws SnapshotCaptureException {
    boolean[] emitted = new boolean[ids.size()];
    Map<Integer, List<Integer>> waiting = new HashMap<>();
    fillCount = 0;
    for (int u : base) {
      if (entries[u] instanceof DerivedKind.Captured) {
        int dep = pendingDependency(u, emitted);
        if (dep >= 0) {
          waiting.computeIfAbsent(dep, k -> new ArrayList<>()).add(u);
          continue;
        }
      } else {
        ClassLayout l = layoutOf(u);
        int first = l.kind == ClassLayout.Kind.OBJECT ? l.refFields : 0;
        for (int i = refBase[u] + first; i < refBase[u] + refCount[u]; i++) {
          int e = refLog[i] - 1;
          if (e >= 0 && entries[e] instanceof DerivedKind.Captured && !emitted[e]) {
            throw cycle(e, u);
          }
        }
      }
      emit(u, emitted, waiting);
    }
    if (!waiting.isEmpty()) {
      int dep = waiting.keySet().iterator().next();
      throw cycle(waiting.get(dep).get(0), dep);
    }
  }

  private void emit(int u, boolean[] emitted, Map<Integer, List<Integer>> waiting) {
    List<Integer> ready = new ArrayList<>(List.of(u));
    while (!ready.isEmpty()) {
      int x = ready.remove(ready.size() - 1);
      if (fillCount == fillOrder.length) {
        fillOrder = Arrays.copyOf(fillOrder, fillCount * 2);
      }
      fillOrder[fillCount++] = x;
      emitted[x] = true;
      List<Integer> ws = waiting.remove(x);
      if (ws != null) {
        for (int w : ws) {
          int dep = pendingDependency(w, emitted);
          if (dep >= 0) {
            waiting.computeIfAbsent(dep, k -> new ArrayList<>()).add(w);
          } else {
            ready.add(w);
          }
        }
      }
    }
  }

  /** A unit that derived object {@code id} is made from and that is not complete yet, or -1. */
  private int pendingDependency(int id, boolean[] emitted) {
    if (!layoutOf(id).derived.dependsOnSlots()) {
      return -1;
    }
    for (int i = refBase[id]; i < refBase[id] + refCount[id]; i++) {
      int d = refLog[i] - 1;
      if (d >= 0 && d != id && isUnit(d) && !emitted[d]) {
        return d;
      }
    }
    return -1;
  }

  private SnapshotCaptureException cycle(int derivedId, int needs) {
    Object d = ids.object(derivedId);
    Object n = ids.object(needs);
    return new SnapshotCaptureException(d.getClass().getName(),
        pathTo(parent[derivedId], slot[derivedId], d), "it is an iterator, view or entry of a"
            + " collection that can only be rebuilt after it, and it is needed to rebuild "
            + (n == d ? "itself" : "the " + n.getClass().getName() + " reached by "
                + pathTo(parent[needs], slot[needs], n))
            + " (a collection holds its own iterator or entry); such a cycle cannot be restored");
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
    if (l.kind == ClassLayout.Kind.DERIVED) {
      return owner + "{" + l.derived.slotName(s) + "}";
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
      case DERIVED -> out.writeVarInt(((DerivedKind.Captured) entries[id]).header());
    }
  }

  private void writeBody(int id, HeapOutput out) throws IOException {
    ClassLayout l = layoutOf(id);
    if (l == null || !l.hasBody) {
      return;
    }
    int base = refBase[id];
    if (l.kind == ClassLayout.Kind.DERIVED) {
      out.writeVarInt(refCount[id]);
      writeRefs(base, refCount[id], out);
      return;
    }
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
