package corpus;

/**
 * Conway's Game of Life on a toroidal byte[][] grid with a second buffer swapped every
 * generation, neighbour counting with modular wraparound, a boolean[][] "ever alive" mask, a
 * population history in an int[], period detection by comparing 64-bit grid hashes kept in a
 * long[] ring, and a glider gun pattern placed from a String[] drawing. Prints population and a
 * small ASCII window regularly.
 */
public class Life {
    static final String[] GUN = {
        "........................O...........",
        "......................O.O...........",
        "............OO......OO............OO",
        "...........O...O....OO............OO",
        "OO........O.....O...OO..............",
        "OO........O...O.OO....O.O...........",
        "..........O.....O.......O...........",
        "...........O...O....................",
        "............OO......................",
    };

    public static void main(String[] args) {
        int h = 96;
        int w = 128;
        byte[][] grid = new byte[h][w];
        byte[][] next = new byte[h][w];
        boolean[][] ever = new boolean[h][w];
        for (int r = 0; r < GUN.length; r++) {
            for (int c = 0; c < GUN[r].length(); c++) {
                if (GUN[r].charAt(c) == 'O') {
                    grid[r + 5][c + 5] = 1;
                }
            }
        }
        long seed = 2718281828L;
        for (int r = 50; r < 90; r++) {
            for (int c = 60; c < 120; c++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                grid[r][c] = (byte) ((seed >>> 62) == 0 ? 1 : 0);
            }
        }
        int generations = 7000;
        int[] population = new int[generations];
        long[] hashes = new long[64];
        long checksum = 0;
        for (int gen = 0; gen < generations; gen++) {
            int pop = 0;
            long hash = 1;
            for (int r = 0; r < h; r++) {
                byte[] up = grid[(r + h - 1) % h];
                byte[] row = grid[r];
                byte[] down = grid[(r + 1) % h];
                byte[] out = next[r];
                for (int c = 0; c < w; c++) {
                    int left = (c + w - 1) % w;
                    int right = (c + 1) % w;
                    int n = up[left] + up[c] + up[right] + row[left] + row[right] + down[left] + down[c] + down[right];
                    byte alive = (byte) (n == 3 || (n == 2 && row[c] == 1) ? 1 : 0);
                    out[c] = alive;
                    if (alive == 1) {
                        pop++;
                        ever[r][c] = true;
                        hash = hash * 1_000_003L + r * w + c;
                    }
                }
            }
            byte[][] t = grid;
            grid = next;
            next = t;
            population[gen] = pop;
            int period = 0;
            for (int k = 1; k < hashes.length && k <= gen; k++) {
                if (hashes[(gen - k) & 63] == hash) {
                    period = k;
                    break;
                }
            }
            hashes[gen & 63] = hash;
            checksum = checksum * 31 + hash;
            if (gen % 350 == 0) {
                StringBuilder window = new StringBuilder();
                for (int c = 0; c < 40; c++) {
                    window.append(grid[10][c] == 1 ? '#' : '.');
                }
                System.out.println("gen " + gen + " population=" + pop + " period=" + period + " row10=" + window);
            }
        }
        int everCount = 0;
        for (boolean[] row : ever) {
            for (boolean b : row) {
                if (b) {
                    everCount++;
                }
            }
        }
        System.out.println("ever alive " + everCount + " final population " + population[generations - 1]);
        System.out.println("checksum " + checksum);
    }
}
