package corpus;

/**
 * Deep recursion while the program works: a 3000-node singly linked list is built recursively and
 * summed recursively (3000 frames deep, re-entered every round), a recursive walk that carries long
 * and double parameters through every frame, mutual recursion (isEven/isOdd ~2900 deep and a
 * ping/pong pair with long/double parameters), plus memoised recursive Fibonacci over a long[] and
 * a recursive binary-tree count. Prints a progress line every 450 rounds and a final checksum.
 */
public class Recursion {
    static final int DEPTH = 3000;
    static final int ROUNDS = 9000;

    static final class Node {
        final int value;
        final Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    static Node build(int n, int seed) {
        if (n == 0) {
            return null;
        }
        Node rest = build(n - 1, seed);
        return new Node((seed * 31 + n * 7) % 1009, rest);
    }

    static long sum(Node n) {
        if (n == null) {
            return 0L;
        }
        return n.value + sum(n.next);
    }

    static long weighted(Node n, long depth, double scale) {
        if (n == null) {
            return depth;
        }
        long here = (long) (n.value * scale) ^ depth;
        return here + weighted(n.next, depth + 1, scale * 0.9999);
    }

    static int length(Node n) {
        return n == null ? 0 : 1 + length(n.next);
    }

    static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }

    static long ping(int n, long acc, double d) {
        if (n == 0) {
            return acc + (long) d;
        }
        return pong(n - 1, acc * 3 + n, d * 0.5 + 1.0);
    }

    static long pong(int n, long acc, double d) {
        if (n == 0) {
            return acc - (long) d;
        }
        return ping(n - 1, (acc ^ (acc >>> 7)) + n, d + 0.25);
    }

    static long fib(int n, long[] memo) {
        if (n < 2) {
            return n;
        }
        if (memo[n] != 0) {
            return memo[n];
        }
        long r = fib(n - 1, memo) + fib(n - 2, memo);
        memo[n] = r;
        return r;
    }

    static int treeNodes(int depth, int salt) {
        if (depth == 0) {
            return 1;
        }
        int left = treeNodes(depth - 1, salt * 3 + 1);
        int right = (salt & 1) == 0 ? treeNodes(depth - 1, salt + 7) : 1;
        return 1 + left + right;
    }

    public static void main(String[] args) {
        long checksum = 17;
        for (int round = 0; round < ROUNDS; round++) {
            Node list = build(DEPTH, round);
            long s = sum(list);
            Node tail = list;
            for (int skip = 0; skip < 500; skip++) {
                tail = tail.next;
            }
            long w = weighted(tail, round, 1.5);
            int len = length(list);
            boolean even = isEven(2900 + (round % 5));
            long pp = ping(2600 + (round % 3), round, 1.0);
            long[] memo = new long[91];
            long f = fib(40 + round % 50, memo);
            int t = treeNodes(10, round);
            checksum = checksum * 31 + s;
            checksum = checksum * 31 + w;
            checksum = checksum * 31 + len + (even ? 1 : 0);
            checksum = checksum * 31 + pp;
            checksum = checksum * 31 + f + t;
            if (round % 450 == 0) {
                System.out.println("round " + round + ": sum=" + s + " len=" + len + " even=" + even
                        + " fib=" + f + " tree=" + t + " check=" + Long.toHexString(checksum));
            }
        }
        System.out.println("checksum " + checksum);
    }
}
