package corpus;

/**
 * The main thread ends with an uncaught exception while a worker still runs: Java prints the
 * exception at once, lets the worker finish (its output follows) and exits with code 1.
 */
public class MainDiesFirst {
    static long work(int rounds) {
        long x = 7;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }

    static void fail() {
        throw new IllegalStateException("main gives up");
    }

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.println("worker result " + work(200));
        });
        worker.start();
        System.out.println("main started the worker");
        fail();
    }
}
