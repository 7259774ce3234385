package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every allowlisted JDK type (by fields, by value, canonical, enum, immutable) survives a round
 * trip with the same class and the same observable state.
 */
class JdkTypesRoundTripTest {
  private final TestPolicy policy = new TestPolicy();

  static Stream<Arguments> samples() {
    Function<Object, Object> str = String::valueOf;
    Function<Object, Object> same = o -> o;
    List<Arguments> a = new ArrayList<>();
    a.add(arg(new ArrayList<>(List.of(1, "two", 3.0)), same));
    a.add(arg(new LinkedList<>(List.of("a", "b", "c")), same));
    ArrayDeque<Integer> deque = new ArrayDeque<>();
    IntStream.range(0, 20).forEach(i -> deque.addFirst(i));
    a.add(arg(deque, o -> List.copyOf((ArrayDeque<?>) o)));
    a.add(arg(new Vector<>(List.of(1, 2)), same));
    Stack<String> stack = new Stack<>();
    stack.push("x");
    a.add(arg(stack, same));
    PriorityQueue<Integer> pq = new PriorityQueue<>(Comparator.reverseOrder());
    pq.addAll(List.of(5, 1, 9, 3));
    a.add(arg(pq, o -> drain((PriorityQueue<?>) o)));
    TreeMap<String, Integer> tree = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tree.put("b", 2);
    tree.put("A", 1);
    tree.put("c", 3);
    a.add(arg(tree, o -> ((TreeMap<?, ?>) o).get("a") + " " + o));
    a.add(arg(new TreeSet<>(List.of(3, 1, 2)), same));
    a.add(arg(new StringBuilder("builder"), str));
    a.add(arg(new StringBuffer("buffer"), str));
    a.add(arg(new Random(42), o -> ((Random) o).nextGaussian() + " " + ((Random) o).nextLong()));
    Random gauss = new Random(7);
    gauss.nextGaussian();
    a.add(arg(gauss, o -> ((Random) o).nextGaussian()));
    a.add(arg(new AtomicInteger(5), str));
    a.add(arg(new AtomicLong(-5), str));
    a.add(arg(new AtomicBoolean(true), str));
    a.add(arg(new AtomicReference<>("ref"), str));
    a.add(arg(new AtomicIntegerArray(new int[] {1, 2}), str));
    a.add(arg(new AtomicLongArray(new long[] {3}), str));
    a.add(arg(new AtomicReferenceArray<>(new Object[] {"r", null}), str));
    a.add(arg(BitSet.valueOf(new long[] {0b1011, 1L << 63}), same));
    a.add(arg(Optional.of("o"), same));
    a.add(arg(Optional.empty(), same));
    a.add(arg(OptionalInt.of(3), same));
    a.add(arg(OptionalLong.of(3), same));
    a.add(arg(OptionalDouble.of(3), same));
    a.add(arg(Arrays.asList("x", "y"), same));
    a.add(arg(Collections.unmodifiableList(new ArrayList<>(List.of(1))), same));
    a.add(arg(Collections.unmodifiableList(new LinkedList<>(List.of(1))), same));
    a.add(arg(Collections.unmodifiableCollection(new ArrayList<>(List.of(1))), str));
    a.add(arg(Collections.unmodifiableSet(new TreeSet<>(List.of(1))), same));
    a.add(arg(Collections.unmodifiableSortedSet(new TreeSet<>(List.of(1))), same));
    a.add(arg(Collections.unmodifiableNavigableSet(new TreeSet<>(List.of(1))), same));
    a.add(arg(Collections.unmodifiableMap(new TreeMap<>(java.util.Map.of(1, 2))), same));
    a.add(arg(Collections.unmodifiableSortedMap(new TreeMap<>(java.util.Map.of(1, 2))), same));
    a.add(arg(Collections.unmodifiableNavigableMap(new TreeMap<>(java.util.Map.of(1, 2))), same));
    a.add(arg(Collections.synchronizedList(new ArrayList<>(List.of(1))), same));
    a.add(arg(Collections.synchronizedList(new LinkedList<>(List.of(1))), same));
    a.add(arg(Collections.synchronizedCollection(new ArrayList<>(List.of(1))), str));
    a.add(arg(Collections.synchronizedMap(new TreeMap<>(java.util.Map.of(1, 2))), same));
    a.add(arg(Collections.synchronizedSet(new TreeSet<>(List.of(1))), same));
    a.add(arg(Collections.checkedList(new ArrayList<>(List.of("s")), String.class), same));
    a.add(arg(Collections.checkedList(new LinkedList<>(List.of("s")), String.class), same));
    a.add(arg(Collections.checkedCollection(new ArrayList<>(List.of("s")), String.class), str));
    a.add(arg(Collections.checkedMap(new TreeMap<>(java.util.Map.of("k", 1)), String.class,
        Integer.class), same));
    a.add(arg(Collections.singletonList("one"), same));
    a.add(arg(Collections.singleton("one"), same));
    a.add(arg(Collections.singletonMap("k", "v"), same));
    a.add(arg(Collections.nCopies(3, "n"), same));
    a.add(arg(Collections.reverseOrder(Comparator.<Integer>naturalOrder()),
        JdkTypesRoundTripTest::compareOneTwo));
    a.add(arg(List.of(1), same));
    a.add(arg(List.of(1, 2), same));
    a.add(arg(List.of(1, 2, 3, 4), same));
    a.add(arg(Stream.of("a", null).collect(Collectors.toList()), same));
    a.add(arg(Stream.of("a", null).toList(), same));
    a.add(arg(java.util.Set.of("s"), same));
    a.add(arg(java.util.Set.of("s", "t", "u", "v"), same));
    a.add(arg(java.util.Map.of("k", 1), same));
    a.add(arg(java.util.Map.of("k", 1, "l", 2, "m", 3), same));
    a.add(arg(new AbstractMap.SimpleEntry<>("k", 1), same));
    a.add(arg(new AbstractMap.SimpleImmutableEntry<>("k", 1), same));
    EnumMap<TimeUnit, String> em = new EnumMap<>(TimeUnit.class);
    em.put(TimeUnit.SECONDS, "s");
    em.put(TimeUnit.DAYS, null);
    a.add(arg(em, o -> o + " " + ((EnumMap<?, ?>) o).containsKey(TimeUnit.DAYS)));
    a.add(arg(EnumSet.of(TimeUnit.SECONDS, TimeUnit.DAYS), same));
    a.add(arg(EnumSet.allOf(Character.UnicodeScript.class), same));
    a.add(arg(UUID.randomUUID(), same));
    a.add(arg(new CopyOnWriteArrayList<>(List.of(1, 2)), same));
    java.util.Set<String> keySet = ConcurrentHashMap.newKeySet();
    keySet.add("member");
    a.add(arg(keySet, same));
    a.add(arg(new Object(), o -> o.getClass()));
    a.add(arg(TimeUnit.SECONDS, same));
    a.add(arg(new IllegalStateException("boom", new RuntimeException("cause")),
        JdkTypesRoundTripTest::describeThrowable));
    return a.stream();
  }

