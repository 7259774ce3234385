package io.roam.kernel.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Classes that tests treat as process classes (see {@link TestPolicy}): compiled normally, with
 * non-final fields as the instrumenter leaves them.
 */
final class Fixtures {
  private Fixtures() {}

  /** Every primitive type, a transient field, and references. */
  static class AllTypes {
    boolean z;
    byte b;
    short s;
    char c;
    int i;
    long j;
    float f;
    double d;
    transient int cached;
    String name;
    Object any;
    int[] ints;
  }

  /** A subclass whose field shadows one of its superclass. */
  static class Shadowing extends AllTypes {
    int i;
  }

  /** A node of a singly linked list; identity hash, no equals. */
  static class Node {
    int value;
    Node next;
    Object payload;

    Node() {}

    Node(int value) {
      this.value = value;
    }
  }

  /** A key without hashCode/equals: hashed by identity. */
  static class IdKey {
    String label;

    IdKey() {}

    IdKey(String label) {
      this.label = label;
    }
  }

  /** A key whose hash depends on another object, which may be decoded later. */
  static class Point {
    IdKey tag;
    int x;
    int y;

    Point() {}

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && p.x == x && p.y == y;
    }

    @Override
    public int hashCode() {
      return Objects.hash(x, y);
    }
  }

  /** An LRU cache: a process subclass of LinkedHashMap with access order. */
  static class Lru<K, V> extends LinkedHashMap<K, V> {
    int max;
    int evictions;
    int puts;

    Lru() {
      super(16, 0.75f, true);
    }

    Lru(int max) {
      super(16, 0.75f, true);
      this.max = max;
    }

    @Override
    public V put(K key, V value) {
      puts++;
      return super.put(key, value);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      if (size() > max) {
        evictions++;
        return true;
      }
      return false;
    }
  }

  /** A process subclass of ArrayList with a field of its own. */
  static class NamedList extends ArrayList<Object> {
    String title;
  }

  /** A process exception. */
  static class AppException extends RuntimeException {
    int code;

    AppException(String message, int code) {
      super(message);
      this.code = code;
    }
  }

  /** A process subclass of Random. */
  static class Dice extends Random {
    int sides = 6;

    Dice(long seed) {
      super(seed);
    }
  }

  /** A process enum, copied by field (the kernel decides whether to canonicalise it). */
  enum Color {
    RED, GREEN
  }

  /** Holds a reference that may be refused. */
  static class Holder {
    Object value;
    List<Object> list;

    Holder() {}

    Holder(Object value) {
      this.value = value;
    }
  }

  /** A process subclass of HashSet: the set part is rebuilt, its own fields copied. */
  static class TaggedSet extends java.util.HashSet<Object> {
    String tag;
    int adds;

    @Override
    public boolean add(Object o) {
      adds++;
      return super.add(o);
    }
  }

  /** Counts constructor runs. */
  static class Counted {
    static int constructed;
    int serial = ++constructed;
  }
}
