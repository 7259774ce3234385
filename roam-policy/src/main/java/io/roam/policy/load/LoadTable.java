package io.roam.policy.load;

import io.roam.policy.NodeLoad;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node knows of the others' load: the newest snapshot received from each, at most {@code
 * capacity} nodes (the least recently measured entry is dropped first), so memory stays bounded in a
 * large cluster fed by gossip. Mutable and not thread-safe: owned by one node's scheduler thread, or
 * by the simulator.
 */
public final class LoadTable {
  private final int capacity;
  private final Map<Integer, NodeLoad> entries = new LinkedHashMap<>();

  /** A table that keeps at most {@code capacity} nodes. */
  public LoadTable(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Keeps {@code load} unless the table already holds a newer snapshot of that node. */
  public void merge(NodeLoad load) {
    NodeLoad old = entries.get(load.node());
    if (old != null && old.time() >= load.time()) {
      return;
    }
    entries.remove(load.node());
    entries.put(load.node(), load);
    if (entries.size() > capacity) {
      evictOldest();
    }
  }

  private void evictOldest() {
    NodeLoad oldest = entries.values().stream().min(Comparator.comparingDouble(NodeLoad::time)).orElseThrow();
    entries.remove(oldest.node());
  }

  /** The newest snapshot of {@code node}, or null. */
  public NodeLoad get(int node) {
    return entries.get(node);
  }

  /** Snapshots measured at most {@code maxAge} seconds before {@code now}, ordered by node. */
  public List<NodeLoad> fresherThan(double maxAge, double now) {
    List<NodeLoad> out = new ArrayList<>();
    for (NodeLoad l : entries.values()) {
      if (now - l.time() <= maxAge) {
        out.add(l);
      }
    }
    out.sort(Comparator.comparingInt(NodeLoad::node));
    return out;
  }

  /** Number of nodes known. */
  public int size() {
    return entries.size();
  }
}
