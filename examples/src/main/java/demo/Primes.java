package demo;

/**
 * The demo program from the README: counts the primes below a growing bound by trial division,
 * printing a progress line every 500,000 numbers. It knows nothing about Roam; run it plainly with
 * {@code java -cp examples.jar demo.Primes}, or start it under Roam and move it between nodes while it
 * runs: the output is the same either way.
 */
public class Primes {
    static final int LIMIT = 22_000_000;
    static final int STEP = 500_000;

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    public static void main(String[] args) {
        int count = 0;
        long sum = 0;
        for (int n = 2; n <= LIMIT; n++) {
            if (isPrime(n)) {
                count++;
                sum += n;
            }
            if (n % STEP == 0) {
                System.out.println("primes below " + n + ": " + count);
            }
        }
        System.out.println("total: " + count + " primes below " + LIMIT + ", sum " + sum);
    }
}
