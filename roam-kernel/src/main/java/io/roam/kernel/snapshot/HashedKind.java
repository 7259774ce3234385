package io.roam.kernel.snapshot;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JDK hash collections, whose layout depends on hash codes that differ in another JVM. One is
 * encoded as its JDK-level settings (load factor, access order) then its entries in iteration
 * order; decoding creates it empty and, once the whole graph exists, re-inserts the entries.
 *
 * <p>The HashMap family (HashMap, LinkedHashMap, HashSet, LinkedHashSet) may be extended by
 * process classes (LRU caches): their entries are read from the JDK's own nodes and re-inserted
 * through {@code HashMap.putVal(…, evict=false)}, so no method a process class overrides
 * ({@code put}, {@code removeEldestEntry}, {@code entrySet}) runs during capture or restore. The
 * others are allowed as exact classes only.
 */
enum HashedKind {
  HASH_MAP(HashMap.class, true, true),
  LINKED_HASH_MAP(LinkedHashMap.class, true, true),
  HASH_SET(HashSet.class, true, false),
  LINKED_HASH_SET(LinkedHashSet.class, true, false),
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
      case HASH_MAP, LINKED_HASH_MAP -> out.writeFloat(Jdk.getFloat(Jdk.HASHMAP_LOAD_FACTOR, o));
      case HASH_SET, LINKED_HASH_SET ->
          out.writeFloat(Jdk.getFloat(Jdk.HASHMAP_LOAD_FACTOR, Jdk.get(Jdk.HASHSET_MAP, o)));
      case HASHTABLE -> out.writeFloat(Jdk.getFloat(Jdk.HASHTABLE_LOAD_FACTOR, o));
      case WEAK_HASH_MAP -> out.writeFloat(Jdk.getFloat(Jdk.WEAK_LOAD_FACTOR, o));
      case IDENTITY_HASH_MAP, CONCURRENT_HASH_MAP -> { }
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
    return switch (this) {
      case HASH_MAP, LINKED_HASH_MAP -> createMap(c, lf, this == LINKED_HASH_MAP && in.readBoolean());
      case HASH_SET -> createSet(c, new HashMap<>(16, lf));
      case LINKED_HASH_SET -> createSet(c, new LinkedHashMap<>(16, lf));
      case HASHTABLE -> new Hashtable<>(11, lf);
      case IDENTITY_HASH_MAP -> new IdentityHashMap<>();
      case WEAK_HASH_MAP -> new WeakHashMap<>(16, lf);
      case CONCURRENT_HASH_MAP -> new ConcurrentHashMap<>();
    };
  }

  private static Object createMap(Class<?> c, float lf, boolean accessOrder) {
    Object m = Jdk.allocate(c);
    Jdk.set(Jdk.HASHMAP_LOAD_FACTOR, m, lf);
    if (accessOrder) {
      Jdk.set(Jdk.LINKED_ACCESS_ORDER, m, true);
    }
    return m;
  }

  private static Object createSet(Class<?> c, HashMap<Object, Object> map) {
    Object s = Jdk.allocate(c);
    Jdk.set(Jdk.HASHSET_MAP, s, map);
    return s;
  }

  /** The entries of {@code o} in iteration order: k0, v0, k1, v1, … or e0, e1, …. */
  Object[] entries(Object o) {
    List<Object> flat = new ArrayList<>();
    switch (this) {
      case HASH_MAP -> Jdk.hashMapEntries(o, flat);
      case LINKED_HASH_MAP -> Jdk.linkedHashMapEntries(o, flat);
      case HASH_SET, LINKED_HASH_SET -> flat.addAll(((Map<?, ?>) Jdk.get(Jdk.HASHSET_MAP, o)).keySet());
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
      case HASH_SET, LINKED_HASH_SET -> {
        Map<Object, Object> map = (Map<Object, Object>) Jdk.get(Jdk.HASHSET_MAP, o);
        Jdk.presize(map, flat.length);
        for (Object e : flat) {
          map.put(e, Jdk.HASHSET_PRESENT);
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
   * Reflective access to the JDK internals the hashed kinds use; field names checked on JDK 17
   * and 25. Needs {@code --add-opens java.base/java.util=ALL-UNNAMED}.
   */
  static final class Jdk {
    static final Field HASHMAP_LOAD_FACTOR = field(HashMap.class, "loadFactor");
    static final Field HASHMAP_TABLE = field(HashMap.class, "table");
    static final Field HASHMAP_THRESHOLD = field(HashMap.class, "threshold");
    static final Field LINKED_ACCESS_ORDER = field(LinkedHashMap.class, "accessOrder");
    static final Field LINKED_HEAD = field(LinkedHashMap.class, "head");
    static final Field HASHSET_MAP = field(HashSet.class, "map");
    static final Object HASHSET_PRESENT = get(field(HashSet.class, "PRESENT"), null);
    static final Field HASHTABLE_LOAD_FACTOR = field(Hashtable.class, "loadFactor");
    static final Field WEAK_LOAD_FACTOR = field(WeakHashMap.class, "loadFactor");
    private static final Class<?> NODE = nested(HashMap.class, "Node");
    private static final Class<?> LINKED_ENTRY = nested(LinkedHashMap.class, "Entry");
    private static final Field NODE_KEY = field(NODE, "key");
    private static final Field NODE_VALUE = field(NODE, "value");
    private static final Field NODE_NEXT = field(NODE, "next");
    private static final Field ENTRY_AFTER = field(LINKED_ENTRY, "after");
    private static final MethodHandle HASH = hashMapMethod(true);
    private static final MethodHandle PUT_VAL = hashMapMethod(false);

    private Jdk() {}

    private static Class<?> nested(Class<?> outer, String name) {
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

    private static MethodHandle hashMapMethod(boolean hash) {
      try {
        MethodHandles.Lookup l = MethodHandles.privateLookupIn(HashMap.class, MethodHandles.lookup());
        return hash
            ? l.findStatic(HashMap.class, "hash", MethodType.methodType(int.class, Object.class))
            : l.findVirtual(HashMap.class, "putVal", MethodType.methodType(Object.class,
                int.class, Object.class, Object.class, boolean.class, boolean.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError("this JDK's HashMap has no hash/putVal: " + e);
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

    /**
     * Before the first insertion into an empty HashMap: makes its first table the power of two
     * that holds {@code n} entries at its load factor, as {@code new HashMap(n / lf + 1, lf)}
     * would (HashMap reads a pending capacity from {@code threshold} while {@code table} is null).
     */
    static void presize(Object map, int n) {
      try {
        if (n == 0 || HASHMAP_TABLE.get(map) != null) {
          return;
        }
        float lf = HASHMAP_LOAD_FACTOR.getFloat(map);
        long wanted = Math.max(16, (long) Math.ceil(n / (double) lf) + 1);
        int cap = wanted >= 1 << 30 ? 1 << 30 : Integer.highestOneBit((int) wanted - 1) << 1;
        HASHMAP_THRESHOLD.setInt(map, cap);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
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
  }
}
