package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Fixtures.IdKey;
import io.roam.kernel.snapshot.Fixtures.StableKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Test harness for iterators frozen part-way: a {@link Shape} makes a collection (the same one
 * every time, at least ten elements) and takes an iterator or enumeration of it; {@link #check}
 * advances it k times, encodes {collection, iterator}, then runs the same scripts of operations
 * on the original pair and on a decoded copy and requires the same trace: the elements the
 * iterator still yields, in order; what {@code remove()} does right after the move (it removes
 * the element last returned before the capture, or throws) and later; entries' {@code setValue};
 * fail-fast behaviour when the collection is modified directly; and the collection's contents
 * after each script (so an iterator's removals are visible in the decoded collection it belongs
 * to).
 */
final class Resume {
  private Resume() {}

  /**
   * One collection and one way of iterating it.
   *
   * @param modify a direct structural modification of the collection, or null when iterators of
   *     this shape are not fail-fast (snapshot or weakly consistent)
   * @param reordersOnRemove a removal reorders the elements still to come, depending on the
   *     table layout (IdentityHashMap's open addressing moves a later key into the freed slot):
   *     after a removal only the set of remaining elements is compared
   */
  record Shape(String name, Supplier<Object> make, Function<Object, Object> iterate,
      Consumer<Object> modify, boolean reordersOnRemove) {
    @Override
    public String toString() {
      return name;
    }

    Shape reorderingOnRemove() {
      return new Shape(name, make, iterate, modify, true);
    }
  }

  static Shape shape(String name, Supplier<?> make, Function<Object, Object> iterate,
      Consumer<Object> modify) {
    return new Shape(name, make::get, iterate, modify, false);
  }

  /** Arguments (shape, k) for k = 0, 3 and the collection's size. */
  static Stream<Arguments> positions(List<Shape> shapes) {
    List<Arguments> out = new ArrayList<>();
    for (Shape s : shapes) {
      int size = count(s.iterate.apply(s.make.get()));
      assertThat(size).as(s.name).isGreaterThanOrEqualTo(10);
      for (int k : new int[] {0, 3, size}) {
        out.add(Arguments.of(s, k));
      }
    }
    return out.stream();
  }

  /** Mixed keys: strings, integers, process objects without hashCode (identity-hashed). */
  static List<Object> mixedKeys(int n) {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(switch (i % 3) {
        case 0 -> "s" + i;
        case 1 -> i * 1000;
        default -> new IdKey("k" + i);
      });
    }
    return keys;
  }

  /** Keys whose hash codes are the same in every JVM: strings, integers, stable process keys. */
  static List<Object> stableKeys(int n) {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(switch (i % 3) {
        case 0 -> "s" + i;
        case 1 -> i * 1000;
        default -> new StableKey("k" + i);
      });
    }
    return keys;
  }

  static String describe(Object o) {
    if (o instanceof IdKey k) {
      return "#" + k.label;
    }
    if (o instanceof StableKey k) {
      return "~" + k.label;
    }
    if (o instanceof Map.Entry<?, ?> e) {
      return describe(e.getKey()) + "=" + describe(e.getValue());
    }
    if (o instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      for (Object x : c) {
        parts.add(describe(x));
      }
      return parts.toString();
    }
    return String.valueOf(o);
  }

  /** The collection's elements (entries for maps), described and sorted. */
  static List<String> contents(Object c) {
    List<String> out = new ArrayList<>();
    Iterable<?> items = c instanceof Map<?, ?> m ? m.entrySet() : (Iterable<?>) c;
    for (Object x : items) {
      out.add(describe(x));
    }
    out.sort(null);
    return out;
  }

  static int count(Object it) {
    int n = 0;
    while (hasNext(it)) {
      next(it);
      n++;
    }
    return n;
  }

  private static boolean hasNext(Object it) {
    return it instanceof Iterator<?> i ? i.hasNext() : ((Enumeration<?>) it).hasMoreElements();
  }

  private static Object next(Object it) {
    return it instanceof Iterator<?> i ? i.next() : ((Enumeration<?>) it).nextElement();
  }

  private enum Script { DRAIN, REMOVE_AND_SET, MODIFY }

  /**
   * Encodes the shape's collection with an iterator advanced {@code k} times and checks that a
   * decoded copy behaves as the original under every script; returns one decoded pair
   * (collection, iterator) for further checks.
   */
  static Object[] check(TestPolicy policy, Shape s, int k) throws Exception {
    HeapCodec codec = new HeapCodec(policy);
    Object[] last = null;
    for (Script script : Script.values()) {
      if (script == Script.MODIFY && s.modify == null) {
        continue;
      }
      Object c = s.make.get();
      Object it = s.iterate.apply(c);
      for (int i = 0; i < k; i++) {
        next(it);
      }
      byte[] bytes = codec.encode(new Object[] {c, it});
      Object[] back = (Object[]) codec.decode(bytes);
      assertThat(back[1]).as(s.name + ": decoded iterator").isNotSameAs(it);
      List<String> expected = run(script, s, c, it);
      List<String> actual = run(script, s, back[0], back[1]);
      assertThat(actual).as(s.name + ", k=" + k + ", " + script)
          .containsExactlyElementsOf(expected);
      if (script == Script.DRAIN) {
        last = (Object[]) codec.decode(bytes);
      }
    }
    return last;
  }

  private static List<String> run(Script script, Shape s, Object c, Object it) {
    List<String> trace = new ArrayList<>();
    switch (script) {
      case DRAIN -> {
        while (hasNext(it)) {
          trace.add(describe(next(it)));
        }
        trace.add("hasNext " + hasNext(it));
      }
      case REMOVE_AND_SET -> {
        trace.add(attempt(() -> remove(it)));
        if (s.reordersOnRemove) {
          List<String> rest = new ArrayList<>();
          while (hasNext(it)) {
            rest.add(describe(next(it)));
          }
          rest.sort(null);
          trace.add("rest " + rest);
          trace.add(attempt(() -> remove(it)));
          break;
        }
        for (int i = 0; hasNext(it); i++) {
          Object x = next(it);
          trace.add(describe(x));
          if (x instanceof Map.Entry<?, ?> e && i % 3 == 0) {
            int n = i;
            trace.add(attempt(() -> setValue(e, "set" + n)));
          }
          if (i % 2 == 1) {
            trace.add(attempt(() -> remove(it)));
          }
        }
        trace.add(attempt(() -> remove(it)));
      }
      case MODIFY -> {
        if (hasNext(it)) {
          trace.add(describe(next(it)));
        }
        s.modify.accept(c);
        trace.add(attempt(() -> trace.add(describe(next(it)))));
        trace.add(attempt(() -> remove(it)));
      }
    }
    trace.add("contents " + contents(c));
    return trace;
  }

  @SuppressWarnings("unchecked")
  private static void setValue(Map.Entry<?, ?> e, Object v) {
    ((Map.Entry<Object, Object>) e).setValue(v);
  }

  private static void remove(Object it) {
    if (it instanceof Iterator<?> i) {
      i.remove();
    } else {
      throw new UnsupportedOperationException("an Enumeration has no remove");
    }
  }

  private static String attempt(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (RuntimeException e) {
      return "!" + e.getClass().getSimpleName();
    }
  }
}
