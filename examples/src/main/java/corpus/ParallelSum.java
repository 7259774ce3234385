package corpus;

/**
 * A parallel sum with join: a Thread subclass per slice computes a sum of an expensive function,
 * keeps a per-thread scratch counter in a ThreadLocal and records its own name; main joins them in
 * order and prints the slices, the total and each worker's thread-local count, which must be its
 * own (ThreadLocal values follow their virtual thread).
 */
public class ParallelSum {
    static final int WORKERS = 4;
    static final int N = 2_400_000;
    static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[1]);

    static final class Worker extends Thread {
        private final int from;
        private final int to;
        long sum;
        int localCount;
        String seenName;

        Worker(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            seenName = Thread.currentThread().getName();
            for (int i = from; i < to; i++) {
                sum += f(i);
                if ((i & 255) == 0) {
                    SCRATCH.get()[0]++;
                }
            }
            localCount = SCRATCH.get()[0];
        }
    }

    static long f(int i) {
        long x = i;
        for (int k = 0; k < 40; k++) {
            x = (x * 31 + k) % 1_000_000_007L;
        }
        return x & 1023;
    }

    public static void main(String[] args) throws InterruptedException {
        Worker[] workers = new Worker[WORKERS];
        int step = N / WORKERS;
        for (int w = 0; w < WORKERS; w++) {
            workers[w] = new Worker(w * step, w == WORKERS - 1 ? N : (w + 1) * step);
            workers[w].start();
        }
        SCRATCH.get()[0] = 1000;
        long total = 0;
        for (Worker w : workers) {
            w.join();
            total += w.sum;
            System.out.println(w.seenName + " sum " + w.sum + " thread-local " + w.localCount);
        }
        long check = 0;
        for (int i = 0; i < N; i += 1000) {
            check += f(i);
        }
        System.out.println("total " + total + " sampled " + check);
        System.out.println("main thread-local " + SCRATCH.get()[0] + " on " + Thread.currentThread().getName());
    }
}
