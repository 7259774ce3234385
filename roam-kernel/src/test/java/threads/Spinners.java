package threads;

/**
 * {@code args[0]} threads that compute until told to stop (a volatile flag set by main after
 * {@code args[1]} ms of its own sleeping), then print how many rounds they did in total (> 0).
 */
public class Spinners {
    static volatile boolean stop;

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        long millis = Long.parseLong(args[1]);
        long[] rounds = new long[n];
        Thread[] ts = new Thread[n];
        for (int i = 0; i < n; i++) {
            final int id = i;
            ts[i] = new Thread(() -> {
                long x = id;
                while (!stop) {
                    for (int k = 0; k < 10_000; k++) {
                        x = x * 6364136223846793005L + 1442695040888963407L;
                    }
                    rounds[id]++;
                }
                if (x == 42) {
                    System.out.println("impossible");
                }
            });
            ts[i].start();
        }
        Thread.sleep(millis);
        stop = true;
        long total = 0;
        int busy = 0;
        for (int i = 0; i < n; i++) {
            ts[i].join();
            total += rounds[i];
            busy += rounds[i] > 0 ? 1 : 0;
        }
        System.out.println("threads that ran: " + busy + " of " + n + (total > 0 ? "" : " (no rounds)"));
    }
}
