package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Monitors in every shape: synchronized instance and static methods, nested synchronized blocks on
 * several locks, recursion inside synchronized, an exception thrown inside synchronized (the
 * monitor must be released), wait with a timeout nobody notifies, interrupt of a waiting thread,
 * holdsLock, and a worker thread (a Thread subclass) that dies with an uncaught exception printed
 * on stderr as Java does. Counters incremented by several threads must come out exact.
 */
public class Monitors {
    static int staticCounter;
    private int counter;
    private final Object lockA = new Object();
    private final Object lockB = new Object();
    private long pairs;

    static synchronized void bumpStatic() {
        staticCounter++;
    }

    synchronized void bump() {
        counter++;
    }

    synchronized int depth(int n) {
        if (n == 0) {
            return Thread.holdsLock(this) ? 1 : -1000;
        }
        return 1 + depth(n - 1);
    }

    void both(long v) {
        synchronized (lockA) {
            synchronized (lockB) {
                synchronized (lockA) {
                    pairs += v;
                }
            }
        }
    }

    synchronized void failInside(int i) {
        if (i % 1000 == 999) {
            throw new IllegalArgumentException("bad " + i);
        }
        counter++;
    }

    static final class Boom extends Thread {
        Boom() {
            super("boom-worker");
        }

        @Override
        public void run() {
            explode(3);
        }

        static void explode(int level) {
            if (level == 0) {
                throw new IllegalStateException("worker failed on purpose");
            }
            explode(level - 1);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Monitors m = new Monitors();
        int[] failures = new int[4];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int id = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 60_000; i++) {
                    m.bump();
                    bumpStatic();
                    m.both(i % 7);
                    if (i % 500 == 0 && m.depth(20) != 21) {
                        throw new IllegalStateException("recursion inside synchronized broke");
                    }
                    try {
                        m.failInside(i);
                    } catch (IllegalArgumentException e) {
                        failures[id]++;
                    }
                    long x = i;
                    for (int k = 0; k < 30; k++) {
                        x = x * 31 + k;
                    }
                    if (x == 42) {
                        System.out.println("impossible");
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        Object sleeper = new Object();
        long before = System.nanoTime();
        synchronized (sleeper) {
            sleeper.wait(30);
        }
        System.out.println("timed wait returned after at least 30 ms: " + (System.nanoTime() - before >= 30_000_000L));
        Object gate = new Object();
        boolean[] interrupted = new boolean[1];
        Thread waiter = new Thread(() -> {
            synchronized (gate) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    interrupted[0] = !Thread.currentThread().isInterrupted();
                }
            }
        }, "waiter");
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.yield();
        }
        waiter.interrupt();
        waiter.join();
        System.out.println("waiter interrupted, flag cleared: " + interrupted[0]);
        for (Thread t : threads) {
            t.join();
        }
        Boom boom = new Boom();
        boom.start();
        boom.join();
        System.out.println("counter " + m.counter + " static " + staticCounter + " pairs " + m.pairs);
        System.out.println("failures " + (failures[0] + failures[1] + failures[2] + failures[3]));
        System.out.println("holds no lock now: " + !Thread.holdsLock(m));
        try {
            m.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("notify without the monitor: IllegalMonitorStateException");
        }
    }
}
