package corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bank ledger simulation: Account objects with mutable long balances and transaction histories,
 * a checked InsufficientFundsException thrown by withdraw and caught by the transfer loop, a
 * custom unchecked exception for frozen accounts, records for transactions kept in an ArrayList
 * and an audit trail, interest applied with long arithmetic in basis points, HashMap lookups by
 * account number string, a TreeMap summary per branch, and static statistics mutated as it runs.
 */
public class Bank {
    static final class InsufficientFundsException extends Exception {
        private static final long serialVersionUID = 1L;
        final long shortfall;

        InsufficientFundsException(String account, long shortfall) {
            super("insufficient funds in " + account);
            this.shortfall = shortfall;
        }
    }

    static final class FrozenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FrozenException(String account) {
            super("account " + account + " is frozen");
        }
    }

    record Transaction(long seq, String from, String to, long amount, boolean ok) {
    }

    static final class Account {
        final String number;
        final String branch;
        private long balance;
        private boolean frozen;
        private final List<Long> history = new ArrayList<>();

        Account(String number, String branch, long opening) {
            this.number = number;
            this.branch = branch;
            this.balance = opening;
        }

        void deposit(long amount) {
            if (frozen) {
                throw new FrozenException(number);
            }
            balance += amount;
            record(amount);
        }

        void withdraw(long amount) throws InsufficientFundsException {
            if (frozen) {
                throw new FrozenException(number);
            }
            if (amount > balance) {
                throw new InsufficientFundsException(number, amount - balance);
            }
            balance -= amount;
            record(-amount);
        }

        private void record(long delta) {
            history.add(delta);
            if (history.size() > 32) {
                history.remove(0);
            }
        }
    }

    static long transfers;
    static long failures;
    static long frozenHits;
    static long totalShortfall;

    public static void main(String[] args) {
        String[] branches = {"north", "south", "harbor", "hill"};
        Map<String, Account> accounts = new HashMap<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String number = String.format("AC%05d", i * 37 % 100_000);
            numbers.add(number);
            accounts.put(number, new Account(number, branches[i % branches.length], 10_000 + i * 13L));
        }
        List<Transaction> journal = new ArrayList<>();
        long seed = 314159;
        long seq = 0;
        for (int day = 0; day < 900; day++) {
            for (int k = 0; k < 2000; k++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                String from = numbers.get((int) ((seed >>> 33) % numbers.size()));
                String to = numbers.get((int) ((seed >>> 17) % numbers.size()));
                long amount = (seed >>> 50) % 3000 + 1;
                Account a = accounts.get(from);
                Account b = accounts.get(to);
                boolean ok = false;
                try {
                    a.withdraw(amount);
                    try {
                        b.deposit(amount);
                        ok = true;
                        transfers++;
                    } catch (FrozenException e) {
                        a.deposit(amount);
                        frozenHits++;
                    }
                } catch (InsufficientFundsException e) {
                    failures++;
                    totalShortfall += e.shortfall;
                } catch (FrozenException e) {
                    frozenHits++;
                }
                journal.add(new Transaction(seq++, from, to, amount, ok));
            }
            if (journal.size() > 5000) {
                journal.subList(0, journal.size() - 5000).clear();
            }
            // nightly: interest in basis points, freeze/unfreeze some accounts
            for (String number : numbers) {
                Account acc = accounts.get(number);
                acc.balance += acc.balance * 3 / 10_000;
                acc.frozen = (number.hashCode() + day) % 97 == 0;
            }
            if (day % 45 == 0) {
                TreeMap<String, Long> perBranch = new TreeMap<>();
                for (Account acc : accounts.values()) {
                    perBranch.merge(acc.branch, acc.balance, Long::sum);
                }
                Transaction last = journal.get(journal.size() - 1);
                System.out.println("day " + day + " transfers=" + transfers + " failures=" + failures + " frozen=" + frozenHits
                        + " shortfall=" + totalShortfall + " branches=" + perBranch + " last=" + last);
            }
        }
        long total = 0;
        long historyHash = 0;
        for (String number : numbers) {
            Account acc = accounts.get(number);
            total += acc.balance;
            historyHash = historyHash * 31 + acc.history.hashCode();
        }
        System.out.println("total " + total + " history " + historyHash);
        System.out.println("checksum " + (total * 31 + transfers + failures + frozenHits));
    }
}
