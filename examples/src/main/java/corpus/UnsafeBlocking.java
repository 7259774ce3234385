package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads that block where their stack cannot be captured: a constructor that enters a monitor
 * another thread holds, and a comparator (called back by List.sort, a JDK frame) that waits for a
 * turn with wait/notifyAll. Under Roam such a thread cannot be unwound, so the other threads run
 * on top of it until it may continue. Prints only totals and sorted results.
 */
public class UnsafeBlocking {
    static final Object LEDGER = new Object();
    static long ledger;
    static int turn;

    static final class Entry {
        final long value;

        Entry(long v) {
            synchronized (LEDGER) {
                ledger += v;
                value = v % 1000;
            }
        }
    }

    static long churn(long x) {
        for (int k = 0; k < 200; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread holder = new Thread(() -> {
            for (int i = 0; i < 3000; i++) {
                synchronized (LEDGER) {
                    long x = churn(i);
                    ledger += x & 7;
                }
            }
        }, "holder");
        holder.start();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            entries.add(new Entry(churn(i) & 1023));
        }
        holder.join();
        Object gate = new Object();
        Thread turner = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                synchronized (gate) {
                    while (turn % 2 != 1) {
                        try {
                            gate.wait();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    turn++;
                    gate.notifyAll();
                }
            }
        }, "turner");
        turner.start();
        List<Long> values = new ArrayList<>();
        for (Entry e : entries) {
            values.add(e.value);
        }
        int[] comparisons = new int[1];
        values.sort((a, b) -> {
            if (comparisons[0]++ < 400 && comparisons[0] % 2 == 0) {
                synchronized (gate) {
                    while (turn % 2 != 0) {
                        try {
                            gate.wait();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    turn++;
                    gate.notifyAll();
                }
            }
            return Long.compare(a, b);
        });
        turner.join();
        // A phase with nothing unsafe: two threads compute, main joins them (captures happen here).
        long[] parts = new long[2];
        Thread[] workers = new Thread[2];
        for (int w = 0; w < 2; w++) {
            final int id = w;
            workers[w] = new Thread(() -> {
                long x = id;
                for (int i = 0; i < 40_000; i++) {
                    x += churn(x + i) & 0xFFFF;
                }
                parts[id] = x;
            });
            workers[w].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("parts " + parts[0] + " " + parts[1]);
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        System.out.println("ledger " + ledger + " entries " + entries.size() + " turns " + turn);
        System.out.println("sorted " + values.subList(0, 5) + " … " + values.subList(values.size() - 5, values.size()));
        System.out.println("sum " + sum);
    }
}
