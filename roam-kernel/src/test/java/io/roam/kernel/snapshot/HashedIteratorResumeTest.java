package io.roam.kernel.snapshot;

import static io.roam.kernel.snapshot.Resume.mixedKeys;
import static io.roam.kernel.snapshot.Resume.shape;
import static io.roam.kernel.snapshot.Resume.stableKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Fixtures.Collider;
import io.roam.kernel.snapshot.Fixtures.IdKey;
import io.roam.kernel.snapshot.Fixtures.Lru;
import io.roam.kernel.snapshot.Fixtures.TaggedSet;
import io.roam.kernel.snapshot.Resume.Shape;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Iterators, views and entries of the hash tables Roam rebuilds in the new JVM (HashMap,
 * LinkedHashMap, HashSet, LinkedHashSet, IdentityHashMap, WeakHashMap, Hashtable,
 * ConcurrentHashMap) continue where they were and belong to the rebuilt table. Keys are strings,
 * integers and process objects without hashCode, whose identity hash differs after decoding (as
 * it would in another JVM without the kernel's stable hashes), so those tables iterate in another
 * order: their iterators replay the original order. With keys hashed the same in both JVMs
 * (strings, integers, stable process keys) a HashMap is rebuilt in the same order and its
 * iterator is the JDK's own, advanced to the same place.
 */
class HashedIteratorResumeTest {
  private final TestPolicy policy = new TestPolicy();

  @SuppressWarnings("unchecked")
  private static Consumer<Object> put() {
    return c -> {
      if (c instanceof Map<?, ?> m) {
        ((Map<Object, Object>) m).put("added", "new");
      } else {
        ((Collection<Object>) c).add("added");
      }
    };
  }

  /** A map of {@code keys} to "v0", "v1", …. */
  private static <M extends Map<Object, Object>> M fill(M map, List<Object> keys) {
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), "v" + i);
    }
    return map;
  }

  /** Keys, values and entries iterator shapes of one kind of map. */
  private static void map(List<Shape> out, String name, Supplier<Map<Object, Object>> make,
      Consumer<Object> modify) {
    out.add(shape(name + ".keySet.iterator", make, c -> ((Map<?, ?>) c).keySet().iterator(),
        modify));
    out.add(shape(name + ".values.iterator", make, c -> ((Map<?, ?>) c).values().iterator(),
        modify));
    out.add(shape(name + ".entrySet.iterator", make, c -> ((Map<?, ?>) c).entrySet().iterator(),
        modify));
  }

  private static Shape set(String name, Supplier<Set<Object>> make) {
    Function<Object, Object> it = c -> ((Set<?>) c).iterator();
    return shape(name, make, it, put());
  }

  /** A WeakHashMap whose values hold their keys, so no key is cleared during the test. */
  private static WeakHashMap<Object, Object> weak() {
    WeakHashMap<Object, Object> m = new WeakHashMap<>();
    for (Object k : mixedKeys(14)) {
      m.put(k, List.of(k));
    }
    return m;
  }

  /** 60 string keys and 10 colliding ones, which share one tree bin. */
  private static HashMap<Object, Object> treeBin() {
    HashMap<Object, Object> m = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      m.put("t" + i, i);
      if (i % 6 == 0) {
        m.put(new Collider(i), "collides");
      }
    }
    return m;
  }

  static Stream<Arguments> shapes() {
    List<Shape> s = new ArrayList<>();
    map(s, "HashMap", () -> fill(new HashMap<>(), mixedKeys(14)), put());
    map(s, "HashMap(stable keys)", () -> fill(new HashMap<>(), stableKeys(14)), put());
    map(s, "HashMap(capacity 256)", () -> fill(new HashMap<>(256), stableKeys(14)), put());
    map(s, "HashMap(tree bin)", HashedIteratorResumeTest::treeBin, put());
    map(s, "LinkedHashMap", () -> fill(new LinkedHashMap<>(), mixedKeys(14)), put());
    map(s, "LinkedHashMap(access order)",
        () -> fill(new LinkedHashMap<>(16, 0.75f, true), mixedKeys(14)), put());
    map(s, "Lru", () -> fill(new Lru<>(100), mixedKeys(14)), put());
    List<Shape> identity = new ArrayList<>();
    map(identity, "IdentityHashMap", () -> fill(new IdentityHashMap<>(), mixedKeys(14)), put());
    identity.forEach(i -> s.add(i.reorderingOnRemove()));
    map(s, "WeakHashMap", HashedIteratorResumeTest::weak, put());
    map(s, "Hashtable", () -> fill(new Hashtable<>(), mixedKeys(14)), put());
    map(s, "ConcurrentHashMap", () -> fill(new ConcurrentHashMap<>(), mixedKeys(14)), null);
    map(s, "ConcurrentHashMap(stable keys)",
        () -> fill(new ConcurrentHashMap<>(), stableKeys(14)), null);
    s.add(shape("Hashtable.keys", () -> fill(new Hashtable<>(), mixedKeys(14)),
        c -> ((Hashtable<?, ?>) c).keys(), put()));
    s.add(shape("Hashtable.elements", () -> fill(new Hashtable<>(), mixedKeys(14)),
        c -> ((Hashtable<?, ?>) c).elements(), put()));
    s.add(shape("ConcurrentHashMap.keys", () -> fill(new ConcurrentHashMap<>(), mixedKeys(14)),
        c -> ((ConcurrentHashMap<?, ?>) c).keys(), null));
    s.add(set("HashSet", () -> new HashSet<>(mixedKeys(14))));
    s.add(set("HashSet(stable keys)", () -> new HashSet<>(stableKeys(14))));
    s.add(set("LinkedHashSet", () -> new LinkedHashSet<>(mixedKeys(14))));
    s.add(set("TaggedSet", () -> {
      TaggedSet t = new TaggedSet();
      t.tag = "t";
      t.addAll(mixedKeys(14));
      return t;
    }));
    s.add(set("Collections.newSetFromMap(HashMap)", () -> {
      Set<Object> f = Collections.newSetFromMap(new HashMap<>());
      f.addAll(mixedKeys(14));
      return f;
    }));
    s.add(shape("ConcurrentHashMap.newKeySet", () -> {
      Set<Object> k = ConcurrentHashMap.newKeySet();
      k.addAll(mixedKeys(14));
      return k;
    }, c -> ((Set<?>) c).iterator(), null));
    return Resume.positions(s);
  }

  @ParameterizedTest(name = "{0}, k={1}")
  @MethodSource("shapes")
  void resumesWhereItWas(Shape shape, int k) throws Exception {
    Resume.check(policy, shape, k);
  }

  @Test
  void stableKeysResumeAsTheJdksOwnIteratorOthersReplay() throws Exception {
    for (int k : new int[] {0, 5, 14}) {
      for (Map<Object, Object> m : List.<Map<Object, Object>>of(
          fill(new HashMap<>(), stableKeys(14)), fill(new LinkedHashMap<>(), mixedKeys(14)),
          fill(new ConcurrentHashMap<>(), stableKeys(14)))) {
        for (Iterator<?> it : List.of(m.keySet().iterator(), m.values().iterator(),
            m.entrySet().iterator(), new HashSet<>(stableKeys(14)).iterator())) {
          for (int i = 0; i < k; i++) {
            it.next();
          }
          Object[] back = policy.roundTrip(new Object[] {m, it});
          assertThat(back[1].getClass()).as(m.getClass() + " k=" + k).isSameAs(it.getClass());
        }
      }
    }
    HashMap<Object, Object> m = fill(new HashMap<>(), mixedKeys(14));
    Iterator<Object> it = m.keySet().iterator();
    it.next();
    assertThat(policy.roundTrip(new Object[] {m, it})[1]).isInstanceOf(ReplayIterator.class);
  }

  @Test
  void staleIteratorStaysStale() throws Exception {
    for (Map<Object, Object> m : List.<Map<Object, Object>>of(
        fill(new HashMap<>(), stableKeys(12)), fill(new LinkedHashMap<>(), mixedKeys(12)),
        fill(new IdentityHashMap<>(), mixedKeys(12)), fill(new Hashtable<>(), mixedKeys(12)))) {
      Iterator<Object> it = m.keySet().iterator();
      it.next();
      m.put("behind its back", 1);
      Object[] back = policy.roundTrip(new Object[] {m, it});
      Iterator<?> it2 = (Iterator<?>) back[1];
      assertThat(it2.hasNext()).isTrue();
      org.assertj.core.api.Assertions.assertThatThrownBy(it2::next)
          .as(m.getClass().getSimpleName())
          .isInstanceOf(java.util.ConcurrentModificationException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(it2::remove)
          .isInstanceOf(java.util.ConcurrentModificationException.class);
    }
  }

  @Test
  void replayedIteratorMovesAgain() throws Exception {
    IdentityHashMap<Object, Object> m = fill(new IdentityHashMap<>(), mixedKeys(14));
    Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      it.next();
    }
    it.remove();
    Object[] once = policy.roundTrip(new Object[] {m, it});
    Object[] twice = policy.roundTrip(once);
    it.next();
    while (it.hasNext()) {
      expected.add(Resume.describe(it.next()));
    }
    @SuppressWarnings("unchecked") Iterator<Object> it2 = (Iterator<Object>) twice[1];
    assertThat(it2).isInstanceOf(ReplayIterator.class);
    List<String> actual = new ArrayList<>();
    it2.next();
    while (it2.hasNext()) {
      actual.add(Resume.describe(it2.next()));
    }
    assertThat(actual).isEqualTo(expected);
    it2.remove();
    assertThat((Map<?, ?>) twice[0]).hasSize(12);
  }

  @Test
  void viewsAreTheDecodedMapsViews() throws Exception {
    for (Map<Object, Object> m : List.<Map<Object, Object>>of(
        fill(new HashMap<>(), mixedKeys(12)), fill(new LinkedHashMap<>(), mixedKeys(12)),
        fill(new Lru<>(50), mixedKeys(12)), fill(new IdentityHashMap<>(), mixedKeys(12)),
        fill(new WeakHashMap<>(), stableKeys(12)), fill(new Hashtable<>(), mixedKeys(12)),
        fill(new ConcurrentHashMap<>(), mixedKeys(12)))) {
      // the keys travel in a list too: a WeakHashMap's decoded keys are otherwise only weakly
      // reachable, and a collection between decode and use empties it
      Object[] back = policy.roundTrip(new Object[] {m, m.keySet(), m.values(), m.entrySet(),
          new ArrayList<>(m.keySet())});
      @SuppressWarnings("unchecked") Map<Object, Object> m2 = (Map<Object, Object>) back[0];
      Set<?> keys = (Set<?>) back[1];
      Collection<?> values = (Collection<?>) back[2];
      Set<?> entries = (Set<?>) back[3];
      String what = m.getClass().getSimpleName();
      // Hashtable hands out synchronized wrappers; ConcurrentHashMap's views are copied
      if (!(m instanceof Hashtable || m instanceof ConcurrentHashMap)) {
        assertThat(keys).as(what).isSameAs(m2.keySet());
        assertThat(values).as(what).isSameAs(m2.values());
        assertThat(entries).as(what).isSameAs(m2.entrySet());
      }
      assertThat(keys.getClass()).as(what).isSameAs(m.keySet().getClass());
      Object k = keys.iterator().next();
      keys.remove(k);
      assertThat(m2).as(what).hasSize(11).doesNotContainKey(k);
      values.remove(values.iterator().next());
      assertThat(m2).as(what).hasSize(10);
      m2.put("new", "n");
      assertThat(Resume.contents(entries)).as(what).contains("new=n");
    }
  }

  @Test
  void heldEntryIsTheDecodedMapsOwnEntry() throws Exception {
    for (Map<Object, Object> m : List.<Map<Object, Object>>of(
        fill(new HashMap<>(), mixedKeys(12)), fill(new LinkedHashMap<>(), mixedKeys(12)),
        fill(new IdentityHashMap<>(), mixedKeys(12)), fill(new WeakHashMap<>(), stableKeys(12)),
        fill(new Hashtable<>(), mixedKeys(12)), fill(new ConcurrentHashMap<>(), mixedKeys(12)),
        treeBin())) {
      Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator();
      it.next();
      it.next();
      Map.Entry<Object, Object> e = it.next();
      // (the keys in a list too, so that a WeakHashMap's decoded keys stay reachable)
      Object[] back = policy.roundTrip(new Object[] {it, e, m, new ArrayList<>(m.keySet())});
      @SuppressWarnings("unchecked") Map<Object, Object> m2 = (Map<Object, Object>) back[2];
      @SuppressWarnings("unchecked") Map.Entry<Object, Object> e2 =
          (Map.Entry<Object, Object>) back[1];
      String what = m.getClass().getSimpleName();
      assertThat(Resume.describe(e2)).as(what).isEqualTo(Resume.describe(e));
      assertThat(e2.getClass()).as(what).isSameAs(e.getClass());
      e2.setValue("written through");
      assertThat(m2.get(e2.getKey())).as(what).isEqualTo("written through");
      if (!(m instanceof ConcurrentHashMap || m instanceof IdentityHashMap)) {
        // the map's own entry object (ConcurrentHashMap and IdentityHashMap make new ones)
        boolean same = false;
        for (Map.Entry<Object, Object> x : m2.entrySet()) {
          same |= x == e2;
        }
        assertThat(same).as(what).isTrue();
      }
    }
  }

  @Test
  void entryOfAMapThatIsNotCapturedIsDetached() throws Exception {
    for (Map<Object, Object> m : List.<Map<Object, Object>>of(
        fill(new HashMap<>(), mixedKeys(12)), fill(new LinkedHashMap<>(), mixedKeys(12)),
        fill(new Hashtable<>(), mixedKeys(12)), fill(new WeakHashMap<>(), stableKeys(12)))) {
      Map.Entry<Object, Object> e = m.entrySet().iterator().next();
      @SuppressWarnings("unchecked") Map.Entry<Object, Object> e2 =
          (Map.Entry<Object, Object>) policy.roundTrip(new Object[] {e, e.getKey()})[0];
      assertThat(e2.getClass()).isSameAs(e.getClass());
      assertThat(Resume.describe(e2)).isEqualTo(Resume.describe(e));
      e2.setValue("x");
      assertThat(e2.getValue()).isEqualTo("x");
      assertThat(e2.hashCode()).isEqualTo(e2.getKey().hashCode() ^ "x".hashCode());
    }
    HashMap<Object, Object> m = fill(new HashMap<>(), mixedKeys(12));
    Map.Entry<Object, Object> removed = m.entrySet().iterator().next();
    m.remove(removed.getKey());
    Object[] back = policy.roundTrip(new Object[] {m, removed});
    assertThat(((Map<?, ?>) back[0]).containsKey(((Map.Entry<?, ?>) back[1]).getKey())).isFalse();
  }

  @Test
  void entriesHeldInAHashSetAreTheDecodedMapsEntries() throws Exception {
    HashMap<Object, Object> m = fill(new HashMap<>(), mixedKeys(12));
    Set<Map.Entry<Object, Object>> seen = new HashSet<>();
    Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator();
    for (int i = 0; i < 5; i++) {
      seen.add(it.next());
    }
    for (Object[] root : List.of(new Object[] {seen, it, m}, new Object[] {m, it, seen})) {
      Object[] back = policy.roundTrip(root);
      @SuppressWarnings("unchecked") Set<Map.Entry<Object, Object>> seen2 =
          (Set<Map.Entry<Object, Object>>) back[root[0] == seen ? 0 : 2];
      @SuppressWarnings("unchecked") Map<Object, Object> m2 =
          (Map<Object, Object>) back[root[0] == seen ? 2 : 0];
      @SuppressWarnings("unchecked") Iterator<Map.Entry<Object, Object>> it2 =
          (Iterator<Map.Entry<Object, Object>>) back[1];
      assertThat(seen2).hasSize(5);
      for (Map.Entry<Object, Object> e : m2.entrySet()) {
        assertThat(seen2.contains(e)).isEqualTo(seen2.stream().anyMatch(x -> x == e));
      }
      int fresh = 0;
      while (it2.hasNext()) {
        fresh += seen2.contains(it2.next()) ? 0 : 1;
      }
      assertThat(fresh).isEqualTo(7);
    }
  }

  @Test
  void tableCapacityAndOrderArePreserved() throws Exception {
    HashMap<Object, Object> big = new HashMap<>(4096);
    ConcurrentHashMap<Object, Object> chm = new ConcurrentHashMap<>(1024);
    HashSet<Object> set = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      set.add("e" + i);
    }
    for (int i = 0; i < 1990; i++) {
      set.remove("e" + i); // the table stays large
    }
    for (Object k : stableKeys(30)) {
      big.put(k, 1);
      chm.put(k, 2);
    }
    Object[] back = policy.roundTrip(new Object[] {big, chm, set});
    assertThat(tableLength(back[0], HashMap.class)).isEqualTo(4096);
    assertThat(tableLength(back[1], ConcurrentHashMap.class)).isEqualTo(tableLength(chm,
        ConcurrentHashMap.class));
    assertThat(List.copyOf(((Map<?, ?>) back[0]).keySet()).toString())
        .isEqualTo(List.copyOf(big.keySet()).toString());
    assertThat(List.copyOf(((Map<?, ?>) back[1]).keySet()).toString())
        .isEqualTo(List.copyOf(chm.keySet()).toString());
    assertThat(List.copyOf((Set<?>) back[2])).isEqualTo(List.copyOf(set));
  }

  private static int tableLength(Object map, Class<?> c) throws ReflectiveOperationException {
    Field f = c.getDeclaredField("table");
    f.setAccessible(true);
    return ((Object[]) f.get(map)).length;
  }

  @Test
  void iteratorOverAHashSetSharesTheDecodedSetsMap() throws Exception {
    HashSet<Object> set = new HashSet<>(mixedKeys(12));
    Iterator<Object> it = set.iterator();
    Object first = it.next();
    for (Object[] root : List.of(new Object[] {set, it}, new Object[] {it, set})) {
      Object[] back = policy.roundTrip(root);
      @SuppressWarnings("unchecked") Set<Object> set2 = (Set<Object>) back[root[0] == set ? 0 : 1];
      @SuppressWarnings("unchecked") Iterator<Object> it2 =
          (Iterator<Object>) back[root[0] == set ? 1 : 0];
      it2.remove();
      assertThat(set2).hasSize(11);
      assertThat(Resume.contents(set2)).doesNotContain(Resume.describe(first));
    }
    @SuppressWarnings("unchecked") Iterator<Object> alone =
        (Iterator<Object>) policy.roundTrip(new Object[] {it})[0];
    assertThat(Resume.count(alone)).isEqualTo(11);
    assertThat(first).isInstanceOfAny(String.class, Integer.class, IdKey.class);
  }
}
