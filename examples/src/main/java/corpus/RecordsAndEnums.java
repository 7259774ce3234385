package corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Enums and records in the hot loop: an enum with fields, a constructor and an abstract method
 * implemented per constant (Op), an enum with fields and derived values (Planet), enum switch
 * statements and switch expressions, EnumMap counters and EnumSet range/complement/contains,
 * values()/valueOf/ordinal; records with compact constructors that validate and normalise,
 * records with static factories and instance methods, records as HashMap keys (String/int
 * components only, so iteration order is stable), nested records, and arrays of records.
 */
public class RecordsAndEnums {
    enum Op {
        ADD("+", 1) {
            long apply(long a, long b) {
                return a + b;
            }
        },
        SUB("-", 1) {
            long apply(long a, long b) {
                return a - b;
            }
        },
        MUL("*", 2) {
            long apply(long a, long b) {
                return a * b;
            }
        },
        DIV("/", 2) {
            long apply(long a, long b) {
                return b == 0 ? a : a / b;
            }
        },
        MOD("%", 2) {
            long apply(long a, long b) {
                return b == 0 ? a : a % b;
            }
        },
        XOR("^", 3) {
            long apply(long a, long b) {
                return a ^ b;
            }
        };

        final String symbol;
        final int precedence;

        Op(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        abstract long apply(long a, long b);
    }

    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), VENUS(4.869e+24, 6.0518e6), EARTH(5.976e+24, 6.37814e6),
        MARS(6.421e+23, 3.3972e6), JUPITER(1.9e+27, 7.1492e7), SATURN(5.688e+26, 6.0268e7);

        final double mass;
        final double radius;
        final double surfaceGravity;

        Planet(double mass, double radius) {
            this.mass = mass;
            this.radius = radius;
            this.surfaceGravity = 6.67300E-11 * mass / (radius * radius);
        }

        double weight(double otherMass) {
            return otherMass * surfaceGravity;
        }
    }

    enum Level { TRACE, DEBUG, INFO, WARN, ERROR, FATAL }

    record Point(int x, int y) {
        Point {
            if (x < 0) {
                x = -x;
            }
            if (y < 0) {
                y = -y;
            }
        }

        static Point of(long seed) {
            return new Point((int) (seed % 1000), (int) ((seed / 1000) % 1000));
        }

        int manhattan() {
            return x + y;
        }
    }

    record Key(String name, int bucket) {
        Key {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
            name = name.toLowerCase();
        }
    }

    record Segment(Point from, Point to, Op op) {
        long eval() {
            return op.apply(from.manhattan(), to.manhattan());
        }
    }

    static int levelScore(Level level) {
        switch (level) {
            case TRACE:
                return 1;
            case DEBUG:
                return 2;
            case INFO:
                return 4;
            case WARN:
                return 8;
            case ERROR:
                return 16;
            default:
                return 32;
        }
    }

    static String describe(Op op) {
        return switch (op) {
            case ADD, SUB -> "additive";
            case MUL, DIV, MOD -> "multiplicative";
            case XOR -> "bitwise";
        };
    }

    public static void main(String[] args) {
        Op[] ops = Op.values();
        Level[] levels = Level.values();
        EnumMap<Op, Long> opTotals = new EnumMap<>(Op.class);
        EnumMap<Level, Integer> levelCounts = new EnumMap<>(Level.class);
        EnumSet<Level> loud = EnumSet.range(Level.WARN, Level.FATAL);
        EnumSet<Level> quiet = EnumSet.complementOf(loud);
        Map<Key, Long> byKey = new HashMap<>();
        Map<String, Integer> describeCounts = new TreeMap<>();
        Segment[] segments = new Segment[64];
        long checksum = 0;
        long seed = 12345;
        double weightSum = 0;
        for (int round = 0; round < 14_400; round++) {
            for (int i = 0; i < segments.length; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                Point a = Point.of(seed >>> 20);
                Point b = new Point((int) (seed % 500), (int) ((seed >> 40) % 500));
                Op op = ops[(int) ((seed >>> 33) % ops.length)];
                segments[i] = new Segment(a, b, op);
            }
            for (Segment s : segments) {
                long v = s.eval();
                opTotals.merge(s.op(), v, Long::sum);
                describeCounts.merge(describe(s.op()), 1, Integer::sum);
                Level level = levels[(int) ((v & 0x7fffffffL) % levels.length)];
                levelCounts.merge(level, levelScore(level), Integer::sum);
                if (loud.contains(level)) {
                    checksum += 3;
                } else if (quiet.contains(level)) {
                    checksum += 1;
                }
                Key key = new Key("Seg" + s.op().symbol + s.op().name(), (int) (Math.abs(v) % 7));
                byKey.merge(key, v, Long::sum);
                checksum = checksum * 31 + v + s.op().precedence + s.op().ordinal();
                if (s.from().equals(s.to())) {
                    checksum++;
                }
            }
            Planet p = Planet.values()[round % Planet.values().length];
            weightSum += p.weight(70.0 / Planet.EARTH.surfaceGravity);
            Planet again = Planet.valueOf(p.name());
            if (again != p) {
                throw new AssertionError("valueOf identity");
            }
            if (round % 720 == 0) {
                System.out.println("round " + round + " ops=" + opTotals + " levels=" + levelCounts
                        + String.format(" weight=%.4f", weightSum) + " keys=" + byKey.size());
            }
        }
        List<String> keyLines = new ArrayList<>();
        for (Map.Entry<Key, Long> e : byKey.entrySet()) {
            keyLines.add(e.getKey() + "=" + e.getValue());
        }
        System.out.println("first keys " + keyLines.subList(0, 5));
        System.out.println("describe " + describeCounts);
        System.out.println("key lookup " + byKey.get(new Key("SEG+ADD", 3)));
        System.out.println("checksum " + checksum);
    }
}
