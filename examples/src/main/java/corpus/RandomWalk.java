package corpus;

import java.util.Random;

/**
 * A seeded java.util.Random used across the whole run: nextInt(bound), nextLong, nextDouble,
 * nextBoolean, nextBytes and nextGaussian (whose cached second value is generator state), driving a
 * 2-D random walk on an int grid, a Monte-Carlo estimate of pi, a Gaussian histogram, and a
 * second Random reseeded with setSeed mid-run. Doubles are printed with fixed formats.
 */
public class RandomWalk {
    public static void main(String[] args) {
        Random rnd = new Random(42);
        Random other = new Random(2024);
        int size = 201;
        int[][] visits = new int[size][size];
        int x = size / 2;
        int y = size / 2;
        long inside = 0;
        long samples = 0;
        int[] gaussHist = new int[13];
        double gaussSum = 0;
        double gaussSq = 0;
        long longMix = 0;
        byte[] bytes = new byte[16];
        long byteSum = 0;
        for (int round = 0; round < 120; round++) {
            for (int step = 0; step < 100_000; step++) {
                switch (rnd.nextInt(4)) {
                    case 0 -> x = Math.min(size - 1, x + 1);
                    case 1 -> x = Math.max(0, x - 1);
                    case 2 -> y = Math.min(size - 1, y + 1);
                    default -> y = Math.max(0, y - 1);
                }
                visits[x][y]++;
                double px = rnd.nextDouble();
                double py = rnd.nextDouble();
                if (px * px + py * py <= 1.0) {
                    inside++;
                }
                samples++;
                if ((step & 7) == 0) {
                    double g = rnd.nextGaussian();
                    gaussSum += g;
                    gaussSq += g * g;
                    int bucket = (int) Math.floor(g * 2) + 6;
                    if (bucket >= 0 && bucket < gaussHist.length) {
                        gaussHist[bucket]++;
                    }
                }
                if ((step & 255) == 0) {
                    longMix ^= rnd.nextLong() + (rnd.nextBoolean() ? 1 : 0);
                    other.nextBytes(bytes);
                    for (byte b : bytes) {
                        byteSum += b;
                    }
                }
            }
            if (round == 60) {
                other.setSeed(longMix);
            }
            long n = samples / 8;
            if (round % 3 == 0) {
                System.out.println(String.format("round %d pos=(%d,%d) pi~%.6f gaussMean=%.5f gaussVar=%.5f bytes=%d mix=%x",
                    round, x, y, 4.0 * inside / samples, gaussSum / n, gaussSq / n, byteSum, longMix));
            }
        }
        long visitHash = 0;
        int maxVisits = 0;
        for (int[] row : visits) {
            for (int v : row) {
                visitHash = visitHash * 31 + v;
                maxVisits = Math.max(maxVisits, v);
            }
        }
        StringBuilder hist = new StringBuilder();
        for (int h : gaussHist) {
            hist.append(h).append(' ');
        }
        System.out.println("gauss histogram " + hist.toString().trim());
        System.out.println("max visits " + maxVisits + " next int " + rnd.nextInt() + " other " + other.nextInt(1000));
        System.out.println("checksum " + visitHash);
    }
}
