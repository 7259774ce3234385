package corpus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * System.out captured in fields and used much later: a tiny Logger class holding a PrintStream
 * in an instance field (with a level threshold and a per-logger sequence number), a static
 * PrintStream field in the program class, and a list of loggers sharing the same stream. The work
 * is an inventory simulation (TreeMap stock levels, restocking and orders) that logs through them.
 */
public class ConsoleLogger {
    static final PrintStream CONSOLE = System.out;

    static final class Logger {
        private final PrintStream out;
        private final String name;
        private final int threshold;
        private int sequence;

        Logger(PrintStream out, String name, int threshold) {
            this.out = out;
            this.name = name;
            this.threshold = threshold;
        }

        void log(int level, String message) {
            sequence++;
            if (level >= threshold) {
                out.println("[" + name + " #" + sequence + " L" + level + "] " + message);
            }
        }
    }

    public static void main(String[] args) {
        Logger main = new Logger(System.out, "main", 2);
        List<Logger> loggers = new ArrayList<>();
        loggers.add(new Logger(CONSOLE, "orders", 3));
        loggers.add(new Logger(CONSOLE, "stock", 3));
        TreeMap<String, Integer> stock = new TreeMap<>();
        String[] items = {"apple", "bolt", "cable", "drill", "eraser", "flute", "glue", "hinge"};
        for (String item : items) {
            stock.put(item, 100);
        }
        long seed = 5;
        long revenue = 0;
        int backorders = 0;
        main.log(2, "simulation starts with " + stock.size() + " items");
        for (int day = 0; day < 15_000_000; day++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            String item = items[(int) (seed >>> 61)];
            int qty = 1 + (int) ((seed >>> 40) % 9);
            int have = stock.get(item);
            if (have >= qty) {
                stock.put(item, have - qty);
                revenue += qty * (long) (item.length() * 3);
            } else {
                backorders++;
                stock.put(item, have + 200);
                if (backorders % 10000 == 0) {
                    loggers.get(1).log(3, "restocked " + item + " backorders=" + backorders);
                }
            }
            if (day % 750_000 == 0) {
                loggers.get(0).log(3, "day " + day + " revenue=" + revenue + " stock=" + stock);
            }
            if (day % 5_000_000 == 0) {
                main.log(1, "suppressed");
                main.log(2, "checkpoint day " + day);
            }
        }
        CONSOLE.println("final stock " + stock);
        main.log(2, "checksum " + (revenue * 31 + backorders));
    }
}
