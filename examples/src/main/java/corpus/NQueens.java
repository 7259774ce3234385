package corpus;

/**
 * Backtracking searches: N-queens counted with a recursive int[]-based solver and with a bitmask
 * solver (int masks, lowest-set-bit extraction), plus an iterative permutation search with
 * labeled break and labeled continue over nested loops (find permutations avoiding a pattern),
 * and a subset-sum backtracking over an int[] with pruning.
 */
public class NQueens {
    static long nodes;

    static int solveArray(int row, int n, int[] cols) {
        if (row == n) {
            return 1;
        }
        int count = 0;
        outer:
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < row; r++) {
                int d = cols[r] - c;
                if (d == 0 || d == row - r || d == r - row) {
                    continue outer;
                }
            }
            nodes++;
            cols[row] = c;
            count += solveArray(row + 1, n, cols);
        }
        return count;
    }

    static int solveBits(int n, int cols, int d1, int d2) {
        int full = (1 << n) - 1;
        if (cols == full) {
            return 1;
        }
        int count = 0;
        int avail = full & ~(cols | d1 | d2);
        while (avail != 0) {
            int bit = avail & -avail;
            avail ^= bit;
            nodes++;
            count += solveBits(n, cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >>> 1);
        }
        return count;
    }

    /** Counts permutations of 0..n-1 (in lexicographic order) that have no i<j<k with p[i]<p[k]<p[j]. */
    static int avoiding132(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        int count = 0;
        while (true) {
            boolean bad = false;
            search:
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (p[j] <= p[i]) {
                        continue;
                    }
                    for (int k = j + 1; k < n; k++) {
                        if (p[i] < p[k] && p[k] < p[j]) {
                            bad = true;
                            break search;
                        }
                    }
                }
            }
            if (!bad) {
                count++;
            }
            // next permutation
            int i = n - 2;
            while (i >= 0 && p[i] >= p[i + 1]) {
                i--;
            }
            if (i < 0) {
                return count;
            }
            int j = n - 1;
            while (p[j] <= p[i]) {
                j--;
            }
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
            for (int a = i + 1, b = n - 1; a < b; a++, b--) {
                t = p[a];
                p[a] = p[b];
                p[b] = t;
            }
        }
    }

    static int subsetSums(int[] values, int index, int remaining) {
        if (remaining == 0) {
            return 1;
        }
        if (index == values.length || remaining < 0) {
            return 0;
        }
        nodes++;
        return subsetSums(values, index + 1, remaining - values[index]) + subsetSums(values, index + 1, remaining);
    }

    public static void main(String[] args) {
        long checksum = 0;
        for (int round = 0; round < 20; round++) {
            StringBuilder line = new StringBuilder("round " + round + " queens:");
            for (int n = 4; n <= 11; n++) {
                int a = solveArray(0, n, new int[n]);
                int b = solveBits(n, 0, 0, 0);
                checksum = checksum * 31 + a + b;
                line.append(' ').append(a);
                if (a != b) {
                    line.append("(MISMATCH ").append(b).append(')');
                }
            }
            int q12 = solveBits(12, 0, 0, 0);
            line.append(" q12=").append(q12).append(" 132-avoiding:");
            for (int n = 5; n <= 8; n++) {
                int c = avoiding132(n);
                checksum = checksum * 31 + c;
                line.append(' ').append(c);
            }
            int[] values = new int[22];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i * 7 + round * 3) % 23 + 1;
            }
            int ways = subsetSums(values, 0, 60 + round);
            checksum = checksum * 31 + ways;
            line.append(" subsets=").append(ways).append(" nodes=").append(nodes);
            System.out.println(line);
        }
        System.out.println("checksum " + checksum);
    }
}
