package corpus;

/**
 * Bit manipulation with longs and ints: xorshift64* and splitmix64 generators, popcount,
 * leading/trailing zeros, rotate, reverse, bit interleaving (Morton codes), Gray codes, parity,
 * isolating/clearing the lowest set bit; integer overflow (wrapping int and long arithmetic
 * printed as such, Math.addExact/multiplyExact overflow caught), signed vs unsigned long
 * division and remainder (Long.divideUnsigned, remainderUnsigned, floorDiv/floorMod with
 * negatives), and shifts by amounts of 64 and more.
 */
public class BitTwiddling {
    static long xorshift(long x) {
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        return x * 0x2545F4914F6CDD1DL;
    }

    static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long interleave(int x, int y) {
        long r = 0;
        for (int i = 0; i < 32; i++) {
            r |= ((long) (x >>> i) & 1L) << (2 * i);
            r |= ((long) (y >>> i) & 1L) << (2 * i + 1);
        }
        return r;
    }

    static long gray(long n) {
        return n ^ (n >>> 1);
    }

    static long ungray(long g) {
        long n = g;
        for (int shift = 1; shift < 64; shift <<= 1) {
            n ^= n >>> shift;
        }
        return n;
    }

    public static void main(String[] args) {
        long state = 0x9E3779B97F4A7C15L;
        long checksum = 0;
        int overflowInt = Integer.MAX_VALUE - 1000;
        long overflowLong = Long.MAX_VALUE - 5000;
        int exactFailures = 0;
        long unsignedAcc = 0;
        for (int round = 0; round < 1_200_000; round++) {
            state = xorshift(state);
            long s2 = splitmix(state + round);
            int pop = Long.bitCount(state);
            int lz = Long.numberOfLeadingZeros(s2 >>> (round & 63));
            int tz = Long.numberOfTrailingZeros(s2 | Long.MIN_VALUE);
            long rot = Long.rotateLeft(state, round & 63) ^ Long.rotateRight(s2, 17);
            long rev = Long.reverse(state) ^ Long.reverseBytes(s2);
            long morton = interleave((int) state & 0xffff, (int) (s2 >>> 48));
            long g = gray(round);
            if (ungray(g) != round) {
                System.out.println("GRAY MISMATCH " + round);
            }
            long lowest = state & -state;
            long cleared = state & (state - 1);
            int parity = Long.bitCount(s2) & 1;
            overflowInt += 7919;
            overflowLong += 1_000_003L;
            if ((round & 15) == 0) {
                try {
                    Math.addExact(overflowInt, Integer.MAX_VALUE / 2);
                    Math.multiplyExact(s2 >>> 30, 1L << 34);
                } catch (ArithmeticException e) {
                    exactFailures++;
                }
            }
            long divisor = (s2 | 1L) >>> (round & 31);
            long q = Long.divideUnsigned(state, divisor);
            long r = Long.remainderUnsigned(state, divisor);
            long sq = state / (divisor | 1);
            long sr = state % (divisor | 1);
            long fd = Math.floorDiv(state, 1000L) + Math.floorMod(s2, 977L);
            long bigShift = state << (64 + (round & 7));
            unsignedAcc += q + r + sq + sr;
            checksum = checksum * 31 + pop + lz + tz + rot + rev + morton + lowest + cleared + parity + fd + bigShift
                    + overflowInt + overflowLong;
            if (round % 60_000 == 0) {
                System.out.println(String.format("round %d state=%016x pop=%d lz=%d tz=%d morton=%x gray=%d int=%d long=%d exactFail=%d udiv=%s",
                        round, state, pop, lz, tz, morton, g, overflowInt, overflowLong, exactFailures,
                        Long.toUnsignedString(q)));
            }
        }
        System.out.println("unsigned acc " + Long.toUnsignedString(unsignedAcc) + " hex " + Long.toHexString(unsignedAcc));
        System.out.println("checksum " + checksum);
    }
}
