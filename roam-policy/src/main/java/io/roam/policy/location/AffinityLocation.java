package io.roam.policy.location;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.spi.PolicyConfig;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Toward a process's peers and data: the candidates are the (at most {@code maxCandidates}) other
 * nodes with which {@code process} exchanges the most weighted bytes (messages × {@code
 * messageWeight} + file I/O × {@code fileWeight}); the chosen one is the highest-affinity candidate
 * whose load index is below {@code maxLoad}. Without a process (or traffic) there are no candidates.
 *
 * @param maxCandidates how many peer nodes to consider
 * @param index the load index checked against {@code maxLoad}
 * @param maxLoad the load at which a peer node is too busy to receive
 * @param messageWeight weight of message bytes
 * @param fileWeight weight of file bytes
 */
public record AffinityLocation(int maxCandidates, LoadIndex index, double maxLoad, double messageWeight,
    double fileWeight) implements LocationPolicy {

  /** From configuration: {@code candidates} (3), {@code index}, {@code max-load} (2), weights (1, 1). */
  public static AffinityLocation fromConfig(PolicyConfig c) {
    return new AffinityLocation(c.getInt("candidates", 3), LoadIndex.named(c.getString("index", "run-queue")),
        c.getDouble("max-load", 2), c.getDouble("message-weight", 1), c.getDouble("file-weight", 1));
  }

  @Override
  public int[] candidates(int self, ProcessInfo process, int clusterSize, RandomGenerator rng) {
    if (process == null) {
      return new int[0];
    }
    Map<Integer, Double> w = weights(process);
    return w.entrySet().stream()
        .filter(e -> e.getKey() != self && e.getKey() < clusterSize && e.getValue() > 0)
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(maxCandidates)
        .mapToInt(Map.Entry::getKey)
        .toArray();
  }

  @Override
  public OptionalInt choose(NodeLoad self, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
    if (process == null) {
      return OptionalInt.empty();
    }
    Map<Integer, Double> w = weights(process);
    return described.stream()
        .filter(l -> index.of(l) < maxLoad && w.getOrDefault(l.node(), 0.0) > w.getOrDefault(self.node(), 0.0))
        .max(Comparator.comparingDouble((NodeLoad l) -> w.getOrDefault(l.node(), 0.0))
            .thenComparing(NodeLoad::node, Comparator.reverseOrder()))
        .map(l -> OptionalInt.of(l.node()))
        .orElse(OptionalInt.empty());
  }

  private Map<Integer, Double> weights(ProcessInfo p) {
    Map<Integer, Double> w = new HashMap<>();
    p.bytesToPeers().forEach((n, b) -> w.merge(n, messageWeight * b, Double::sum));
    p.fileBytesPerNode().forEach((n, b) -> w.merge(n, fileWeight * b, Double::sum));
    return w;
  }

  @Override
  public boolean needsLoad() {
    return true;
  }
}
