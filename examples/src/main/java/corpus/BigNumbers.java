package corpus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arbitrary precision arithmetic in the loop: BigInteger factorials, Fibonacci by fast doubling,
 * modPow/modInverse/gcd, a Miller-Rabin style probable-prime scan (isProbablePrime is
 * deterministic for a given input), and BigDecimal: square roots by Newton iteration and pi by
 * Machin's formula at growing precision with a MathContext and explicit RoundingMode.
 */
public class BigNumbers {
    static BigInteger factorial(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    static BigInteger[] fibPair(int n) {
        if (n == 0) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
        }
        BigInteger[] half = fibPair(n / 2);
        BigInteger a = half[0];
        BigInteger b = half[1];
        BigInteger c = a.multiply(b.shiftLeft(1).subtract(a));
        BigInteger d = a.multiply(a).add(b.multiply(b));
        return (n & 1) == 0 ? new BigInteger[] {c, d} : new BigInteger[] {d, c.add(d)};
    }

    static BigDecimal arctanInverse(int x, MathContext mc) {
        BigDecimal result = BigDecimal.ZERO;
        BigDecimal xx = BigDecimal.valueOf((long) x * x);
        BigDecimal term = BigDecimal.ONE.divide(BigDecimal.valueOf(x), mc);
        BigDecimal threshold = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        int k = 0;
        while (term.abs().compareTo(threshold) > 0) {
            BigDecimal contribution = term.divide(BigDecimal.valueOf(2L * k + 1), mc);
            result = (k & 1) == 0 ? result.add(contribution, mc) : result.subtract(contribution, mc);
            term = term.divide(xx, mc);
            k++;
        }
        return result;
    }

    static BigDecimal pi(int digits) {
        MathContext mc = new MathContext(digits + 5, RoundingMode.HALF_EVEN);
        BigDecimal a = arctanInverse(5, mc).multiply(BigDecimal.valueOf(16), mc);
        BigDecimal b = arctanInverse(239, mc).multiply(BigDecimal.valueOf(4), mc);
        return a.subtract(b, mc).setScale(digits, RoundingMode.DOWN);
    }

    static BigDecimal sqrt(BigDecimal value, int digits) {
        MathContext mc = new MathContext(digits + 5, RoundingMode.HALF_UP);
        BigDecimal x = new BigDecimal(Math.sqrt(value.doubleValue()), mc);
        BigDecimal two = BigDecimal.valueOf(2);
        for (int i = 0; i < 12; i++) {
            x = x.add(value.divide(x, mc), mc).divide(two, mc);
        }
        return x.setScale(digits, RoundingMode.DOWN);
    }

    public static void main(String[] args) {
        BigInteger checksum = BigInteger.ZERO;
        BigInteger modulus = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
        for (int round = 1; round <= 36; round++) {
            BigInteger f = factorial(200 + round * 20);
            BigInteger fib = fibPair(1000 + round * 500)[0];
            BigInteger g = f.gcd(fib);
            BigInteger p = fib.modPow(BigInteger.valueOf(65537 + round), modulus);
            BigInteger inv = BigInteger.valueOf(round * 1000L + 7).modInverse(modulus);
            int probable = 0;
            BigInteger candidate = BigInteger.ONE.shiftLeft(64 + round).add(BigInteger.valueOf(round));
            for (int k = 0; k < 40; k++) {
                if (candidate.isProbablePrime(20)) {
                    probable++;
                }
                candidate = candidate.add(BigInteger.TWO);
            }
            BigDecimal piValue = pi(100 + round * 5);
            BigDecimal root = sqrt(BigDecimal.valueOf(round + 1), 80 + round * 4);
            checksum = checksum.multiply(BigInteger.valueOf(31)).add(f.mod(modulus)).add(p).add(inv)
                    .add(BigInteger.valueOf(f.bitLength() + fib.bitLength() + g.bitLength() + probable)).mod(modulus);
            String piText = piValue.toPlainString();
            String rootText = root.toPlainString();
            System.out.println("round " + round + " fact bits=" + f.bitLength() + " fib digits=" + fib.toString().length()
                    + " gcd=" + g + " primes=" + probable + " pi..." + piText.substring(piText.length() - 12)
                    + " sqrt(" + (round + 1) + ")..." + rootText.substring(rootText.length() - 12));
        }
        System.out.println("pi(60) " + pi(60));
        System.out.println("checksum " + checksum.toString(16));
    }
}
