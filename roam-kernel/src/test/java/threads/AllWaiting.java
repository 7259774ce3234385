package threads;

/**
 * Every thread of this program waits for a long time: one in a timed wait nobody notifies, one in
 * sleep, main in join. Under the node kernel the process must hold no worker meanwhile.
 */
public class AllWaiting {
    public static void main(String[] args) throws InterruptedException {
        long millis = Long.parseLong(args[0]);
        Object lock = new Object();
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                try {
                    lock.wait(millis);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiter.start();
        sleeper.start();
        waiter.join();
        sleeper.join();
        System.out.println("both ended, waiter " + waiter.getState() + ", sleeper alive " + sleeper.isAlive());
    }
}
