package benchload;

/**
 * The workload of {@code io.roam.bench.NodeCost}'s deep-stack case: recurses {@code args[1]}
 * frames deep, then sweeps a SOR grid of {@code args[0]} bytes forever at the bottom, so that
 * every preemption unwinds and rewinds that many frames.
 */
public final class DeepLoad {
  private DeepLoad() {}

  public static void main(String[] args) {
    double[][] g = SorLoad.allocate(Long.parseLong(args[0]));
    SorLoad.grid = g;
    descend(Integer.parseInt(args[1]), g);
  }

  static int descend(int depth, double[][] g) {
    if (depth <= 1) {
      SorLoad.sweepForever(g, 1.25);
      return 0;
    }
    return descend(depth - 1, g) + 1;
  }
}
