package corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable and fixed-size collections used throughout the loop: List.of (indexed and iterated),
 * Set.of and Map.of (only looked up with contains/get/getOrDefault, never iterated, because their
 * iteration order is salted per JVM), Map.ofEntries, List.copyOf, Collections.unmodifiableList
 * views over a list that keeps changing underneath, Collections.emptyList/singletonList,
 * Arrays.asList (set allowed, add refused), and UnsupportedOperationException caught in the loop.
 */
public class ImmutableCollections {
    static final List<String> COLORS = List.of("red", "green", "blue", "cyan", "magenta", "yellow", "black");
    static final Set<String> WARM = Set.of("red", "magenta", "yellow", "orange");
    static final Map<String, Integer> CODES = Map.of("red", 0xff0000, "green", 0x00ff00, "blue", 0x0000ff,
            "cyan", 0x00ffff, "magenta", 0xff00ff, "yellow", 0xffff00, "black", 0);
    static final Map<Integer, String> ROMAN = Map.ofEntries(Map.entry(1, "I"), Map.entry(5, "V"),
            Map.entry(10, "X"), Map.entry(50, "L"), Map.entry(100, "C"), Map.entry(500, "D"), Map.entry(1000, "M"));
    static final Set<Integer> SMALL_PRIMES = Set.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47);

    static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            while (n >= v) {
                String direct = ROMAN.get(v);
                if (direct != null) {
                    sb.append(direct);
                } else {
                    int big = v == 900 || v == 400 ? 100 : v == 90 || v == 40 ? 10 : 1;
                    sb.append(ROMAN.get(big)).append(ROMAN.get(v + big));
                }
                n -= v;
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        List<Integer> backing = new ArrayList<>();
        List<Integer> view = Collections.unmodifiableList(backing);
        List<String> fixed = Arrays.asList("a", "b", "c", "d", "e");
        long checksum = 0;
        int refused = 0;
        for (int round = 0; round < 360_000; round++) {
            String color = COLORS.get(round % COLORS.size());
            int code = CODES.getOrDefault(color, -1);
            boolean warm = WARM.contains(color);
            checksum = checksum * 31 + code + (warm ? 1 : 0);
            checksum += SMALL_PRIMES.contains(round % 50) ? round : 0;
            String r = roman(1 + round % 3999);
            checksum += r.length() + r.charAt(0);
            backing.add(round);
            if (backing.size() > 100) {
                backing.remove(0);
            }
            checksum += view.get(view.size() - 1) + view.size();
            fixed.set(round % fixed.size(), Integer.toString(round % 10));
            List<String> snapshot = List.copyOf(fixed);
            for (String s : snapshot) {
                checksum += s.charAt(0);
            }
            List<Integer> single = round % 2 == 0 ? Collections.singletonList(round) : Collections.emptyList();
            checksum += single.isEmpty() ? 0 : single.get(0);
            if (round % 50 == 0) {
                try {
                    switch ((round / 50) % 5) {
                        case 0 -> view.add(1);
                        case 1 -> fixed.add("z");
                        case 2 -> COLORS.set(0, "x");
                        case 3 -> CODES.put("white", 1);
                        default -> SMALL_PRIMES.remove(2);
                    }
                } catch (UnsupportedOperationException e) {
                    refused++;
                }
            }
            for (String c : COLORS) {
                if (WARM.contains(c) && CODES.get(c) != null) {
                    checksum += CODES.get(c) & 0xff;
                }
            }
            if (round % 18_000 == 0) {
                System.out.println("round " + round + " color=" + color + " roman=" + r + " view=" + view.size()
                        + " fixed=" + fixed + " refused=" + refused + " check=" + checksum);
            }
        }
        System.out.println("colors " + COLORS + " warm(blue)=" + WARM.contains("blue") + " code(cyan)="
                + Integer.toHexString(CODES.get("cyan")) + " roman(1987)=" + roman(1987));
        System.out.println("checksum " + checksum + " refused " + refused);
    }
}
