package corpus;

import java.util.zip.CRC32;

/**
 * Static initializers that compute tables, and static state mutated during the run: a CRC-32
 * lookup table built in a static block, a sine table computed with StrictMath, a factorial
 * table of longs, a small-primes int[] computed by trial division, a lazily initialised holder
 * class (initialised mid-run on first use), and static counters. The loop checksums generated
 * data with the table-driven CRC and cross-checks it against java.util.zip.CRC32.
 */
public class StaticTables {
    static final int[] CRC_TABLE = new int[256];
    static final double[] SINES = new double[1024];
    static final long[] FACTORIALS = new long[21];
    static final int[] PRIMES;
    static int lookups;
    static long mixed;

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC_TABLE[n] = c;
        }
        for (int i = 0; i < SINES.length; i++) {
            SINES[i] = StrictMath.sin(2 * StrictMath.PI * i / SINES.length);
        }
        FACTORIALS[0] = 1;
        for (int i = 1; i < FACTORIALS.length; i++) {
            FACTORIALS[i] = FACTORIALS[i - 1] * i;
        }
    }

    static {
        int[] tmp = new int[200];
        int count = 0;
        for (int candidate = 2; count < tmp.length; candidate++) {
            boolean prime = true;
            for (int d = 2; d * d <= candidate; d++) {
                if (candidate % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                tmp[count++] = candidate;
            }
        }
        PRIMES = tmp;
    }

    static final class Lazy {
        static final long[] POWERS = new long[63];
        static int initialised;

        static {
            initialised++;
            for (int i = 0; i < POWERS.length; i++) {
                POWERS[i] = 1L << i;
            }
        }
    }

    static int crc(byte[] data, int len) {
        int c = 0xFFFFFFFF;
        for (int i = 0; i < len; i++) {
            c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
        }
        lookups += len;
        return ~c;
    }

    static double sine(int step) {
        return SINES[step & (SINES.length - 1)];
    }

    public static void main(String[] args) {
        byte[] data = new byte[4096];
        CRC32 reference = new CRC32();
        long checksum = 0;
        double wave = 0;
        int mismatches = 0;
        for (int round = 0; round < 50_000; round++) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + round * 17 + PRIMES[(i + round) % PRIMES.length]);
            }
            int len = 1024 + (round * 97) % 3072;
            int mine = crc(data, len);
            reference.reset();
            reference.update(data, 0, len);
            if ((mine & 0xFFFFFFFFL) != reference.getValue()) {
                mismatches++;
            }
            for (int k = 0; k < 64; k++) {
                wave += sine(round * 64 + k) * FACTORIALS[k % 10] / FACTORIALS[9];
            }
            mixed ^= (long) mine << (round % 32);
            if (round == 25_000) {
                System.out.println("lazy holder initialised " + Lazy.initialised + " times, 2^40=" + Lazy.POWERS[40]);
            }
            checksum = checksum * 31 + (mine & 0xFFFFFFFFL);
            if (round % 2500 == 0) {
                System.out.println(String.format("round %d crc=%08x len=%d wave=%.6f lookups=%d mismatches=%d",
                        round, mine, len, wave, lookups, mismatches));
            }
        }
        System.out.println("20! = " + FACTORIALS[20] + ", 200th prime = " + PRIMES[199] + ", sin(pi/4)~"
                + String.format("%.9f", SINES[128]));
        System.out.println("checksum " + checksum + " mixed " + mixed);
    }
}
