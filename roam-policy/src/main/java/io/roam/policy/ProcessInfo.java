package io.roam.policy;

import java.util.Map;

/**
 * The accounting of one process as its current node knows it: an immutable snapshot.
 *
 * <p>Times are seconds on the caller's clock; {@code age} is wall time since the process started
 * (on any node), {@code cpuTime} the CPU it has used so far. The maps give, per node (its own
 * included), bytes and messages exchanged with processes there (each peer filed under the node where
 * it is now) and bytes read or written from files whose home is there, cumulative since the process
 * started; they are empty when not measured (docs/design/policy.md, "Traffic accounting"). A
 * process is <em>foreign</em> on a node that is not its home.
 *
 * @param pid cluster-wide process id
 * @param home node where the process was started
 * @param current node where it runs now
 * @param age seconds since the process started
 * @param cpuTime CPU seconds used so far
 * @param stateBytes size of the state a migration would move
 * @param residenceStart when the process arrived on its current node
 * @param bytesToPeers bytes of messages exchanged with processes on each node
 * @param fileBytesPerNode bytes of file I/O against files held by each node
 * @param messagesToPeers messages exchanged with processes on each node (sent and received)
 */
public record ProcessInfo(
    long pid,
    int home,
    int current,
    double age,
    double cpuTime,
    long stateBytes,
    double residenceStart,
    Map<Integer, Long> bytesToPeers,
    Map<Integer, Long> fileBytesPerNode,
    Map<Integer, Long> messagesToPeers) {

  /** Copies the maps so that the snapshot stays immutable. */
  public ProcessInfo {
    bytesToPeers = Map.copyOf(bytesToPeers);
    fileBytesPerNode = Map.copyOf(fileBytesPerNode);
    messagesToPeers = Map.copyOf(messagesToPeers);
    if (age < 0 || cpuTime < 0 || stateBytes < 0) {
      throw new IllegalArgumentException("negative accounting for process " + pid);
    }
  }

  /** A process whose messages are accounted in bytes only (no message counts). */
  public ProcessInfo(long pid, int home, int current, double age, double cpuTime, long stateBytes,
      double residenceStart, Map<Integer, Long> bytesToPeers, Map<Integer, Long> fileBytesPerNode) {
    this(pid, home, current, age, cpuTime, stateBytes, residenceStart, bytesToPeers, fileBytesPerNode, Map.of());
  }

  /** A process with no communication or file accounting. */
  public static ProcessInfo simple(long pid, int home, int current, double age, double cpuTime, long stateBytes,
      double residenceStart) {
    return new ProcessInfo(pid, home, current, age, cpuTime, stateBytes, residenceStart, Map.of(), Map.of());
  }

  /** Whether the process runs on a node other than its home. */
  public boolean foreign() {
    return home != current;
  }

  /** Seconds the process has spent on its current node at {@code now}. */
  public double residence(double now) {
    return now - residenceStart;
  }
}
