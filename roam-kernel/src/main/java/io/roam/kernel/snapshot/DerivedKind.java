package io.roam.kernel.snapshot;

import io.roam.kernel.snapshot.HashedKind.Jdk;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Iterators, views and map entries that belong to a collection Roam rebuilds in the new JVM (a
 * {@link HashedKind} table or an {@link ImmutableKind} collection), plus the JDK-version-specific
 * iterators of {@code AbstractMap}'s views. Their JDK fields point into the old table (nodes,
 * slot indexes), so they are not copied by field: each is encoded as a few references ("slots")
 * and an int header, and recreated from the decoded collection once that has been filled (the
 * encoder orders the fill so; see {@link HeapEncoder}).
 *
 * <ul>
 *   <li><b>Views</b> ({@code keySet()}, {@code values()}, {@code entrySet()}): slot 0 the map;
 *       decoded as the same view of the decoded map (for the HashMap family, the one the map
 *       caches, so {@code map.keySet() == view} still holds).
 *   <li><b>Iterators and enumerations</b>: slot 0 the collection, slot 1 the key last returned,
 *       then the keys (elements for sets) still to come, in the original order; the header holds
 *       the mode (keys, values, entries), whether {@code remove()} is allowed now, whether the
 *       iterator is already stale (its collection was modified behind it) and whether it is an
 *       {@code Enumeration} only. A HashMap, LinkedHashMap or ConcurrentHashMap iterator is
 *       decoded as a fresh JDK iterator of the decoded map advanced past the keys already
 *       returned, when the decoded map iterates in the same order (it is rebuilt with the same
 *       capacity in the same order, so it does unless hash codes differ or a bin was a tree);
 *       otherwise, and for the other tables and for Set.of/Map.of, as a {@link ReplayIterator}
 *       that yields the remaining keys in the original order and removes through the map.
 *   <li><b>Entries</b> (HashMap, LinkedHashMap, Hashtable, WeakHashMap and IdentityHashMap
 *       entries held by the program): slots the map (null when the entry is no longer in a
 *       captured map), key, value; decoded as the decoded map's own entry for that key, so {@code
 *       setValue} writes through, or as a detached entry of the same class.
 *   <li><b>AbstractMap key and value iterators</b> (JDK 17 {@code AbstractMap$1$1}, JDK 25 {@code
 *       AbstractMap$KeyIterator}): slots the map and the wrapped entry iterator.
 * </ul>
 *
 * <p>Capture is refused for LinkedHashMap's reversed views and iterators (JDK 21+) and for a
 * ConcurrentHashMap iterator caught during a resize. Decoding runs no process code. Immutable;
 * thread-safe.
 */
enum DerivedKind {
  HASH_MAP_KEY_SET("java.util.HashMap$KeySet", Shape.VIEW, Mode.KEYS),
  HASH_MAP_VALUES("java.util.HashMap$Values", Shape.VIEW, Mode.VALUES),
  HASH_MAP_ENTRY_SET("java.util.HashMap$EntrySet", Shape.VIEW, Mode.ENTRIES),
  LINKED_KEY_SET("java.util.LinkedHashMap$LinkedKeySet", Shape.VIEW, Mode.KEYS),
  LINKED_VALUES("java.util.LinkedHashMap$LinkedValues", Shape.VIEW, Mode.VALUES),
  LINKED_ENTRY_SET("java.util.LinkedHashMap$LinkedEntrySet", Shape.VIEW, Mode.ENTRIES),
  IDENTITY_KEY_SET("java.util.IdentityHashMap$KeySet", Shape.VIEW, Mode.KEYS),
  IDENTITY_VALUES("java.util.IdentityHashMap$Values", Shape.VIEW, Mode.VALUES),
  IDENTITY_ENTRY_SET("java.util.IdentityHashMap$EntrySet", Shape.VIEW, Mode.ENTRIES),
  WEAK_KEY_SET("java.util.WeakHashMap$KeySet", Shape.VIEW, Mode.KEYS),
  WEAK_VALUES("java.util.WeakHashMap$Values", Shape.VIEW, Mode.VALUES),
  WEAK_ENTRY_SET("java.util.WeakHashMap$EntrySet", Shape.VIEW, Mode.ENTRIES),
  HASHTABLE_KEY_SET("java.util.Hashtable$KeySet", Shape.VIEW, Mode.KEYS),
  HASHTABLE_VALUES("java.util.Hashtable$ValueCollection", Shape.VIEW, Mode.VALUES),
  HASHTABLE_ENTRY_SET("java.util.Hashtable$EntrySet", Shape.VIEW, Mode.ENTRIES),

