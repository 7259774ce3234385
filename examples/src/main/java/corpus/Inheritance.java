package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Class hierarchies built and used in the loop: an abstract base class with abstract and
 * template methods, three levels of subclasses overriding and calling super.method(),
 * constructors chained with this(...) and super(...), constructors that call program methods
 * (including loops inside constructors), instance initializer blocks, static and instance
 * counters mutated on every construction, protected fields, and polymorphic dispatch through
 * base-class references and an interface.
 */
public class Inheritance {
    interface Priced {
        long price();
    }

    abstract static class Shape implements Priced {
        static int created;
        protected final String name;
        protected final int[] samples;
        protected long cachedArea;
        int initOrder;

        {
            created++;
            initOrder = 1;
        }

        Shape(String name, int sampleCount) {
            this.name = name;
            this.samples = makeSamples(sampleCount);
            this.cachedArea = -1;
            initOrder = initOrder * 10 + 2;
        }

        static int[] makeSamples(int n) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = (i * i + 7) % 13;
            }
            return s;
        }

        abstract long area();

        long perimeter() {
            return 0;
        }

        long describe() {
            if (cachedArea < 0) {
                cachedArea = area();
            }
            return cachedArea * 3 + perimeter() + name.length();
        }

        public long price() {
            long s = 0;
            for (int v : samples) {
                s += v;
            }
            return describe() + s;
        }
    }

    static class Rect extends Shape {
        protected final long w;
        protected final long h;

        {
            initOrder = initOrder * 10 + 3;
        }

        Rect(long w, long h) {
            this("rect", w, h);
        }

        Rect(String name, long w, long h) {
            super(name, (int) (w % 8) + 2);
            this.w = w;
            this.h = h;
            initOrder = initOrder * 10 + 4;
        }

        @Override
        long area() {
            return w * h;
        }

        @Override
        long perimeter() {
            return 2 * (w + h);
        }
    }

    static class Square extends Rect {
        static int squares;

        Square(long side) {
            super("square", side, side);
            squares++;
        }

        @Override
        long perimeter() {
            return super.perimeter() + 1;
        }

        @Override
        long describe() {
            return super.describe() * 2;
        }
    }

    static final class Cube extends Square {
        private final long depth;
        private final long[] layers;

        Cube(long side) {
            this(side, side);
        }

        private Cube(long side, long depth) {
            super(side);
            this.depth = depth;
            this.layers = new long[(int) (depth % 16) + 1];
            for (int i = 0; i < layers.length; i++) {
                layers[i] = super.area() * (i + 1);
            }
        }

        @Override
        long area() {
            return 6 * super.area();
        }

        long volume() {
            long v = 0;
            for (long layer : layers) {
                v += layer;
            }
            return v + depth;
        }

        @Override
        public long price() {
            return super.price() + volume();
        }
    }

    static class Circle extends Shape {
        private final double radius;

        Circle(double radius) {
            super("circle", 5);
            this.radius = radius;
        }

        @Override
        long area() {
            return Math.round(Math.PI * radius * radius * 100);
        }

        @Override
        long perimeter() {
            return Math.round(2 * Math.PI * radius * 100);
        }
    }

    public static void main(String[] args) {
        long checksum = 0;
        List<Shape> keep = new ArrayList<>();
        for (int round = 0; round < 9_000_000; round++) {
            Shape s;
            switch (round % 4) {
                case 0:
                    s = new Rect(round % 50 + 1, round % 30 + 2);
                    break;
                case 1:
                    s = new Square(round % 40 + 1);
                    break;
                case 2:
                    s = new Cube(round % 20 + 1);
                    break;
                default:
                    s = new Circle((round % 25) * 0.5 + 1);
                    break;
            }
            Priced p = s;
            checksum = checksum * 31 + p.price() + s.describe() + s.initOrder;
            if (round % 45_000 == 0) {
                keep.add(s);
            }
            if (round % 450_000 == 0) {
                long total = 0;
                for (Shape k : keep) {
                    total += k.price();
                }
                System.out.println("round " + round + " created=" + Shape.created + " squares=" + Square.squares
                        + " kept=" + keep.size() + " total=" + total + " last=" + s.name + " order=" + s.initOrder);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
