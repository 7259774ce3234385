package io.roam.policy.load;

import io.roam.policy.NodeLoad;
import java.util.Locale;

/**
 * One number that says how loaded a node is, computed from a {@link NodeLoad}. Larger means more
 * loaded. Implementations are pure functions; the constants cover the survey's indices, {@link
 * #combined} weighs several of them.
 */
@FunctionalInterface
public interface LoadIndex {
  /** The index of {@code load}. */
  double of(NodeLoad load);

  /** Run-queue length (ready and running processes). */
  LoadIndex RUN_QUEUE = NodeLoad::runQueue;
  /** Run-queue length divided by the node's relative speed: the wait a newcomer can expect. */
  LoadIndex RUN_QUEUE_PER_SPEED = l -> l.runQueue() / l.speed();
  /** CPU utilisation, 0..1. */
  LoadIndex CPU = NodeLoad::cpuUtilisation;
  /** Resident processes. */
  LoadIndex PROCESSES = NodeLoad::processes;
  /** Fraction of memory in use (0 when the total is unknown). */
  LoadIndex MEMORY = l -> l.memoryTotal() == 0 ? 0 : (double) l.memoryUsed() / l.memoryTotal();

  /**
   * A weighted sum of run queue per speed, CPU utilisation, process count and memory fraction; the
   * usual choice when no single resource dominates.
   */
  static LoadIndex combined(double wRunQueue, double wCpu, double wProcesses, double wMemory) {
    return l -> wRunQueue * RUN_QUEUE_PER_SPEED.of(l) + wCpu * CPU.of(l) + wProcesses * PROCESSES.of(l)
        + wMemory * MEMORY.of(l);
  }

  /**
   * The index called {@code name}: {@code run-queue}, {@code run-queue-per-speed}, {@code cpu},
   * {@code processes}, {@code memory}, or {@code combined} (weights 1, 1, 0, 1).
   */
  static LoadIndex named(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "run-queue": return RUN_QUEUE;
      case "run-queue-per-speed": return RUN_QUEUE_PER_SPEED;
      case "cpu": return CPU;
      case "processes": return PROCESSES;
      case "memory": return MEMORY;
      case "combined": return combined(1, 1, 0, 1);
      default:
        throw new IllegalArgumentException("unknown load index '" + name
            + "' (run-queue, run-queue-per-speed, cpu, processes, memory, combined)");
    }
  }
}