  HASH_MAP_KEY_ITERATOR("java.util.HashMap$KeyIterator", Shape.ITERATOR, Mode.KEYS),
  HASH_MAP_VALUE_ITERATOR("java.util.HashMap$ValueIterator", Shape.ITERATOR, Mode.VALUES),
  HASH_MAP_ENTRY_ITERATOR("java.util.HashMap$EntryIterator", Shape.ITERATOR, Mode.ENTRIES),
  LINKED_KEY_ITERATOR("java.util.LinkedHashMap$LinkedKeyIterator", Shape.ITERATOR, Mode.KEYS),
  LINKED_VALUE_ITERATOR("java.util.LinkedHashMap$LinkedValueIterator", Shape.ITERATOR,
      Mode.VALUES),
  LINKED_ENTRY_ITERATOR("java.util.LinkedHashMap$LinkedEntryIterator", Shape.ITERATOR,
      Mode.ENTRIES),
  IDENTITY_KEY_ITERATOR("java.util.IdentityHashMap$KeyIterator", Shape.ITERATOR, Mode.KEYS),
  IDENTITY_VALUE_ITERATOR("java.util.IdentityHashMap$ValueIterator", Shape.ITERATOR,
      Mode.VALUES),
  IDENTITY_ENTRY_ITERATOR("java.util.IdentityHashMap$EntryIterator", Shape.ITERATOR,
      Mode.ENTRIES),
  WEAK_KEY_ITERATOR("java.util.WeakHashMap$KeyIterator", Shape.ITERATOR, Mode.KEYS),
  WEAK_VALUE_ITERATOR("java.util.WeakHashMap$ValueIterator", Shape.ITERATOR, Mode.VALUES),
  WEAK_ENTRY_ITERATOR("java.util.WeakHashMap$EntryIterator", Shape.ITERATOR, Mode.ENTRIES),
  /** Keys, values or entries, as an Iterator or an Enumeration only: see its fields. */
  HASHTABLE_ENUMERATOR("java.util.Hashtable$Enumerator", Shape.ITERATOR, null),
  CONCURRENT_KEY_ITERATOR("java.util.concurrent.ConcurrentHashMap$KeyIterator", Shape.ITERATOR,
      Mode.KEYS),
  CONCURRENT_VALUE_ITERATOR("java.util.concurrent.ConcurrentHashMap$ValueIterator",
      Shape.ITERATOR, Mode.VALUES),
  CONCURRENT_ENTRY_ITERATOR("java.util.concurrent.ConcurrentHashMap$EntryIterator",
      Shape.ITERATOR, Mode.ENTRIES),
  SET12_ITERATOR("java.util.ImmutableCollections$Set12.iterator()", Shape.ITERATOR, Mode.KEYS,
      () -> Set.of(1, 2).iterator().getClass()),
  SET_N_ITERATOR("java.util.ImmutableCollections$SetN$SetNIterator", Shape.ITERATOR, Mode.KEYS),
  MAP_N_ITERATOR("java.util.ImmutableCollections$MapN$MapNIterator", Shape.ITERATOR,
      Mode.ENTRIES),
  /** Roam's own: an iterator resumed in an earlier move, moving again. */
  REPLAY_ITERATOR(ReplayIterator.class.getName(), Shape.ITERATOR, null,
      () -> ReplayIterator.class),

  ABSTRACT_MAP_KEY_ITERATOR("java.util.AbstractMap.keySet().iterator()", Shape.WRAPPER, Mode.KEYS,
      () -> new SampleMap().keySet().iterator().getClass()),
  ABSTRACT_MAP_VALUE_ITERATOR("java.util.AbstractMap.values().iterator()", Shape.WRAPPER,
      Mode.VALUES, () -> new SampleMap().values().iterator().getClass()),

  HASH_MAP_NODE("java.util.HashMap$Node", Shape.ENTRY, Mode.ENTRIES),
  HASH_MAP_TREE_NODE("java.util.HashMap$TreeNode", Shape.ENTRY, Mode.ENTRIES),
  LINKED_HASH_MAP_ENTRY("java.util.LinkedHashMap$Entry", Shape.ENTRY, Mode.ENTRIES),
  HASHTABLE_ENTRY("java.util.Hashtable$Entry", Shape.ENTRY, Mode.ENTRIES),
  WEAK_HASH_MAP_ENTRY("java.util.WeakHashMap$Entry", Shape.ENTRY, Mode.ENTRIES),
  IDENTITY_HASH_MAP_ENTRY("java.util.IdentityHashMap$EntryIterator$Entry", Shape.ENTRY,
      Mode.ENTRIES);

  /** How an instance is encoded. */
  enum Shape { VIEW, ITERATOR, ENTRY, WRAPPER }

  /** What an iterator or view yields; the ordinal is the header's low two bits. */
  enum Mode { KEYS, VALUES, ENTRIES }

  /** Iterator header flags (above the two mode bits). */
  static final int CAN_REMOVE = 4;
  static final int STALE = 8;
  static final int ENUMERATION = 16;
  /** Entry header flag: an IdentityHashMap entry that was removed (index -1). */
  static final int REMOVED = 1;

  /** A capture refused for a reason specific to the object's state. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
      super(reason);
    }
  }

  /**
   * An object as encoded: its header and slots. {@code lateOwner}: slot 0 (the entry's map) is
   * found by the encoder after discovery. {@code orderSensitive}: an iterator part-way through
   * a HashMap or ConcurrentHashMap, which resumes in order only if the keys hash the same.
   */
  record Captured(int header, Object[] slots, boolean lateOwner, boolean orderSensitive) {}

  /** Stable name in the class table (the JDK class name where it does not vary by version). */
  final String id;
  final Shape shape;
  private final Mode mode;
  /** This JVM's class, or null when it has none. */
  private final Class<?> type;

  DerivedKind(String className, Shape shape, Mode mode) {
    this(className, shape, mode, () -> load(className));
  }

  DerivedKind(String id, Shape shape, Mode mode, Supplier<Class<?>> type) {
    this.id = id;
    this.shape = shape;
    this.mode = mode;
    this.type = type.get();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, null);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static final Map<Class<?>, DerivedKind> BY_CLASS = new HashMap<>();
  private static final Map<String, DerivedKind> BY_ID = new HashMap<>();

  static {
    for (DerivedKind k : values()) {
      if (k.type != null) {
        BY_CLASS.put(k.type, k);
      }
      BY_ID.put(k.id, k);
    }
  }

  /** The kind of exact class {@code c}, or null. */
  static DerivedKind of(Class<?> c) {
    return BY_CLASS.get(c);
  }

  /** The kind named {@code id} in a class table, or null. */
  static DerivedKind byId(String id) {
    return BY_ID.get(id);
  }

