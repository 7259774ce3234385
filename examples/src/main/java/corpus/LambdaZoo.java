package corpus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Lambdas and method references of every kind, created and called inside the hot loop: static
 * ({@code LambdaZoo::square}), bound instance ({@code this::addCounter}, {@code sb::append}),
 * unbound ({@code String::length}), constructor ({@code ArrayList::new}, {@code Person::new}),
 * array constructor ({@code int[]::new}), lambdas capturing locals and {@code this}, lambdas kept
 * in fields, lists and maps and called later, Comparator chains with {@code comparing(..)
 * .thenComparing(..)}, {@code Function.andThen/compose}, custom functional interfaces with default
 * methods, and serializable lambdas made with {@code (Runnable & Serializable)} casts.
 */
public class LambdaZoo {
    @FunctionalInterface
    interface LongStep {
        long apply(long acc, int x);

        default LongStep twice() {
            return (acc, x) -> apply(apply(acc, x), x);
        }
    }

    @FunctionalInterface
    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    record Person(String name, int age, double score) {
    }

    private int counter;
    private final List<Function<Integer, Integer>> pipeline = new ArrayList<>();
    private final Map<String, LongStep> steps = new LinkedHashMap<>();
    private final ToIntFunction<String> lengthFn = String::length;
    private Supplier<String> tagSupplier;
    private Runnable serialTick;

    static int square(int x) {
        return x * x;
    }

    int addCounter(int x) {
        return x + counter;
    }

    static long mix(long acc, int x) {
        return acc * 1_000_003L + x;
    }

    LambdaZoo() {
        pipeline.add(LambdaZoo::square);
        pipeline.add(this::addCounter);
        pipeline.add(x -> x ^ (x >>> 3));
        pipeline.add(Integer::reverse);
        steps.put("mix", LambdaZoo::mix);
        steps.put("xor", (acc, x) -> acc ^ ((long) x << (x & 31)));
        steps.put("twice", ((LongStep) LambdaZoo::mix).twice());
        steps.put("count", (acc, x) -> acc + counter * (long) x);
        tagSupplier = () -> "zoo#" + counter;
        serialTick = (Runnable & Serializable) () -> counter++;
    }

    long round(int r) {
        long acc = r;
        // stored lambdas in a list, called later
        for (int i = 0; i < 200; i++) {
            int v = i + r;
            for (Function<Integer, Integer> f : pipeline) {
                v = f.apply(v) & 0xFFFF;
            }
            acc += v;
            serialTick.run();
        }
        // stored lambdas in a map
        for (Map.Entry<String, LongStep> e : steps.entrySet()) {
            long a = acc;
            for (int i = 0; i < 50; i++) {
                a = e.getValue().apply(a, i + r);
            }
            acc ^= a + lengthFn.applyAsInt(e.getKey());
        }
        // lambdas capturing locals
        final int offset = r % 17;
        final long scale = 3L + r % 5;
        IntUnaryOperator capt = x -> (int) ((x + offset) * scale);
        for (int i = 0; i < 100; i++) {
            acc += capt.applyAsInt(i);
        }
        // Function.andThen / compose
        Function<Integer, Integer> inc = x -> x + 1;
        Function<Integer, Integer> dbl = x -> x * 2;
        Function<Integer, String> chain = inc.andThen(dbl).compose(dbl).andThen(Object::toString);
        acc += chain.apply(r).length();
        // unbound, constructor and array constructor references
        Function<String, Integer> len = String::length;
        Supplier<List<String>> listMaker = ArrayList::new;
        IntFunction<int[]> arrMaker = int[]::new;
        TriFunction<String, Integer, Double, Person> personMaker = Person::new;
        List<String> names = listMaker.get();
        int[] ages = arrMaker.apply(40);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < ages.length; i++) {
            ages[i] = (i * 37 + r) % 90;
            names.add("p" + ((i * 7 + r) % 13));
            people.add(personMaker.apply(names.get(i), ages[i], (i * 13 % 7) / 2.0));
        }
        for (String n : names) {
            acc += len.apply(n);
        }
        // bound instance reference on a local object
        StringBuilder sb = new StringBuilder();
        Function<String, StringBuilder> appender = sb::append;
        names.forEach(appender::apply);
        acc += sb.length();
        // comparator chains
        Comparator<Person> cmp = Comparator.comparing(Person::age)
                .thenComparing(Person::name)
                .thenComparing(Person::score, Comparator.reverseOrder());
        people.sort(cmp);
        Person first = people.get(0);
        Person last = people.get(people.size() - 1);
        people.sort(Comparator.comparing(Person::name).reversed().thenComparingInt(Person::age));
        acc = acc * 31 + first.age() * 100 + last.age() + people.get(0).name().hashCode();
        // BiFunction capturing this and a local
        BiFunction<Integer, Integer, Integer> bi = (a, b) -> a * b + counter + offset;
        acc += bi.apply(r, 7);
        // serializable function
        Function<Integer, Integer> sf = (Function<Integer, Integer> & Serializable) x -> x * 3 + offset;
        acc += sf.apply(r);
        return acc;
    }

    public static void main(String[] args) {
        LambdaZoo zoo = new LambdaZoo();
        long checksum = 0;
        for (int r = 0; r < 8000; r++) {
            checksum = checksum * 31 + zoo.round(r);
            if (r % 400 == 0) {
                System.out.println("round " + r + " tag=" + zoo.tagSupplier.get() + " check=" + Long.toHexString(checksum));
            }
        }
        System.out.println("counter " + zoo.counter);
        System.out.println("checksum " + checksum);
    }
}
