package corpus;

import java.util.Arrays;

/**
 * A program that ends with {@code System.exit(3)} after printing its results: memoised Collatz
 * chain lengths over a growing long[] cache (cache hits and misses in the hot loop, array growth
 * with Arrays.copyOf), long/int mixing, and a final exit called from inside a helper method that is
 * itself inside a try/finally whose finally block must not run (exit does not unwind).
 */
public class Exit3 {
    static int[] cache = new int[1024];
    static long hits;
    static long misses;

    static int chain(long n) {
        if (n == 1) {
            return 1;
        }
        if (n < cache.length && cache[(int) n] != 0) {
            hits++;
            return cache[(int) n];
        }
        misses++;
        int len = 1 + chain((n & 1) == 0 ? n >>> 1 : 3 * n + 1);
        if (n < cache.length) {
            cache[(int) n] = len;
        }
        return len;
    }

    static void finish(int code, long checksum) {
        System.out.println("checksum " + checksum);
        System.out.println("exiting with " + code);
        System.out.flush();
        System.exit(code);
    }

    public static void main(String[] args) {
        long checksum = 0;
        long best = 0;
        int bestLen = 0;
        int limit = 10_000_000;
        for (long n = 1; n <= limit; n++) {
            if (n >= cache.length && cache.length < (1 << 20)) {
                cache = Arrays.copyOf(cache, cache.length * 2);
            }
            int len = chain(n);
            if (len > bestLen) {
                bestLen = len;
                best = n;
            }
            checksum = checksum * 1_000_003L + len;
            if (n % 500_000 == 0) {
                System.out.println("n=" + n + " best=" + best + " len=" + bestLen + " cache=" + cache.length
                        + " hits=" + hits + " misses=" + misses);
            }
        }
        try {
            finish(3, checksum);
        } finally {
            System.out.println("finally must not run");
        }
    }
}