  /** This JVM's class of this kind, or null. */
  Class<?> type() {
    return type;
  }

  /** What slot {@code i} holds, for reference paths. */
  String slotName(int i) {
    return switch (shape) {
      case VIEW -> "map";
      case ITERATOR -> i == 0 ? "collection" : i == 1 ? "last returned" : "remaining #" + (i - 2);
      case ENTRY -> i == 0 ? "map" : i == 1 ? "key" : "value";
      case WRAPPER -> i == 0 ? "map" : "entry iterator";
    };
  }

  /**
   * Whether decoding needs the objects in the slots complete (collections filled): all but views,
   * which need only their map to exist.
   */
  boolean dependsOnSlots() {
    return shape != Shape.VIEW;
  }

  /** Checks the slot count read from a snapshot. */
  boolean validSlotCount(int n) {
    return switch (shape) {
      case VIEW -> n == 1;
      case ITERATOR -> n >= 2;
      case ENTRY -> n == 3;
      case WRAPPER -> n == 2;
    };
  }

  // ---- capture ----

  /** The encoding of {@code o}, an instance of this kind's class. */
  Captured capture(Object o) throws Unsupported {
    return switch (shape) {
      case VIEW -> new Captured(0, new Object[] {captureView(o)}, false, false);
      case ITERATOR -> captureIterator(o);
      case ENTRY -> captureEntry(o);
      case WRAPPER -> {
        Object inner = Jdk.get(F.field(type, "i"), o);
        yield new Captured(0, new Object[] {F.abstractMapOf(o), inner}, false, false);
      }
    };
  }

  private Object captureView(Object o) throws Unsupported {
    Field reversed = F.REVERSED.get(o.getClass()).orElse(null);
    if (reversed != null && Jdk.getBoolean(reversed, o)) {
      throw new Unsupported("it is a reversed view of a LinkedHashMap (JDK 21+), which Roam does"
          + " not capture");
    }
    return F.outer(o);
  }

