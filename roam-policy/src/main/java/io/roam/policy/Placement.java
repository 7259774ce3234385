package io.roam.policy;

/**
 * A decision where to start a new process (remote execution), and what it cost to decide.
 *
 * @param node the node that will run the process; the local node means "run here"
 * @param probesUsed how many of the offered candidates the policy consulted (messages a daemon pays)
 */
public record Placement(int node, int probesUsed) {
  /** Validates the fields. */
  public Placement {
    if (node < 0 || probesUsed < 0) {
      throw new IllegalArgumentException("bad placement: node " + node + ", probes " + probesUsed);
    }
  }

  /** Whether the process stays on {@code localNode}. */
  public boolean isLocal(int localNode) {
    return node == localNode;
  }
}
