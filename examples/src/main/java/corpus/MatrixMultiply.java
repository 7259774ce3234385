package corpus;

/**
 * Dense linear algebra on double[][]: repeated matrix multiplication (i-k-j loop order), a
 * transpose, Gaussian elimination with partial pivoting to solve Ax=b, a power iteration for the
 * dominant eigenvalue (Math.sqrt, Math.abs), and Frobenius norms. Matrices are filled from a
 * seeded java.util.Random; all results are printed with fixed String.format precision.
 */
public class MatrixMultiply {
    static double[][] random(int n, java.util.Random rnd) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = rnd.nextDouble() - 0.5;
            }
        }
        return m;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                double[] bp = b[p];
                for (int j = 0; j < m; j++) {
                    ci[j] += aip * bp[j];
                }
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                b[r] -= factor * b[col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    static double powerIteration(double[][] a, int iterations) {
        int n = a.length;
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0);
        double lambda = 0;
        for (int it = 0; it < iterations; it++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * v[j];
                }
                w[i] = s;
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            lambda = 0;
            for (int i = 0; i < n; i++) {
                lambda += v[i] * w[i];
            }
            double vv = 0;
            for (double x : v) {
                vv += x * x;
            }
            lambda /= vv;
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
        }
        return lambda;
    }

    public static void main(String[] args) {
        java.util.Random rnd = new java.util.Random(42);
        int n = 220;
        double[][] acc = random(n, rnd);
        double checksum = 0;
        for (int round = 0; round < 54; round++) {
            double[][] b = random(n, rnd);
            double[][] c = multiply(acc, b);
            double norm = frobenius(c);
            // keep values bounded
            for (double[] row : c) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= norm / n;
                }
            }
            acc = c;
            double[][] sym = multiply(acc, transpose(acc));
            for (int i = 0; i < n; i++) {
                sym[i][i] += n;
            }
            double lambda = powerIteration(sym, 60);
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                rhs[i] = i % 7 - 3;
            }
            double[] x = solve(sym, rhs);
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += sym[i][j] * x[j];
                }
                residual = Math.max(residual, Math.abs(s - rhs[i]));
            }
            checksum += lambda + x[0];
            if (round % 2 == 0) {
                System.out.println(String.format("round %d norm=%.6f lambda=%.6f x0=%.6f residualSmall=%b trace=%.6f",
                    round, norm, lambda, x[0], residual < 1e-6, trace(acc)));
            }
        }
        System.out.println(String.format("checksum %.6f", checksum));
    }

    static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }
}
