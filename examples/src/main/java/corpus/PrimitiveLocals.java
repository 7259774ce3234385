package corpus;

/**
 * The main method itself holds the long-running loop, with many live locals of every primitive
 * type at once (boolean, byte, short, char, int, long, float, double, several of each, so
 * two-slot longs and doubles are interleaved with one-slot values), plus local arrays and a
 * String, all updated on every iteration and all printed periodically with fixed formats. Also
 * exercises narrowing/widening conversions, compound assignment on byte/short/char, and float
 * vs double rounding.
 */
public class PrimitiveLocals {
    public static void main(String[] args) {
        boolean flag = false;
        boolean parity = true;
        byte b = 1;
        short s = 7;
        char c = 'A';
        int i = 0;
        long l = 1L;
        float f = 0.5f;
        double d = 1.0;
        int j = 3;
        long l2 = 0x123456789L;
        double d2 = 0.25;
        float f2 = 100f;
        byte b2 = -5;
        short s2 = -300;
        char c2 = 'z';
        long acc = 0;
        double dacc = 0;
        int[] hist = new int[16];
        long[] window = new long[8];
        String label = "start";
        int total = 60_000_000;
        for (i = 0; i < total; i++) {
            b += 3;
            s = (short) (s * 5 + b);
            c = (char) ('A' + (c - 'A' + 1) % 26);
            l = l * 6364136223846793005L + 1442695040888963407L;
            f = f * 1.0001f + (b & 7) * 0.001f;
            if (f > 1000f) {
                f = f / 3f;
            }
            d = d * 0.999999 + (l >>> 60) * 0.01;
            j ^= (int) (l >>> 32);
            l2 += j ^ s;
            d2 = (d2 + d) * 0.5;
            f2 -= 0.25f;
            if (f2 < 0f) {
                f2 = 100f + (float) d2;
            }
            b2 ^= (byte) c;
            s2 += (short) (c2 - c);
            c2 = c2 == 'a' ? 'z' : (char) (c2 - 1);
            flag = !flag;
            parity = parity ^ ((l & 1L) == 1L);
            hist[(int) (l >>> 60)]++;
            window[i & 7] = l2;
            acc += (flag ? b : s) + (parity ? c : c2) + (j & 0xff) + b2 + s2;
            dacc += f * 0.5 + d2 * 0.25 + f2;
            if (i % 2_000_000 == 0) {
                label = "i" + i + (flag ? "T" : "F") + (parity ? "p" : "q");
                System.out.println(String.format("%s b=%d s=%d c=%c l=%x f=%.3f d=%.6f j=%d l2=%d d2=%.6f f2=%.2f "
                                + "b2=%d s2=%d c2=%c acc=%d dacc=%.3f",
                        label, b, s, c, l, f, d, j, l2, d2, f2, b2, s2, c2, acc, dacc));
            }
        }
        long h = 0;
        for (int k = 0; k < hist.length; k++) {
            h = h * 31 + hist[k];
        }
        for (long w : window) {
            h = h * 31 + w;
        }
        System.out.println("final " + label + " i=" + i + " hist=" + h);
        System.out.println("checksum " + (acc ^ h) + String.format(" %.4f", dacc));
    }
}
