package io.roam.kernel.snapshot;

import io.roam.kernel.snapshot.HashedKind.Jdk;
import java.util.ConcurrentModificationException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An iterator (or Hashtable enumeration) over a collection that Roam rebuilt in this JVM, resumed
 * where the original stopped although the rebuilt collection iterates in another order: hash
 * codes differ here (identity hashes of IdentityHashMap keys, Set.of/Map.of placing elements by
 * a per-JVM salt) or a bin changed shape. It yields the keys (elements) the original had still to
 * return, in the original order, projected as the original would (key, current value, or the
 * map's own entry object), and removes through the map as the original's {@code remove()}
 * would; like the original it fails fast when the map is modified behind it (the
 * ConcurrentHashMap one is weakly consistent and skips keys removed meanwhile). Created by {@link
 * DerivedKind} only; captured again as {@link DerivedKind#REPLAY_ITERATOR}. Not thread-safe,
 * like the iterators it stands for.
 */
final class ReplayIterator implements Iterator<Object>, Enumeration<Object> {
  private static final int KEYS = 0;
  private static final int VALUES = 1;

  private final Object source;
  private final Object[] keys;
  /** {@link DerivedKind.Mode} ordinal. */
  private final int mode;
  /**
   * A Hashtable {@code keys()}/{@code elements()} enumeration: no remove, and only its Iterator
   * face ({@code next()}) fails fast, as the JDK's.
   */
  private final boolean enumeration;
  private int cursor;
  private Object lastKey;
  private boolean canRemove;
  private boolean stale;
  private int expectedModCount;
  /** IdentityHashMap, WeakHashMap and Hashtable entry objects by key, found on first use. */
  private Map<Object, Object> entries;

  ReplayIterator(Object source, Object[] keys, int mode, boolean enumeration, Object lastKey,
      boolean canRemove, boolean stale) {
    this.source = source;
    this.keys = keys;
    this.mode = mode;
    this.enumeration = enumeration;
    this.lastKey = lastKey;
    this.canRemove = canRemove && !enumeration && !immutable(source);
    this.stale = stale;
    this.expectedModCount = modCount(source);
  }

  /** Throws unless {@code source} is a collection a replay iterator can run over in this mode. */
  static void checkSource(Object source, DerivedKind.Mode mode) {
    boolean map = source instanceof HashMap || source instanceof IdentityHashMap
        || source instanceof WeakHashMap || source instanceof Hashtable
        || source instanceof ConcurrentHashMap;
    boolean immutable = source != null
        && (ImmutableKind.of(source.getClass()) != null || Canonicals.nameOf(source) != null);
    boolean ok = map || (immutable
        && (source instanceof Map || (source instanceof Set && mode == DerivedKind.Mode.KEYS)));
    if (!ok) {
      throw new IllegalArgumentException("a resumed iterator cannot run over a "
          + (source == null ? "null" : source.getClass().getName()));
    }
  }

  private static boolean immutable(Object source) {
    return !(source instanceof HashMap || source instanceof IdentityHashMap
        || source instanceof WeakHashMap || source instanceof Hashtable
        || source instanceof ConcurrentHashMap);
  }

  private static int modCount(Object source) {
    if (source instanceof HashMap) {
      return Jdk.getInt(Jdk.HASHMAP_MOD_COUNT, source);
    } else if (source instanceof IdentityHashMap) {
      return Jdk.getInt(Jdk.IDENTITY_MOD_COUNT, source);
    } else if (source instanceof WeakHashMap) {
      return Jdk.getInt(Jdk.WEAK_MOD_COUNT, source);
    } else if (source instanceof Hashtable) {
      return Jdk.getInt(Jdk.HASHTABLE_MOD_COUNT, source);
    }
    return 0;
  }

  @Override
  public boolean hasNext() {
    if (source instanceof ConcurrentHashMap<?, ?> m) {
      while (cursor < keys.length && !m.containsKey(keys[cursor])) {
        cursor++;
      }
    }
    if (cursor < keys.length) {
      return true;
    }
    if (source instanceof WeakHashMap) {
      lastKey = null; // as WeakHashMap's iterator, which then removes the null key (or nothing)
    }
    return false;
  }

  @Override
  public Object next() {
    if (stale || modCount(source) != expectedModCount) {
      throw new ConcurrentModificationException();
    }
    return nextElement();
  }

  @Override
  public boolean hasMoreElements() {
    return hasNext();
  }

  @Override
  public Object nextElement() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object k = keys[cursor];
    keys[cursor++] = null; // the original holds no reference to what it has returned
    lastKey = k;
    canRemove = !enumeration && !immutable(source);
    return project(k);
  }

  private Object project(Object k) {
    if (mode == KEYS) {
      return k;
    }
    if (source instanceof HashMap) {
      Object node = Jdk.getNode(source, k);
      if (node == null) {
        throw new ConcurrentModificationException();
      }
      return mode == VALUES ? Jdk.get(Jdk.NODE_VALUE, node) : node;
    }
    Map<?, ?> map = (Map<?, ?>) source;
    Object v = map.get(k);
    if (mode == VALUES) {
      return v;
    }
    if (source instanceof ConcurrentHashMap) {
      return DerivedKind.F.concurrentEntry(k, v, source);
    }
    if (immutable(source)) {
      return Map.entry(k, v);
    }
    if (entries == null) {
      entries = new IdentityHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entries.put(e.getKey(), e);
      }
    }
    Object e = entries.get(k);
    if (e == null) {
      throw new ConcurrentModificationException();
    }
    return e;
  }

  @Override
  public void remove() {
    if (enumeration || immutable(source)) {
      throw new UnsupportedOperationException();
    }
    if (!canRemove) {
      throw new IllegalStateException();
    }
    if (stale || modCount(source) != expectedModCount) {
      throw new ConcurrentModificationException();
    }
    if (source instanceof HashMap) {
      Jdk.removeNode(source, lastKey);
    } else {
      ((Map<?, ?>) source).remove(lastKey);
    }
    // IdentityHashMap entries are slot indexes, which a removal shifts: find them again
    entries = null;
    canRemove = false;
    expectedModCount = modCount(source);
  }

  // ---- state, for capture ----

  Object source() {
    return source;
  }

  Object[] remaining() {
    return java.util.Arrays.copyOfRange(keys, cursor, keys.length);
  }

  Object lastKey() {
    return canRemove ? lastKey : null;
  }

  boolean canRemove() {
    return canRemove;
  }

  boolean isStale() {
    return stale || modCount(source) != expectedModCount;
  }

  int mode() {
    return mode;
  }

  boolean isEnumeration() {
    return enumeration;
  }
}
