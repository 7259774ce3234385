package io.roam.policy;

import java.util.Map;
import java.util.SplittableRandom;

/** Hand-made snapshots for the policy tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A node of speed 1 with no owner and the given run queue, measured at time 0. */
  public static NodeLoad node(int node, double runQueue) {
    return NodeLoad.ofRunQueue(node, 0, runQueue);
  }

  /** A node with an owner last active at {@code ownerLastActive}. */
  public static NodeLoad owned(int node, double runQueue, double ownerLastActive) {
    return new NodeLoad(node, 0, runQueue, 1, (int) runQueue, 0, 0, 1, ownerLastActive);
  }

  /** A process on node {@code current} started on {@code home}. */
  public static ProcessInfo proc(long pid, int home, int current, double age, long stateBytes) {
    return ProcessInfo.simple(pid, home, current, age, age, stateBytes, 0);
  }

  /** A process with message and file traffic. */
  public static ProcessInfo talking(long pid, int current, Map<Integer, Long> messages, Map<Integer, Long> files) {
    return new ProcessInfo(pid, current, current, 10, 10, 1000, 0, messages, files);
  }

  public static SplittableRandom rng() {
    return new SplittableRandom(7);
  }
}
