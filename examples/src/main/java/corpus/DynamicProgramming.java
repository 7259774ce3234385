package corpus;

/**
 * Dynamic programming tables filled in the loop: 0/1 knapsack over a long[][] table, longest
 * common subsequence over char[] inputs with an int[][] table and traceback, Levenshtein edit
 * distance with two rolling int[] rows, coin change counting in a long[] (with overflow-free
 * modulus), and longest increasing subsequence with binary search over an int[] of tails.
 */
public class DynamicProgramming {
    static long knapsack(int[] weights, int[] values, int capacity) {
        long[][] best = new long[weights.length + 1][capacity + 1];
        for (int i = 1; i <= weights.length; i++) {
            for (int c = 0; c <= capacity; c++) {
                best[i][c] = best[i - 1][c];
                if (weights[i - 1] <= c) {
                    best[i][c] = Math.max(best[i][c], best[i - 1][c - weights[i - 1]] + values[i - 1]);
                }
            }
        }
        return best[weights.length][capacity];
    }

    static String lcs(char[] a, char[] b) {
        int[][] t = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = a.length;
        int j = b.length;
        while (i > 0 && j > 0) {
            if (a[i - 1] == b[j - 1]) {
                sb.append(a[i - 1]);
                i--;
                j--;
            } else if (t[i - 1][j] >= t[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        return sb.reverse().toString();
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static long coinWays(int[] coins, int amount) {
        long[] ways = new long[amount + 1];
        ways[0] = 1;
        for (int coin : coins) {
            for (int a = coin; a <= amount; a++) {
                ways[a] = (ways[a] + ways[a - coin]) % 1_000_000_007L;
            }
        }
        return ways[amount];
    }

    static int lis(int[] seq) {
        int[] tails = new int[seq.length];
        int len = 0;
        for (int x : seq) {
            int lo = 0;
            int hi = len;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tails[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            tails[lo] = x;
            if (lo == len) {
                len++;
            }
        }
        return len;
    }

    public static void main(String[] args) {
        java.util.Random rnd = new java.util.Random(4242);
        long checksum = 0;
        for (int round = 0; round < 350; round++) {
            int n = 60 + round % 40;
            int[] weights = new int[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                weights[i] = 1 + rnd.nextInt(40);
                values[i] = 1 + rnd.nextInt(100);
            }
            long k = knapsack(weights, values, 500 + round * 5);
            char[] a = new char[300];
            char[] b = new char[280];
            for (int i = 0; i < a.length; i++) {
                a[i] = (char) ('a' + rnd.nextInt(6));
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (char) ('a' + rnd.nextInt(6));
            }
            String common = lcs(a, b);
            int dist = editDistance(new String(a, 0, 200), new String(b, 0, 200));
            long ways = coinWays(new int[] {1, 2, 5, 10, 20, 50, 100, 200}, 5000 + round * 50);
            int[] seq = new int[2000];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = rnd.nextInt(100_000);
            }
            int inc = lis(seq);
            checksum = checksum * 31 + k + common.hashCode() + dist + ways + inc;
            if (round % 15 == 0) {
                System.out.println("round " + round + " knapsack=" + k + " lcs=" + common.length() + " ("
                        + common.substring(0, 12) + "...) edit=" + dist + " coins=" + ways + " lis=" + inc);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
