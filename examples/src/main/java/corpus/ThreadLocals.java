package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Thread identity and time in a single-threaded program: ThreadLocal.withInitial holding a
 * StringBuilder and an anonymous ThreadLocal subclass overriding initialValue (a counter array),
 * both read and written in the loop and remove()d and re-initialised mid-run;
 * Thread.currentThread().getName() printed; Thread.sleep(5) called a few dozen times inside the
 * loop; System.currentTimeMillis() and System.nanoTime() sampled throughout and only checked
 * for monotonicity (printed as "monotonic: true"), never printed as numbers.
 */
public class ThreadLocals {
    static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(64));
    static final ThreadLocal<int[]> COUNTERS = new ThreadLocal<>() {
        @Override
        protected int[] initialValue() {
            int[] c = new int[8];
            c[0] = 100;
            return c;
        }
    };
    static int initialisations;
    static final ThreadLocal<List<String>> NOTES = ThreadLocal.withInitial(() -> {
        initialisations++;
        return new ArrayList<>();
    });

    static String render(int round, long value) {
        StringBuilder sb = BUFFER.get();
        sb.setLength(0);
        sb.append("r").append(round).append(':').append(Long.toString(value, 36));
        return sb.toString();
    }

    public static void main(String[] args) throws InterruptedException {
        String threadName = Thread.currentThread().getName();
        System.out.println("running on thread " + threadName);
        long lastNanos = System.nanoTime();
        long lastMillis = System.currentTimeMillis();
        long startNanos = lastNanos;
        boolean monotonic = true;
        long checksum = 0;
        int sleeps = 0;
        for (int round = 0; round < 40; round++) {
            long value = round;
            for (int i = 0; i < 500_000; i++) {
                value = value * 2862933555777941757L + 3037000493L;
                int[] counters = COUNTERS.get();
                counters[(int) (value >>> 61)]++;
                if ((i & 1023) == 0) {
                    String s = render(round, value);
                    checksum = checksum * 31 + s.hashCode();
                    NOTES.get().add(s);
                }
            }
            Thread.sleep(5);
            sleeps++;
            long nowNanos = System.nanoTime();
            long nowMillis = System.currentTimeMillis();
            if (nowNanos < lastNanos || nowMillis < lastMillis) {
                monotonic = false;
            }
            lastNanos = nowNanos;
            lastMillis = nowMillis;
            int[] counters = COUNTERS.get();
            long sum = 0;
            for (int c : counters) {
                sum += c;
            }
            if (round % 10 == 9) {
                COUNTERS.remove();
                NOTES.remove();
            }
            System.out.println("round " + round + " thread=" + Thread.currentThread().getName() + " counters=" + sum
                    + " notes=" + NOTES.get().size() + " inits=" + initialisations + " monotonic: " + monotonic);
        }
        boolean elapsedPositive = System.nanoTime() - startNanos > 0;
        System.out.println("slept " + sleeps + " times, elapsed positive: " + elapsedPositive);
        System.out.println("same thread: " + threadName.equals(Thread.currentThread().getName()));
        System.out.println("monotonic: " + monotonic);
        System.out.println("checksum " + checksum);
    }
}
