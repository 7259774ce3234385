package corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hash structures keyed by object identity, kept alive and mutated throughout the run: an
 * IdentityHashMap, a HashMap and a HashSet keyed by program objects that do not override
 * hashCode/equals, and a HashMap&lt;Object, ..&gt; mixing such objects with String keys. The program
 * keeps its own ArrayList of the key objects and, every round, looks every one of them up again
 * (so a stale identity hash after a move would show up as a missing entry). It never iterates
 * the identity-keyed maps for output; it prints only sizes, lookups and order-free sums.
 */
public class IdentityMaps {
    static final class Token {
        final int id;
        int uses;

        Token(int id) {
            this.id = id;
        }
    }

    static final class Pair {
        final Token left;
        final Token right;

        Pair(Token left, Token right) {
            this.left = left;
            this.right = right;
        }
    }

    public static void main(String[] args) {
        List<Token> tokens = new ArrayList<>();
        IdentityHashMap<Token, Integer> identity = new IdentityHashMap<>();
        Map<Token, String> byObject = new HashMap<>();
        Set<Token> marked = new HashSet<>();
        Map<Object, Long> mixed = new HashMap<>();
        Map<Pair, Token> pairs = new HashMap<>();
        List<Pair> pairList = new ArrayList<>();
        long checksum = 0;
        int nextId = 0;
        for (int round = 0; round < 560; round++) {
            // add new tokens
            for (int i = 0; i < 50; i++) {
                Token t = new Token(nextId++);
                tokens.add(t);
                identity.put(t, t.id * 3);
                byObject.put(t, "t" + t.id);
                if (t.id % 3 == 0) {
                    marked.add(t);
                }
                mixed.put(t, (long) t.id);
                mixed.put("s" + t.id, (long) -t.id);
            }
            // remove some old ones
            if (tokens.size() > 3000) {
                for (int i = 0; i < 20; i++) {
                    Token old = tokens.remove(0);
                    identity.remove(old);
                    byObject.remove(old);
                    marked.remove(old);
                    mixed.remove(old);
                    mixed.remove("s" + old.id);
                }
            }
            // pairs keyed by identity
            Token a = tokens.get((round * 7) % tokens.size());
            Token b = tokens.get((round * 13 + 5) % tokens.size());
            Pair p = new Pair(a, b);
            pairs.put(p, a);
            pairList.add(p);
            // every token must still be found
            long found = 0;
            int missing = 0;
            for (Token t : tokens) {
                Integer v = identity.get(t);
                String s = byObject.get(t);
                Long m = mixed.get(t);
                if (v == null || s == null || m == null || v != t.id * 3 || m != t.id) {
                    missing++;
                    continue;
                }
                if (marked.contains(t) != (t.id % 3 == 0)) {
                    missing++;
                }
                t.uses++;
                found += v + s.length() + m;
            }
            for (Pair q : pairList) {
                if (pairs.get(q) != q.left) {
                    missing++;
                }
            }
            // a fresh object equal in every field is a different key
            if (identity.containsKey(new Token(a.id)) || byObject.containsKey(new Token(b.id))) {
                missing++;
            }
            long valueSum = 0;
            for (Integer v : identity.values()) {
                valueSum += v;
            }
            checksum = checksum * 31 + found + valueSum + missing * 1_000_000L;
            if (round % 28 == 0) {
                System.out.println("round " + round + " tokens=" + tokens.size() + " identity=" + identity.size()
                        + " byObject=" + byObject.size() + " marked=" + marked.size() + " mixed=" + mixed.size()
                        + " pairs=" + pairs.size() + " missing=" + missing + " found=" + found);
            }
        }
        Token first = tokens.get(0);
        System.out.println("first token " + first.id + " uses=" + first.uses + " lookup=" + identity.get(first)
                + " name=" + byObject.get(first) + " mixed=" + mixed.get("s" + first.id));
        System.out.println("checksum " + checksum);
    }
}
