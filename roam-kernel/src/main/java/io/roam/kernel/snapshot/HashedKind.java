package io.roam.kernel.snapshot;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JDK hash tables, whose layout depends on hash codes that differ in another JVM. One is encoded
 * as its JDK-level settings (load factor, table capacity, access order) then its entries in
 * iteration order; decoding creates it empty and, once the whole graph exists, re-inserts the
 * entries. (HashSet and LinkedHashSet are copied by field: their one field is the HashMap or
 * LinkedHashMap they wrap, which is rebuilt here, so iterators of a set share its map.)
 *
 * <p>HashMap, LinkedHashMap and ConcurrentHashMap keep their table capacity and are refilled in
 * their original iteration order without a resize, so when every key has the same hash code in
 * both JVMs they iterate in the same order as before (list bins keep their relative order; tree
 * bins may not): iterators over them resume by position (see {@link DerivedKind}).
 *
 * <p>HashMap and LinkedHashMap may be extended by process classes (LRU caches): their entries
 * are read from the JDK's own nodes and re-inserted through {@code HashMap.putVal(…,
 * evict=false)}, so no method a process class overrides ({@code put}, {@code removeEldestEntry},
 * {@code entrySet}) runs during capture or restore. The others are allowed as exact classes only.
 */
enum HashedKind {
  HASH_MAP(HashMap.class, true, true),
  LINKED_HASH_MAP(LinkedHashMap.class, true, true),
  HASHTABLE(Hashtable.class, false, true),
  IDENTITY_HASH_MAP(IdentityHashMap.class, false, true),
  WEAK_HASH_MAP(WeakHashMap.class, false, true),
  CONCURRENT_HASH_MAP(ConcurrentHashMap.class, false, true);

  /** The JDK class this kind rebuilds. */
  final Class<?> base;
  /** Whether process classes may extend {@link #base}. */
  final boolean subclassable;
  /** Entries are key/value pairs (else single elements). */
  final boolean isMap;

  HashedKind(Class<?> base, boolean subclassable, boolean isMap) {
    this.base = base;
    this.subclassable = subclassable;
    this.isMap = isMap;
  }

  /** The kind whose base is exactly {@code c}, or null. */
  static HashedKind forBase(Class<?> c) {
    for (HashedKind k : values()) {
      if (k.base == c) {
        return k;
      }
    }
    return null;
  }

  /** Writes the JDK-level settings of {@code o}. */
  void writeSettings(Object o, HeapOutput out) throws IOException {
    switch (this) {
      case HASH_MAP, LINKED_HASH_MAP -> {
        out.writeFloat(Jdk.getFloat(Jdk.HASHMAP_LOAD_FACTOR, o));
        Object[] table = (Object[]) Jdk.get(Jdk.HASHMAP_TABLE, o);
        out.writeVarInt(table == null ? 0 : table.length);
      }
      case HASHTABLE -> out.writeFloat(Jdk.getFloat(Jdk.HASHTABLE_LOAD_FACTOR, o));
      case WEAK_HASH_MAP -> out.writeFloat(Jdk.getFloat(Jdk.WEAK_LOAD_FACTOR, o));
      case CONCURRENT_HASH_MAP -> {
        Object[] table = (Object[]) Jdk.get(Jdk.CHM_TABLE, o);
        out.writeVarInt(table == null ? 0 : table.length);
      }
      case IDENTITY_HASH_MAP -> { }
    }
    if (this == LINKED_HASH_MAP) {
      out.writeBoolean(Jdk.getBoolean(Jdk.LINKED_ACCESS_ORDER, o));
    }
  }

  /** Reads the settings and creates an empty instance of {@code c} (a subclass when allowed). */
  Object create(Class<?> c, HeapInput in) throws IOException, SnapshotFormatException {
    float lf = this == IDENTITY_HASH_MAP || this == CONCURRENT_HASH_MAP ? 0.75f : in.readFloat();
    if (!(lf > 0 && lf <= Float.MAX_VALUE)) {
      throw in.error("load factor " + lf + " of a " + c.getName());
    }
    // The original table capacity; checked against the entry count when the map is filled.
    int capacity = this == HASH_MAP || this == LINKED_HASH_MAP || this == CONCURRENT_HASH_MAP
        ? in.readVarInt() : 0;
    if (capacity < 0 || capacity > 1 << 30 || Integer.bitCount(capacity) > 1) {
      throw in.error("table capacity " + capacity + " of a " + c.getName());
    }
    return switch (this) {
      case HASH_MAP, LINKED_HASH_MAP ->
          createMap(c, lf, capacity, this == LINKED_HASH_MAP && in.readBoolean());
      case HASHTABLE -> new Hashtable<>(11, lf);
      case IDENTITY_HASH_MAP -> new IdentityHashMap<>();
      case WEAK_HASH_MAP -> new WeakHashMap<>(16, lf);
      case CONCURRENT_HASH_MAP -> {
        ConcurrentHashMap<Object, Object> m = new ConcurrentHashMap<>();
        Jdk.setInt(Jdk.CHM_SIZE_CTL, m, capacity);
        yield m;
      }
    };
  }

