package corpus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caching with an access-ordered LinkedHashMap subclass that evicts in removeEldestEntry (LRU),
 * used to memoise an expensive function (BigInteger Fibonacci numbers computed by a slow loop;
 * keys drawn from a seeded Random, the bounded cache evicts and recomputes), plus a
 * second insertion-ordered (FIFO) cache of Strings; both are iterated in their defined order.
 */
public class LruCache {
    static final class Cache<K, V> extends LinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final int capacity;
        long evictions;

        Cache(int capacity, boolean accessOrder) {
            super(capacity * 2, 0.75f, accessOrder);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            boolean evict = size() > capacity;
            if (evict) {
                evictions++;
            }
            return evict;
        }
    }

    static final Cache<Integer, BigInteger> FIBS = new Cache<>(300, true);
    static long hits;
    static long misses;

    /** Fibonacci numbers, computed by a slow loop and memoised in an LRU cache. */
    static BigInteger fib(int n) {
        BigInteger cached = FIBS.get(n);
        if (cached != null) {
            hits++;
            return cached;
        }
        misses++;
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        FIBS.put(n, a);
        return a;
    }

    public static void main(String[] args) {
        Cache<String, String> fifo = new Cache<>(50, false);
        long checksum = 0;
        java.util.Random rnd = new java.util.Random(5);
        for (int round = 0; round < 30_000; round++) {
            int n = rnd.nextInt(4) == 0 ? 100 + rnd.nextInt(1500) : 200 + (int) Math.abs(rnd.nextGaussian() * 150);
            BigInteger p = fib(n);
            checksum = checksum * 31 + p.bitLength() + p.intValue();
            String key = "k" + rnd.nextInt(120);
            String v = fifo.get(key);
            if (v == null) {
                fifo.put(key, "v" + round);
            } else {
                checksum += v.length();
            }
            if (round % 1500 == 0) {
                List<Integer> eldest = new ArrayList<>();
                for (Integer k : FIBS.keySet()) {
                    eldest.add(k);
                    if (eldest.size() == 5) {
                        break;
                    }
                }
                List<String> fifoHead = new ArrayList<>(fifo.keySet()).subList(0, Math.min(4, fifo.size()));
                System.out.println("round " + round + " fib(" + n + ") has " + p.toString().length() + " digits, hits=" + hits
                        + " misses=" + misses + " evictions=" + FIBS.evictions + " eldest=" + eldest
                        + " fifo=" + fifoHead + " fifoEvictions=" + fifo.evictions);
            }
        }
        System.out.println("fib(100) = " + fib(100));
        System.out.println("checksum " + checksum);
    }
}
