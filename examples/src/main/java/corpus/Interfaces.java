package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Interface method kinds in the loop: default methods calling abstract methods, private
 * interface methods (Java 9+) used by defaults, static interface methods (factories and
 * helpers), a default overridden in a class, diamond inheritance of two defaults resolved with
 * {@code A.super.m()}, an interface constant table, interface inheritance (sub-interface adding
 * a default), and dispatch through interface-typed variables and a generic interface.
 */
public class Interfaces {
    interface Shape {
        int[] WEIGHTS = {3, 5, 7, 11};

        long area();

        default long weightedArea(int k) {
            return scale(area(), k) + checksumOf(area());
        }

        private long scale(long a, int k) {
            return a * WEIGHTS[k & 3];
        }

        private static long checksumOf(long v) {
            return (v ^ (v >>> 7)) & 0xfff;
        }

        static Shape square(long side) {
            return () -> side * side;
        }

        static long total(List<? extends Shape> shapes, int k) {
            long t = 0;
            for (Shape s : shapes) {
                t += s.weightedArea(k);
            }
            return t;
        }
    }

    interface Named {
        default String label() {
            return "named";
        }
    }

    interface Tagged {
        default String label() {
            return "tagged";
        }
    }

    interface Solid extends Shape {
        long depth();

        default long volume() {
            return area() * depth();
        }
    }

    interface Transformer<T> {
        T apply(T input);

        default Transformer<T> then(Transformer<T> next) {
            return x -> next.apply(apply(x));
        }

        static <T> Transformer<T> identity() {
            return x -> x;
        }
    }

    static final class Box implements Solid, Named, Tagged {
        private final long w;
        private final long h;
        private final long d;

        Box(long w, long h, long d) {
            this.w = w;
            this.h = h;
            this.d = d;
        }

        @Override
        public long area() {
            return w * h;
        }

        @Override
        public long depth() {
            return d;
        }

        @Override
        public String label() {
            return Named.super.label() + "+" + Tagged.super.label();
        }

        @Override
        public long weightedArea(int k) {
            return Solid.super.weightedArea(k) + 1;
        }
    }

    static final class Tri implements Shape, Named {
        private final long b;
        private final long h;

        Tri(long b, long h) {
            this.b = b;
            this.h = h;
        }

        @Override
        public long area() {
            return b * h / 2;
        }
    }

    public static void main(String[] args) {
        long checksum = 0;
        Transformer<Long> inc = x -> x + 1;
        Transformer<Long> dbl = x -> x * 2;
        Transformer<Long> pipeline = Transformer.<Long>identity().then(inc).then(dbl).then(inc);
        for (int round = 0; round < 300_000; round++) {
            List<Shape> shapes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int v = (round + i * 13) % 50 + 1;
                switch (i % 3) {
                    case 0 -> shapes.add(Shape.square(v));
                    case 1 -> shapes.add(new Box(v, v + 1, v % 5 + 1));
                    default -> shapes.add(new Tri(v, v + 3));
                }
            }
            long total = Shape.total(shapes, round);
            long volumes = 0;
            int labels = 0;
            for (Shape s : shapes) {
                if (s instanceof Solid solid) {
                    volumes += solid.volume();
                }
                if (s instanceof Named named) {
                    labels += named.label().length();
                }
            }
            long t = pipeline.apply(total);
            checksum = checksum * 31 + t + volumes + labels + Shape.WEIGHTS[round & 3];
            if (round % 15_000 == 0) {
                System.out.println("round " + round + " total=" + total + " volumes=" + volumes + " labels=" + labels
                        + " piped=" + t);
            }
        }
        System.out.println("box label " + new Box(1, 2, 3).label());
        System.out.println("checksum " + checksum);
    }
}
