package io.roam.kernel.snapshot;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The JDK's well-known singletons and sentinels, each under a stable name: a snapshot refers to
 * them by name and the decoder returns this JVM's instance, so {@code ==} comparisons against
 * them (and the JDK's own sentinel checks, e.g. Throwable's) keep working. Built once, read-only
 * afterwards, thread-safe. A name that is absent in this JVM (a sentinel that another JDK
 * version has) decodes to an error, never to a copy.
 */
final class Canonicals {
  private static final Map<String, Object> BY_NAME = new LinkedHashMap<>();
  private static final Map<Object, String> BY_OBJECT = new IdentityHashMap<>();
  /** Classes with at least one canonical instance: only their instances need a lookup. */
  private static final Set<Class<?>> CLASSES = new java.util.HashSet<>();

  static {
    add("Collections.EMPTY_LIST", Collections.EMPTY_LIST);
    add("Collections.EMPTY_SET", Collections.EMPTY_SET);
    add("Collections.EMPTY_MAP", Collections.EMPTY_MAP);
    add("Collections.emptyIterator", Collections.emptyIterator());
    add("Collections.emptyListIterator", Collections.emptyListIterator());
    add("Collections.emptyEnumeration", Collections.emptyEnumeration());
    add("Collections.emptySortedSet", Collections.emptySortedSet());
    add("Collections.emptyNavigableSet", Collections.emptyNavigableSet());
    add("Collections.emptySortedMap", Collections.emptySortedMap());
    add("Collections.emptyNavigableMap", Collections.emptyNavigableMap());
    add("Comparator.naturalOrder", Comparator.naturalOrder());
    add("Collections.reverseOrder", Collections.reverseOrder());
    add("String.CASE_INSENSITIVE_ORDER", String.CASE_INSENSITIVE_ORDER);
    add("List.of", List.of());
    add("Set.of", Set.of());
    add("Map.of", Map.of());
    add("Optional.empty", Optional.empty());
    add("OptionalInt.empty", OptionalInt.empty());
    add("OptionalLong.empty", OptionalLong.empty());
    add("OptionalDouble.empty", OptionalDouble.empty());
    addStatic("java.lang.Throwable", "UNASSIGNED_STACK");
    addStatic("java.lang.Throwable", "SUPPRESSED_SENTINEL");
    addStatic("java.lang.Throwable", "EMPTY_THROWABLE_ARRAY");
    addStatic("java.util.EnumMap", "NULL");
    addStatic("java.util.HashSet", "PRESENT"); // the value of every entry of a HashSet's map
    addStatic("java.util.TreeMap", "UNBOUNDED"); // fence key of sub-map iterators
    addStatic("java.util.ImmutableCollections", "EMPTY");
    addStatic("java.util.ImmutableCollections", "EMPTY_LIST");
    addStatic("java.util.ImmutableCollections", "EMPTY_LIST_NULLS");
    addStatic("java.util.ImmutableCollections", "EMPTY_SET");
    addStatic("java.util.ImmutableCollections", "EMPTY_MAP");
    addStatic("java.io.BufferedInputStream", "EMPTY"); // JDK 21+: buffer not yet allocated
  }

  private Canonicals() {}

  private static void add(String name, Object o) {
    BY_NAME.put(name, o);
    BY_OBJECT.putIfAbsent(o, name);
    CLASSES.add(o.getClass());
  }

  /** A private static sentinel, read reflectively; skipped when this JDK has no such field. */
  private static void addStatic(String className, String field) {
    try {
      Field f = Class.forName(className).getDeclaredField(field);
      f.setAccessible(true);
      Object o = f.get(null);
      if (o != null) {
        add(className + "." + field, o);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // This JDK version has no such sentinel (or java.base is not opened): nothing to map.
    }
  }

  /** True when some instance of exactly {@code c} is canonical. */
  static boolean hasInstancesOf(Class<?> c) {
    return CLASSES.contains(c);
  }

  /** The name of a JDK singleton, or null. */
  static String nameOf(Object o) {
    return BY_OBJECT.get(o);
  }

  /** The singleton of this JVM with that name, or null. */
  static Object byName(String name) {
    return BY_NAME.get(name);
  }
}
