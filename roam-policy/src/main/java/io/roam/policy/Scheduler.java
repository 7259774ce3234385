package io.roam.policy;

import io.roam.policy.activation.ActivationPolicy;
import io.roam.policy.activation.Role;
import io.roam.policy.guard.MigrationGuard;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.location.LocationPolicy;
import io.roam.policy.owner.OwnerPolicy;
import io.roam.policy.selection.SelectionPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The distributed scheduler of one node for preemptive migration: one policy of each family, composed.
 * Immutable; every node runs the same instance; the caller keeps each node's {@link Role}.
 *
 * <p>Call order on a node, whenever {@link ActivationPolicy#period()} elapses or an event it
 * {@link ActivationPolicy#evaluatesOn evaluates on} happens:
 *
 * <pre>
 *   role = role(self, previousRole)
 *   SENDER:   nodes = candidates(role, self, processes, n, rng); describe them (probe/table);
 *             send(self, processes, described, recent, now, rng)      → at most one Migration
 *   RECEIVER: nodes = candidates(role, self, n, rng); describe them;
 *             partner(self, described, now, rng)                       → node to ask for work;
 *             that node runs answer(itself, requester, processes, recent, now) → at most one Migration
 * </pre>
 *
 * Destinations whose owner refuses foreign processes are skipped; the guard has the last word.
 *
 * @param activation when to act
 * @param index the load index activation reads
 * @param senderLocation where a sender sends
 * @param receiverLocation whom a receiver asks
 * @param selection which process moves
 * @param guard the last check
 * @param owner the owner's rights on every node
 */
public record Scheduler(ActivationPolicy activation, LoadIndex index, LocationPolicy senderLocation,
    LocationPolicy receiverLocation, SelectionPolicy selection, MigrationGuard guard, OwnerPolicy owner) {

  /** The role of node {@code self} now, given its previous one. */
  public Role role(NodeLoad self, Role previous) {
    return activation.evaluate(index.of(self), previous);
  }

  /** The nodes to describe for a decision in {@code role} (none when neutral). */
  public int[] candidates(Role role, NodeLoad self, int clusterSize, RandomGenerator rng) {
    switch (role) {
      case SENDER: return senderLocation.candidates(self.node(), null, clusterSize, rng);
      case RECEIVER: return receiverLocation.candidates(self.node(), null, clusterSize, rng);
      default: return new int[0];
    }
  }

  /**
   * The nodes to describe for a decision in {@code role}, given the node's {@code processes}: as
   * {@link #candidates(Role, NodeLoad, int, RandomGenerator)}, except that a sender whose location
   * policy names no node without a process (a per-process policy such as {@code affinity}) gets the
   * union of its candidates for each process, in the order of {@code processes}.
   */
  public int[] candidates(Role role, NodeLoad self, List<ProcessInfo> processes, int clusterSize,
      RandomGenerator rng) {
    int[] plain = candidates(role, self, clusterSize, rng);
    if (plain.length > 0 || role != Role.SENDER) {
      return plain;
    }
    Set<Integer> union = new LinkedHashSet<>();
    for (ProcessInfo p : processes) {
      for (int c : senderLocation.candidates(self.node(), p, clusterSize, rng)) {
        union.add(c);
      }
    }
    return union.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A sender's decision: which of its {@code processes} goes where, or nothing. When the location
   * policy chooses no node without a process, it is asked for each process in turn (lowest pid
   * first), and the first destination for which selection and guard agree wins.
   */
  public Optional<Migration> send(NodeLoad self, List<ProcessInfo> processes, List<NodeLoad> described,
      int recentMigrations, double now, RandomGenerator rng) {
    List<NodeLoad> accepting = accepting(described, now);
    OptionalInt to = senderLocation.choose(self, null, accepting, rng);
    if (to.isEmpty()) {
      return perProcess(self, processes, accepting, recentMigrations, now, rng);
    }
    if (to.getAsInt() == self.node()) {
      return Optional.empty();
    }
    NodeLoad dest = find(described, to.getAsInt());
    return selectAndGuard(self, dest, processes, recentMigrations, now);
  }

  private Optional<Migration> perProcess(NodeLoad self, List<ProcessInfo> processes, List<NodeLoad> accepting,
      int recentMigrations, double now, RandomGenerator rng) {
    if (accepting.isEmpty()) {
      return Optional.empty();
    }
    List<ProcessInfo> byPid = new ArrayList<>(processes);
    byPid.sort(Comparator.comparingLong(ProcessInfo::pid));
    Set<Integer> tried = new HashSet<>();
    for (ProcessInfo p : byPid) {
      OptionalInt to = senderLocation.choose(self, p, accepting, rng);
      if (to.isPresent() && to.getAsInt() != self.node() && tried.add(to.getAsInt())) {
        Optional<Migration> m = selectAndGuard(self, find(accepting, to.getAsInt()), processes, recentMigrations, now);
        if (m.isPresent()) {
          return m;
        }
      }
    }
    return Optional.empty();
  }

  /** A receiver's decision: the node to ask for a process, or nothing (also when self refuses). */
  public OptionalInt partner(NodeLoad self, List<NodeLoad> described, double now, RandomGenerator rng) {
    if (!owner.acceptsForeign(self, now)) {
      return OptionalInt.empty();
    }
    return receiverLocation.choose(self, null, described, rng);
  }

  /** A loaded node's answer to {@code requester}: which of its processes goes there, or nothing. */
  public Optional<Migration> answer(NodeLoad self, NodeLoad requester, List<ProcessInfo> processes,
      int recentMigrations, double now) {
    if (!owner.acceptsForeign(requester, now) || index.of(self) <= index.of(requester)) {
      return Optional.empty();
    }
    return selectAndGuard(self, requester, processes, recentMigrations, now);
  }

  /** The foreign processes the owner policy sends home from {@code self} now. */
  public List<Migration> evictions(NodeLoad self, List<ProcessInfo> processes, double now) {
    return owner.evictions(self, processes, now);
  }

  private Optional<Migration> selectAndGuard(NodeLoad self, NodeLoad dest, List<ProcessInfo> processes,
      int recentMigrations, double now) {
    return selection.select(processes, self, dest, now)
        .filter(p -> guard.permits(p, self, dest, recentMigrations, now))
        .map(p -> new Migration(p.pid(), self.node(), dest.node()));
  }

  private List<NodeLoad> accepting(List<NodeLoad> described, double now) {
    List<NodeLoad> out = new ArrayList<>(described.size());
    for (NodeLoad l : described) {
      if (owner.acceptsForeign(l, now)) {
        out.add(l);
      }
    }
    return out;
  }

  private static NodeLoad find(List<NodeLoad> loads, int node) {
    for (NodeLoad l : loads) {
      if (l.node() == node) {
        return l;
      }
    }
    throw new IllegalStateException("location policy chose node " + node + ", which was not among the candidates");
  }
}
