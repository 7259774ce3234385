package corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Sequential streams evaluated in the loop: map/filter/reduce over lists, IntStream.range and
 * LongStream, mapToObj, flatMap, distinct, sorted with comparators, limit/skip, anyMatch/allMatch,
 * Collectors.groupingBy into a TreeMap with counting and summingInt, partitioningBy, joining,
 * toMap with merge into a TreeMap, summary statistics, Stream.iterate with a predicate, and
 * Optional results from findFirst/max.
 */
public class Streams {
    record Sale(String region, String product, int units, double price) {
    }

    static final String[] REGIONS = {"north", "south", "east", "west"};
    static final String[] PRODUCTS = {"anvil", "bucket", "crate", "drum", "easel", "fork"};

    public static void main(String[] args) {
        long checksum = 0;
        for (int round = 0; round < 4500; round++) {
            final int r = round;
            List<Sale> sales = IntStream.range(0, 200)
                    .mapToObj(i -> new Sale(REGIONS[(i + r) % 4], PRODUCTS[(i * 7 + r) % 6], (i * 13 + r) % 20 + 1,
                            ((i * 31 + r) % 500) / 10.0))
                    .collect(Collectors.toCollection(ArrayList::new));
            Map<String, Long> perRegion = sales.stream()
                    .collect(Collectors.groupingBy(Sale::region, TreeMap::new, Collectors.counting()));
            Map<String, Integer> unitsPerProduct = sales.stream()
                    .collect(Collectors.groupingBy(Sale::product, TreeMap::new, Collectors.summingInt(Sale::units)));
            Map<Boolean, List<Sale>> bigSmall = sales.stream()
                    .collect(Collectors.partitioningBy(s -> s.units() * s.price() > 300));
            double revenue = sales.stream().mapToDouble(s -> s.units() * s.price()).sum();
            String topProducts = sales.stream()
                    .sorted((a, b) -> Double.compare(b.units() * b.price(), a.units() * a.price()))
                    .map(Sale::product)
                    .distinct()
                    .limit(3)
                    .collect(Collectors.joining(","));
            Map<String, Double> bestPrice = sales.stream()
                    .collect(Collectors.toMap(Sale::product, Sale::price, Math::max, TreeMap::new));
            IntSummaryStatistics stats = sales.stream().mapToInt(Sale::units).summaryStatistics();
            long evens = LongStream.rangeClosed(1, 2000).filter(x -> (x + r) % 2 == 0).map(x -> x * x % 1009).sum();
            List<Integer> flat = Stream.of(List.of(1, 2, 3), List.of(r % 10, 5), Arrays.asList(8, 9))
                    .flatMap(List::stream)
                    .skip(1)
                    .collect(Collectors.toList());
            boolean any = sales.stream().anyMatch(s -> s.units() == 20);
            boolean all = sales.stream().allMatch(s -> s.price() >= 0);
            Optional<Sale> first = sales.stream().filter(s -> s.product().startsWith("e")).findFirst();
            Optional<String> longest = Arrays.stream(PRODUCTS).max((a, b) -> a.length() != b.length()
                    ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
            int collatz = (int) Stream.iterate(27L + r % 50, n -> n != 1, n -> n % 2 == 0 ? n / 2 : 3 * n + 1).count();
            checksum = checksum * 31 + perRegion.hashCode() + unitsPerProduct.hashCode() + bigSmall.get(true).size()
                    + Math.round(revenue * 100) + topProducts.hashCode() + bestPrice.hashCode() + stats.getSum()
                    + evens + flat.hashCode() + (any ? 1 : 0) + (all ? 2 : 0) + first.map(Sale::units).orElse(-1)
                    + longest.orElse("").length() + collatz;
            if (round % 225 == 0) {
                System.out.println("round " + round + " regions=" + perRegion + " units=" + unitsPerProduct
                        + String.format(" revenue=%.2f", revenue) + " top=" + topProducts + " collatz=" + collatz
                        + " flat=" + flat);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
