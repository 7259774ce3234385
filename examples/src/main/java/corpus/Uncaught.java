package corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A program that ends with an uncaught exception thrown out of main (exit code 1, stack trace on
 * stderr): it validates a long stream of generated ledger entries (records, a running balance
 * in long, a rolling double average), catches and counts recoverable problems inside the loop,
 * and finally fails with an IllegalStateException created in a program method, carrying a cause
 * created in another program method, so the printed trace is deterministic.
 */
public class Uncaught {
    record Entry(int id, long amount, String account) {
    }

    static final class LedgerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LedgerException(String message) {
            super(message);
        }
    }

    static long balance;
    static double average;
    static int recovered;

    static Entry generate(long seed, int id) {
        long amount = (seed >>> 40) % 20_000 - 9_000;
        return new Entry(id, amount, "acct" + (seed >>> 58));
    }

    static void apply(Entry e) {
        if (e.amount() < -8_990) {
            throw new LedgerException("suspicious debit " + e.id() + " " + e.amount());
        }
        balance += e.amount();
        average = average * 0.999 + e.amount() * 0.001;
    }

    static LedgerException cause(long finalBalance) {
        return new LedgerException("balance " + finalBalance + " does not reconcile");
    }

    static IllegalStateException fail(long finalBalance, int count) {
        return new IllegalStateException("audit failed after " + count + " entries", cause(finalBalance));
    }

    static void audit(int count) {
        throw fail(balance, count);
    }

    public static void main(String[] args) {
        long seed = 99;
        List<String> problems = new ArrayList<>();
        int total = 30_000_000;
        for (int i = 0; i < total; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            Entry e = generate(seed, i);
            try {
                apply(e);
            } catch (LedgerException ex) {
                recovered++;
                if (problems.size() < 5) {
                    problems.add(ex.getMessage());
                }
            }
            if (i % 1_500_000 == 0) {
                System.out.println(String.format("entry %d balance=%d avg=%.4f recovered=%d", i, balance, average, recovered));
            }
        }
        System.out.println("problems " + problems);
        System.out.println("balance " + balance);
        audit(total);
        System.out.println("unreachable");
    }
}
