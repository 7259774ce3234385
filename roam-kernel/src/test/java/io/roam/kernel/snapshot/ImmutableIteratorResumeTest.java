package io.roam.kernel.snapshot;

import static io.roam.kernel.snapshot.Resume.mixedKeys;
import static io.roam.kernel.snapshot.Resume.shape;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Resume.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Iterators of Set.of and Map.of collections, which are rebuilt through their factories and
 * place elements by a per-JVM salt (and, here, by identity hashes that differ after decoding):
 * they yield the remaining elements in the original order, and still refuse {@code remove()}.
 */
class ImmutableIteratorResumeTest {
  private final TestPolicy policy = new TestPolicy();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<Object, Object> mapOf(int n) {
    List<Object> keys = mixedKeys(n);
    Map.Entry<Object, Object>[] es = new Map.Entry[n];
    for (int i = 0; i < n; i++) {
      es[i] = Map.entry(keys.get(i), "v" + i);
    }
    return Map.ofEntries(es);
  }

  static Stream<Arguments> shapes() {
    List<Shape> s = new ArrayList<>();
    s.add(shape("Set.of.iterator", () -> Set.of(mixedKeys(14).toArray()),
        c -> ((Set<?>) c).iterator(), null));
    s.add(shape("Map.of.entrySet.iterator", () -> mapOf(14),
        c -> ((Map<?, ?>) c).entrySet().iterator(), null));
    s.add(shape("Map.of.keySet.iterator", () -> mapOf(14),
        c -> ((Map<?, ?>) c).keySet().iterator(), null));
    s.add(shape("Map.of.values.iterator", () -> mapOf(14),
        c -> ((Map<?, ?>) c).values().iterator(), null));
    s.add(shape("Set.copyOf.iterator", () -> Set.copyOf(mixedKeys(12)),
        c -> ((Set<?>) c).iterator(), null));
    return Resume.positions(s);
  }

  @ParameterizedTest(name = "{0}, k={1}")
  @MethodSource("shapes")
  void resumesWhereItWas(Shape shape, int k) throws Exception {
    Resume.check(policy, shape, k);
  }

  @Test
  void smallOnesToo() throws Exception {
    Object a = new Fixtures.IdKey("a");
    List<Object> small = List.of(Set.of(a, "b"), Set.of(a), Map.of(a, "v"), List.of(a, "b"));
    for (Object c : small) {
      int size = ((c instanceof Map<?, ?> m) ? m.entrySet() : (Iterable<?>) c)
          .iterator().hasNext() ? Resume.count(iterate(c)) : 0;
      for (int k = 0; k <= size; k++) {
        Iterator<?> it = iterate(c);
        for (int i = 0; i < k; i++) {
          it.next();
        }
        Object[] back = policy.roundTrip(new Object[] {c, it, it instanceof Map<?, ?> ? null : 0});
        Iterator<?> it2 = (Iterator<?>) back[1];
        List<String> expected = new ArrayList<>();
        it.forEachRemaining(x -> expected.add(Resume.describe(x)));
        List<String> actual = new ArrayList<>();
        it2.forEachRemaining(x -> actual.add(Resume.describe(x)));
        assertThat(actual).as(c + " k=" + k).isEqualTo(expected);
      }
    }
    Map<Object, Object> m = Map.of(a, "v");
    Iterator<Object> keys = m.keySet().iterator();
    Object[] back = policy.roundTrip(new Object[] {m, keys});
    assertThat(back[1].getClass()).isSameAs(keys.getClass()); // AbstractMap's key iterator
    assertThat(((Iterator<?>) back[1]).next()).isSameAs(((Map<?, ?>) back[0]).keySet().iterator().next());
  }

  private static Iterator<?> iterate(Object c) {
    return c instanceof Map<?, ?> m ? m.keySet().iterator() : ((Iterable<?>) c).iterator();
  }
}
