package corpus;

import java.util.Arrays;

/**
 * Arrays of every kind live across the loop: boolean[], byte[], char[], short[], int[], long[],
 * float[], double[], Object[] (mixed boxed and String elements), String[], int[][] (rectangular),
 * jagged int[][] with rows of different lengths (and a row replaced mid-run), a 3-D
 * long[][][], a 2-D char grid, and an array of records. Uses Arrays.fill/copyOf/copyOfRange/
 * equals/hashCode/sort/binarySearch and System.arraycopy, plus clone() of arrays.
 */
public class ArrayKinds {
    record Cell(int row, int col, long value) {
    }

    public static void main(String[] args) {
        boolean[] flags = new boolean[256];
        byte[] bytes = new byte[256];
        char[] chars = new char[64];
        short[] shorts = new short[128];
        int[] ints = new int[512];
        long[] longs = new long[256];
        float[] floats = new float[128];
        double[] doubles = new double[128];
        Object[] objects = new Object[32];
        String[] strings = new String[16];
        int[][] grid = new int[24][24];
        int[][] jagged = new int[20][];
        for (int i = 0; i < jagged.length; i++) {
            jagged[i] = new int[i + 1];
        }
        long[][][] cube = new long[6][7][8];
        char[][] board = new char[10][20];
        for (char[] row : board) {
            Arrays.fill(row, '.');
        }
        Cell[] cells = new Cell[50];
        long checksum = 0;
        for (int round = 0; round < 28_000; round++) {
            for (int i = 0; i < flags.length; i++) {
                flags[i] = ((i * round) & 4) != 0 ^ flags[(i + 1) & 255];
                bytes[i] = (byte) (bytes[i] * 3 + i + round);
            }
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) ('a' + (i + round) % 26);
            }
            for (int i = 0; i < shorts.length; i++) {
                shorts[i] = (short) (shorts[i] + i * round);
            }
            for (int i = 0; i < ints.length; i++) {
                ints[i] = ints[i] * 1103515245 + 12345 + i;
            }
            for (int i = 0; i < longs.length; i++) {
                longs[i] = longs[i] * 6364136223846793005L + ints[i];
            }
            for (int i = 0; i < floats.length; i++) {
                floats[i] = floats[i] * 0.5f + i * 0.25f;
                doubles[i] = doubles[i] * 0.75 + floats[i];
            }
            for (int i = 0; i < objects.length; i++) {
                objects[i] = switch (i % 4) {
                    case 0 -> Integer.valueOf(i * round);
                    case 1 -> "s" + (round % 10);
                    case 2 -> Long.valueOf(longs[i]);
                    default -> chars.clone();
                };
            }
            strings[round % strings.length] = new String(chars, 0, 8);
            for (int r = 0; r < grid.length; r++) {
                for (int c = 0; c < grid[r].length; c++) {
                    grid[r][c] += (r * c + round) % 5;
                }
            }
            for (int[] row : jagged) {
                for (int c = 0; c < row.length; c++) {
                    row[c] += c + row.length;
                }
            }
            if (round % 100 == 0) {
                jagged[round / 100 % jagged.length] = new int[(round / 100) % 30 + 1];
            }
            for (int x = 0; x < cube.length; x++) {
                for (int y = 0; y < cube[x].length; y++) {
                    for (int z = 0; z < cube[x][y].length; z++) {
                        cube[x][y][z] += x * 100 + y * 10 + z + round;
                    }
                }
            }
            board[round % 10][(round / 10) % 20] = (char) ('A' + round % 26);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = new Cell(i / 10, i % 10, longs[i] ^ round);
            }
            // utility operations
            int[] sortedInts = Arrays.copyOf(ints, 64);
            Arrays.sort(sortedInts);
            int pos = Arrays.binarySearch(sortedInts, sortedInts[round % 64]);
            long[] tail = Arrays.copyOfRange(longs, 200, 256);
            System.arraycopy(tail, 0, longs, 0, 8);
            double[] copy = doubles.clone();
            boolean same = Arrays.equals(copy, doubles);
            long h = Arrays.hashCode(bytes) + Arrays.hashCode(shorts) + Arrays.hashCode(chars) + Arrays.hashCode(ints)
                    + Arrays.hashCode(longs) + Arrays.hashCode(floats) + Arrays.hashCode(flags)
                    + Arrays.deepHashCode(grid) + Arrays.deepHashCode(jagged) + Arrays.deepHashCode(cube)
                    + Arrays.hashCode(cells) + Arrays.deepHashCode(board);
            long objScore = 0;
            for (Object o : objects) {
                if (o instanceof Integer i) {
                    objScore += i;
                } else if (o instanceof String s) {
                    objScore += s.hashCode();
                } else if (o instanceof Long l) {
                    objScore ^= l;
                } else if (o instanceof char[] cs) {
                    objScore += cs.length;
                }
            }
            checksum = checksum * 31 + h + objScore + pos + (same ? 1 : 0);
            if (round % 1400 == 0) {
                System.out.println(String.format("round %d hash=%d objects=%d floats[5]=%.4f doubles[5]=%.4f string=%s jagged=%d cell=%s",
                        round, h, objScore, floats[5], doubles[5], strings[round % strings.length],
                        jagged[round / 100 % jagged.length].length, cells[round % 50]));
            }
        }
        System.out.println("board row 0: " + new String(board[0]));
        System.out.println("checksum " + checksum);
    }
}
