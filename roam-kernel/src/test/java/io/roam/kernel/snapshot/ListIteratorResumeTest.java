package io.roam.kernel.snapshot;

import static io.roam.kernel.snapshot.Resume.mixedKeys;
import static io.roam.kernel.snapshot.Resume.shape;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Fixtures.ByLabel;
import io.roam.kernel.snapshot.Fixtures.NamedList;
import io.roam.kernel.snapshot.Resume.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.PriorityQueue;
import java.util.Stack;
import java.util.Vector;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Iterators of lists and queues (copied by field, with their collection) continue where they
 * were after a move: ArrayList, LinkedList, Vector and Stack, ArrayDeque (both directions),
 * PriorityQueue, sub-lists, Arrays.asList, List.of, nCopies and CopyOnWriteArrayList.
 */
class ListIteratorResumeTest {
  private final TestPolicy policy = new TestPolicy();

  @SuppressWarnings("unchecked")
  private static Consumer<Object> add() {
    return c -> ((Collection<Object>) c).add("added");
  }

  static Stream<Arguments> shapes() {
    List<Shape> s = new ArrayList<>();
    s.add(shape("ArrayList.iterator", () -> new ArrayList<>(mixedKeys(12)),
        c -> ((List<?>) c).iterator(), add()));
    s.add(shape("ArrayList.listIterator", () -> new ArrayList<>(mixedKeys(12)),
        c -> ((List<?>) c).listIterator(), add()));
    s.add(shape("NamedList (process subclass).iterator", () -> {
      NamedList l = new NamedList();
      l.addAll(mixedKeys(12));
      return l;
    }, c -> ((List<?>) c).iterator(), add()));
    s.add(shape("ArrayList.subList.iterator", () -> new ArrayList<>(mixedKeys(16)),
        c -> ((List<?>) c).subList(2, 14).iterator(), add()));
    s.add(shape("ArrayList.subList.subList.listIterator", () -> new ArrayList<>(mixedKeys(18)),
        c -> ((List<?>) c).subList(1, 17).subList(2, 14).listIterator(1), add()));
    s.add(shape("LinkedList.iterator", () -> new LinkedList<>(mixedKeys(12)),
        c -> ((List<?>) c).iterator(), add()));
    s.add(shape("LinkedList.listIterator(4)", () -> new LinkedList<>(mixedKeys(16)),
        c -> ((List<?>) c).listIterator(4), add()));
    s.add(shape("LinkedList.descendingIterator", () -> new LinkedList<>(mixedKeys(12)),
        c -> ((Deque<?>) c).descendingIterator(), add()));
    s.add(shape("LinkedList.subList.iterator", () -> new LinkedList<>(mixedKeys(16)),
        c -> ((List<?>) c).subList(2, 14).iterator(), add()));
    s.add(shape("ArrayDeque.iterator", ListIteratorResumeTest::wrappedDeque,
        c -> ((Deque<?>) c).iterator(), add()));
    s.add(shape("ArrayDeque.descendingIterator", ListIteratorResumeTest::wrappedDeque,
        c -> ((Deque<?>) c).descendingIterator(), add()));
    s.add(shape("PriorityQueue.iterator", () -> {
      PriorityQueue<Object> q = new PriorityQueue<>(new ByLabel());
      q.addAll(mixedKeys(14));
      return q;
    }, c -> ((Collection<?>) c).iterator(), add()));
    s.add(shape("Vector.iterator", () -> new Vector<>(mixedKeys(12)),
        c -> ((List<?>) c).iterator(), add()));
    s.add(shape("Vector.listIterator", () -> new Vector<>(mixedKeys(12)),
        c -> ((List<?>) c).listIterator(), add()));
    s.add(shape("Vector.elements", () -> new Vector<>(mixedKeys(12)),
        c -> ((Vector<?>) c).elements(), null));
    s.add(shape("Stack.iterator", () -> {
      Stack<Object> st = new Stack<>();
      st.addAll(mixedKeys(12));
      return st;
    }, c -> ((List<?>) c).iterator(), add()));
    s.add(shape("Arrays.asList.iterator", () -> Arrays.asList(mixedKeys(12).toArray()),
        c -> ((List<?>) c).iterator(), null));
    s.add(shape("Arrays.asList.listIterator", () -> Arrays.asList(mixedKeys(12).toArray()),
        c -> ((List<?>) c).listIterator(), null));
    s.add(shape("Arrays.asList.subList.iterator", () -> Arrays.asList(mixedKeys(16).toArray()),
        c -> ((List<?>) c).subList(1, 13).iterator(), null));
    s.add(shape("List.of.iterator", () -> List.of(mixedKeys(12).toArray()),
        c -> ((List<?>) c).iterator(), null));
    s.add(shape("List.of.listIterator(2)", () -> List.of(mixedKeys(14).toArray()),
        c -> ((List<?>) c).listIterator(2), null));
    s.add(shape("List.of.subList.iterator", () -> List.of(mixedKeys(16).toArray()),
        c -> ((List<?>) c).subList(2, 14).iterator(), null));
    s.add(shape("Collections.nCopies.iterator", () -> java.util.Collections.nCopies(11, "n"),
        c -> ((List<?>) c).iterator(), null));
    s.add(shape("CopyOnWriteArrayList.iterator", () -> new CopyOnWriteArrayList<>(mixedKeys(12)),
        c -> ((List<?>) c).iterator(), add()));
    s.add(shape("CopyOnWriteArrayList.subList.iterator",
        () -> new CopyOnWriteArrayList<>(mixedKeys(16)),
        c -> ((List<?>) c).subList(2, 14).iterator(), null));
    return Resume.positions(s);
  }

  /** An ArrayDeque whose elements wrap around the end of its array. */
  private static ArrayDeque<Object> wrappedDeque() {
    ArrayDeque<Object> d = new ArrayDeque<>();
    List<Object> keys = mixedKeys(12);
    for (int i = 0; i < 6; i++) {
      d.addLast(keys.get(i));
    }
    for (int i = 6; i < 12; i++) {
      d.addFirst(keys.get(i));
    }
    return d;
  }

  @ParameterizedTest(name = "{0}, k={1}")
  @MethodSource("shapes")
  void resumesWhereItWas(Shape shape, int k) throws Exception {
    Resume.check(policy, shape, k);
  }

  @Test
  void listIteratorKeepsItsPositionBothWaysAndItsOuterList() throws Exception {
    ArrayList<Object> list = new ArrayList<>(mixedKeys(12));
    ListIterator<Object> it = list.listIterator(5);
    it.previous();
    Object[] back = policy.roundTrip(new Object[] {list, it});
    @SuppressWarnings("unchecked") List<Object> list2 = (List<Object>) back[0];
    @SuppressWarnings("unchecked") ListIterator<Object> it2 = (ListIterator<Object>) back[1];
    assertThat(it2.nextIndex()).isEqualTo(4);
    assertThat(Resume.describe(it2.previous())).isEqualTo(Resume.describe(list.get(3)));
    it2.set("replaced");
    it2.add("inserted");
    assertThat(list2.get(3)).isEqualTo("inserted");
    assertThat(list2.get(4)).isEqualTo("replaced");
    assertThat(list2).hasSize(13);
  }

  @Test
  void iteratorAloneBringsItsListAlong() throws Exception {
    List<Object> list = new LinkedList<>(mixedKeys(10));
    Iterator<Object> it = list.iterator();
    it.next();
    Iterator<Object> back = policy.roundTrip(it);
    back.remove();
    assertThat(Resume.count(back)).isEqualTo(9);
  }
}
