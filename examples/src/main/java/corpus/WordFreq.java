package corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Text processing over a text-block corpus: tokenising with a hand-written char scanner
 * (Character.isLetter, toLowerCase), word counts in a HashMap&lt;String, Integer&gt; (merge),
 * bigram counts keyed by a record, top-k with a PriorityQueue and comparator, a TreeMap of word
 * lengths, and generating new "sentences" from the bigram table with a seeded Random (a Markov
 * chain) that are fed back into the counts, so the maps grow and change all run long.
 */
public class WordFreq {
    static final String TEXT = """
            It was the best of times, it was the worst of times, it was the age of wisdom, it was the age
            of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season
            of Light, it was the season of Darkness, it was the spring of hope, it was the winter of
            despair, we had everything before us, we had nothing before us, we were all going direct to
            Heaven, we were all going direct the other way - in short, the period was so far like the
            present period, that some of its noisiest authorities insisted on its being received, for good
            or for evil, in the superlative degree of comparison only.
            """;

    record Bigram(String first, String second) {
    }

    static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                cur.append(Character.toLowerCase(c));
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    public static void main(String[] args) {
        List<String> base = tokenize(TEXT);
        Map<String, Integer> counts = new HashMap<>();
        Map<Bigram, Integer> bigrams = new HashMap<>();
        Map<String, List<String>> successors = new TreeMap<>();
        for (int i = 0; i + 1 < base.size(); i++) {
            successors.computeIfAbsent(base.get(i), k -> new ArrayList<>()).add(base.get(i + 1));
        }
        java.util.Random rnd = new java.util.Random(1859);
        long checksum = 0;
        for (int round = 0; round < 12_000; round++) {
            List<String> words = new ArrayList<>(base);
            String w = base.get(rnd.nextInt(base.size()));
            for (int k = 0; k < 200; k++) {
                words.add(w);
                List<String> next = successors.get(w);
                w = next == null ? base.get(rnd.nextInt(base.size())) : next.get(rnd.nextInt(next.size()));
            }
            for (int i = 0; i < words.size(); i++) {
                counts.merge(words.get(i), 1, Integer::sum);
                if (i + 1 < words.size()) {
                    bigrams.merge(new Bigram(words.get(i), words.get(i + 1)), 1, Integer::sum);
                }
            }
            if (round % 600 == 0) {
                PriorityQueue<Map.Entry<String, Integer>> top = new PriorityQueue<>(
                        Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
                                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
                for (Map.Entry<String, Integer> e : counts.entrySet()) {
                    top.add(e);
                    if (top.size() > 4) {
                        top.poll();
                    }
                }
                List<String> best = new ArrayList<>();
                while (!top.isEmpty()) {
                    Map.Entry<String, Integer> e = top.poll();
                    best.add(0, e.getKey() + ":" + e.getValue());
                }
                TreeMap<Integer, Integer> byLength = new TreeMap<>();
                for (String word : counts.keySet()) {
                    byLength.merge(word.length(), 1, Integer::sum);
                }
                Bigram probe = new Bigram("it", "was");
                System.out.println("round " + round + " distinct=" + counts.size() + " bigrams=" + bigrams.size() + " top="
                        + best + " it-was=" + bigrams.get(probe) + " lengths=" + byLength);
            }
            checksum = checksum * 31 + counts.size() + bigrams.size() + w.hashCode();
        }
        long mapHash = 0;
        for (Map.Entry<Bigram, Integer> e : bigrams.entrySet()) {
            mapHash = mapHash * 31 + e.getKey().hashCode() + e.getValue();
        }
        System.out.println("bigram table hash " + mapHash);
        System.out.println("checksum " + checksum);
    }
}
