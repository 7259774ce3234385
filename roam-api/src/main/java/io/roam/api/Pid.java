package io.roam.api;

import java.util.Objects;

/**
 * The id of a Roam process: the id of the node where it was created and a counter of that node,
 * printed {@code node.seq} (e.g. {@code n1.42}). It never changes when the process moves or is
 * recovered. Immutable; equal ids denote the same process.
 */
public final class Pid {
  /**
   * What {@link Roam#fork()} returns in the child (as Unix {@code fork} returns 0 there), and what
   * {@link Roam#self()} returns outside Roam. Printed {@code none}.
   */
  public static final Pid NONE = new Pid("none", 0);

  /** Node id: no dots, not empty. */
  private final String node;
  /** Counter of that node, from 1 ({@code 0} only for {@link #NONE}). */
  private final long seq;

  private Pid(String node, long seq) {
    this.node = node;
    this.seq = seq;
  }

  /** The id {@code node.seq}; {@code seq >= 1}, {@code node} non-empty without dots. */
  public static Pid of(String node, long seq) {
    Objects.requireNonNull(node, "node");
    if (node.isEmpty() || node.indexOf('.') >= 0 || seq < 1) {
      throw new IllegalArgumentException("not a process id: " + node + "." + seq);
    }
    return new Pid(node, seq);
  }

  /** Parses {@code node.seq} (and {@code none}). */
  public static Pid parse(String s) {
    if (s.equals("none")) {
      return NONE;
    }
    int dot = s.lastIndexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException("not a process id (node.seq): " + s);
    }
    try {
      return of(s.substring(0, dot), Long.parseLong(s.substring(dot + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a process id (node.seq): " + s, e);
    }
  }

  public String node() {
    return node;
  }

  public long seq() {
    return seq;
  }

  /** True for {@link #NONE}. */
  public boolean isNone() {
    return seq == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pid p && p.seq == seq && p.node.equals(node);
  }

  @Override
  public int hashCode() {
    return node.hashCode() * 31 + Long.hashCode(seq);
  }

  @Override
  public String toString() {
    return seq == 0 ? "none" : node + "." + seq;
  }
}
