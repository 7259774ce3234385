package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.snapshot.Fixtures.IdKey;
import io.roam.kernel.snapshot.Fixtures.Lru;
import io.roam.kernel.snapshot.Fixtures.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Hash collections are rebuilt in the new JVM: keys hashed by identity (which differs there)
 * are found again, sizes and LinkedHashMap order (insertion or access) are kept, and keys whose
 * hash depends on objects decoded later are inserted only when those exist.
 */
class HashedCollectionsTest {
  private final TestPolicy policy = new TestPolicy();

  @Test
  void identityHashedKeysAreFoundByTheDecodedKeys() throws Exception {
    List<IdKey> keys = new ArrayList<>();
    HashMap<IdKey, Integer> map = new HashMap<>();
    HashSet<IdKey> set = new HashSet<>();
    IdentityHashMap<IdKey, Integer> ident = new IdentityHashMap<>();
    for (int i = 0; i < 200; i++) {
      IdKey k = new IdKey("k" + i);
      keys.add(k);
      map.put(k, i);
      set.add(k);
      ident.put(k, i);
    }
    Object[] back = policy.roundTrip(new Object[] {keys, map, set, ident});
    @SuppressWarnings("unchecked") List<IdKey> keys2 = (List<IdKey>) back[0];
    @SuppressWarnings("unchecked") Map<IdKey, Integer> map2 = (Map<IdKey, Integer>) back[1];
    @SuppressWarnings("unchecked") Set<IdKey> set2 = (Set<IdKey>) back[2];
    @SuppressWarnings("unchecked") Map<IdKey, Integer> ident2 = (Map<IdKey, Integer>) back[3];
    assertThat(map2).hasSize(200);
    assertThat(set2).hasSize(200);
    assertThat(ident2).hasSize(200);
    for (int i = 0; i < 200; i++) {
      IdKey k = keys2.get(i);
      assertThat(map2.get(k)).isEqualTo(i);
      assertThat(set2.contains(k)).isTrue();
      assertThat(ident2.get(k)).isEqualTo(i);
    }
    assertThat(map2.get(keys.get(0))).as("old JVM's key is a different object").isNull();
  }

  @Test
  void linkedHashMapKeepsInsertionOrderAndNullKeys() throws Exception {
    LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
    for (int i = 50; i > 0; i--) {
      m.put(new IdKey("k" + i), i);
    }
    m.put(null, "null key");
    m.put("v", null);
    LinkedHashMap<Object, Object> back = policy.roundTrip(m);
    assertThat(back.values()).containsExactlyElementsOf(m.values());
    assertThat(back.get(null)).isEqualTo("null key");
    assertThat(back).containsKey("v");
    LinkedHashSet<String> ls = new LinkedHashSet<>(List.of("z", "a", "m"));
    assertThat(policy.roundTrip(ls)).containsExactly("z", "a", "m");
  }

  @Test
  void lruSubclassKeepsAccessOrderFieldsAndRunsNoUserCode() throws Exception {
    Lru<String, Integer> lru = new Lru<>(3);
    lru.put("a", 1);
    lru.put("b", 2);
    lru.put("c", 3);
    lru.get("a");
    lru.put("d", 4);
    assertThat(lru.keySet()).containsExactly("c", "a", "d");
    Lru<String, Integer> back = policy.roundTrip(lru);
    assertThat(back.keySet()).containsExactly("c", "a", "d");
    assertThat(back.puts).isEqualTo(4);
    assertThat(back.evictions).isEqualTo(1);
    assertThat(back.max).isEqualTo(3);
    back.get("c");
    back.put("e", 5);
    assertThat(back.keySet()).containsExactly("d", "c", "e");
    assertThat(back.evictions).isEqualTo(2);
  }

