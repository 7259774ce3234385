package corpus;

import java.util.concurrent.TimeUnit;

/**
 * The timed waits of {@code TimeUnit}: {@code sleep}, {@code timedWait} and {@code timedJoin} call
 * {@code Thread.sleep}, {@code Object.wait} and {@code Thread.join} inside the JDK, where no
 * redirection reaches them, so Roam redirects the {@code TimeUnit} calls themselves: they must
 * keep the process clock, wait on virtual monitors and be safe points like the calls they wrap.
 */
public class TimedWaits {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(30);
        System.out.println("slept at least 30 ms: " + (System.nanoTime() - t0 >= 30_000_000L));
        TimeUnit.SECONDS.sleep(0);
        TimeUnit.SECONDS.sleep(-5);
        TimeUnit.NANOSECONDS.sleep(1500);
        System.out.println("zero, negative and sub-millisecond sleeps return");

        Object lock = new Object();
        long[] done = new long[1];
        Thread worker = new Thread(() -> {
            for (int round = 0; round < 20; round++) {
                try {
                    TimeUnit.MILLISECONDS.sleep(15);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                synchronized (lock) {
                    done[0]++;
                    lock.notifyAll();
                }
            }
        });
        worker.start();
        int waits = 0;
        synchronized (lock) {
            while (done[0] < 20) {
                TimeUnit.SECONDS.timedWait(lock, 10);
                waits++;
            }
        }
        System.out.println("worker rounds seen through timedWait: " + done[0] + " (woken " + (waits >= 1 ? "at least once" : "never") + ")");
        TimeUnit.SECONDS.timedJoin(worker, 10);
        System.out.println("worker alive after timedJoin: " + worker.isAlive());
        TimeUnit.MILLISECONDS.timedJoin(worker, 0);
        TimeUnit.MILLISECONDS.timedWait(new Object(), 0); // no timeout: returns without the monitor
        try {
            TimeUnit.MILLISECONDS.timedWait(new Object(), 5);
            System.out.println("timedWait outside synchronized returned");
        } catch (IllegalMonitorStateException e) {
            System.out.println("timedWait outside synchronized: IllegalMonitorStateException");
        }
        Thread.currentThread().interrupt();
        try {
            TimeUnit.MILLISECONDS.sleep(1000);
            System.out.println("interrupted sleep returned");
        } catch (InterruptedException e) {
            System.out.println("interrupted sleep throws, flag now " + Thread.currentThread().isInterrupted());
        }
    }
}
