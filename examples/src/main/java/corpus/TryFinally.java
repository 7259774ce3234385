package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Exceptions as control flow inside hot loops: checked and unchecked exceptions thrown from
 * nested calls and caught in the loop, catch handlers that themselves loop, nested
 * try/catch/finally where the finally blocks do real work in loops (and one finally that runs a
 * nested try), returns from inside try with a finally that changes state, try-with-resources over
 * program-defined AutoCloseable resources (two per statement, one whose close() throws, giving
 * suppressed exceptions), multi-catch, and rethrow with a cause chain.
 */
public class TryFinally {
    static final class WorkException extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        WorkException(String message, int code) {
            super(message);
            this.code = code;
        }
    }

    static final class Resource implements AutoCloseable {
        static int opened;
        static int closed;
        final String name;
        final boolean failOnClose;
        final long[] buffer = new long[16];

        Resource(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
            opened++;
        }

        long use(int x) {
            long acc = 0;
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = buffer[i] * 7 + x + i;
                acc += buffer[i];
            }
            return acc;
        }

        @Override
        public void close() {
            closed++;
            long folded = 0;
            for (long b : buffer) {
                folded = folded * 31 + b;
            }
            log.add(name + ":" + ((folded ^ (folded >>> 29)) & 0xff));
            if (log.size() > 64) {
                log.subList(0, 32).clear();
            }
            if (failOnClose) {
                throw new IllegalStateException("close failed for " + name);
            }
        }
    }

    static final List<String> log = new ArrayList<>();
    static long finallyWork;
    static int handlerLoops;

    static long deep(int depth, int x) throws WorkException {
        if (depth == 0) {
            if (x % 7 == 3) {
                throw new WorkException("bad " + x, x % 5);
            }
            if (x % 11 == 5) {
                throw new ArithmeticException("div " + x);
            }
            return x * 3L;
        }
        try {
            return deep(depth - 1, x + depth) + 1;
        } finally {
            finallyWork += depth;
        }
    }

    static int returnsFromTry(int x) {
        int state = x;
        try {
            if (x % 2 == 0) {
                return state * 2;
            }
            state += 100;
            return state;
        } finally {
            for (int i = 0; i < 3; i++) {
                finallyWork += state + i;
            }
        }
    }

    static long withResources(int x) {
        long sum = 0;
        try (Resource a = new Resource("a" + (x % 3), false);
             Resource b = new Resource("b" + (x % 4), x % 13 == 0)) {
            for (int i = 0; i < 8; i++) {
                sum += a.use(x + i) ^ b.use(i);
            }
            if (x % 17 == 0) {
                throw new IllegalArgumentException("body failed " + x);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            sum += e.getMessage().length() * 1000L + e.getSuppressed().length;
        }
        return sum;
    }

    static long round(int r) {
        long acc = 0;
        for (int i = 0; i < 400; i++) {
            int x = r * 400 + i;
            try {
                try {
                    acc += deep(6, x);
                } finally {
                    // finally that loops and does work
                    for (int k = 0; k < 4; k++) {
                        acc += (x >> k) & 3;
                    }
                    try {
                        if (x % 97 == 0) {
                            throw new IllegalStateException("inner " + x);
                        }
                    } catch (IllegalStateException inner) {
                        acc += inner.getMessage().length();
                    } finally {
                        finallyWork++;
                    }
                }
            } catch (WorkException e) {
                // a catch handler that loops
                for (int k = 0; k <= e.code; k++) {
                    acc += k * 31L + e.getMessage().length();
                    handlerLoops++;
                }
            } catch (ArithmeticException e) {
                int k = 0;
                while (k < 3) {
                    acc ^= (long) e.getMessage().hashCode() << k;
                    k++;
                    handlerLoops++;
                }
            } finally {
                acc += returnsFromTry(x);
            }
            if (i % 10 == 0) {
                acc += withResources(x);
            }
        }
        try {
            try {
                throw new WorkException("wrapped " + r, r % 3);
            } catch (WorkException e) {
                throw new RuntimeException("rethrow", e);
            }
        } catch (RuntimeException e) {
            acc += ((WorkException) e.getCause()).code;
        }
        return acc;
    }

    public static void main(String[] args) {
        long checksum = 0;
        for (int r = 0; r < 2200; r++) {
            checksum = checksum * 31 + round(r);
            if (r % 110 == 0) {
                System.out.println("round " + r + " finallyWork=" + finallyWork + " handlerLoops=" + handlerLoops
                        + " opened=" + Resource.opened + " closed=" + Resource.closed + " last=" + log.get(log.size() - 1));
            }
        }
        System.out.println("log tail " + log.subList(log.size() - 4, log.size()));
        System.out.println("checksum " + checksum + " " + finallyWork + " " + handlerLoops);
    }
}
