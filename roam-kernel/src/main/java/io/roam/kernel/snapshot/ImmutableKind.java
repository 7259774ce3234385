package io.roam.kernel.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDK's compact immutable collections that must be rebuilt through their factories: the
 * sets and maps place elements by a per-JVM random SALT, and List12/Set12 mark an absent second
 * element with a private sentinel. They cannot be filled after creation, so the decoder builds
 * them from their decoded elements in fill order (innermost first); a reference cycle through
 * one cannot be rebuilt and is refused. ListN has stable fields and is copied by field.
 */
enum ImmutableKind {
  LIST12("java.util.ImmutableCollections$List12", false),
  SET12("java.util.ImmutableCollections$Set12", false),
  SET_N("java.util.ImmutableCollections$SetN", false),
  MAP1("java.util.ImmutableCollections$Map1", true),
  MAP_N("java.util.ImmutableCollections$MapN", true);

  /** Binary name of the JDK class. */
  final String className;
  /** Entries are key/value pairs. */
  final boolean isMap;

  ImmutableKind(String className, boolean isMap) {
    this.className = className;
    this.isMap = isMap;
  }

  /** The kind of exact class {@code c}, or null. */
  static ImmutableKind of(Class<?> c) {
    if (c.getClassLoader() != null) {
      return null;
    }
    for (ImmutableKind k : values()) {
      if (k.className.equals(c.getName())) {
        return k;
      }
    }
    return null;
  }

  /** Elements (k0, v0, k1, v1, … for maps) in iteration order. */
  Object[] entries(Object o) {
    if (!isMap) {
      return ((Collection<?>) o).toArray();
    }
    List<Object> flat = new ArrayList<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
      flat.add(e.getKey());
      flat.add(e.getValue());
    }
    return flat.toArray();
  }

  /** A new immutable collection of the decoded entries; throws on nulls or duplicates. */
  @SuppressWarnings("unchecked")
  Object build(Object[] flat) {
    return switch (this) {
      case LIST12 -> List.of(flat);
      case SET12, SET_N -> Set.of(flat);
      case MAP1, MAP_N -> {
        Map.Entry<?, ?>[] es = new Map.Entry<?, ?>[flat.length / 2];
        for (int i = 0; i < es.length; i++) {
          es[i] = Map.entry(flat[2 * i], flat[2 * i + 1]);
        }
        yield Map.ofEntries((Map.Entry<Object, Object>[]) es);
      }
    };
  }
}