  private static Arguments arg(Object o, Function<Object, Object> view) {
    return Arguments.of(o.getClass().getName(), o, view);
  }

  @SuppressWarnings("unchecked")
  private static Object compareOneTwo(Object c) {
    return ((Comparator<Integer>) c).compare(1, 2);
  }

  private static List<Object> drain(PriorityQueue<?> q) {
    List<Object> out = new ArrayList<>();
    PriorityQueue<?> copy = new PriorityQueue<>(q);
    while (!copy.isEmpty()) {
      out.add(copy.poll());
    }
    return out;
  }

  private static Object describeThrowable(Object o) {
    Throwable t = (Throwable) o;
    return t + " / " + t.getCause() + " / " + Arrays.toString(t.getStackTrace())
        + " / " + Arrays.toString(t.getSuppressed());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void roundTrip(String name, Object sample, Function<Object, Object> view) throws Exception {
    Object back = policy.roundTrip(sample);
    assertThat(back.getClass()).isSameAs(sample.getClass());
    assertThat(view.apply(back)).isEqualTo(view.apply(sample));
  }

  @Test
  void canonicalSingletonsStayCanonical() throws Exception {
    Object[] root = {Collections.emptyList(), Collections.emptyMap(), Collections.emptySet(),
        Collections.emptyIterator(), Comparator.naturalOrder(), Comparator.reverseOrder(),
        Collections.reverseOrder(), String.CASE_INSENSITIVE_ORDER, List.of(), java.util.Set.of(),
        java.util.Map.of(), Optional.empty(), OptionalInt.empty(), Collections.emptyNavigableMap(),
        TimeUnit.HOURS, Thread.State.RUNNABLE};
    Object[] back = policy.roundTrip(root);
    for (int i = 0; i < root.length; i++) {
      assertThat(back[i]).as(String.valueOf(root[i])).isSameAs(root[i]);
    }
  }

  @Test
  void throwableKeepsStackCauseAndSuppressed() throws Exception {
    RuntimeException t = new RuntimeException("outer", new IllegalArgumentException("inner"));
    t.addSuppressed(new java.io.UncheckedIOException(new java.io.IOException("io")));
    Exception noSuppressed = new Exception("plain");
    Object[] back = policy.roundTrip(new Object[] {t, noSuppressed});
    Throwable t2 = (Throwable) back[0];
    assertThat(describeThrowable(t2)).isEqualTo(describeThrowable(t));
    assertThat(t2.getStackTrace()).isNotEmpty();
    Throwable plain = (Throwable) back[1];
    plain.addSuppressed(new RuntimeException("later"));
    assertThat(plain.getSuppressed()).hasSize(1);
    assertThat(noSuppressed.getSuppressed()).isEmpty();
  }
}
