package io.roam.kernel.node;

import java.util.Objects;

/**
 * A process id, unique in a cluster: the id of the node where the process was created (its home
 * node) and a counter of that node. Printed as {@code node.counter}, e.g. {@code n1.42}; it never
 * changes when the process moves.
 */
public record ProcessId(String node, long seq) {
  public ProcessId {
    Objects.requireNonNull(node);
    if (node.isEmpty() || node.indexOf('.') >= 0 || seq < 1) {
      throw new IllegalArgumentException("bad process id " + node + "." + seq);
    }
  }

  /** Parses {@code node.counter}. */
  public static ProcessId parse(String s) {
    int dot = s.lastIndexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException("not a process id (node.counter): " + s);
    }
    try {
      return new ProcessId(s.substring(0, dot), Long.parseLong(s.substring(dot + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a process id (node.counter): " + s, e);
    }
  }

  @Override
  public String toString() {
    return node + "." + seq;
  }
}
