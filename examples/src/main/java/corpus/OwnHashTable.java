package corpus;

import java.util.HashMap;
import java.util.Map;

/**
 * A hand-written hash table (separate chaining, power-of-two buckets, resize with rehash) that
 * caches each entry's hash code in the entry, keyed by String and by a program class with a
 * content-based (identity-free) hashCode/equals; plus a second open-addressing long-to-long
 * table with linear probing and tombstones. Both are exercised with put/get/remove in the loop
 * and cross-checked against java.util.HashMap.
 */
public class OwnHashTable {
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point p && p.x == x && p.y == y;
        }

        @Override
        public int hashCode() {
            return x * 31 + y;
        }
    }

    static final class ChainedMap<K, V> {
        static final class Entry<K, V> {
            final K key;
            final int hash;
            V value;
            Entry<K, V> next;

            Entry(K key, int hash, V value, Entry<K, V> next) {
                this.key = key;
                this.hash = hash;
                this.value = value;
                this.next = next;
            }
        }

        private Entry<K, V>[] table;
        private int size;
        int resizes;

        ChainedMap() {
            table = newTable(8);
        }

        @SuppressWarnings("unchecked")
        private static <K, V> Entry<K, V>[] newTable(int n) {
            return (Entry<K, V>[]) new Entry<?, ?>[n];
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        V get(K key) {
            int h = spread(key.hashCode());
            for (Entry<K, V> e = table[h & (table.length - 1)]; e != null; e = e.next) {
                if (e.hash == h && e.key.equals(key)) {
                    return e.value;
                }
            }
            return null;
        }

        V put(K key, V value) {
            int h = spread(key.hashCode());
            int idx = h & (table.length - 1);
            for (Entry<K, V> e = table[idx]; e != null; e = e.next) {
                if (e.hash == h && e.key.equals(key)) {
                    V old = e.value;
                    e.value = value;
                    return old;
                }
            }
            table[idx] = new Entry<>(key, h, value, table[idx]);
            if (++size > table.length * 3 / 4) {
                resize();
            }
            return null;
        }

        V remove(K key) {
            int h = spread(key.hashCode());
            int idx = h & (table.length - 1);
            Entry<K, V> prev = null;
            for (Entry<K, V> e = table[idx]; e != null; prev = e, e = e.next) {
                if (e.hash == h && e.key.equals(key)) {
                    if (prev == null) {
                        table[idx] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    size--;
                    return e.value;
                }
            }
            return null;
        }

        private void resize() {
            resizes++;
            Entry<K, V>[] old = table;
            table = newTable(old.length * 2);
            for (Entry<K, V> head : old) {
                for (Entry<K, V> e = head; e != null; ) {
                    Entry<K, V> next = e.next;
                    int idx = e.hash & (table.length - 1);
                    e.next = table[idx];
                    table[idx] = e;
                    e = next;
                }
            }
        }

        int size() {
            return size;
        }
    }

    static final class LongTable {
        private static final long EMPTY = Long.MIN_VALUE;
        private static final long TOMB = Long.MIN_VALUE + 1;
        private final long[] keys;
        private final long[] values;
        int probes;

        LongTable(int capacity) {
            keys = new long[capacity];
            values = new long[capacity];
            java.util.Arrays.fill(keys, EMPTY);
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & (keys.length - 1);
        }

        void put(long key, long value) {
            int i = slot(key);
            int tomb = -1;
            while (keys[i] != EMPTY) {
                probes++;
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
                if (keys[i] == TOMB && tomb < 0) {
                    tomb = i;
                }
                i = (i + 1) & (keys.length - 1);
            }
            int target = tomb >= 0 ? tomb : i;
            keys[target] = key;
            values[target] = value;
        }

        long get(long key, long missing) {
            int i = slot(key);
            while (keys[i] != EMPTY) {
                probes++;
                if (keys[i] == key) {
                    return values[i];
                }
                i = (i + 1) & (keys.length - 1);
            }
            return missing;
        }

        boolean remove(long key) {
            int i = slot(key);
            while (keys[i] != EMPTY) {
                if (keys[i] == key) {
                    keys[i] = TOMB;
                    return true;
                }
                i = (i + 1) & (keys.length - 1);
            }
            return false;
        }
    }

    public static void main(String[] args) {
        ChainedMap<String, Integer> strings = new ChainedMap<>();
        ChainedMap<Point, Long> points = new ChainedMap<>();
        Map<String, Integer> reference = new HashMap<>();
        LongTable longs = new LongTable(1 << 15);
        long checksum = 0;
        int mismatches = 0;
        long seed = 17;
        for (int round = 0; round < 540; round++) {
            for (int i = 0; i < 2000; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int k = (int) ((seed >>> 33) % 20_000);
                String key = "key" + k;
                if ((seed & 3) == 0) {
                    Integer a = strings.remove(key);
                    Integer b = reference.remove(key);
                    if (a == null ? b != null : !a.equals(b)) {
                        mismatches++;
                    }
                } else {
                    strings.put(key, k + round);
                    reference.put(key, k + round);
                }
                Point p = new Point(k % 150, k / 150);
                Long old = points.get(p);
                points.put(p, (old == null ? 0 : old) + i);
                long lk = k * 7919L;
                if ((seed & 7) == 1) {
                    longs.remove(lk);
                } else {
                    longs.put(lk, longs.get(lk, 0) + 1);
                }
            }
            long sample = 0;
            for (int k = round; k < 20_000; k += 97) {
                String key = "key" + k;
                Integer a = strings.get(key);
                Integer b = reference.get(key);
                if (a == null ? b != null : !a.equals(b)) {
                    mismatches++;
                }
                sample += (a == null ? 0 : a) + longs.get(k * 7919L, -1);
                Long pv = points.get(new Point(k % 150, k / 150));
                sample += pv == null ? 0 : pv;
            }
            if (strings.size() != reference.size()) {
                mismatches++;
            }
            checksum = checksum * 31 + sample;
            if (round % 27 == 0) {
                System.out.println("round " + round + " size=" + strings.size() + " points=" + points.size()
                        + " resizes=" + strings.resizes + "/" + points.resizes + " probes=" + longs.probes
                        + " sample=" + sample + " mismatches=" + mismatches);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
