package corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Threads sharing a bounded buffer: three producers and two consumers, synchronized put/take with
 * wait/notifyAll, a poison pill per consumer. Each item costs some arithmetic to make, so the
 * program runs long enough to be frozen while threads wait and while they hold the monitor.
 * Prints only what does not depend on the interleaving: totals, counts and sorted checksums.
 */
public class ProducerConsumer {
    static final int CAPACITY = 8;
    static final int ITEMS_PER_PRODUCER = 4_000;
    static final long POISON = Long.MIN_VALUE;

    static final class BoundedBuffer {
        private final long[] items = new long[CAPACITY];
        private int head;
        private int count;
        private int maxSeen;

        synchronized void put(long v) throws InterruptedException {
            while (count == items.length) {
                wait();
            }
            items[(head + count) % items.length] = v;
            count++;
            maxSeen = Math.max(maxSeen, count);
            notifyAll();
        }

        synchronized long take() throws InterruptedException {
            while (count == 0) {
                wait();
            }
            long v = items[head];
            head = (head + 1) % items.length;
            count--;
            notifyAll();
            return v;
        }

        synchronized int maxSeen() {
            return maxSeen;
        }
    }

    static long make(int producer, int i) {
        long x = producer * 1_000_003L + i;
        for (int k = 0; k < 2_000; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return (x & 0xFFFF) + 1;
    }

    public static void main(String[] args) throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer();
        long[] produced = new long[3];
        long[] consumedSum = new long[2];
        int[] consumedCount = new int[2];
        List<Long> checks = Collections.synchronizedList(new ArrayList<>());
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            final int id = p;
            Thread t = new Thread(() -> {
                long sum = 0;
                try {
                    for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
                        long v = make(id, i);
                        sum += v;
                        buffer.put(v);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                produced[id] = sum;
            });
            producers.add(t);
        }
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            final int id = c;
            consumers.add(new Thread(() -> {
                long check = 0;
                try {
                    while (true) {
                        long v = buffer.take();
                        if (v == POISON) {
                            break;
                        }
                        consumedSum[id] += v;
                        consumedCount[id]++;
                        check += v * v % 1_000_003;
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                checks.add(check);
            }, "consumer-" + c));
        }
        for (Thread t : consumers) {
            t.start();
        }
        for (Thread t : producers) {
            t.start();
        }
        for (Thread t : producers) {
            t.join();
        }
        for (int c = 0; c < consumers.size(); c++) {
            buffer.put(POISON);
        }
        for (Thread t : consumers) {
            t.join();
        }
        long producedTotal = produced[0] + produced[1] + produced[2];
        long consumedTotal = consumedSum[0] + consumedSum[1];
        System.out.println("producer names " + producers.get(0).getName() + " " + producers.get(2).getName());
        System.out.println("consumer names " + consumers.get(0).getName() + " " + consumers.get(1).getName());
        System.out.println("produced " + producedTotal + " consumed " + consumedTotal);
        System.out.println("items " + (consumedCount[0] + consumedCount[1]));
        long checkSum = 0;
        for (long c : checks) {
            checkSum += c;
        }
        System.out.println("check " + checkSum + " from " + checks.size() + " consumers");
        System.out.println("buffer never over capacity: " + (buffer.maxSeen() <= CAPACITY));
        System.out.println("alive after join: " + producers.get(0).isAlive() + " " + consumers.get(1).getState());
    }
}