  private Captured captureIterator(Object o) throws Unsupported {
    List<Object> rest = new ArrayList<>();
    Object source;
    Object last = null;
    boolean canRemove;
    boolean stale = false;
    int m = mode == null ? 0 : mode.ordinal();
    boolean enumeration = false;
    switch (this) {
      case HASH_MAP_KEY_ITERATOR, HASH_MAP_VALUE_ITERATOR, HASH_MAP_ENTRY_ITERATOR -> {
        source = Jdk.get(F.HASH_ITERATOR_MAP, o);
        stale = Jdk.getInt(F.HASH_ITERATOR_MOD_COUNT, o)
            != Jdk.getInt(Jdk.HASHMAP_MOD_COUNT, source);
        Object[] table = (Object[]) Jdk.get(Jdk.HASHMAP_TABLE, source);
        int index = Jdk.getInt(F.HASH_ITERATOR_INDEX, o);
        for (Object e = Jdk.get(F.HASH_ITERATOR_NEXT, o); e != null; ) {
          rest.add(Jdk.get(Jdk.NODE_KEY, e));
          e = Jdk.get(Jdk.NODE_NEXT, e);
          while (e == null && table != null && index < table.length) {
            e = table[index++];
          }
        }
        Object current = Jdk.get(F.HASH_ITERATOR_CURRENT, o);
        canRemove = current != null;
        last = canRemove ? Jdk.get(Jdk.NODE_KEY, current) : null;
      }
      case LINKED_KEY_ITERATOR, LINKED_VALUE_ITERATOR, LINKED_ENTRY_ITERATOR -> {
        if (F.LINKED_ITERATOR_REVERSED != null && Jdk.getBoolean(F.LINKED_ITERATOR_REVERSED, o)) {
          throw new Unsupported("it iterates a reversed view of a LinkedHashMap (JDK 21+), which"
              + " Roam does not capture");
        }
        source = Jdk.get(F.LINKED_ITERATOR_MAP, o);
        stale = Jdk.getInt(F.LINKED_ITERATOR_MOD_COUNT, o)
            != Jdk.getInt(Jdk.HASHMAP_MOD_COUNT, source);
        Object e = Jdk.get(F.LINKED_ITERATOR_NEXT, o);
        for (; e != null; e = Jdk.get(Jdk.ENTRY_AFTER, e)) {
          rest.add(Jdk.get(Jdk.NODE_KEY, e));
        }
        Object current = Jdk.get(F.LINKED_ITERATOR_CURRENT, o);
        canRemove = current != null;
        last = canRemove ? Jdk.get(Jdk.NODE_KEY, current) : null;
      }
      case IDENTITY_KEY_ITERATOR, IDENTITY_VALUE_ITERATOR, IDENTITY_ENTRY_ITERATOR -> {
        source = Jdk.get(F.IDENTITY_ITERATOR_MAP, o);
        stale = Jdk.getInt(F.IDENTITY_ITERATOR_MOD_COUNT, o)
            != Jdk.getInt(Jdk.IDENTITY_MOD_COUNT, source);
        Object[] tab = (Object[]) Jdk.get(F.IDENTITY_ITERATOR_TABLE, o);
        for (int i = Jdk.getInt(F.IDENTITY_ITERATOR_INDEX, o); i < tab.length; i += 2) {
          if (tab[i] != null) {
            rest.add(unmask(tab[i], Jdk.IDENTITY_NULL_KEY));
          }
        }
        int lastIndex = Jdk.getInt(F.IDENTITY_ITERATOR_LAST, o);
        canRemove = lastIndex >= 0;
        last = canRemove ? unmask(tab[lastIndex], Jdk.IDENTITY_NULL_KEY) : null;
      }
      case WEAK_KEY_ITERATOR, WEAK_VALUE_ITERATOR, WEAK_ENTRY_ITERATOR -> {
        source = Jdk.get(F.WEAK_ITERATOR_MAP, o);
        stale = Jdk.getInt(F.WEAK_ITERATOR_MOD_COUNT, o) != Jdk.getInt(Jdk.WEAK_MOD_COUNT, source);
        Object[] table = (Object[]) Jdk.get(Jdk.WEAK_TABLE, source);
        Object e = Jdk.get(F.WEAK_ITERATOR_ENTRY, o);
        int i = Jdk.getInt(F.WEAK_ITERATOR_INDEX, o);
        // As hasNext: entries from the current one on, buckets downwards; cleared keys skipped.
        while (true) {
          while (e == null && i > 0) {
            e = table[--i];
          }
          if (e == null) {
            break;
          }
          Object k = ((java.lang.ref.Reference<?>) e).get();
          if (k != null) {
            rest.add(unmask(k, Jdk.WEAK_NULL_KEY));
          }
          e = Jdk.get(Jdk.WEAK_ENTRY_NEXT, e);
        }
        canRemove = Jdk.get(F.WEAK_ITERATOR_LAST, o) != null;
        last = canRemove
            ? unmask(Jdk.get(F.WEAK_ITERATOR_CURRENT_KEY, o), Jdk.WEAK_NULL_KEY) : null;
      }
      case HASHTABLE_ENUMERATOR -> {
        source = Jdk.get(F.ENUMERATOR_MAP, o);
        boolean iterator = Jdk.getBoolean(F.ENUMERATOR_ITERATOR, o);
        enumeration = !iterator;
        m = Jdk.getInt(F.ENUMERATOR_TYPE, o); // KEYS 0, VALUES 1, ENTRIES 2 as Mode
        if (m < 0 || m > 2) {
          throw new Unsupported("its type " + m + " is unknown");
        }
        stale = Jdk.getInt(F.ENUMERATOR_MOD_COUNT, o)
            != Jdk.getInt(Jdk.HASHTABLE_MOD_COUNT, source); // its next() checks, nextElement not
        Object[] t = (Object[]) Jdk.get(F.ENUMERATOR_TABLE, o);
        Object e = Jdk.get(F.ENUMERATOR_ENTRY, o);
        int i = Jdk.getInt(F.ENUMERATOR_INDEX, o);
        while (true) {
          while (e == null && i > 0) {
            e = t[--i];
          }
          if (e == null) {
            break;
          }
          rest.add(Jdk.get(Jdk.TABLE_ENTRY_KEY, e));
          e = Jdk.get(Jdk.TABLE_ENTRY_NEXT, e);
        }
        Object lastEntry = Jdk.get(F.ENUMERATOR_LAST, o);
        canRemove = iterator && lastEntry != null;
        last = canRemove ? Jdk.get(Jdk.TABLE_ENTRY_KEY, lastEntry) : null;
      }
      case CONCURRENT_KEY_ITERATOR, CONCURRENT_VALUE_ITERATOR, CONCURRENT_ENTRY_ITERATOR -> {
        source = Jdk.get(F.CHM_ITERATOR_MAP, o);
        if (Jdk.get(F.CHM_ITERATOR_STACK, o) != null) {
          throw new Unsupported("it was caught while its ConcurrentHashMap was being resized");
        }
        Object copy = Jdk.allocate(CONCURRENT_KEY_ITERATOR.type);
        F.copyFields(o, copy, F.CHM_BASE_ITERATOR);
        for (Iterator<?> it = (Iterator<?>) copy; it.hasNext(); ) {
          rest.add(it.next());
        }
        Object lastNode = Jdk.get(F.CHM_ITERATOR_LAST, o);
        canRemove = lastNode != null;
        last = canRemove ? Jdk.get(F.CHM_NODE_KEY, lastNode) : null;
      }
      case SET12_ITERATOR, SET_N_ITERATOR, MAP_N_ITERATOR -> {
        source = F.outer(o);
        Object copy = Jdk.allocate(type);
        F.copyFields(o, copy, type);
        for (Iterator<?> it = (Iterator<?>) copy; it.hasNext(); ) {
          Object x = it.next();
          rest.add(this == MAP_N_ITERATOR ? ((Map.Entry<?, ?>) x).getKey() : x);
        }
        canRemove = false;
      }
      case REPLAY_ITERATOR -> {
        ReplayIterator r = (ReplayIterator) o;
        source = r.source();
        rest.addAll(List.of(r.remaining()));
        canRemove = r.canRemove();
        last = r.lastKey();
        stale = r.isStale();
        m = r.mode();
        enumeration = r.isEnumeration();
      }
      default -> throw new IllegalStateException(name());
    }
    Object[] slots = new Object[2 + rest.size()];
    slots[0] = source;
    slots[1] = last;
    for (int i = 0; i < rest.size(); i++) {
      slots[2 + i] = rest.get(i);
    }
    int header = m | (canRemove ? CAN_REMOVE : 0) | (stale ? STALE : 0)
        | (enumeration ? ENUMERATION : 0);
    boolean hashOrdered = this != REPLAY_ITERATOR && !stale && !(source instanceof LinkedHashMap)
        && (source instanceof HashMap || source instanceof ConcurrentHashMap);
    boolean resumed = canRemove || rest.size() < sizeOf(source);
    return new Captured(header, slots, false, hashOrdered && resumed);
  }

  private static int sizeOf(Object source) {
    return source instanceof HashMap ? Jdk.getInt(Jdk.HASHMAP_SIZE, source)
        : source instanceof Map<?, ?> m ? m.size() : ((java.util.Collection<?>) source).size();
  }

