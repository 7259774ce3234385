package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Varargs methods of several shapes called in the loop: int..., long..., double... (with the
 * array created implicitly at each call site), String... with a leading fixed parameter,
 * Object... receiving boxed values and nulls, a generic @SafeVarargs static method, calls with
 * zero arguments and with an explicit array, overload resolution between fixed-arity and
 * varargs overloads, and String.format's own varargs.
 */
public class Varargs {
    static int calls;

    static long sum(int... values) {
        calls++;
        long s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    static long sum(int a, int b) {
        calls++;
        return 1000L + a + b;
    }

    static long product(long first, long... rest) {
        long p = first;
        for (long r : rest) {
            p = p * r % 1_000_000_007L;
        }
        return p;
    }

    static double mean(double... values) {
        if (values.length == 0) {
            return 0;
        }
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    static String join(String separator, String... parts) {
        return String.join(separator, parts);
    }

    static int describe(Object... things) {
        int score = things.length;
        for (Object o : things) {
            if (o == null) {
                score += 100;
            } else if (o instanceof Integer i) {
                score += i;
            } else if (o instanceof String s) {
                score += s.length();
            } else if (o instanceof int[] arr) {
                score += arr.length * 10;
            } else {
                score += 1;
            }
        }
        return score;
    }

    @SafeVarargs
    static <T extends Comparable<T>> T max(T first, T... rest) {
        T best = first;
        for (T t : rest) {
            if (t.compareTo(best) > 0) {
                best = t;
            }
        }
        return best;
    }

    @SafeVarargs
    static <T> List<T> listOf(T... items) {
        List<T> list = new ArrayList<>(items.length);
        for (T item : items) {
            list.add(item);
        }
        return list;
    }

    public static void main(String[] args) {
        long checksum = 0;
        for (int round = 0; round < 1_200_000; round++) {
            int a = round % 100;
            int b = round % 37;
            long s1 = sum();
            long s2 = sum(a);
            long s3 = sum(a, b);
            long s4 = sum(a, b, round % 11);
            long s5 = sum(new int[] {a, b, 1, 2, 3});
            long p = product(round + 1L, 3L, 5L, a + 1L, b + 1L);
            double m = mean(a, b, round % 13, 0.5);
            String j = join("-", "r" + a, "b" + b);
            int d = describe(a, "x" + b, null, new int[] {1, 2}, 3.5);
            int d0 = describe();
            String mx = max("pear", "apple", "r" + (a % 10));
            Integer mi = max(a, b, 50);
            List<String> lst = listOf(j, mx, "z");
            checksum = checksum * 31 + s1 + s2 + s3 + s4 + s5 + p + Math.round(m * 100) + j.length() + d + d0
                    + mx.length() + mi + lst.size();
            if (round % 60_000 == 0) {
                System.out.println(String.format("round %d sums=%d,%d,%d,%d,%d product=%d mean=%.3f join=%s describe=%d max=%s,%d",
                        round, s1, s2, s3, s4, s5, p, m, j, d, mx, mi));
            }
        }
        System.out.println("calls " + calls);
        System.out.println("checksum " + checksum);
    }
}
