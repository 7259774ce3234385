package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.snapshot.Fixtures.Color;
import io.roam.kernel.snapshot.Fixtures.Holder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What cannot resume is refused at capture with the reason and the path: an iterator part-way
 * through a HashMap (or HashSet, ConcurrentHashMap) whose keys hash differently in another JVM
 * (enum constants, Class objects, plain Objects), stream pipelines and spliterators, a
 * collection that holds its own iterator, and LinkedHashMap's reversed views (JDK 21+).
 */
class IteratorRefusalTest {
  private final TestPolicy policy = new TestPolicy();
  private final HeapCodec codec = new HeapCodec(policy);

  private static HashMap<Object, Object> byEnum() {
    HashMap<Object, Object> m = new HashMap<>();
    for (TimeUnit u : TimeUnit.values()) {
      m.put(u, u.name().toLowerCase());
    }
    return m;
  }

  @Test
  void iteratorPartWayThroughAHashMapKeyedByEnumConstantsIsRefused() {
    Holder h = new Holder(byEnum());
    Iterator<?> it = ((Map<?, ?>) h.value).entrySet().iterator();
    it.next();
    it.next();
    it.next();
    assertThatThrownBy(() -> codec.encode(new Object[] {h, it}))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("an iterator over a HashMap keyed by enum constants cannot be"
            + " resumed in another JVM; use EnumMap or LinkedHashMap")
        .hasMessageContaining("root[1] -> java.util.HashMap$EntryIterator")
        .satisfies(e -> {
          SnapshotCaptureException x = (SnapshotCaptureException) e;
          assertThat(x.refusedClass()).isEqualTo("java.util.HashMap");
          assertThat(x.path()).isEqualTo(
              "root[0] -> io.roam.kernel.snapshot.Fixtures$Holder.value -> java.util.HashMap");
        });
  }

  @Test
  void sameMapWithoutALiveIteratorOrBeforeTheFirstElementIsFine() throws Exception {
    HashMap<Object, Object> m = byEnum();
    Object[] back = policy.roundTrip(new Object[] {m});
    assertThat(((Map<?, ?>) back[0]).get(TimeUnit.SECONDS)).isEqualTo("seconds");
    Iterator<Object> fresh = m.keySet().iterator();
    List<Object> order = new ArrayList<>(m.keySet());
    back = policy.roundTrip(new Object[] {m, fresh});
    List<Object> resumed = new ArrayList<>();
    ((Iterator<?>) back[1]).forEachRemaining(resumed::add);
    assertThat(resumed).isEqualTo(order);
    LinkedHashMap<Object, Object> linked = new LinkedHashMap<>(m);
    Iterator<Object> it = linked.keySet().iterator();
    it.next();
    back = policy.roundTrip(new Object[] {linked, it});
    resumed.clear();
    ((Iterator<?>) back[1]).forEachRemaining(resumed::add);
    assertThat(resumed).isEqualTo(List.copyOf(linked.keySet()).subList(1, 7));
  }

  @Test
  void otherKeysWithJvmSpecificHashCodes() {
    HashSet<Object> enums = new HashSet<>(List.of(Color.RED, Color.GREEN));
    Iterator<Object> it = enums.iterator();
    it.next();
    assertThatThrownBy(() -> codec.encode(new Object[] {enums, it}))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("an iterator over a HashSet of enum constants cannot be resumed in"
            + " another JVM; use EnumSet or LinkedHashSet")
        .hasMessageContaining("root[0] -> java.util.HashSet.map -> java.util.HashMap");
    ConcurrentHashMap<Object, Object> classes = new ConcurrentHashMap<>(
        Map.of(String.class, 1, Integer.class, 2, List.class, 3));
    Iterator<Object> values = classes.values().iterator();
    values.next();
    assertThatThrownBy(() -> codec.encode(new Object[] {values}))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("an iterator over a ConcurrentHashMap keyed by Class objects");
    HashMap<Object, Object> locks = new HashMap<>(
        Map.of(new Object(), 1, new Object(), 2, new Object(), 3));
    Iterator<Object> keys = locks.keySet().iterator();
    keys.next();
    assertThatThrownBy(() -> codec.encode(new Object[] {keys}))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("keyed by objects hashed by identity (java.lang.Object)");
  }

  @Test
  void streamsAndSpliteratorsAreRefused() {
    List<Object> list = new ArrayList<>(List.of("a", "b", "c"));
    for (Object o : List.of(list.stream().map(String::valueOf), list.stream().iterator(),
        list.spliterator(), BitSet.valueOf(new long[] {5}).stream(), "text".chars(),
        Set.of(1, 2, 3).stream().collect(Collectors.toList()).stream().sorted())) {
      assertThatThrownBy(() -> codec.encode(new Holder(o)))
          .as(o.getClass().getName())
          .isInstanceOf(SnapshotCaptureException.class)
          .hasMessageContaining("a stream pipeline cannot be captured; freeze outside the stream"
              + " operation");
    }
  }

  @Test
  void aMapThatHoldsItsOwnIteratorIsRefused() {
    HashMap<Object, Object> m = new HashMap<>(Map.of("a", 1, "b", 2));
    m.put("cursor", m.keySet().iterator());
    assertThatThrownBy(() -> codec.encode(m))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("java.util.HashMap$KeyIterator")
        .hasMessageContaining("cycle");
  }

  @Test
  void reversedLinkedHashMapViewsAreRefusedWhereTheyExist() throws Exception {
    if (Runtime.version().feature() < 21) {
      return;
    }
    LinkedHashMap<Object, Object> m = new LinkedHashMap<>(Map.of("a", 1, "b", 2));
    Object keys = LinkedHashMap.class.getMethod("sequencedKeySet").invoke(m);
    Object reversed = Class.forName("java.util.SequencedCollection").getMethod("reversed")
        .invoke(keys);
    Object it = ((Iterable<?>) reversed).iterator();
    for (Object o : List.of(reversed, it)) {
      assertThatThrownBy(() -> codec.encode(new Holder(o)))
          .isInstanceOf(SnapshotCaptureException.class)
          .hasMessageContaining("reversed");
    }
  }
}
