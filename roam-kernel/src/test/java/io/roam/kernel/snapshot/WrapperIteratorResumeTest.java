package io.roam.kernel.snapshot;

import static io.roam.kernel.snapshot.Resume.mixedKeys;
import static io.roam.kernel.snapshot.Resume.shape;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Resume.Shape;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Iterators of the java.util.Collections wrappers (unmodifiable, synchronized, checked, set from
 * map, LIFO queue, enumeration), around collections copied by field and around rebuilt ones, and
 * of EnumMap and EnumSet, continue where they were. The collection captured is the wrapped one,
 * so the tests can also modify it directly.
 */
class WrapperIteratorResumeTest {
  private final TestPolicy policy = new TestPolicy();

  @SuppressWarnings("unchecked")
  private static Consumer<Object> put() {
    return c -> {
      if (c instanceof Map<?, ?> m) {
        ((Map<Object, Object>) m).put(m instanceof EnumMap ? ChronoUnit.FOREVER : "added", "new");
      } else {
        ((Collection<Object>) c).add("added");
      }
    };
  }

  private static HashMap<Object, Object> hashMap() {
    HashMap<Object, Object> m = new HashMap<>();
    List<Object> keys = mixedKeys(14);
    for (int i = 0; i < keys.size(); i++) {
      m.put(keys.get(i), "v" + i);
    }
    return m;
  }

  private static TreeMap<Object, Object> treeMap() {
    TreeMap<Object, Object> m = new TreeMap<>(new Fixtures.ByLabel());
    m.putAll(hashMap());
    return m;
  }

