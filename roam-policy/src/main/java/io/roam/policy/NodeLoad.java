package io.roam.policy;

/**
 * What one node reported about its load at one instant: an immutable snapshot, possibly stale.
 *
 * <p>{@code time} is when the node measured it, on the caller's clock (seconds); a decision
 * compares it with its own {@code now} to see how old the information is. A daemon fills the fields
 * from its process table and the OS; the simulator from its queues. Fields a source cannot measure
 * are left at their neutral values (0, or {@link Double#NEGATIVE_INFINITY} for the owner's last
 * activity: "no owner").
 *
 * @param node the node's number in the cluster, 0 ≤ node
 * @param time when the load was measured (seconds, caller's clock)
 * @param runQueue processes ready to run, including the running ones and those arriving by migration
 * @param cpuUtilisation fraction of the CPU busy, 0..1 (smoothed by the reporter)
 * @param processes processes resident on the node (running, ready or blocked)
 * @param memoryUsed bytes of memory in use
 * @param memoryTotal bytes of memory installed, 0 when unknown
 * @param speed relative CPU speed, 1.0 for the reference node
 * @param ownerLastActive when the workstation's owner last used it; negative infinity: no owner
 */
public record NodeLoad(
    int node,
    double time,
    double runQueue,
    double cpuUtilisation,
    int processes,
    long memoryUsed,
    long memoryTotal,
    double speed,
    double ownerLastActive) {

  /** Validates the ranges that every policy relies on. */
  public NodeLoad {
    if (node < 0) {
      throw new IllegalArgumentException("node must be >= 0, got " + node);
    }
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed of node " + node + " must be > 0, got " + speed);
    }
    if (runQueue < 0 || processes < 0 || memoryUsed < 0 || memoryTotal < 0) {
      throw new IllegalArgumentException("negative load reported by node " + node);
    }
  }

  /** A node of speed 1 with no owner, whose only measured index is the run queue. */
  public static NodeLoad ofRunQueue(int node, double time, double runQueue) {
    return new NodeLoad(node, time, runQueue, Math.min(1.0, runQueue), (int) Math.ceil(runQueue), 0, 0, 1.0,
        Double.NEGATIVE_INFINITY);
  }

  /** How old this information is at {@code now}. */
  public double staleness(double now) {
    return now - time;
  }

  /** Whether the owner has been idle for at least {@code idleAfter} seconds at {@code now}. */
  public boolean ownerIdle(double now, double idleAfter) {
    return now - ownerLastActive >= idleAfter;
  }

  /** This snapshot with another run-queue length (and process count), e.g. after a placement. */
  public NodeLoad withRunQueue(double newRunQueue) {
    return new NodeLoad(node, time, newRunQueue, cpuUtilisation, (int) Math.ceil(newRunQueue), memoryUsed,
        memoryTotal, speed, ownerLastActive);
  }
}
