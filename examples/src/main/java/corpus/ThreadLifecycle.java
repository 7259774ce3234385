package corpus;

/**
 * The life of threads: names (default and set), states NEW → TERMINATED, isAlive, priority,
 * join with a timeout that expires, interrupt of a sleeping thread (InterruptedException, flag
 * cleared), Thread.interrupted(), a spin loop on a volatile flag with onSpinWait and yield, and a
 * daemon thread that never ends (the process ends when main does), and wait() on a Thread object,
 * which its end notifies. Only deterministic facts
 * are printed.
 */
public class ThreadLifecycle {
    static volatile boolean flag;
    static volatile long spins;

    static long work(int n) {
        long x = n;
        for (int i = 0; i < 300_000; i++) {
            x = x * 2862933555777941757L + 3037000493L;
        }
        return x;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> work(1));
        Thread b = new Thread(() -> work(2), "named");
        System.out.println(a.getName() + " " + b.getName() + " " + a.getState() + " alive " + a.isAlive());
        a.setName("renamed");
        a.setPriority(Thread.MAX_PRIORITY);
        System.out.println(a.getName() + " priority " + a.getPriority() + " daemon " + a.isDaemon());
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("after join: " + a.getState() + " alive " + a.isAlive());

        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                System.out.println("slept through");
            } catch (InterruptedException e) {
                System.out.println("sleep interrupted, flag " + Thread.currentThread().isInterrupted());
            }
        });
        sleeper.start();
        while (sleeper.getState() != Thread.State.TIMED_WAITING) {
            Thread.yield();
        }
        sleeper.join(50);
        System.out.println("join(50) timed out, alive " + sleeper.isAlive() + " state " + sleeper.getState());
        sleeper.interrupt();
        sleeper.join();

        Thread.currentThread().interrupt();
        System.out.println("interrupted() " + Thread.interrupted() + " then " + Thread.interrupted());

        Thread setter = new Thread(() -> {
            long x = 0;
            for (int i = 0; i < 50; i++) {
                x += work(i);
            }
            flag = x != 42;
        });
        setter.start();
        while (!flag) {
            spins++;
            if ((spins & 1) == 0) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        setter.join();
        System.out.println("flag seen: " + flag);

        Thread ending = new Thread(() -> work(99));
        ending.start();
        synchronized (ending) {
            while (ending.isAlive()) {
                ending.wait();
            }
        }
        System.out.println("waiting on a Thread object ends with it: " + ending.getState());

        Thread daemon = new Thread(() -> {
            long x = 0;
            while (true) {
                x += work((int) x);
            }
        }, "forever");
        daemon.setDaemon(true);
        daemon.start();
        System.out.println("daemon " + daemon.isDaemon() + " alive " + daemon.isAlive());
        long total = 0;
        for (int i = 0; i < 40; i++) {
            total += work(i) & 0xFF;
        }
        System.out.println("main done " + total);
    }
}
