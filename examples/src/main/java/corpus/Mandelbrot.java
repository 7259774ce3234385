package corpus;

/**
 * Floating-point iteration: renders ASCII views of the Mandelbrot set at a sequence of zoom
 * levels (double re/im iteration with an escape radius, char[] rows mapped through a palette
 * string), computes escape-count histograms in an int[], and a smoothed average iteration count
 * (Math.log) printed with a fixed format. One image row is printed per zoom level.
 */
public class Mandelbrot {
    static final String PALETTE = " .:-=+*#%@";

    static int escape(double cr, double ci, int maxIter) {
        double zr = 0;
        double zi = 0;
        int n = 0;
        while (n < maxIter) {
            double zr2 = zr * zr;
            double zi2 = zi * zi;
            if (zr2 + zi2 > 4.0) {
                break;
            }
            zi = 2 * zr * zi + ci;
            zr = zr2 - zi2 + cr;
            n++;
        }
        return n;
    }

    public static void main(String[] args) {
        int width = 200;
        int height = 72;
        int maxIter = 1000;
        double centerR = -0.743643887037151;
        double centerI = 0.131825904205330;
        int[] histogram = new int[maxIter + 1];
        long checksum = 0;
        double scale = 3.0;
        for (int zoom = 0; zoom < 36; zoom++) {
            char[][] image = new char[height][width];
            double smoothSum = 0;
            for (int y = 0; y < height; y++) {
                double ci = centerI + (y - height / 2.0) * scale / height;
                for (int x = 0; x < width; x++) {
                    double cr = centerR + (x - width / 2.0) * scale * 0.5 / height;
                    int n = escape(cr, ci, maxIter);
                    histogram[n]++;
                    image[y][x] = n == maxIter ? '@' : PALETTE.charAt(n % (PALETTE.length() - 1));
                    smoothSum += n == maxIter ? 0 : Math.log(n + 1);
                    checksum = checksum * 31 + n;
                }
            }
            System.out.println(String.format("zoom %2d scale=%.3e smooth=%.4f row: %s", zoom, scale,
                    smoothSum / (width * height), new String(image[height / 2], 40, 80)));
            scale *= 0.7;
        }
        int inside = histogram[maxIter];
        System.out.println("inside " + inside + " escaped-at-1 " + histogram[1]);
        System.out.println("checksum " + checksum);
    }
}
