package loopfixture;

/** Fixture: loop nests with polls at several depths, as SOR, matrix code and searches have. */
public final class LoopNest {
  static long progress;

  private LoopNest() {}

  static void sor(double[][] g, int sweeps) {
    for (int s = 0; s < sweeps; s++) {
      for (int i = 1; i < g.length - 1; i++) {
        double[] gi = g[i];
        for (int j = 1; j < gi.length - 1; j++) {
          gi[j] = 0.25 * (g[i - 1][j] + g[i + 1][j] + gi[j - 1] + gi[j + 1]);
        }
        progress++;
      }
    }
  }

  static int search(int[][][] cube, int wanted) {
    int found = 0;
    for (int a = 0; a < cube.length; a++) {
      String label = "a" + a;
      for (int b = 0; b < cube[a].length; b++) {
        long acc = b;
        for (int c = 0; c < cube[a][b].length; c++) {
          for (int d = 0; d < 3; d++) {
            acc += cube[a][b][c] * d;
          }
          if (cube[a][b][c] == wanted) {
            found += label.length();
          }
        }
        found += (int) (acc & 1);
      }
    }
    return found;
  }
}
