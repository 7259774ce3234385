package corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * instanceof pattern matching and Optional in the loop: a heterogeneous List&lt;Object&gt; (boxed
 * numbers, strings, records, arrays, a sealed interface hierarchy) classified with
 * {@code instanceof Type name} patterns including && conditions on the bound variable and
 * negated patterns; Optional created with of/ofNullable/empty and chained with map, flatMap,
 * filter, or, orElse, orElseGet, ifPresentOrElse, isPresent/isEmpty.
 */
public class PatternMatching {
    sealed interface Shape permits Circle, Rect, Triangle {
    }

    record Circle(double r) implements Shape {
    }

    record Rect(double w, double h) implements Shape {
    }

    record Triangle(double a, double b, double c) implements Shape {
    }

    static double area(Shape s) {
        if (s instanceof Circle c) {
            return Math.PI * c.r() * c.r();
        } else if (s instanceof Rect r && r.w() == r.h()) {
            return r.w() * r.w();
        } else if (s instanceof Rect r) {
            return r.w() * r.h();
        } else if (s instanceof Triangle t) {
            double p = (t.a() + t.b() + t.c()) / 2;
            return Math.sqrt(Math.max(0, p * (p - t.a()) * (p - t.b()) * (p - t.c())));
        }
        throw new IllegalArgumentException("unknown shape");
    }

    static long classify(Object o) {
        if (o instanceof Integer i && i > 100) {
            return i * 2L;
        }
        if (o instanceof Integer i) {
            return i;
        }
        if (o instanceof Long l) {
            return l % 1000;
        }
        if (o instanceof String s && !s.isEmpty()) {
            return s.length() * 10L + s.charAt(0);
        }
        if (o instanceof int[] arr) {
            long sum = 0;
            for (int v : arr) {
                sum += v;
            }
            return sum;
        }
        if (o instanceof Shape shape) {
            return Math.round(area(shape) * 10);
        }
        if (!(o instanceof Double d)) {
            return -1;
        }
        return Math.round(d);
    }

    static Optional<String> lookup(int key) {
        if (key % 5 == 0) {
            return Optional.empty();
        }
        return Optional.of("k" + key);
    }

    static Optional<Integer> parse(String s) {
        try {
            return Optional.of(Integer.parseInt(s.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static void main(String[] args) {
        long checksum = 0;
        int presentCount = 0;
        int[] emptyCount = new int[1];
        for (int round = 0; round < 500_000; round++) {
            List<Object> things = new ArrayList<>();
            things.add(round % 300);
            things.add((long) round * 7);
            things.add(round % 4 == 0 ? "" : "item" + round % 10);
            things.add(new int[] {round % 3, round % 5, round % 7});
            things.add(switch (round % 3) {
                case 0 -> new Circle(round % 10 + 1);
                case 1 -> new Rect(round % 6 + 1, round % 4 + 1);
                default -> new Triangle(3, 4, round % 5 + 2);
            });
            things.add(round / 3.0);
            things.add(null);
            for (Object o : things) {
                checksum += classify(o);
            }
            Optional<String> found = lookup(round);
            int value = found.flatMap(PatternMatching::parse)
                    .map(v -> v * 2)
                    .filter(v -> v % 3 != 0)
                    .orElseGet(() -> -1);
            String name = Optional.ofNullable(round % 7 == 0 ? null : "n" + round)
                    .or(() -> Optional.of("fallback"))
                    .map(String::toUpperCase)
                    .orElse("none");
            if (found.isPresent()) {
                presentCount++;
            }
            found.ifPresentOrElse(s -> { }, () -> emptyCount[0]++);
            checksum = checksum * 31 + value + name.length();
            if (round % 25_000 == 0) {
                System.out.println("round " + round + " value=" + value + " name=" + name + " present=" + presentCount
                        + " empty=" + emptyCount[0] + " check=" + checksum);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
