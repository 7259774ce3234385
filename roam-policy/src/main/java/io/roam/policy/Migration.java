package io.roam.policy;

/**
 * A decision to move a running process: {@code pid} from node {@code from} to node {@code to}.
 *
 * @param pid the process
 * @param from the source node
 * @param to the destination node, different from the source
 */
public record Migration(long pid, int from, int to) {
  /** Rejects a move to the node the process is on. */
  public Migration {
    if (from == to) {
      throw new IllegalArgumentException("migration of process " + pid + " from node " + from + " to itself");
    }
  }
}
