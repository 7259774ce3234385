package corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Generics in the loop: bounded type parameters ({@code <T extends Comparable<? super T>>},
 * {@code <N extends Number>}), recursive bounds, wildcards (? extends / ? super, PECS copy),
 * static nested generic classes (Pair, a generic binary heap, a bounded Box), generic methods
 * with explicit type witnesses, and bridge methods: a class implementing Comparable&lt;Version&gt;,
 * a generic interface implemented with a concrete type, and a covariant override, all called
 * through erased (bridge) and direct paths.
 */
public class Generics {
    static final class Pair<A, B> {
        final A first;
        final B second;

        Pair(A first, B second) {
            this.first = first;
            this.second = second;
        }

        <C> Pair<A, C> withSecond(C c) {
            return new Pair<>(first, c);
        }

        Pair<B, A> swap() {
            return new Pair<>(second, first);
        }
    }

    static final class Box<N extends Number> {
        private N value;

        Box(N value) {
            this.value = value;
        }

        double doubled() {
            return value.doubleValue() * 2;
        }

        void set(N v) {
            value = v;
        }

        N get() {
            return value;
        }
    }

    static final class Heap<T> {
        private final List<T> items = new ArrayList<>();
        private final Comparator<? super T> order;

        Heap(Comparator<? super T> order) {
            this.order = order;
        }

        void push(T t) {
            items.add(t);
            int i = items.size() - 1;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (order.compare(items.get(i), items.get(parent)) >= 0) {
                    break;
                }
                T tmp = items.get(i);
                items.set(i, items.get(parent));
                items.set(parent, tmp);
                i = parent;
            }
        }

        T pop() {
            T top = items.get(0);
            T last = items.remove(items.size() - 1);
            if (!items.isEmpty()) {
                items.set(0, last);
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int r = l + 1;
                    int m = i;
                    if (l < items.size() && order.compare(items.get(l), items.get(m)) < 0) {
                        m = l;
                    }
                    if (r < items.size() && order.compare(items.get(r), items.get(m)) < 0) {
                        m = r;
                    }
                    if (m == i) {
                        break;
                    }
                    T tmp = items.get(i);
                    items.set(i, items.get(m));
                    items.set(m, tmp);
                    i = m;
                }
            }
            return top;
        }

        int size() {
            return items.size();
        }
    }

    static final class Version implements Comparable<Version> {
        final int major;
        final int minor;

        Version(int major, int minor) {
            this.major = major;
            this.minor = minor;
        }

        @Override
        public int compareTo(Version o) {
            return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    interface Transform<I, O> {
        O apply(I in);
    }

    static final class Lengths implements Transform<String, Integer> {
        @Override
        public Integer apply(String in) {
            return in.length();
        }
    }

    abstract static class Source<T> {
        abstract T next();
    }

    static final class Counter extends Source<Long> {
        private long n;

        @Override
        Long next() {
            return n++;
        }
    }

    static <T extends Comparable<? super T>> T maxOf(List<? extends T> list) {
        T best = list.get(0);
        for (T t : list) {
            if (t.compareTo(best) > 0) {
                best = t;
            }
        }
        return best;
    }

    static <N extends Number> double sum(List<N> numbers) {
        double s = 0;
        for (N n : numbers) {
            s += n.doubleValue();
        }
        return s;
    }

    static <T> void copy(List<? super T> dst, List<? extends T> src) {
        for (T t : src) {
            dst.add(t);
        }
    }

    static <I, O> List<O> mapAll(List<I> in, Function<? super I, ? extends O> f) {
        List<O> out = new ArrayList<>(in.size());
        for (I i : in) {
            out.add(f.apply(i));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int viaBridge(Comparable c, Object other) {
        return c.compareTo(other);
    }

    public static void main(String[] args) {
        long checksum = 0;
        Counter counter = new Counter();
        Source<Long> source = counter;
        Transform<String, Integer> lengths = new Lengths();
        for (int round = 0; round < 80_000; round++) {
            List<Version> versions = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                versions.add(new Version((i * 7 + round) % 5, (i * 13 + round) % 11));
            }
            Version best = maxOf(versions);
            int bridged = viaBridge(versions.get(0), versions.get(1));
            Heap<Version> heap = new Heap<>(Comparator.naturalOrder());
            for (Version v : versions) {
                heap.push(v);
            }
            StringBuilder order = new StringBuilder();
            while (heap.size() > 25) {
                order.append(heap.pop()).append(' ');
            }
            List<Integer> ints = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ints.add((i * round) % 97);
            }
            List<Number> numbers = new ArrayList<>();
            copy(numbers, ints);
            numbers.add(0.5);
            double total = sum(ints) + numbers.size();
            Pair<String, Integer> p = new Pair<>("v" + best, bridged);
            Pair<Integer, String> swapped = p.swap();
            Pair<String, Double> replaced = p.withSecond(total);
            Box<Integer> box = new Box<>(round);
            box.set(box.get() + 1);
            Box<Double> dbox = new Box<>(replaced.second);
            List<Integer> lens = Generics.<String, Integer>mapAll(List.of("a", "bb", p.first), lengths::apply);
            long next = source.next();
            checksum = checksum * 31 + best.major * 100 + best.minor + bridged + order.length() + (long) total
                    + swapped.first + (long) box.doubled() + (long) dbox.doubled() + lens.get(2) + next
                    + maxOf(ints);
            if (round % 4000 == 0) {
                System.out.println("round " + round + " best=" + best + " heap=" + order.toString().trim() + " total="
                        + String.format("%.1f", total) + " lens=" + lens + " counter=" + next);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
