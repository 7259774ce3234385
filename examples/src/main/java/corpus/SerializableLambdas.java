package corpus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Behaviour stored as data and invoked much later: a rule engine whose rules are serializable
 * lambdas ({@code (Predicate<Order> & Serializable)}, {@code (Runnable & Serializable)},
 * a custom SerializableFunction interface) kept in fields, a HashMap keyed by rule name and an
 * ArrayList; lambdas capturing locals, this and other lambdas; a Supplier factory field; method
 * references stored in a map (static, bound, unbound, constructor); and a Comparator built with
 * comparing/thenComparing and stored in a static field. All invoked in the hot loop.
 */
public class SerializableLambdas {
    interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
    }

    record Order(int id, String customer, long cents, int items) {
    }

    static final Comparator<Order> ORDERING = Comparator.comparingLong(Order::cents).reversed()
            .thenComparing(Order::customer).thenComparingInt(Order::id);

    private final Map<String, Predicate<Order>> rules = new HashMap<>();
    private final List<SerializableFunction<Order, Long>> fees = new ArrayList<>();
    private final Map<String, BinaryOperator<Long>> combiners = new HashMap<>();
    private Supplier<List<Order>> batchFactory;
    private Runnable onFlag;
    private long flagged;
    private long threshold = 5000;

    static long bulkFee(Order o) {
        return o.items() > 5 ? 50 : 0;
    }

    long premium(Order o) {
        return o.cents() > threshold ? o.cents() / 100 : 0;
    }

    SerializableLambdas() {
        final int minItems = 2;
        rules.put("big", (Predicate<Order> & Serializable) o -> o.cents() > threshold);
        rules.put("many", (Predicate<Order> & Serializable) o -> o.items() >= minItems * 4);
        rules.put("vip", (Predicate<Order> & Serializable) o -> o.customer().startsWith("v"));
        Predicate<Order> big = rules.get("big");
        Predicate<Order> vip = rules.get("vip");
        rules.put("bigvip", (Predicate<Order> & Serializable) o -> big.test(o) && vip.test(o));
        fees.add(SerializableLambdas::bulkFee);
        fees.add(this::premium);
        fees.add(o -> (long) o.customer().length());
        fees.add(o -> o.cents() % 7);
        combiners.put("sum", Long::sum);
        combiners.put("max", Math::max);
        combiners.put("xor", (a, b) -> a ^ b);
        batchFactory = ArrayList::new;
        onFlag = (Runnable & Serializable) () -> flagged++;
    }

    long process(int round, java.util.Random rnd) {
        List<Order> batch = batchFactory.get();
        for (int i = 0; i < 100; i++) {
            String customer = (rnd.nextInt(4) == 0 ? "v" : "c") + rnd.nextInt(30);
            batch.add(new Order(round * 100 + i, customer, rnd.nextInt(10_000), 1 + rnd.nextInt(12)));
        }
        batch.sort(ORDERING);
        long total = 0;
        Map<String, Long> hitsByRule = new HashMap<>();
        for (Order o : batch) {
            for (Map.Entry<String, Predicate<Order>> rule : rules.entrySet()) {
                if (rule.getValue().test(o)) {
                    hitsByRule.merge(rule.getKey(), 1L, combiners.get("sum"));
                    if (rule.getKey().equals("bigvip")) {
                        onFlag.run();
                    }
                }
            }
            long fee = 0;
            for (SerializableFunction<Order, Long> f : fees) {
                fee = combiners.get("sum").apply(fee, f.apply(o));
            }
            total = combiners.get(round % 2 == 0 ? "max" : "xor").apply(total, fee) + o.cents();
        }
        threshold = 4000 + (round % 20) * 100;
        return total * 31 + hitsByRule.getOrDefault("big", 0L) + hitsByRule.getOrDefault("many", 0L) * 3
                + batch.get(0).id();
    }

    public static void main(String[] args) {
        SerializableLambdas engine = new SerializableLambdas();
        java.util.Random rnd = new java.util.Random(123);
        long checksum = 0;
        for (int round = 0; round < 12_000; round++) {
            long v = engine.process(round, rnd);
            checksum = checksum * 31 + v;
            if (round % 600 == 0) {
                System.out.println("round " + round + " value=" + v + " flagged=" + engine.flagged + " threshold="
                        + engine.threshold);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
