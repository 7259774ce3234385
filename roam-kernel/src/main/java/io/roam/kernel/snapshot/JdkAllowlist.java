package io.roam.kernel.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JDK classes whose instances (or, for superclass-only entries, whose part of a process
 * object) are copied field by field. Each was checked on JDK 17 and 25: its fields hold no
 * identity hash codes, native state or per-JVM salt, and have the same names and types on both
 * (version-specific fields are listed as default-only). Everything else of the JDK is refused,
 * except what {@link ValueKind}, {@link Canonicals}, {@link HashedKind} and {@link
 * ImmutableKind} handle, JDK enum constants (by name), JDK exception classes without fields of
 * their own (see {@link #entry}) and what the kernel vets through {@link
 * HeapPolicy#isVettedJdkClass}. Immutable after class initialisation; thread-safe.
 */
final class JdkAllowlist {

  /**
   * One allowed JDK class.
   *
   * @param instantiable whether instances of exactly this class may be captured (false: only as
   *     the superclass part of another allowed class)
   * @param skipped fields never encoded and left at their default on decode: caches rebuilt on
   *     demand, VM-internal state
   * @param defaultOnly fields that exist on some JDK versions only: not encoded, and capture is
   *     refused when one holds a non-default value
   */
  record Entry(boolean instantiable, Set<String> skipped, Set<String> defaultOnly) {
    static final Entry VETTED = new Entry(true, Set.of(), Set.of());
  }

  private static final Map<Class<?>, Entry> ENTRIES = new HashMap<>();

  static {
    // java.lang
    obj("java.lang.Object"); // plain lock and sentinel objects; no fields
    sup("java.lang.Number"); // superclass of process Number subclasses; no fields
    sup("java.lang.Record"); // superclass of process records; no fields
    sup("java.lang.Enum", "hash"); // process enums: name, ordinal; hash is a lazy cache (JDK 21+)
    // detailMessage, cause, stackTrace (materialised before encoding), suppressedExceptions;
    // backtrace is the VM's native backtrace and depth only sizes it.
    add("java.lang.Throwable", true, Set.of("backtrace", "depth"), Set.of());

    // java.util: abstract bases (modCount; the map's keySet/values view caches are skipped)
    sup("java.util.AbstractCollection");
    sup("java.util.AbstractList");
    sup("java.util.AbstractSequentialList");
    sup("java.util.AbstractSet");
    sup("java.util.AbstractQueue");
    sup("java.util.AbstractMap", "keySet", "values");

    // java.util: lists, queues, trees ordered by comparators, never by hashes
    obj("java.util.ArrayList"); // elementData, size
    obj("java.util.LinkedList"); // size, first, last
    obj("java.util.LinkedList$Node"); // item, next, prev
    obj("java.util.ArrayDeque"); // elements, head, tail
    obj("java.util.Vector"); // elementData, elementCount, capacityIncrement
    obj("java.util.Stack"); // no fields of its own
    obj("java.util.PriorityQueue"); // queue, size, comparator, modCount
    obj("java.util.TreeMap", "entrySet", "navigableKeySet", "descendingMap"); // view caches skipped
    obj("java.util.TreeMap$Entry"); // key, value, left, right, parent, color
    obj("java.util.TreeSet"); // m (a TreeMap)
    obj("java.util.BitSet"); // words, wordsInUse, sizeIsSticky
    obj("java.util.Arrays$ArrayList"); // a
    obj("java.util.AbstractMap$SimpleEntry"); // key, value
    obj("java.util.AbstractMap$SimpleImmutableEntry"); // key, value
    obj("java.util.ImmutableCollections$ListN"); // elements, allowNulls (both on 17 and 25)
    sup("java.util.ImmutableCollections$AbstractImmutableCollection");
    sup("java.util.ImmutableCollections$AbstractImmutableList");

    // java.util: enum collections, indexed by ordinal; keyUniverse/universe hold the constants
    obj("java.util.EnumMap", "entrySet"); // keyType, keyUniverse, vals, size
    sup("java.util.EnumSet"); // elementType, universe
    obj("java.util.RegularEnumSet"); // elements (long)
    obj("java.util.JumboEnumSet"); // elements (long[]), size

    // java.util.Collections wrappers and small collections (view caches skipped)
    obj("java.util.Collections$UnmodifiableCollection"); // c
    obj("java.util.Collections$UnmodifiableList"); // list
    obj("java.util.Collections$UnmodifiableRandomAccessList");
    obj("java.util.Collections$UnmodifiableSet");
    obj("java.util.Collections$UnmodifiableSortedSet"); // ss
    obj("java.util.Collections$UnmodifiableNavigableSet"); // ns
    obj("java.util.Collections$UnmodifiableMap", "keySet", "entrySet", "values"); // m
    obj("java.util.Collections$UnmodifiableSortedMap"); // sm
    obj("java.util.Collections$UnmodifiableNavigableMap"); // nm
    obj("java.util.Collections$SynchronizedCollection"); // c, mutex
    // list; reversedView/isReversed exist on JDK 21+ only: a reversed() view is refused
    add("java.util.Collections$SynchronizedList", true, Set.of("reversedView"), Set.of("isReversed"));
    obj("java.util.Collections$SynchronizedRandomAccessList");
    obj("java.util.Collections$SynchronizedSet");
    obj("java.util.Collections$SynchronizedMap", "keySet", "entrySet", "values"); // m, mutex
    obj("java.util.Collections$CheckedCollection"); // c, type, zeroLengthElementArray
    obj("java.util.Collections$CheckedList"); // list
    obj("java.util.Collections$CheckedRandomAccessList");
    obj("java.util.Collections$CheckedMap", "entrySet"); // m, keyType, valueType
    obj("java.util.Collections$SingletonList"); // element
    obj("java.util.Collections$SingletonSet"); // element
    obj("java.util.Collections$SingletonMap", "keySet", "entrySet", "values"); // k, v
    obj("java.util.Collections$CopiesList"); // n, element
    obj("java.util.Collections$ReverseComparator2"); // cmp

    // java.util: small values and state
    obj("java.util.Optional"); // value
    obj("java.util.OptionalInt"); // isPresent, value
    obj("java.util.OptionalLong"); // isPresent, value
    obj("java.util.OptionalDouble"); // isPresent, value
    obj("java.util.Random"); // seed (an AtomicLong), nextNextGaussian, haveNextNextGaussian
    obj("java.util.UUID"); // mostSigBits, leastSigBits

    // java.util.concurrent
    obj("java.util.concurrent.atomic.AtomicInteger"); // value
    obj("java.util.concurrent.atomic.AtomicLong"); // value
    obj("java.util.concurrent.atomic.AtomicBoolean"); // value (an int)
    obj("java.util.concurrent.atomic.AtomicReference"); // value
    obj("java.util.concurrent.atomic.AtomicIntegerArray"); // array
    obj("java.util.concurrent.atomic.AtomicLongArray"); // array
    obj("java.util.concurrent.atomic.AtomicReferenceArray"); // array
    obj("java.util.concurrent.CopyOnWriteArrayList"); // lock (a plain Object), array
    obj("java.util.concurrent.ConcurrentHashMap$KeySetView"); // value; map is rebuilt as hashed
    sup("java.util.concurrent.ConcurrentHashMap$CollectionView"); // map
  }

  private JdkAllowlist() {}

  private static void obj(String name, String... skipped) {
    add(name, true, Set.of(skipped), Set.of());
  }

  private static void sup(String name, String... skipped) {
    add(name, false, Set.of(skipped), Set.of());
  }

  private static void add(String name, boolean inst, Set<String> skipped, Set<String> defOnly) {
    try {
      ENTRIES.put(Class.forName(name, false, null), new Entry(inst, skipped, defOnly));
    } catch (ClassNotFoundException e) {
      // Not in this JDK version: nothing to allow.
    }
  }

  /**
   * The entry for JDK class {@code c}, or null when it is not allowed. JDK exceptions (Throwable
   * subclasses) that declare no instance fields of their own are allowed without an entry: all
   * their state is Throwable's.
   */
  static Entry entry(Class<?> c) {
    Entry e = ENTRIES.get(c);
    if (e != null || !Throwable.class.isAssignableFrom(c)) {
      return e;
    }
    for (Field f : c.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        return null;
      }
    }
    return Entry.VETTED;
  }
}