  private static EnumMap<ChronoUnit, Object> enumMap() {
    EnumMap<ChronoUnit, Object> m = new EnumMap<>(ChronoUnit.class);
    List<Object> values = mixedKeys(14);
    for (int i = 0; i < 14; i++) {
      m.put(ChronoUnit.values()[i], values.get(i));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object> f(Function<Map<Object, Object>, Object> g) {
    return c -> g.apply((Map<Object, Object>) c);
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object> l(Function<List<Object>, Object> g) {
    return c -> g.apply((List<Object>) c);
  }

  static Stream<Arguments> shapes() {
    List<Shape> s = new ArrayList<>();
    s.add(shape("unmodifiableCollection(ArrayList).iterator", () -> new ArrayList<>(mixedKeys(12)),
        l(c -> Collections.unmodifiableCollection(c).iterator()), put()));
    s.add(shape("unmodifiableList(LinkedList).listIterator(2)",
        () -> new LinkedList<>(mixedKeys(14)),
        l(c -> Collections.unmodifiableList(c).listIterator(2)), put()));
    s.add(shape("unmodifiableSet(HashSet).iterator", () -> new HashSet<>(mixedKeys(12)),
        c -> Collections.unmodifiableSet((HashSet<?>) c).iterator(), put()));
    s.add(shape("unmodifiableMap(HashMap).entrySet.iterator", WrapperIteratorResumeTest::hashMap,
        f(m -> Collections.unmodifiableMap(m).entrySet().iterator()), put()));
    s.add(shape("unmodifiableMap(TreeMap).keySet.iterator", WrapperIteratorResumeTest::treeMap,
        f(m -> Collections.unmodifiableMap(m).keySet().iterator()), put()));
    s.add(shape("unmodifiableSortedMap(TreeMap).values.iterator",
        WrapperIteratorResumeTest::treeMap,
        c -> Collections.unmodifiableSortedMap((TreeMap<?, ?>) c).values().iterator(), put()));
    s.add(shape("synchronizedList(ArrayList).iterator", () -> new ArrayList<>(mixedKeys(12)),
        l(c -> Collections.synchronizedList(c).iterator()), put()));
    s.add(shape("synchronizedMap(HashMap).keySet.iterator", WrapperIteratorResumeTest::hashMap,
        f(m -> Collections.synchronizedMap(m).keySet().iterator()), put()));
    s.add(shape("synchronizedSet(LinkedHashSet).iterator",
        () -> new LinkedHashSet<>(mixedKeys(12)),
        c -> Collections.synchronizedSet((LinkedHashSet<?>) c).iterator(), put()));
    s.add(shape("checkedCollection(ArrayList).iterator", () -> new ArrayList<>(mixedKeys(12)),
        l(c -> Collections.checkedCollection(c, Object.class).iterator()), put()));
    s.add(shape("checkedList(ArrayList).listIterator", () -> new ArrayList<>(mixedKeys(12)),
        l(c -> Collections.checkedList(c, Object.class).listIterator()), put()));
    s.add(shape("checkedMap(HashMap).entrySet.iterator", WrapperIteratorResumeTest::hashMap,
        f(m -> Collections.checkedMap(m, Object.class, Object.class).entrySet().iterator()),
        put()));
    s.add(shape("checkedMap(TreeMap).entrySet.iterator", WrapperIteratorResumeTest::treeMap,
        f(m -> Collections.checkedMap(m, Object.class, Object.class).entrySet().iterator()),
        put()));
    s.add(shape("newSetFromMap(TreeMap).iterator", () -> {
      java.util.Set<Object> set = Collections.newSetFromMap(new TreeMap<>(new Fixtures.ByLabel()));
      set.addAll(mixedKeys(12));
      return set;
    }, c -> ((java.util.Set<?>) c).iterator(), put()));
    s.add(shape("asLifoQueue(ArrayDeque).iterator", () -> new ArrayDeque<>(mixedKeys(12)),
        c -> Collections.asLifoQueue((ArrayDeque<?>) c).iterator(), put()));
    s.add(shape("Collections.enumeration(ArrayList)", () -> new ArrayList<>(mixedKeys(12)),
        l(Collections::enumeration), put()));
    s.add(shape("EnumMap.keySet.iterator", WrapperIteratorResumeTest::enumMap,
        f(m -> m.keySet().iterator()), put()));
    s.add(shape("EnumMap.values.iterator", WrapperIteratorResumeTest::enumMap,
        f(m -> m.values().iterator()), put()));
    s.add(shape("EnumMap.entrySet.iterator", WrapperIteratorResumeTest::enumMap,
        f(m -> m.entrySet().iterator()), put()));
    s.add(shape("RegularEnumSet.iterator", () -> EnumSet.range(ChronoUnit.NANOS, ChronoUnit.ERAS),
        c -> ((EnumSet<?>) c).iterator(), null));
    s.add(shape("JumboEnumSet.iterator",
        () -> EnumSet.allOf(Character.UnicodeScript.class),
        c -> ((EnumSet<?>) c).iterator(), null));
    return Resume.positions(s);
  }

  @ParameterizedTest(name = "{0}, k={1}")
  @MethodSource("shapes")
  void resumesWhereItWas(Shape shape, int k) throws Exception {
    Resume.check(policy, shape, k);
  }

  @Test
  void singletonAndEmptyIterators() throws Exception {
    Iterator<Object> one = Collections.singletonList((Object) "only").iterator();
    Iterator<Object> used = Collections.singleton((Object) "x").iterator();
    used.next();
    Object[] back = policy.roundTrip(new Object[] {one, used, Collections.emptyIterator(),
        Collections.emptyList().iterator(), Collections.emptyListIterator(),
        Collections.emptyMap().entrySet().iterator()});
    Iterator<?> one2 = (Iterator<?>) back[0];
    assertThat(one2.next()).isEqualTo("only");
    assertThat(one2.hasNext()).isFalse();
    assertThat(((Iterator<?>) back[1]).hasNext()).isFalse();
    assertThat(back[2]).isSameAs(Collections.emptyIterator());
    assertThat(back[3]).isSameAs(Collections.emptyIterator());
    assertThat(back[4]).isSameAs(Collections.emptyListIterator());
    assertThat(back[5]).isSameAs(Collections.emptyIterator());
  }

  @Test
  void enumMapEntryHeldByTheProgramWritesThrough() throws Exception {
    EnumMap<ChronoUnit, Object> m = enumMap();
    Iterator<Map.Entry<ChronoUnit, Object>> it = m.entrySet().iterator();
    it.next();
    Map.Entry<ChronoUnit, Object> e = it.next();
    Object[] back = policy.roundTrip(new Object[] {m, it, e});
    @SuppressWarnings("unchecked") Map.Entry<ChronoUnit, Object> e2 =
        (Map.Entry<ChronoUnit, Object>) back[2];
    e2.setValue("changed");
    assertThat(((Map<?, ?>) back[0]).get(ChronoUnit.MICROS)).isEqualTo("changed");
  }
}
