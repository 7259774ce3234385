package io.roam.kernel.snapshot;

import static io.roam.kernel.snapshot.Resume.mixedKeys;
import static io.roam.kernel.snapshot.Resume.shape;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Fixtures.ByLabel;
import io.roam.kernel.snapshot.Resume.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Iterators and views of TreeMap and TreeSet (copied by field with their tree) continue where
 * they were: key, value and entry iterators, descending ones, and those of head, tail and sub
 * maps and their descending maps. Keys are strings, integers and process objects, ordered by a
 * process comparator.
 */
class SortedIteratorResumeTest {
  private final TestPolicy policy = new TestPolicy();

  static TreeMap<Object, Object> tree() {
    TreeMap<Object, Object> m = new TreeMap<>(new ByLabel());
    List<Object> keys = mixedKeys(30);
    for (int i = 0; i < keys.size(); i++) {
      m.put(keys.get(i), "v" + i);
    }
    return m;
  }

  static TreeSet<Object> treeSet() {
    TreeSet<Object> s = new TreeSet<>(new ByLabel());
    s.addAll(mixedKeys(30));
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Consumer<Object> put() {
    return c -> {
      if (c instanceof Map<?, ?> m) {
        ((Map<Object, Object>) m).put("added", "new");
      } else {
        ((Set<Object>) c).add("added");
      }
    };
  }

  private static Shape map(String name, Function<NavigableMap<Object, Object>, Object> iterate) {
    @SuppressWarnings("unchecked")
    Function<Object, Object> f = c -> iterate.apply((NavigableMap<Object, Object>) c);
    return shape(name, SortedIteratorResumeTest::tree, f, put());
  }

  private static Shape set(String name, Function<NavigableSet<Object>, Object> iterate) {
    @SuppressWarnings("unchecked")
    Function<Object, Object> f = c -> iterate.apply((NavigableSet<Object>) c);
    return shape(name, SortedIteratorResumeTest::treeSet, f, put());
  }

  static Stream<Arguments> shapes() {
    List<Shape> s = new ArrayList<>();
    s.add(map("TreeMap.keySet.iterator", m -> m.keySet().iterator()));
    s.add(map("TreeMap.values.iterator", m -> m.values().iterator()));
    s.add(map("TreeMap.entrySet.iterator", m -> m.entrySet().iterator()));
    s.add(map("TreeMap.navigableKeySet.descendingIterator",
        m -> m.navigableKeySet().descendingIterator()));
    s.add(map("TreeMap.descendingKeySet.iterator", m -> m.descendingKeySet().iterator()));
    s.add(map("TreeMap.descendingMap.entrySet.iterator",
        m -> m.descendingMap().entrySet().iterator()));
    s.add(map("TreeMap.descendingMap.values.iterator",
        m -> m.descendingMap().values().iterator()));
    s.add(map("TreeMap.tailMap.keySet.iterator", m -> m.tailMap("2", true).keySet().iterator()));
    s.add(map("TreeMap.headMap.entrySet.iterator",
        m -> m.headMap("s", false).entrySet().iterator()));
    s.add(map("TreeMap.subMap.values.iterator",
        m -> m.subMap("1", true, "s9", true).values().iterator()));
    s.add(map("TreeMap.subMap.descendingMap.keySet.iterator",
        m -> m.subMap("1", true, "s9", true).descendingMap().keySet().iterator()));
    s.add(map("TreeMap.descendingMap.descendingMap.entrySet.iterator",
        m -> m.descendingMap().descendingMap().entrySet().iterator()));
    s.add(set("TreeSet.iterator", t -> t.iterator()));
    s.add(set("TreeSet.descendingIterator", t -> t.descendingIterator()));
    s.add(set("TreeSet.tailSet.iterator", t -> t.tailSet("1", true).iterator()));
    s.add(set("TreeSet.descendingSet.headSet.iterator",
        t -> t.descendingSet().headSet("1", true).iterator()));
    return Resume.positions(s);
  }

  @ParameterizedTest(name = "{0}, k={1}")
  @MethodSource("shapes")
  void resumesWhereItWas(Shape shape, int k) throws Exception {
    Resume.check(policy, shape, k);
  }

  @Test
  void viewsAndEntriesStayViewsOfTheDecodedTree() throws Exception {
    TreeMap<Object, Object> m = tree();
    Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator();
    Map.Entry<Object, Object> e = it.next();
    Object[] back = policy.roundTrip(new Object[] {m, m.keySet(), m.values(),
        m.headMap("s", true), e});
    @SuppressWarnings("unchecked") TreeMap<Object, Object> m2 = (TreeMap<Object, Object>) back[0];
    @SuppressWarnings("unchecked") Set<Object> keys = (Set<Object>) back[1];
    @SuppressWarnings("unchecked") Map<Object, Object> head = (Map<Object, Object>) back[3];
    @SuppressWarnings("unchecked") Map.Entry<Object, Object> e2 = (Map.Entry<Object, Object>) back[4];
    keys.remove(m2.lastKey());
    assertThat(m2).hasSize(29);
    head.put("a", "via head map");
    assertThat(m2.get("a")).isEqualTo("via head map");
    e2.setValue("via entry");
    assertThat(m2.containsValue("via entry")).isTrue();
    assertThat(back[2].toString()).isEqualTo(m2.values().toString());
  }
}
