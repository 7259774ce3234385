package io.roam.policy.owner;

import io.roam.policy.Migration;
import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import java.util.List;

/** Dedicated nodes: every node accepts foreign processes, all weigh the same, nobody is evicted. */
public record NoOwnerPolicy() implements OwnerPolicy {
  @Override
  public boolean acceptsForeign(NodeLoad self, double now) {
    return true;
  }

  @Override
  public double weight(ProcessInfo process, NodeLoad self, double now) {
    return 1;
  }

  @Override
  public List<Migration> evictions(NodeLoad self, List<ProcessInfo> processes, double now) {
    return List.of();
  }
}
