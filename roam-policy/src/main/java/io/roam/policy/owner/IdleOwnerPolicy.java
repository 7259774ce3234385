package io.roam.policy.owner;

import io.roam.policy.Migration;
import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.spi.PolicyConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sprite's rules: a node accepts foreign processes only once its owner has been idle for {@code
 * idleAfter} seconds; foreign processes run with CPU weight {@code foreignWeight} while the owner is
 * active; when the owner is back and {@code evict} is set, every foreign process is sent to its home
 * node (in pid order).
 *
 * @param idleAfter seconds of owner inactivity before the node counts as idle
 * @param foreignWeight CPU weight of foreign processes while the owner is active, in (0, 1]
 * @param evict whether foreign processes are evicted when the owner returns
 */
public record IdleOwnerPolicy(double idleAfter, double foreignWeight, boolean evict) implements OwnerPolicy {
  /** Validates the weight. */
  public IdleOwnerPolicy {
    if (!(foreignWeight > 0 && foreignWeight <= 1) || idleAfter < 0) {
      throw new IllegalArgumentException("foreign weight must be in (0, 1] and idle time >= 0");
    }
  }

  /** From configuration: {@code idle-after} (s, 30), {@code foreign-weight} (0.1), {@code evict} (true). */
  public static IdleOwnerPolicy fromConfig(PolicyConfig c) {
    return new IdleOwnerPolicy(c.getDouble("idle-after", 30), c.getDouble("foreign-weight", 0.1),
        c.getBoolean("evict", true));
  }

  @Override
  public boolean acceptsForeign(NodeLoad self, double now) {
    return self.ownerIdle(now, idleAfter);
  }

  @Override
  public double weight(ProcessInfo process, NodeLoad self, double now) {
    return process.foreign() && !self.ownerIdle(now, idleAfter) ? foreignWeight : 1;
  }

  @Override
  public List<Migration> evictions(NodeLoad self, List<ProcessInfo> processes, double now) {
    if (!evict || self.ownerIdle(now, idleAfter)) {
      return List.of();
    }
    List<Migration> out = new ArrayList<>();
    processes.stream()
        .filter(ProcessInfo::foreign)
        .sorted(Comparator.comparingLong(ProcessInfo::pid))
        .forEach(p -> out.add(new Migration(p.pid(), self.node(), p.home())));
    return out;
  }
}
