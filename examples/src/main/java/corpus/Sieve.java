package corpus;

/**
 * Prime sieves three ways, repeated with growing bounds: a classic boolean[] sieve of
 * Eratosthenes, a bit-packed sieve over a long[] using shifts, masks and Long.bitCount, and a
 * segmented sieve that reuses a byte[] segment buffer and an int[] of base primes. Cross-checks
 * the three counts every round, sums primes into a long, and prints pi(n) for each bound.
 */
public class Sieve {
    static int simple(int n) {
        boolean[] composite = new boolean[n + 1];
        int count = 0;
        for (int i = 2; i <= n; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j <= n; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }

    static int bits(int n) {
        long[] words = new long[(n >>> 6) + 1];
        for (int i = 2; (long) i * i <= n; i++) {
            if ((words[i >>> 6] & (1L << (i & 63))) == 0) {
                for (int j = i * i; j <= n; j += i) {
                    words[j >>> 6] |= 1L << (j & 63);
                }
            }
        }
        // bits 0 and 1 are not prime; clear bits beyond n
        words[0] |= 3L;
        int lastBits = (n & 63) + 1;
        if (lastBits < 64) {
            words[words.length - 1] |= -1L << lastBits;
        }
        int composites = 0;
        for (long w : words) {
            composites += Long.bitCount(w);
        }
        return words.length * 64 - composites;
    }

    static long segmented(int n, int segmentSize, int[] out) {
        int root = (int) Math.sqrt(n);
        while ((long) root * root > n) {
            root--;
        }
        while ((long) (root + 1) * (root + 1) <= n) {
            root++;
        }
        boolean[] small = new boolean[root + 1];
        int[] basePrimes = new int[root + 1];
        int baseCount = 0;
        for (int i = 2; i <= root; i++) {
            if (!small[i]) {
                basePrimes[baseCount++] = i;
                for (int j = i * i; j <= root; j += i) {
                    small[j] = true;
                }
            }
        }
        byte[] segment = new byte[segmentSize];
        int count = 0;
        long sum = 0;
        for (int low = 2; low <= n; low += segmentSize) {
            int high = Math.min(low + segmentSize - 1, n);
            java.util.Arrays.fill(segment, (byte) 0);
            for (int k = 0; k < baseCount; k++) {
                int p = basePrimes[k];
                long start = Math.max((long) p * p, ((low + p - 1L) / p) * p);
                for (long j = start; j <= high; j += p) {
                    segment[(int) (j - low)] = 1;
                }
            }
            for (int i = low; i <= high; i++) {
                if (segment[i - low] == 0) {
                    count++;
                    sum += i;
                }
            }
        }
        out[0] = count;
        return sum;
    }

    public static void main(String[] args) {
        long checksum = 0;
        int[] out = new int[1];
        for (int round = 1; round <= 36; round++) {
            int n = round * 100_000 + round * 37;
            int a = simple(n);
            int b = bits(n);
            long sum = segmented(n, 32_768, out);
            int c = out[0];
            if (a != b || b != c) {
                System.out.println("MISMATCH at " + n + ": " + a + " " + b + " " + c);
            }
            checksum = checksum * 1_000_003L + a + sum;
            System.out.println("pi(" + n + ") = " + a + ", sum of primes = " + sum);
        }
        System.out.println("checksum " + checksum);
    }
}
