package corpus;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Huffman coding of generated text, end to end, every round: character frequencies in an int[],
 * a PriorityQueue of tree nodes with a comparator (weight, then a tie-break id so the tree is
 * deterministic), recursive code-table construction into String[] and long[]/int[] bit codes,
 * bit-packing into a long[] buffer with shifts and masks, and decoding by walking the tree bit
 * by bit; the decoded text must equal the input. Also prints a TreeMap view of the code table.
 */
public class Huffman {
    abstract static class Node {
        final int weight;
        final int id;

        Node(int weight, int id) {
            this.weight = weight;
            this.id = id;
        }
    }

    static final class Leaf extends Node {
        final char symbol;

        Leaf(char symbol, int weight, int id) {
            super(weight, id);
            this.symbol = symbol;
        }
    }

    static final class Branch extends Node {
        final Node left;
        final Node right;

        Branch(Node left, Node right, int id) {
            super(left.weight + right.weight, id);
            this.left = left;
            this.right = right;
        }
    }

    static void buildCodes(Node node, long bits, int length, long[] codes, int[] lengths) {
        if (node instanceof Leaf leaf) {
            codes[leaf.symbol] = bits;
            lengths[leaf.symbol] = Math.max(length, 1);
            return;
        }
        Branch b = (Branch) node;
        buildCodes(b.left, bits << 1, length + 1, codes, lengths);
        buildCodes(b.right, (bits << 1) | 1, length + 1, codes, lengths);
    }

    static final String WORDS = "the quick brown fox jumps over lazy dogs while roaming heaps migrate between idle nodes";

    public static void main(String[] args) {
        java.util.Random rnd = new java.util.Random(11);
        String[] words = WORDS.split(" ");
        long checksum = 0;
        int failures = 0;
        TreeMap<Character, String> lastTable = new TreeMap<>();
        for (int round = 0; round < 2400; round++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 4000) {
                sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(9) == 0 ? ". " : " ");
                if (rnd.nextInt(50) == 0) {
                    sb.append((char) ('A' + rnd.nextInt(26)));
                }
            }
            String text = sb.toString();
            int[] freq = new int[128];
            for (int i = 0; i < text.length(); i++) {
                freq[text.charAt(i)]++;
            }
            PriorityQueue<Node> pq = new PriorityQueue<>(Comparator.comparingInt((Node x) -> x.weight).thenComparingInt(x -> x.id));
            int nextId = 0;
            for (char c = 0; c < 128; c++) {
                if (freq[c] > 0) {
                    pq.add(new Leaf(c, freq[c], nextId++));
                }
            }
            while (pq.size() > 1) {
                Node a = pq.poll();
                Node b = pq.poll();
                pq.add(new Branch(a, b, nextId++));
            }
            Node root = pq.poll();
            long[] codes = new long[128];
            int[] lengths = new int[128];
            buildCodes(root, 0, 0, codes, lengths);
            long[] packed = new long[text.length()];
            long bitCount = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                for (int k = lengths[c] - 1; k >= 0; k--) {
                    if (((codes[c] >>> k) & 1L) != 0) {
                        packed[(int) (bitCount >>> 6)] |= 1L << (bitCount & 63);
                    }
                    bitCount++;
                }
            }
            StringBuilder decoded = new StringBuilder(text.length());
            Node cur = root;
            for (long bit = 0; bit < bitCount; bit++) {
                boolean one = ((packed[(int) (bit >>> 6)] >>> (bit & 63)) & 1L) != 0;
                if (cur instanceof Branch br) {
                    cur = one ? br.right : br.left;
                }
                if (cur instanceof Leaf leaf) {
                    decoded.append(leaf.symbol);
                    cur = root;
                }
            }
            if (!decoded.toString().equals(text)) {
                failures++;
            }
            checksum = checksum * 31 + bitCount + text.hashCode();
            if (round % 120 == 0) {
                lastTable.clear();
                for (char c = 'a'; c <= 'e'; c++) {
                    if (lengths[c] > 0) {
                        StringBuilder code = new StringBuilder();
                        for (int k = lengths[c] - 1; k >= 0; k--) {
                            code.append((codes[c] >>> k) & 1L);
                        }
                        lastTable.put(c, code.toString());
                    }
                }
                System.out.println(String.format("round %d chars=%d bits=%d ratio=%.4f failures=%d codes=%s",
                        round, text.length(), bitCount, bitCount / (8.0 * text.length()), failures, lastTable));
            }
        }
        System.out.println("checksum " + checksum);
    }
}