  private Captured captureEntry(Object o) {
    switch (this) {
      case HASHTABLE_ENTRY:
        return new Captured(0, new Object[] {null, Jdk.get(Jdk.TABLE_ENTRY_KEY, o),
            Jdk.get(Jdk.TABLE_ENTRY_VALUE, o)}, true, false);
      case WEAK_HASH_MAP_ENTRY:
        return new Captured(0, new Object[] {null,
            unmask(((java.lang.ref.Reference<?>) o).get(), Jdk.WEAK_NULL_KEY),
            Jdk.get(Jdk.WEAK_ENTRY_VALUE, o)}, true, false);
      case IDENTITY_HASH_MAP_ENTRY: {
        int index = Jdk.getInt(F.IDENTITY_ENTRY_INDEX, o);
        Object iterator = Jdk.get(F.IDENTITY_ENTRY_ITERATOR, o);
        if (index < 0 || iterator == null) {
          return new Captured(REMOVED, new Object[3], false, false);
        }
        Object[] tab = (Object[]) Jdk.get(F.IDENTITY_ITERATOR_TABLE, iterator);
        return new Captured(0, new Object[] {Jdk.get(F.IDENTITY_ITERATOR_MAP, iterator),
            unmask(tab[index], Jdk.IDENTITY_NULL_KEY), tab[index + 1]}, false, false);
      }
      default:
        return new Captured(0, new Object[] {null, Jdk.get(Jdk.NODE_KEY, o),
            Jdk.get(Jdk.NODE_VALUE, o)}, true, false);
    }
  }

  private static Object unmask(Object k, Object nullKey) {
    return k == nullKey ? null : k;
  }

  /**
   * The entries (tables' own entry objects) of every node-based map among {@code maps}, for
   * finding the map of a captured entry: HashMap family, Hashtable and WeakHashMap.
   */
  static void indexEntries(Object map, Map<Object, Object> entryToMap) {
    if (map instanceof HashMap) {
      Object[] table = (Object[]) Jdk.get(Jdk.HASHMAP_TABLE, map);
      for (int i = 0; table != null && i < table.length; i++) {
        for (Object n = table[i]; n != null; n = Jdk.get(Jdk.NODE_NEXT, n)) {
          entryToMap.put(n, map);
        }
      }
    } else if (map instanceof Hashtable) {
      for (Object n : (Object[]) Jdk.get(Jdk.HASHTABLE_TABLE, map)) {
        for (; n != null; n = Jdk.get(Jdk.TABLE_ENTRY_NEXT, n)) {
          entryToMap.put(n, map);
        }
      }
    } else if (map instanceof WeakHashMap) {
      for (Object n : (Object[]) Jdk.get(Jdk.WEAK_TABLE, map)) {
        for (; n != null; n = Jdk.get(Jdk.WEAK_ENTRY_NEXT, n)) {
          entryToMap.put(n, map);
        }
      }
    }
  }

  // ---- decode ----

  /** Per-decode caches: decoded iteration orders and entry objects by key, per map. */
  static final class Rebuild {
    private final Map<Object, Object[]> orders = new IdentityHashMap<>();
    private final Map<Object, Map<Object, Object>> entries = new IdentityHashMap<>();

    Object[] keyOrder(Object map) {
      return orders.computeIfAbsent(map, Jdk::keyOrder);
    }