  private static Object createMap(Class<?> c, float lf, int capacity, boolean accessOrder) {
    Object m = Jdk.allocate(c);
    Jdk.set(Jdk.HASHMAP_LOAD_FACTOR, m, lf);
    // While table is null, HashMap reads its initial capacity from threshold.
    Jdk.setInt(Jdk.HASHMAP_THRESHOLD, m, capacity);
    if (accessOrder) {
      Jdk.set(Jdk.LINKED_ACCESS_ORDER, m, true);
    }
    return m;
  }

  /** The entries of {@code o} in iteration order: k0, v0, k1, v1, …. */
  Object[] entries(Object o) {
    List<Object> flat = new ArrayList<>();
    switch (this) {
      case HASH_MAP -> Jdk.hashMapEntries(o, flat);
      case LINKED_HASH_MAP -> Jdk.linkedHashMapEntries(o, flat);
      default -> {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
          flat.add(e.getKey());
          flat.add(e.getValue());
        }
      }
    }
    return flat.toArray();
  }

  /** Inserts the decoded entries (as returned by {@link #entries}) into an empty instance. */
  @SuppressWarnings("unchecked")
  void fill(Object o, Object[] flat) {
    switch (this) {
      case HASH_MAP, LINKED_HASH_MAP -> {
        Jdk.presize(o, flat.length / 2);
        for (int i = 0; i < flat.length; i += 2) {
          Jdk.putVal(o, flat[i], flat[i + 1]);
        }
      }
      case CONCURRENT_HASH_MAP -> {
        Jdk.presizeConcurrent(o, flat.length / 2);
        Map<Object, Object> map = (Map<Object, Object>) o;
        for (int i = 0; i < flat.length; i += 2) {
          map.put(flat[i], flat[i + 1]);
        }
      }
      default -> {
        Map<Object, Object> map = (Map<Object, Object>) o;
        for (int i = 0; i < flat.length; i += 2) {
          map.put(flat[i], flat[i + 1]);
        }
      }
    }
  }

  /**
   * Reflective access to the JDK internals the hashed kinds (and {@link DerivedKind}, {@link
   * ReplayIterator}) use; names checked on JDK 17 and 25. Needs {@code --add-opens
   * java.base/java.util=ALL-UNNAMED} and {@code java.base/java.util.concurrent}.
   */
  static final class Jdk {
    static final Field HASHMAP_LOAD_FACTOR = field(HashMap.class, "loadFactor");
    static final Field HASHMAP_TABLE = field(HashMap.class, "table");
    static final Field HASHMAP_THRESHOLD = field(HashMap.class, "threshold");
    static final Field HASHMAP_SIZE = field(HashMap.class, "size");
    static final Field HASHMAP_MOD_COUNT = field(HashMap.class, "modCount");
    static final Field LINKED_ACCESS_ORDER = field(LinkedHashMap.class, "accessOrder");
    static final Field LINKED_HEAD = field(LinkedHashMap.class, "head");
    static final Field HASHSET_MAP = field(HashSet.class, "map");
    static final Object HASHSET_PRESENT = get(field(HashSet.class, "PRESENT"), null);
    static final Field HASHTABLE_LOAD_FACTOR = field(Hashtable.class, "loadFactor");
    static final Field HASHTABLE_TABLE = field(Hashtable.class, "table");
    static final Field HASHTABLE_MOD_COUNT = field(Hashtable.class, "modCount");
    static final Field WEAK_LOAD_FACTOR = field(WeakHashMap.class, "loadFactor");
    static final Field WEAK_TABLE = field(WeakHashMap.class, "table");
    static final Field WEAK_MOD_COUNT = field(WeakHashMap.class, "modCount");
    static final Object WEAK_NULL_KEY = get(field(WeakHashMap.class, "NULL_KEY"), null);
    static final Field IDENTITY_MOD_COUNT = field(IdentityHashMap.class, "modCount");
    static final Object IDENTITY_NULL_KEY = get(field(IdentityHashMap.class, "NULL_KEY"), null);
    static final Field CHM_TABLE = field(ConcurrentHashMap.class, "table");
    static final Field CHM_SIZE_CTL = field(ConcurrentHashMap.class, "sizeCtl");
    static final Class<?> NODE = nested(HashMap.class, "Node");
    static final Class<?> LINKED_ENTRY = nested(LinkedHashMap.class, "Entry");
    static final Class<?> TABLE_ENTRY = nested(Hashtable.class, "Entry");
    static final Class<?> WEAK_ENTRY = nested(WeakHashMap.class, "Entry");
    static final Field NODE_HASH = field(NODE, "hash");
    static final Field NODE_KEY = field(NODE, "key");
    static final Field NODE_VALUE = field(NODE, "value");
    static final Field NODE_NEXT = field(NODE, "next");
    static final Field ENTRY_AFTER = field(LINKED_ENTRY, "after");
    static final Field TABLE_ENTRY_HASH = field(TABLE_ENTRY, "hash");
    static final Field TABLE_ENTRY_KEY = field(TABLE_ENTRY, "key");
    static final Field TABLE_ENTRY_VALUE = field(TABLE_ENTRY, "value");
    static final Field TABLE_ENTRY_NEXT = field(TABLE_ENTRY, "next");
    static final Field WEAK_ENTRY_VALUE = field(WEAK_ENTRY, "value");
    static final Field WEAK_ENTRY_NEXT = field(WEAK_ENTRY, "next");
    private static final MethodHandle HASH = hashMapMethod("hash");
    private static final MethodHandle PUT_VAL = hashMapMethod("putVal");
    private static final MethodHandle GET_NODE = hashMapMethod("getNode");
    private static final MethodHandle REMOVE_NODE = hashMapMethod("removeNode");

    private Jdk() {}

    static Class<?> nested(Class<?> outer, String name) {
      try {
        return Class.forName(outer.getName() + "$" + name);
      } catch (ClassNotFoundException e) {
        throw new ExceptionInInitializerError("this JDK has no " + outer.getName() + "$" + name);
      }
    }

    static Field field(Class<?> c, String name) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ExceptionInInitializerError("cannot access " + c.getName() + "." + name
            + " (is the JVM started with --add-opens java.base/java.util=ALL-UNNAMED?): " + e);
      }
    }

    /** A field that exists on some JDK versions only (accessible), or null. */
    static Field optionalField(Class<?> c, String name) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        return null;
      } catch (RuntimeException e) {
        throw new ExceptionInInitializerError("cannot access " + c.getName() + "." + name + ": "
            + e);
      }
    }

    private static MethodHandle hashMapMethod(String name) {
      try {
        MethodHandles.Lookup l =
            MethodHandles.privateLookupIn(HashMap.class, MethodHandles.lookup());
        Class<?> node = Class.forName(HashMap.class.getName() + "$Node");
        return switch (name) {
          case "hash" ->
              l.findStatic(HashMap.class, name, MethodType.methodType(int.class, Object.class));
          case "putVal" -> l.findVirtual(HashMap.class, name, MethodType.methodType(Object.class,
              int.class, Object.class, Object.class, boolean.class, boolean.class));
          case "getNode" ->
              l.findVirtual(HashMap.class, name, MethodType.methodType(node, Object.class))
                  .asType(MethodType.methodType(Object.class, HashMap.class, Object.class));
          default -> l.findVirtual(HashMap.class, name, MethodType.methodType(node, int.class,
                  Object.class, Object.class, boolean.class, boolean.class))
              .asType(MethodType.methodType(Object.class, HashMap.class, int.class, Object.class,
                  Object.class, boolean.class, boolean.class));
        };
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError("this JDK's HashMap has no " + name + ": " + e);
      }
    }

    static Object allocate(Class<?> c) {
      try {
        return Instantiator.allocate(c);
      } catch (InstantiationException e) {
        throw new IllegalStateException("cannot allocate " + c.getName(), e);
      }
    }

    static Object get(Field f, Object o) {
      try {
        return f.get(o);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    static int getInt(Field f, Object o) {
      try {
        return f.getInt(o);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    static float getFloat(Field f, Object o) {
      try {
        return f.getFloat(o);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    static boolean getBoolean(Field f, Object o) {
      try {
        return f.getBoolean(o);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    static void set(Field f, Object o, Object v) {
      try {
        f.set(o, v);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    static void setInt(Field f, Object o, int v) {
      try {
        f.setInt(o, v);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Largest original capacity kept whatever the entry count; beyond it, at most 64 slots per
     * entry (a snapshot cannot make the decoder allocate much more than its own size). A map
     * rebuilt with another capacity is still correct; only its iterators are then replayed.
     */
    private static final int KEPT_CAPACITY = 1 << 12;

    /**
     * Before the first insertion into an empty HashMap: keeps the original table capacity that
     * {@link #createMap} left in {@code threshold} when it holds {@code n} entries without a
     * resize (and is not absurdly large for them), else uses the power of two that {@code new
     * HashMap(n / lf + 1, lf)} would. HashMap reads a pending capacity from {@code threshold}
     * while {@code table} is null.
     */
    static void presize(Object map, int n) {
      if (get(HASHMAP_TABLE, map) != null) {
        return;
      }
      if (n == 0) {
        setInt(HASHMAP_THRESHOLD, map, 0); // the default capacity at the first put
        return;
      }
      float lf = getFloat(HASHMAP_LOAD_FACTOR, map);
      long wanted = Math.max(16, (long) Math.ceil(n / (double) lf) + 1);
      int fit = wanted >= 1 << 30 ? 1 << 30 : Integer.highestOneBit((int) wanted - 1) << 1;
      int original = getInt(HASHMAP_THRESHOLD, map);
      boolean keep = original > 0 && (double) original * lf >= n
          && original <= Math.max(Math.max(fit, 64L * n), KEPT_CAPACITY);
      setInt(HASHMAP_THRESHOLD, map, keep ? original : fit);
    }

    /** As {@link #presize} for a ConcurrentHashMap, whose pending capacity is {@code sizeCtl}. */
    static void presizeConcurrent(Object map, int n) {
      if (get(CHM_TABLE, map) != null) {
        return;
      }
      if (n == 0) {
        setInt(CHM_SIZE_CTL, map, 0);
        return;
      }
      long wanted = n + (n >>> 1) + 1L;
      int fit = wanted >= 1 << 30 ? 1 << 30 : Integer.highestOneBit((int) wanted - 1) << 1;
      int original = getInt(CHM_SIZE_CTL, map);
      // It resizes once the count reaches three quarters of the capacity.
      boolean keep = original > 0 && n < original - (original >>> 2)
          && original <= Math.max(Math.max(fit, 64L * n), KEPT_CAPACITY);
      setInt(CHM_SIZE_CTL, map, keep ? original : Math.max(fit, 16));
    }

    /** Entries from the table and bin chains (tree bins keep their {@code next} links). */
    static void hashMapEntries(Object map, List<Object> flat) {
      Object[] table = (Object[]) get(HASHMAP_TABLE, map);
      if (table == null) {
        return;
      }
      for (Object n : table) {
        for (; n != null; n = get(NODE_NEXT, n)) {
          flat.add(get(NODE_KEY, n));
          flat.add(get(NODE_VALUE, n));
        }
      }
    }

    /** Entries from the head along the {@code after} links: insertion or access order. */
    static void linkedHashMapEntries(Object map, List<Object> flat) {
      for (Object n = get(LINKED_HEAD, map); n != null; n = get(ENTRY_AFTER, n)) {
        flat.add(get(NODE_KEY, n));
        flat.add(get(NODE_VALUE, n));
      }
    }

    /** The keys of a HashMap (or LinkedHashMap) or ConcurrentHashMap in iteration order. */
    static Object[] keyOrder(Object map) {
      List<Object> keys = new ArrayList<>();
      if (map instanceof LinkedHashMap) {
        for (Object n = get(LINKED_HEAD, map); n != null; n = get(ENTRY_AFTER, n)) {
          keys.add(get(NODE_KEY, n));
        }
      } else if (map instanceof HashMap) {
        Object[] table = (Object[]) get(HASHMAP_TABLE, map);
        for (int i = 0; table != null && i < table.length; i++) {
          for (Object n = table[i]; n != null; n = get(NODE_NEXT, n)) {
            keys.add(get(NODE_KEY, n));
          }
        }
      } else {
        for (Iterator<?> it = ((ConcurrentHashMap<?, ?>) map).keySet().iterator(); it.hasNext(); ) {
          keys.add(it.next());
        }
      }
      return keys.toArray();
    }

    /** {@code HashMap.putVal(hash(k), k, v, false, false)}: no eviction, no overridden put. */
    static void putVal(Object map, Object k, Object v) {
      try {
        int h = (int) HASH.invokeExact(k);
        Object unused = (Object) PUT_VAL.invokeExact((HashMap<?, ?>) map, h, k, v, false, false);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    /** {@code HashMap.hash(k)}. */
    static int hash(Object k) {
      try {
        return (int) HASH.invokeExact(k);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    /** {@code HashMap.getNode(k)}: the map's node for key {@code k}, or null; no overridden get. */
    static Object getNode(Object map, Object k) {
      try {
        return (Object) GET_NODE.invokeExact((HashMap<?, ?>) map, k);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    /** {@code HashMap.removeNode(hash(k), k, null, false, true)}, as its iterators remove. */
    static void removeNode(Object map, Object k) {
      try {
        Object unused = (Object) REMOVE_NODE.invokeExact((HashMap<?, ?>) map, hash(k), k,
            (Object) null, false, true);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
  }
}
