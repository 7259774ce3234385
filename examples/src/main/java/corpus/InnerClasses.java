package corpus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * All the nested class kinds, instantiated and called in the loop: a static nested class, an
 * inner (non-static) class reading and writing its outer instance's fields (Outer.this), an
 * inner Iterator implementation, anonymous classes (of an interface and of an abstract class)
 * capturing effectively final locals and the enclosing instance, local classes declared inside
 * a method capturing locals and parameters, and a local class inside a loop body.
 */
public class InnerClasses {
    interface Scorer {
        long score(int x);
    }

    abstract static class Accumulator {
        protected long total;

        abstract void add(int x);

        long total() {
            return total;
        }
    }

    static final class Counter {
        private int count;

        int next() {
            return ++count;
        }
    }

    private long outerState = 1;
    private final int[] ring = new int[32];
    private int ringPos;

    final class Recorder {
        private final int tag;

        Recorder(int tag) {
            this.tag = tag;
        }

        void record(int value) {
            ring[ringPos] = value ^ tag;
            ringPos = (ringPos + 1) % ring.length;
            InnerClasses.this.outerState = outerState * 31 + value;
        }
    }

    final class RingIterator implements Iterator<Integer> {
        private int index;

        @Override
        public boolean hasNext() {
            return index < ring.length;
        }

        @Override
        public Integer next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ring[(ringPos + index++) % ring.length];
        }
    }

    long work(int round, final int bias) {
        final long base = round * 3L;
        Scorer anon = new Scorer() {
            private int calls;

            @Override
            public long score(int x) {
                calls++;
                return base + x * bias + calls + outerState % 7;
            }
        };
        Accumulator evens = new Accumulator() {
            @Override
            void add(int x) {
                if ((x & 1) == 0) {
                    total += x + bias;
                }
            }
        };
        class Window {
            final int[] values = new int[4];
            int filled;

            void push(int v) {
                values[filled++ % values.length] = v + bias;
            }

            long sum() {
                long s = base;
                for (int v : values) {
                    s += v;
                }
                return s;
            }
        }
        Window window = new Window();
        Recorder recorder = new Recorder(round & 0xff);
        Counter counter = new Counter();
        long acc = 0;
        for (int i = 0; i < 300; i++) {
            int x = (i * 31 + round) % 1000;
            acc += anon.score(x);
            evens.add(x);
            window.push(x);
            recorder.record(x);
            if (i % 50 == 0) {
                final int snapshot = i;
                class Probe {
                    long probe() {
                        return snapshot * base + window.sum();
                    }
                }
                acc += new Probe().probe() + counter.next();
            }
        }
        for (Iterator<Integer> it = new RingIterator(); it.hasNext(); ) {
            acc += it.next();
        }
        return acc + evens.total() + window.sum();
    }

    public static void main(String[] args) {
        InnerClasses outer = new InnerClasses();
        List<Long> history = new ArrayList<>();
        long checksum = 0;
        for (int round = 0; round < 240_000; round++) {
            long v = outer.work(round, round % 9 - 4);
            checksum = checksum * 31 + v;
            if (round % 12_000 == 0) {
                history.add(v);
                System.out.println("round " + round + " value=" + v + " outerState=" + outer.outerState
                        + " ringPos=" + outer.ringPos);
            }
        }
        System.out.println("history " + history.size() + " last " + history.get(history.size() - 1));
        System.out.println("checksum " + checksum);
    }
}
