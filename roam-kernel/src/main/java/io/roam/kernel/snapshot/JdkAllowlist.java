package io.roam.kernel.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Vector;

/**
 * The JDK classes whose instances (or, for superclass-only entries, whose part of a process
 * object) are copied field by field. Each was checked on JDK 17 and 25: its fields hold no
 * identity hash codes, native state or per-JVM salt, and have the same names and types on both
 * (version-specific fields are listed as default-only or as duplicates). Everything else of the
 * JDK is refused, except what {@link ValueKind}, {@link Canonicals}, {@link HashedKind}, {@link
 * ImmutableKind} and {@link DerivedKind} handle, JDK enum constants (by name), JDK exception
 * classes without fields of their own (see {@link #entry}) and what the kernel vets through
 * {@link HeapPolicy#isVettedJdkClass}. Anonymous classes are named by a sample instance, never
 * by their number. Immutable after class initialisation; thread-safe.
 *
 * <p>Iterators, list iterators and views of the collections copied here are copied here too:
 * their reference to the outer collection is an ordinary field (decoded as the decoded
 * collection) and their {@code expectedModCount} equals the copied {@code modCount}, so they
 * continue where they were. JDK 17's javac gives an inner subclass its own copy of the outer
 * reference ({@code this$0}) next to its superclass's; JDK 18+ drops it where unused, so such
 * fields are listed as duplicates: not encoded, and set from the superclass's field on decode.
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
   * @param duplicates fields that exist on some JDK versions only and always hold the same value
   *     as the field of the same name in a superclass: not encoded, set from that field on decode
   */
  record Entry(boolean instantiable, Set<String> skipped, Set<String> defaultOnly,
      Set<String> duplicates) {
    static final Entry VETTED = new Entry(true, Set.of(), Set.of(), Set.of());
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
    // threadLocalHashCode only; the kernel's VThreadLocal keeps values in the virtual thread
    sup("java.lang.ThreadLocal");

    // checksums: plain running values
    obj("java.util.zip.CRC32"); // crc
    obj("java.util.zip.Adler32"); // adler
    obj("java.util.zip.CRC32C"); // crc
    obj("java.util.Comparators$NullComparator"); // nullFirst, real

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
    obj("java.util.concurrent.ConcurrentHashMap$ValuesView"); // (map)
    obj("java.util.concurrent.ConcurrentHashMap$EntrySetView"); // (map)
    obj("java.util.concurrent.ConcurrentHashMap$MapEntry"); // key, val, map (setValue puts)
    obj("java.util.concurrent.CopyOnWriteArrayList$COWIterator"); // snapshot (an array), cursor
    obj("java.util.concurrent.CopyOnWriteArrayList$COWSubList"); // this$0, expectedArray, offset, …
    obj("java.util.concurrent.CopyOnWriteArrayList$COWSubListIterator"); // it, offset, size

    // java.util: sets over a rebuilt HashMap / LinkedHashMap (map; PRESENT values are canonical)
    obj("java.util.HashSet"); // map
    obj("java.util.LinkedHashSet"); // no fields of its own
    obj("java.util.KeyValueHolder"); // key, value: Map.entry(k, v), entries of Map.of maps

    // Iterators and sub-lists of the lists and queues above (see the class comment)
    obj("java.util.ArrayList$Itr"); // this$0, cursor, lastRet, expectedModCount
    obj("java.util.ArrayList$ListItr"); // this$0 (its own, used on every version)
    obj("java.util.ArrayList$SubList"); // root, parent, offset, size; modCount
    sample(new ArrayList<>(List.of(1)).subList(0, 1).iterator()); // this$0, val$index, cursor, …
    obj("java.util.AbstractList$Itr"); // this$0, cursor, lastRet, expectedModCount (nCopies)
    obj("java.util.AbstractList$ListItr"); // this$0 (Arrays.asList(…).listIterator())
    obj("java.util.AbstractList$SubList"); // root, parent, offset, size; modCount
    obj("java.util.AbstractList$RandomAccessSubList");
    sample(new LinkedList<>(List.of(1)).subList(0, 1).iterator()); // this$0, i, val$index
    obj("java.util.LinkedList$ListItr"); // this$0, lastReturned, next, nextIndex, expectedModCount
    obj("java.util.LinkedList$DescendingIterator"); // this$0, itr
    obj("java.util.ArrayDeque$DeqIterator"); // this$0, cursor, remaining, lastRet
    obj("java.util.ArrayDeque$DescendingIterator"); // this$0
    obj("java.util.PriorityQueue$Itr"); // this$0, cursor, lastRet, forgetMeNot, lastRetElt, …
    obj("java.util.Vector$Itr"); // this$0, cursor, lastRet, expectedModCount
    obj("java.util.Vector$ListItr"); // this$0
    sample(new Vector<>().elements()); // this$0, count
    obj("java.util.Arrays$ArrayItr"); // a (the list's array), cursor
    obj("java.util.ImmutableCollections$ListItr"); // list, size, isListIterator, cursor
    obj("java.util.ImmutableCollections$SubList"); // root, offset, size

    // TreeMap and TreeSet: views, sub-maps and their iterators
    obj("java.util.TreeMap$KeySet"); // m (a TreeMap or a sub-map)
    obj("java.util.TreeMap$Values"); // this$0
    obj("java.util.TreeMap$EntrySet"); // this$0
    sup("java.util.TreeMap$PrivateEntryIterator"); // this$0, next, lastReturned, expectedModCount
    dup("java.util.TreeMap$KeyIterator", "this$0");
    dup("java.util.TreeMap$ValueIterator", "this$0");
    dup("java.util.TreeMap$EntryIterator", "this$0");
    obj("java.util.TreeMap$DescendingKeyIterator"); // this$0 (its own, on every version)
    // m, lo, hi, fromStart, toEnd, loInclusive, hiInclusive and the view caches
    sup("java.util.TreeMap$NavigableSubMap");
    obj("java.util.TreeMap$AscendingSubMap");
    obj("java.util.TreeMap$DescendingSubMap"); // reverseComparator
    sup("java.util.TreeMap$NavigableSubMap$EntrySetView"); // this$0, size, sizeModCount
    obj("java.util.TreeMap$AscendingSubMap$AscendingEntrySetView"); // this$0
    obj("java.util.TreeMap$DescendingSubMap$DescendingEntrySetView"); // this$0
    // this$0, next, lastReturned, expectedModCount, fenceKey (TreeMap.UNBOUNDED is canonical)
    sup("java.util.TreeMap$NavigableSubMap$SubMapIterator");
    obj("java.util.TreeMap$NavigableSubMap$SubMapKeyIterator"); // this$0 (its own)
    dup("java.util.TreeMap$NavigableSubMap$SubMapEntryIterator", "this$0");
    dup("java.util.TreeMap$NavigableSubMap$DescendingSubMapKeyIterator", "this$0");
    dup("java.util.TreeMap$NavigableSubMap$DescendingSubMapEntryIterator", "this$0");

    // EnumMap and EnumSet: views and iterators (indexes into the copied arrays)
    obj("java.util.EnumMap$KeySet"); // this$0
    obj("java.util.EnumMap$Values"); // this$0
    obj("java.util.EnumMap$EntrySet"); // this$0
    sup("java.util.EnumMap$EnumMapIterator"); // this$0, index, lastReturnedIndex
    obj("java.util.EnumMap$KeyIterator"); // this$0
    obj("java.util.EnumMap$ValueIterator"); // this$0
    obj("java.util.EnumMap$EntryIterator"); // this$0, lastReturnedEntry
    obj("java.util.EnumMap$EntryIterator$Entry"); // this$1, index
    obj("java.util.RegularEnumSet$EnumSetIterator"); // this$0, unseen, lastReturned
    obj("java.util.JumboEnumSet$EnumSetIterator"); // this$0, unseen, unseenIndex, lastReturned, …

    // Views of AbstractMap (keySet()/values() of Map.of maps and others) and of Map.of maps
    sample(new SampleMap().keySet()); // this$0
    sample(new SampleMap().values()); // this$0
    sample(Map.of(1, 1, 2, 2, 3, 3).entrySet()); // this$0 (the MapN)

    // java.util.Collections: iterators, views and entries of the wrappers
    sample(Collections.unmodifiableCollection(new ArrayList<>()).iterator()); // this$0, i
    sample(Collections.unmodifiableList(new ArrayList<>()).listIterator()); // this$0, i, val$index
    obj("java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet"); // (c)
    sample(Collections.unmodifiableMap(new TreeMap<>()).entrySet().iterator()); // this$0, i
    obj("java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet$UnmodifiableEntry"); // e
    // val$it; this$0 exists on JDK 17 only and is never read
    sample(Collections.checkedCollection(new ArrayList<>(), Object.class).iterator(), "this$0");
    sample(Collections.checkedList(new ArrayList<>(), Object.class).listIterator()); // this$0, …
    obj("java.util.Collections$CheckedMap$CheckedEntrySet"); // s, valueType
    sample(Collections.checkedMap(new TreeMap<>(), Object.class, Object.class).entrySet()
        .iterator()); // this$0, val$i
    obj("java.util.Collections$CheckedMap$CheckedEntrySet$CheckedEntry"); // e, valueType
    sample(Collections.singleton(1).iterator()); // hasNext, val$e
    sample(Collections.enumeration(List.of())); // i, val$c
    obj("java.util.Collections$SetFromMap"); // m, s (m's key set)
    obj("java.util.Collections$AsLIFOQueue"); // q

    // java.io wrappers over the kernel's file objects (which are re-bound by name, see the
    // kernel's FileProxy): their buffers are plain arrays, so unflushed output and read-ahead
    // input travel with the process.
    sup("java.io.InputStream"); // no fields
    sup("java.io.OutputStream"); // no fields
    sup("java.io.FilterInputStream"); // in
    sup("java.io.FilterOutputStream"); // out, closed, closeLock (a plain Object)
    obj("java.io.BufferedInputStream"); // buf (JDK 21+: EMPTY is canonical), count, pos, markpos, …
    obj("java.io.BufferedOutputStream"); // buf, count (JDK 21+: maxBufSize)
    obj("java.io.DataInputStream"); // bytearr, chararr, readBuffer, lineBuffer
    obj("java.io.DataOutputStream"); // written, bytearr, writeBuffer
    sup("java.io.Reader"); // lock (the wrapped reader or the reader itself), skipBuffer
    sup("java.io.Writer"); // writeBuffer, lock
    // superclasses of the kernel's VInputStreamReader/VOutputStreamWriter, which never use the
    // JDK's decoder/encoder (skipped, null after a resume)
    sup("java.io.InputStreamReader", "sd");
    sup("java.io.OutputStreamWriter", "se");
    obj("java.io.BufferedReader"); // in, cb, nChars, nextChar, markedChar, readAheadLimit, skipLF, …
    obj("java.io.BufferedWriter"); // out, cb, nChars, nextChar (JDK 21+: maxChars)
    obj("java.io.PrintWriter", "formatter"); // out, autoFlush, trouble, psOut; formatter is a cache
    obj("java.io.StringWriter"); // buf (a StringBuffer)
    obj("java.io.CharArrayWriter"); // buf, count
    obj("java.io.ByteArrayOutputStream"); // buf, count
    obj("java.io.ByteArrayInputStream"); // buf, pos, mark, count
  }

  /** An AbstractMap of the JDK's kind, to name the anonymous classes of its views. */
  private static final class SampleMap extends AbstractMap<Object, Object> {
    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      return Set.of();
    }
  }

  private JdkAllowlist() {}

  private static void obj(String name, String... skipped) {
    add(name, true, Set.of(skipped), Set.of());
  }

  private static void sup(String name, String... skipped) {
    add(name, false, Set.of(skipped), Set.of());
  }

  /** An instantiable class whose listed fields may duplicate a superclass's field. */
  private static void dup(String name, String... duplicates) {
    try {
      ENTRIES.put(Class.forName(name, false, null),
          new Entry(true, Set.of(), Set.of(), Set.of(duplicates)));
    } catch (ClassNotFoundException e) {
      // Not in this JDK version: nothing to allow.
    }
  }

  /** The (anonymous) class of {@code sample}, instantiable. */
  private static void sample(Object sample, String... skipped) {
    ENTRIES.put(sample.getClass(), new Entry(true, Set.of(skipped), Set.of(), Set.of()));
  }

  private static void add(String name, boolean inst, Set<String> skipped, Set<String> defOnly) {
    try {
      ENTRIES.put(Class.forName(name, false, null), new Entry(inst, skipped, defOnly, Set.of()));
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
