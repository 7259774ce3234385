package corpus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The standard collections, all alive and mutated in the hot loop: ArrayList (random access,
 * removeIf), LinkedList (ListIterator insert/remove), ArrayDeque as stack and queue, HashMap
 * with String keys (merge/compute), an access-order LinkedHashMap subclass with
 * removeEldestEntry (an LRU cache), an insertion-order LinkedHashMap, a TreeMap with a comparator
 * lambda (headMap/tailMap/firstKey), HashSet of Integers, TreeSet with ceiling/floor, and a
 * PriorityQueue with a comparator (top-k and event simulation).
 */
public class CollectionsTour {
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final int capacity;
        int evictions;

        Lru(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            if (size() > capacity) {
                evictions++;
                return true;
            }
            return false;
        }
    }

    record Event(long time, int priority, String name) {
    }

    public static void main(String[] args) {
        java.util.Random rnd = new java.util.Random(7);
        List<Integer> array = new ArrayList<>();
        LinkedList<String> linked = new LinkedList<>();
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Integer> queue = new ArrayDeque<>();
        Map<String, Integer> counts = new HashMap<>();
        Lru<Integer, Long> lru = new Lru<>(64);
        Map<String, Integer> insertion = new LinkedHashMap<>();
        TreeMap<String, Integer> byLength = new TreeMap<>(
                (a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        Set<Integer> seen = new HashSet<>();
        TreeSet<Integer> sorted = new TreeSet<>();
        PriorityQueue<Event> events = new PriorityQueue<>(
                Comparator.comparingLong(Event::time).thenComparing(Event::priority, Comparator.reverseOrder()));
        long checksum = 0;
        long clock = 0;
        int lruHits = 0;
        for (int round = 0; round < 6000; round++) {
            for (int i = 0; i < 40; i++) {
                int v = rnd.nextInt(1000);
                array.add(v);
                String word = "w" + Integer.toString(v % 97, 36);
                counts.merge(word, 1, Integer::sum);
                insertion.putIfAbsent(word, round);
                byLength.merge(word + (v % 3 == 0 ? "x" : ""), v, Math::max);
                seen.add(v);
                sorted.add(v);
                if (v % 2 == 0) {
                    stack.push(v);
                } else {
                    queue.offer(v);
                }
                Long cached = lru.get(v % 100);
                if (cached != null) {
                    lruHits++;
                    checksum += cached;
                } else {
                    lru.put(v % 100, (long) v * v);
                }
                events.add(new Event(clock + rnd.nextInt(50), v % 5, word));
            }
            // ArrayList: removeIf and random access
            array.removeIf(x -> x % 7 == 0);
            if (array.size() > 500) {
                array.subList(0, array.size() - 500).clear();
            }
            checksum += array.get(array.size() / 2);
            // LinkedList with a ListIterator
            linked.add("r" + round);
            ListIterator<String> it = linked.listIterator();
            while (it.hasNext()) {
                String s = it.next();
                if (s.length() > 4 && s.hashCode() % 3 == 0) {
                    it.remove();
                } else if (s.endsWith("7")) {
                    it.add(s + "!");
                }
            }
            while (linked.size() > 50) {
                linked.removeFirst();
            }
            // stack and queue
            for (int k = 0; k < 20 && !stack.isEmpty(); k++) {
                checksum += stack.pop();
            }
            for (int k = 0; k < 20 && !queue.isEmpty(); k++) {
                checksum ^= queue.poll();
            }
            // TreeSet navigation and HashSet lookup
            Integer ceil = sorted.ceiling(round % 1000);
            Integer floor = sorted.floor(round % 1000);
            checksum += (ceil == null ? -1 : ceil) + (floor == null ? -1 : floor) + (seen.contains(round % 1000) ? 1 : 0);
            if (sorted.size() > 300) {
                sorted.pollFirst();
                sorted.pollLast();
            }
            // TreeMap navigation
            String firstKey = byLength.firstKey();
            checksum += byLength.headMap("w10", true).size() + byLength.tailMap("wz").size() + firstKey.length();
            // process due events in priority order
            clock += 20;
            while (!events.isEmpty() && events.peek().time() <= clock) {
                Event e = events.poll();
                checksum = checksum * 31 + e.time() * 7 + e.priority() + e.name().length();
            }
            if (round % 300 == 0) {
                Iterator<Map.Entry<Integer, Long>> lruIt = lru.entrySet().iterator();
                Map.Entry<Integer, Long> eldest = lruIt.next();
                System.out.println("round " + round + " array=" + array.size() + " linked=" + linked.size()
                        + " stack=" + stack.size() + " queue=" + queue.size() + " counts=" + counts.size()
                        + " lru=" + lru.size() + " eldest=" + eldest.getKey() + " evictions=" + lru.evictions
                        + " hits=" + lruHits + " tree=" + byLength.size() + " sorted=" + sorted.size()
                        + " events=" + events.size() + " check=" + checksum);
            }
        }
        List<String> top = new ArrayList<>();
        PriorityQueue<Map.Entry<String, Integer>> heap = new PriorityQueue<>(
                Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            heap.add(e);
            if (heap.size() > 5) {
                heap.poll();
            }
        }
        while (!heap.isEmpty()) {
            Map.Entry<String, Integer> e = heap.poll();
            top.add(e.getKey() + "=" + e.getValue());
        }
        System.out.println("top " + top);
        System.out.println("insertion head " + new ArrayList<>(insertion.keySet()).subList(0, 8));
        System.out.println("lru order " + new ArrayList<>(lru.keySet()).subList(0, 8));
        System.out.println("linked tail " + linked.subList(linked.size() - 3, linked.size()));
        System.out.println("checksum " + checksum);
    }
}
