package io.roam.policy.load;

import io.roam.policy.NodeLoad;

/**
 * Smooths the fluctuating fields of a node's raw load measurements (run queue, CPU utilisation)
 * with an {@link ExponentialAverage} each, before the load is disseminated. Immutable: {@code s =
 * s.next(raw)} per measurement, {@link #current()} for the load to publish. Counts (processes,
 * memory) are passed through unsmoothed.
 *
 * @param runQueue smoothed run queue
 * @param cpu smoothed CPU utilisation
 * @param last the last raw measurement, null before the first
 */
public record LoadSmoother(ExponentialAverage runQueue, ExponentialAverage cpu, NodeLoad last) {

  /** A smoother with time constant {@code tau} seconds and no measurement yet. */
  public static LoadSmoother withTimeConstant(double tau) {
    return new LoadSmoother(ExponentialAverage.empty(tau), ExponentialAverage.empty(tau), null);
  }

  /** The smoother after the raw measurement {@code raw}. */
  public LoadSmoother next(NodeLoad raw) {
    return new LoadSmoother(runQueue.next(raw.runQueue(), raw.time()), cpu.next(raw.cpuUtilisation(), raw.time()),
        raw);
  }

  /** The smoothed load to publish; fails before the first measurement. */
  public NodeLoad current() {
    if (last == null) {
      throw new IllegalStateException("no load measured yet");
    }
    return new NodeLoad(last.node(), last.time(), runQueue.value(), cpu.value(), last.processes(), last.memoryUsed(),
        last.memoryTotal(), last.speed(), last.ownerLastActive());
  }
}
