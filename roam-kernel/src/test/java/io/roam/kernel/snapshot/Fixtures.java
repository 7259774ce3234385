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

  /**
   * A key as the instrumenter leaves a process class without hashCode: a stable identity hash
   * held in a field ({@link io.roam.instrument.runtime.StableIdentity}), so it keeps its hash
   * code in the new JVM although its JVM identity hash differs.
   */
  static class StableKey implements io.roam.instrument.runtime.StableIdentity {
    private static int next = 0x2545F491;
    String label;
    int $roam$ihash;

    StableKey() {}

    StableKey(String label) {
      this.label = label;
    }

    @Override
    public int $roam$identityHash() {
      if ($roam$ihash == 0) {
        next ^= next << 13;
        next ^= next >>> 17;
        next ^= next << 5;
        $roam$ihash = next;
      }
      return $roam$ihash;
    }

    @Override
    public int hashCode() {
      return $roam$identityHash();
    }
  }

  /** A key whose hash codes all collide: enough of them make a HashMap bin a tree. */
  static class Collider {
    int n;

    Collider() {}

    Collider(int n) {
      this.n = n;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Collider c && c.n == n;
    }

    @Override
    public int hashCode() {
      return 42;
    }

    @Override
    public String toString() {
      return "c" + n;
    }
  }

  /** A comparator of process code: orders anything by its description in tests. */
  static class ByLabel implements java.util.Comparator<Object> {
    @Override
    public int compare(Object a, Object b) {
      return Resume.describe(a).compareTo(Resume.describe(b));
    }
  }

  /** Counts constructor runs. */
  static class Counted {
    static int constructed;
    int serial = ++constructed;
  }

  /** A key that counts its hashCode calls: tells a test whether filling (process code) ran. */
  static class CountingKey {
    static final java.util.concurrent.atomic.AtomicInteger HASHED =
        new java.util.concurrent.atomic.AtomicInteger();
    int n;

    CountingKey() {}

    CountingKey(int n) {
      this.n = n;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CountingKey k && k.n == n;
    }

    @Override
    public int hashCode() {
      HASHED.incrementAndGet();
      return n;
    }
  }
}