  @Test
  void keysWhoseHashDependsOnLaterObjects() throws Exception {
    Point p = new Point(1, 2);
    p.tag = new IdKey("t");
    HashSet<Point> inner = new HashSet<>(List.of(p));
    HashMap<Set<Point>, String> outer = new HashMap<>();
    outer.put(inner, "inner set as key");
    Object[] back = policy.roundTrip(new Object[] {outer, inner});
    @SuppressWarnings("unchecked") Map<Set<Point>, String> outer2 = (Map<Set<Point>, String>) back[0];
    @SuppressWarnings("unchecked") Set<Point> inner2 = (Set<Point>) back[1];
    assertThat(inner2).containsExactly(new Point(1, 2));
    assertThat(outer2.get(inner2)).isEqualTo("inner set as key");
    assertThat(outer2.get(Set.of(new Point(1, 2)))).isEqualTo("inner set as key");
  }

  @Test
  void innerSetFirstSeenAfterTheMapThatUsesItAsKey() throws Exception {
    HashSet<String> key = new HashSet<>(List.of("a", "b"));
    HashMap<Object, String> map = new HashMap<>(Map.of(key, "v"));
    Object[] back = policy.roundTrip(new Object[] {key, map});
    @SuppressWarnings("unchecked") Map<Object, String> map2 = (Map<Object, String>) back[1];
    assertThat(map2.get(back[0])).isEqualTo("v");
  }

  @Test
  void otherHashTables() throws Exception {
    IdKey k = new IdKey("k");
    Hashtable<Object, Object> table = new Hashtable<>(Map.of(k, 1, "s", 2));
    WeakHashMap<Object, Object> weak = new WeakHashMap<>();
    weak.put(k, 3);
    ConcurrentHashMap<Object, Object> chm = new ConcurrentHashMap<>(Map.of(k, 4, "t", 5));
    Object[] back = policy.roundTrip(new Object[] {k, table, weak, chm});
    assertThat(((Map<?, ?>) back[1]).get(back[0])).isEqualTo(1);
    assertThat(((Map<?, ?>) back[1]).get("s")).isEqualTo(2);
    assertThat(((Map<?, ?>) back[2]).get(back[0])).isEqualTo(3);
    assertThat(((Map<?, ?>) back[3]).get(back[0])).isEqualTo(4);
    assertThat(((Map<?, ?>) back[3])).hasSize(2);
  }

  @Test
  void immutableSetsAndMapsWithIdentityKeys() throws Exception {
    IdKey a = new IdKey("a");
    IdKey b = new IdKey("b");
    IdKey c = new IdKey("c");
    Set<IdKey> s = Set.of(a, b, c);
    Map<IdKey, Set<IdKey>> m = Map.of(a, s, b, Set.of(c));
    Object[] back = policy.roundTrip(new Object[] {a, b, c, s, m});
    @SuppressWarnings("unchecked") Set<IdKey> s2 = (Set<IdKey>) back[3];
    @SuppressWarnings("unchecked") Map<IdKey, Set<IdKey>> m2 = (Map<IdKey, Set<IdKey>>) back[4];
    assertThat(s2).contains((IdKey) back[0], (IdKey) back[1], (IdKey) back[2]);
    assertThat(m2.get((IdKey) back[0])).isSameAs(s2);
    assertThat(m2.get((IdKey) back[1])).containsExactly((IdKey) back[2]);
  }

  @Test
  void immutableSetReferencedFromAFieldIsStoredOnceBuilt() throws Exception {
    Fixtures.Holder h = new Fixtures.Holder();
    h.value = Set.of(h);
    Fixtures.Holder back = policy.roundTrip(h);
    assertThat((Set<?>) back.value).hasSize(1);
    assertThat(((Set<?>) back.value).iterator().next()).isSameAs(back);
  }

  @Test
  void cycleThroughAnImmutableSetIsRefused() throws Exception {
    HashSet<Object> h = new HashSet<>();
    Set<Object> s = Set.of(h);
    h.add(s);
    HeapCodec codec = new HeapCodec(policy);
    byte[] bytes = codec.encode(s);
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("immutable collection")
        .hasMessageContaining("cycle");
  }
}