    /** The map's own entry object for key {@code k} (by identity), or null. */
    Object entryOf(Map<?, ?> map, Object k) {
      return entries.computeIfAbsent(map, m -> {
        Map<Object, Object> byKey = new IdentityHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) {
          byKey.put(e.getKey(), e);
        }
        return byKey;
      }).get(k);
    }
  }

  /**
   * The object for a decoded instance: {@code slots} are the decoded slot objects (null for null
   * references), complete; throws on slots that do not fit this kind.
   */
  Object build(Object[] slots, int header, Rebuild rebuild) {
    return switch (shape) {
      case VIEW -> buildView(slots[0]);
      case ITERATOR -> buildIterator(slots, header, rebuild);
      case ENTRY -> buildEntry(slots, header, rebuild);
      case WRAPPER -> buildWrapper(slots[0], slots[1]);
    };
  }

  private Object buildView(Object map) {
    switch (this) {
      case HASH_MAP_KEY_SET, HASH_MAP_VALUES, HASH_MAP_ENTRY_SET, LINKED_KEY_SET, LINKED_VALUES,
          LINKED_ENTRY_SET -> {
        boolean linked = this == LINKED_KEY_SET || this == LINKED_VALUES
            || this == LINKED_ENTRY_SET;
        require(map, linked ? LinkedHashMap.class : HashMap.class);
        Field cache = mode == Mode.KEYS ? F.ABSTRACT_MAP_KEY_SET
            : mode == Mode.VALUES ? F.ABSTRACT_MAP_VALUES : F.HASH_MAP_ENTRY_SET;
        Object cached = Jdk.get(cache, map);
        if (cached != null && cached.getClass() == type) {
          return cached;
        }
        Object view = F.newInner(type, map);
        if (cached == null) {
          Jdk.set(cache, map, view);
        }
        return view;
      }
      case IDENTITY_KEY_SET, IDENTITY_VALUES, IDENTITY_ENTRY_SET, WEAK_KEY_SET, WEAK_VALUES,
          WEAK_ENTRY_SET -> {
        boolean weak = this == WEAK_KEY_SET || this == WEAK_VALUES || this == WEAK_ENTRY_SET;
        require(map, weak ? WeakHashMap.class : IdentityHashMap.class);
        Map<?, ?> m = (Map<?, ?>) map;
        Object view = mode == Mode.KEYS ? m.keySet() : mode == Mode.VALUES ? m.values()
            : m.entrySet();
        require(view, type);
        return view;
      }
      default -> {
        require(map, Hashtable.class);
        return F.newInner(type, map);
      }
    }
  }

  private Object buildIterator(Object[] slots, int header, Rebuild rebuild) {
    Object source = slots[0];
    Object last = slots[1];
    Object[] keys = java.util.Arrays.copyOfRange(slots, 2, slots.length);
    int m = header & 3;
    if (m > 2 || (header & ~31) != 0) {
      throw new IllegalArgumentException("iterator header " + header);
    }
    Mode md = Mode.values()[m];
    boolean canRemove = (header & CAN_REMOVE) != 0;
    boolean stale = (header & STALE) != 0;
    boolean enumeration = (header & ENUMERATION) != 0;
    switch (this) {
      case HASH_MAP_KEY_ITERATOR, HASH_MAP_VALUE_ITERATOR, HASH_MAP_ENTRY_ITERATOR ->
          require(source, HashMap.class);
      case LINKED_KEY_ITERATOR, LINKED_VALUE_ITERATOR, LINKED_ENTRY_ITERATOR ->
          require(source, LinkedHashMap.class);
      case IDENTITY_KEY_ITERATOR, IDENTITY_VALUE_ITERATOR, IDENTITY_ENTRY_ITERATOR ->
          require(source, IdentityHashMap.class);
      case WEAK_KEY_ITERATOR, WEAK_VALUE_ITERATOR, WEAK_ENTRY_ITERATOR ->
          require(source, WeakHashMap.class);
      case HASHTABLE_ENUMERATOR -> require(source, Hashtable.class);
      case CONCURRENT_KEY_ITERATOR, CONCURRENT_VALUE_ITERATOR, CONCURRENT_ENTRY_ITERATOR ->
          require(source, ConcurrentHashMap.class);
      case SET12_ITERATOR, SET_N_ITERATOR -> requireImmutable(source, Set.class);
      case MAP_N_ITERATOR -> requireImmutable(source, Map.class);
      default -> ReplayIterator.checkSource(source, md);
    }
    if (mode != null && md != mode) {
      throw new IllegalArgumentException("mode " + md + " for a " + id);
    }
    if (!stale && (source instanceof HashMap || source instanceof ConcurrentHashMap)) {
      Object[] order = rebuild.keyOrder(source);
      int n = order.length - keys.length;
      if (n >= 0 && sameSuffix(order, n, keys) && (!canRemove || (n > 0 && order[n - 1] == last))) {
        return F.resume(source, md, n, canRemove);
      }
    }
    return new ReplayIterator(source, keys, md.ordinal(), enumeration, last, canRemove, stale);
  }

  private static boolean sameSuffix(Object[] order, int from, Object[] keys) {
    for (int i = 0; i < keys.length; i++) {
      if (order[from + i] != keys[i]) {
        return false;
      }
    }
    return true;
  }

  private Object buildEntry(Object[] slots, int header, Rebuild rebuild) {
    Object map = slots[0];
    Object key = slots[1];
    Object value = slots[2];
    switch (this) {
      case HASHTABLE_ENTRY -> {
        if (map != null) {
          require(map, Hashtable.class);
          Object e = rebuild.entryOf((Map<?, ?>) map, key);
          if (e != null) {
            return e;
          }
        }
        if (key == null) {
          throw new IllegalArgumentException("a Hashtable entry with a null key");
        }
        Object e = Jdk.allocate(type);
        Jdk.setInt(Jdk.TABLE_ENTRY_HASH, e, key.hashCode());
        Jdk.set(Jdk.TABLE_ENTRY_KEY, e, key);
        Jdk.set(Jdk.TABLE_ENTRY_VALUE, e, value);
        return e;
      }
      case WEAK_HASH_MAP_ENTRY -> {
        if (map != null) {
          require(map, WeakHashMap.class);
          Object e = rebuild.entryOf((Map<?, ?>) map, key);
          if (e != null) {
            return e;
          }
        }
        return F.newInstance(type, key == null ? Jdk.WEAK_NULL_KEY : key, value, null, 0, null);
      }
      case IDENTITY_HASH_MAP_ENTRY -> {
        if ((header & REMOVED) == 0) {
          require(map, IdentityHashMap.class);
          Object e = rebuild.entryOf((Map<?, ?>) map, key);
          if (e != null) {
            return e;
          }
        }
        Object e = Jdk.allocate(type); // getKey etc. throw "Entry was removed", as before
        Jdk.setInt(F.IDENTITY_ENTRY_INDEX, e, -1);
        return e;
      }
      default -> {
        if (map != null) {
          require(map, HashMap.class);
          Object node = Jdk.getNode(map, key);
          if (node != null) {
            return node;
          }
        }
        Object node = Jdk.allocate(type);
        Jdk.setInt(Jdk.NODE_HASH, node, Jdk.hash(key));
        Jdk.set(Jdk.NODE_KEY, node, key);
        Jdk.set(Jdk.NODE_VALUE, node, value);
        return node;
      }
    }
  }

  private Object buildWrapper(Object map, Object inner) {
    require(map, AbstractMap.class);
    require(inner, Iterator.class);
    Object it = Jdk.allocate(type);
    Jdk.set(F.field(type, "i"), it, inner);
    Field outer = F.outerField(type);
    if (AbstractMap.class.isAssignableFrom(outer.getType())) {
      Jdk.set(outer, it, map); // JDK 18+: a named inner class of AbstractMap
    } else {
      Object view = Jdk.allocate(outer.getType()); // JDK 17: inside the anonymous view class
      Jdk.set(F.outerField(outer.getType()), view, map);
      Jdk.set(outer, it, view);
    }
    return it;
  }

  private static void require(Object o, Class<?> c) {
    if (!c.isInstance(o)) {
      throw new IllegalArgumentException("expected a " + c.getName() + ", found "
          + (o == null ? "null" : "a " + o.getClass().getName()));
    }
  }

  private static void requireImmutable(Object o, Class<?> c) {
    require(o, c);
    if (ImmutableKind.of(o.getClass()) == null && Canonicals.nameOf(o) == null) {
      throw new IllegalArgumentException("expected an immutable " + c.getName() + ", found a "
          + o.getClass().getName());
    }
  }

  /** An AbstractMap of the JDK's kind, to name the classes of its views' iterators. */
  private static final class SampleMap extends AbstractMap<Object, Object> {
    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      return Set.of();
    }
  }

  /** Reflective handles on iterator internals; names checked on JDK 17 and 25. */
  static final class F {
    private static final Class<?> HASH_ITERATOR = Jdk.nested(HashMap.class, "HashIterator");
    static final Field HASH_ITERATOR_MAP = Jdk.field(HASH_ITERATOR, "this$0");
    static final Field HASH_ITERATOR_NEXT = Jdk.field(HASH_ITERATOR, "next");
    static final Field HASH_ITERATOR_CURRENT = Jdk.field(HASH_ITERATOR, "current");
    static final Field HASH_ITERATOR_INDEX = Jdk.field(HASH_ITERATOR, "index");
    static final Field HASH_ITERATOR_MOD_COUNT = Jdk.field(HASH_ITERATOR, "expectedModCount");
    private static final Class<?> LINKED_ITERATOR =
        Jdk.nested(LinkedHashMap.class, "LinkedHashIterator");
    static final Field LINKED_ITERATOR_MAP = Jdk.field(LINKED_ITERATOR, "this$0");
    static final Field LINKED_ITERATOR_NEXT = Jdk.field(LINKED_ITERATOR, "next");
    static final Field LINKED_ITERATOR_CURRENT = Jdk.field(LINKED_ITERATOR, "current");
    static final Field LINKED_ITERATOR_MOD_COUNT = Jdk.field(LINKED_ITERATOR, "expectedModCount");
    /** JDK 21+. */
    static final Field LINKED_ITERATOR_REVERSED = Jdk.optionalField(LINKED_ITERATOR, "reversed");
    private static final Class<?> IDENTITY_ITERATOR =
        Jdk.nested(IdentityHashMap.class, "IdentityHashMapIterator");
    static final Field IDENTITY_ITERATOR_MAP = Jdk.field(IDENTITY_ITERATOR, "this$0");
    static final Field IDENTITY_ITERATOR_INDEX = Jdk.field(IDENTITY_ITERATOR, "index");
    static final Field IDENTITY_ITERATOR_LAST = Jdk.field(IDENTITY_ITERATOR, "lastReturnedIndex");
    static final Field IDENTITY_ITERATOR_TABLE = Jdk.field(IDENTITY_ITERATOR, "traversalTable");
    static final Field IDENTITY_ITERATOR_MOD_COUNT =
        Jdk.field(IDENTITY_ITERATOR, "expectedModCount");
    private static final Class<?> IDENTITY_ENTRY =
        load("java.util.IdentityHashMap$EntryIterator$Entry");
    static final Field IDENTITY_ENTRY_INDEX = Jdk.field(IDENTITY_ENTRY, "index");
    static final Field IDENTITY_ENTRY_ITERATOR = Jdk.field(IDENTITY_ENTRY, "this$1");
    private static final Class<?> WEAK_ITERATOR = Jdk.nested(WeakHashMap.class, "HashIterator");
    static final Field WEAK_ITERATOR_MAP = Jdk.field(WEAK_ITERATOR, "this$0");
    static final Field WEAK_ITERATOR_INDEX = Jdk.field(WEAK_ITERATOR, "index");
    static final Field WEAK_ITERATOR_ENTRY = Jdk.field(WEAK_ITERATOR, "entry");
    static final Field WEAK_ITERATOR_LAST = Jdk.field(WEAK_ITERATOR, "lastReturned");
    static final Field WEAK_ITERATOR_CURRENT_KEY = Jdk.field(WEAK_ITERATOR, "currentKey");
    static final Field WEAK_ITERATOR_MOD_COUNT = Jdk.field(WEAK_ITERATOR, "expectedModCount");
    private static final Class<?> ENUMERATOR = Jdk.nested(Hashtable.class, "Enumerator");
    static final Field ENUMERATOR_MAP = Jdk.field(ENUMERATOR, "this$0");
    static final Field ENUMERATOR_TABLE = Jdk.field(ENUMERATOR, "table");
    static final Field ENUMERATOR_INDEX = Jdk.field(ENUMERATOR, "index");
    static final Field ENUMERATOR_ENTRY = Jdk.field(ENUMERATOR, "entry");
    static final Field ENUMERATOR_LAST = Jdk.field(ENUMERATOR, "lastReturned");
    static final Field ENUMERATOR_TYPE = Jdk.field(ENUMERATOR, "type");
    static final Field ENUMERATOR_ITERATOR = Jdk.field(ENUMERATOR, "iterator");
    static final Field ENUMERATOR_MOD_COUNT = Jdk.field(ENUMERATOR, "expectedModCount");
    static final Class<?> CHM_BASE_ITERATOR =
        Jdk.nested(ConcurrentHashMap.class, "BaseIterator");
    private static final Class<?> CHM_TRAVERSER = Jdk.nested(ConcurrentHashMap.class, "Traverser");
    static final Field CHM_ITERATOR_MAP = Jdk.field(CHM_BASE_ITERATOR, "map");
    static final Field CHM_ITERATOR_LAST = Jdk.field(CHM_BASE_ITERATOR, "lastReturned");
    static final Field CHM_ITERATOR_STACK = Jdk.field(CHM_TRAVERSER, "stack");
    static final Field CHM_NODE_KEY =
        Jdk.field(Jdk.nested(ConcurrentHashMap.class, "Node"), "key");
    private static final Constructor<?> CHM_MAP_ENTRY =
        constructor(Jdk.nested(ConcurrentHashMap.class, "MapEntry"));
    static final Field ABSTRACT_MAP_KEY_SET = Jdk.field(AbstractMap.class, "keySet");
    static final Field ABSTRACT_MAP_VALUES = Jdk.field(AbstractMap.class, "values");
    static final Field HASH_MAP_ENTRY_SET = Jdk.field(HashMap.class, "entrySet");

    private F() {}

    static Field field(Class<?> c, String name) {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        try {
          Field f = k.getDeclaredField(name);
          f.setAccessible(true);
          return f;
        } catch (NoSuchFieldException e) {
          // look in the superclass
        }
      }
      throw new IllegalStateException(c.getName() + " has no field " + name);
    }

    static Field optional(Class<?> c, String name) {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        Field f = Jdk.optionalField(k, name);
        if (f != null) {
          return f;
        }
      }
      return null;
    }

    /** JDK 21+ LinkedHashMap views' {@code reversed} flag, per view class (absent elsewhere). */
    static final ClassValue<java.util.Optional<Field>> REVERSED = new ClassValue<>() {
      @Override
      protected java.util.Optional<Field> computeValue(Class<?> c) {
        return java.util.Optional.ofNullable(optional(c, "reversed"));
      }
    };

    private static final ClassValue<Field> OUTER = new ClassValue<>() {
      @Override
      protected Field computeValue(Class<?> c) {
        return findOuterField(c);
      }
    };

    /** The outer-instance field of inner class {@code c} (or of its nearest superclass). */
    static Field outerField(Class<?> c) {
      return OUTER.get(c);
    }

    private static Field findOuterField(Class<?> c) {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (f.isSynthetic() && f.getName().startsWith("this$")) {
            f.setAccessible(true);
            return f;
          }
        }
      }
      throw new IllegalStateException(c.getName() + " has no outer instance");
    }

    static Object outer(Object o) {
      return Jdk.get(outerField(o.getClass()), o);
    }

    /** The map of an AbstractMap key or value iterator (via its view on JDK 17). */
    static Object abstractMapOf(Object it) {
      Object outer = outer(it);
      return outer instanceof AbstractMap ? outer : outer(outer);
    }

    /** Copies the instance fields that {@code from} and {@code to} share from {@code top} up. */
    static void copyFields(Object from, Object to, Class<?> top) {
      for (Class<?> k = top; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            f.setAccessible(true);
            Jdk.set(f, to, Jdk.get(f, from));
          }
        }
      }
    }

    private static Constructor<?> constructor(Class<?> c) {
      Constructor<?> k = c.getDeclaredConstructors()[0];
      k.setAccessible(true);
      return k;
    }

    static Object newInstance(Class<?> c, Object... args) {
      try {
        return constructor(c).newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create a " + c.getName() + ": " + e, e);
      }
    }

    /**
     * A new instance of inner class {@code c} of {@code outer} through its constructor; further
     * parameters (JDK 21+ LinkedHashMap's {@code reversed}) get their default value.
     */
    static Object newInner(Class<?> c, Object outer) {
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        Class<?>[] p = k.getParameterTypes();
        if (p.length > 0 && p[0].isInstance(outer)) {
          Object[] args = new Object[p.length];
          args[0] = outer;
          for (int i = 1; i < p.length; i++) {
            args[i] = p[i] == boolean.class ? Boolean.FALSE : p[i] == int.class ? 0 : null;
          }
          try {
            k.setAccessible(true);
            return k.newInstance(args);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + c.getName() + ": " + e, e);
          }
        }
      }
      throw new IllegalStateException(c.getName() + " has no constructor for its outer instance");
    }

    /** {@code new ConcurrentHashMap.MapEntry(k, v, map)}, what its entry iterator returns. */
    static Object concurrentEntry(Object k, Object v, Object map) {
      try {
        return CHM_MAP_ENTRY.newInstance(k, v, map);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * A new JDK iterator of {@code map} (HashMap family or ConcurrentHashMap) advanced {@code n}
     * times; its last-returned entry cleared unless {@code canRemove}.
     */
    static Iterator<?> resume(Object map, Mode mode, int n, boolean canRemove) {
      Iterator<?> it;
      if (map instanceof ConcurrentHashMap<?, ?> c) {
        it = mode == Mode.KEYS ? c.keySet().iterator() : mode == Mode.VALUES
            ? c.values().iterator() : c.entrySet().iterator();
      } else {
        boolean linked = map instanceof LinkedHashMap;
        DerivedKind k = switch (mode) {
          case KEYS -> linked ? LINKED_KEY_ITERATOR : HASH_MAP_KEY_ITERATOR;
          case VALUES -> linked ? LINKED_VALUE_ITERATOR : HASH_MAP_VALUE_ITERATOR;
          case ENTRIES -> linked ? LINKED_ENTRY_ITERATOR : HASH_MAP_ENTRY_ITERATOR;
        };
        it = (Iterator<?>) newInner(k.type, map);
      }
      for (int i = 0; i < n; i++) {
        it.next();
      }
      if (!canRemove) {
        Jdk.set(map instanceof ConcurrentHashMap ? CHM_ITERATOR_LAST
            : map instanceof LinkedHashMap ? LINKED_ITERATOR_CURRENT : HASH_ITERATOR_CURRENT,
            it, null);
      }
      return it;
    }
  }
}
