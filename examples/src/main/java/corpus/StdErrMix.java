package corpus;

import java.io.PrintStream;

/**
 * Writes to both standard streams while it works: progress to System.out, warnings and a
 * summary to System.err (through a PrintStream kept in a static field, and also directly), with
 * the two interleaved inside the loop. The work is a Monte-Carlo-free numeric integration
 * (trapezoid and Simpson rules with Math.sin/exp/log) and a running Kahan sum of doubles.
 */
public class StdErrMix {
    static final PrintStream ERR = System.err;
    static int warnings;

    static double f(double x) {
        return Math.sin(x) * Math.exp(-x / 5.0) + Math.log1p(x * x);
    }

    static double trapezoid(double a, double b, int n) {
        double h = (b - a) / n;
        double s = 0.5 * (f(a) + f(b));
        for (int i = 1; i < n; i++) {
            s += f(a + i * h);
        }
        return s * h;
    }

    static double simpson(double a, double b, int n) {
        double h = (b - a) / n;
        double s = f(a) + f(b);
        for (int i = 1; i < n; i++) {
            s += f(a + i * h) * ((i & 1) == 1 ? 4 : 2);
        }
        return s * h / 3;
    }

    public static void main(String[] args) {
        double kahanSum = 0;
        double compensation = 0;
        for (int step = 1; step <= 240; step++) {
            double upper = step * 0.05;
            double t = trapezoid(0, upper, 28000 + step * 140);
            double s = simpson(0, upper, 28000 + step * 140);
            double diff = Math.abs(t - s);
            double y = s - compensation;
            double sum = kahanSum + y;
            compensation = (sum - kahanSum) - y;
            kahanSum = sum;
            if (step % 8 == 0) {
                System.out.println(String.format("step %d upper=%.2f trapezoid=%.8f simpson=%.8f", step, upper, t, s));
            }
            if (diff > 1e-9 && step % 12 == 0) {
                warnings++;
                ERR.println(String.format("warning %d: step %d rules differ by %.3e", warnings, step, diff));
            }
            if (step % 60 == 0) {
                System.err.println("checkpoint " + step / 60 + " kahan=" + String.format("%.6f", kahanSum));
            }
        }
        System.out.println(String.format("total %.9f", kahanSum));
        System.err.println("done with " + warnings + " warnings");
    }
}
