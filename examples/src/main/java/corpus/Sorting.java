package corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Sorting in the loop: Collections.sort and List.sort with comparator lambdas and comparator
 * chains (the lambdas run inside the JDK's TimSort), Arrays.sort on Integer[] with a reversed
 * comparator, on String[] with case-insensitive ordering, on int[]/long[]/double[] primitives and
 * on an array of records; plus hand-written merge sort (recursive, with a long[] buffer),
 * in-place quicksort (recursive, Lomuto partition) and insertion sort, all cross-checked, and a
 * stability check on equal keys.
 */
public class Sorting {
    record Item(String name, int weight, long id) {
    }

    static void mergeSort(long[] a, long[] buf, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, buf, lo, mid);
        mergeSort(a, buf, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            buf[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        }
        while (i < mid) {
            buf[k++] = a[i++];
        }
        while (j < hi) {
            buf[k++] = a[j++];
        }
        System.arraycopy(buf, lo, a, lo, hi - lo);
    }

    static void quickSort(int[] a, int lo, int hi) {
        while (lo < hi) {
            int pivot = a[(lo + hi) >>> 1];
            int t = a[(lo + hi) >>> 1];
            a[(lo + hi) >>> 1] = a[hi];
            a[hi] = t;
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (a[i] < pivot) {
                    t = a[i];
                    a[i] = a[store];
                    a[store] = t;
                    store++;
                }
            }
            t = a[store];
            a[store] = a[hi];
            a[hi] = t;
            if (store - lo < hi - store) {
                quickSort(a, lo, store - 1);
                lo = store + 1;
            } else {
                quickSort(a, store + 1, hi);
                hi = store - 1;
            }
        }
    }

    static void insertionSort(double[] a) {
        for (int i = 1; i < a.length; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    public static void main(String[] args) {
        Random rnd = new Random(31337);
        long checksum = 0;
        int failures = 0;
        for (int round = 0; round < 330; round++) {
            int n = 500 + round % 300;
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(new Item("n" + rnd.nextInt(50), rnd.nextInt(20), i));
            }
            List<Item> copy = new ArrayList<>(items);
            Collections.sort(items, Comparator.comparing(Item::name).thenComparingInt(Item::weight));
            // stability: equal (name, weight) keep id order
            for (int i = 1; i < items.size(); i++) {
                Item a = items.get(i - 1);
                Item b = items.get(i);
                if (a.name().equals(b.name()) && a.weight() == b.weight() && a.id() > b.id()) {
                    failures++;
                }
            }
            copy.sort((a, b) -> b.weight() != a.weight() ? b.weight() - a.weight() : Long.compare(a.id(), b.id()));
            Item[] arr = copy.toArray(new Item[0]);
            Arrays.sort(arr, Comparator.comparingLong(Item::id).reversed());
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = rnd.nextInt(10_000);
            }
            Arrays.sort(boxed, Collections.reverseOrder());
            String[] words = new String[200];
            for (int i = 0; i < words.length; i++) {
                words[i] = (i % 2 == 0 ? "W" : "w") + Integer.toString(rnd.nextInt(5000), 36);
            }
            Arrays.sort(words, String.CASE_INSENSITIVE_ORDER);
            int[] ints = new int[n];
            long[] longs = new long[n];
            double[] doubles = new double[Math.min(n, 400)];
            for (int i = 0; i < n; i++) {
                ints[i] = rnd.nextInt();
                longs[i] = rnd.nextLong();
            }
            for (int i = 0; i < doubles.length; i++) {
                doubles[i] = rnd.nextDouble();
            }
            int[] ints2 = ints.clone();
            long[] longs2 = longs.clone();
            double[] doubles2 = doubles.clone();
            quickSort(ints, 0, n - 1);
            Arrays.sort(ints2);
            mergeSort(longs, new long[n], 0, n);
            Arrays.sort(longs2);
            insertionSort(doubles);
            Arrays.sort(doubles2);
            if (!Arrays.equals(ints, ints2) || !Arrays.equals(longs, longs2) || !Arrays.equals(doubles, doubles2)) {
                failures++;
            }
            checksum = checksum * 31 + items.get(0).id() + copy.get(0).id() + arr[0].id() + boxed[0] + words[0].hashCode()
                    + ints[n / 2] + longs[n / 3] + Arrays.hashCode(ints) + Math.round(doubles[10] * 1e6);
            if (round % 15 == 0) {
                System.out.println("round " + round + " first=" + items.get(0) + " heaviest=" + copy.get(0).id()
                        + " maxBoxed=" + boxed[0] + " firstWord=" + words[0] + " median=" + ints[n / 2] + " failures=" + failures);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
