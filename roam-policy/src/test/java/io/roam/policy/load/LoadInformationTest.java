package io.roam.policy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.roam.policy.NodeLoad;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoadInformationTest {
  private static final NodeLoad LOAD = new NodeLoad(3, 10, 4, 0.5, 6, 512, 1024, 2, Double.NEGATIVE_INFINITY);

  @Test
  void indicesReadTheirFields() {
    assertThat(LoadIndex.RUN_QUEUE.of(LOAD)).isEqualTo(4);
    assertThat(LoadIndex.RUN_QUEUE_PER_SPEED.of(LOAD)).isEqualTo(2);
    assertThat(LoadIndex.CPU.of(LOAD)).isEqualTo(0.5);
    assertThat(LoadIndex.PROCESSES.of(LOAD)).isEqualTo(6);
    assertThat(LoadIndex.MEMORY.of(LOAD)).isEqualTo(0.5);
    assertThat(LoadIndex.named("combined").of(LOAD)).isEqualTo(2 + 0.5 + 0.5);
    assertThat(LoadIndex.combined(0, 0, 1, 0).of(LOAD)).isEqualTo(6);
  }

  @Test
  void exponentialAverageWeighsBySinceLastSample() {
    ExponentialAverage a = ExponentialAverage.empty(1).next(10, 0);
    assertThat(a.value()).isEqualTo(10);
    ExponentialAverage b = a.next(0, Math.log(2));
    assertThat(b.value()).isCloseTo(5, within(1e-12));
    assertThat(b.next(0, Math.log(2)).value()).isCloseTo(5, within(1e-12));
    assertThat(ExponentialAverage.empty(0).next(3, 0).next(7, 0.001).value()).isEqualTo(7);
  }

  @Test
  void smootherSmoothsRunQueueAndCpuAndPassesCountsThrough() {
    LoadSmoother s = LoadSmoother.withTimeConstant(1)
        .next(new NodeLoad(1, 0, 4, 1, 4, 100, 1000, 1, 5))
        .next(new NodeLoad(1, Math.log(2), 0, 0, 1, 200, 1000, 1, 6));
    NodeLoad out = s.current();
    assertThat(out.runQueue()).isCloseTo(2, within(1e-12));
    assertThat(out.cpuUtilisation()).isCloseTo(0.5, within(1e-12));
    assertThat(List.of(out.processes(), out.memoryUsed(), out.ownerLastActive())).containsExactly(1, 200L, 6.0);
  }

  @Test
  void collectionIsPeriodicAndOnTheConfiguredEvents() {
    CollectionPolicy periodic = CollectionPolicy.periodic(5);
    assertThat(periodic.collectOn(LoadEvent.TICK, 9, 5)).isFalse();
    assertThat(periodic.collectOn(LoadEvent.TICK, 10, 5)).isTrue();
    assertThat(periodic.collectOn(LoadEvent.START, 6, 5)).isFalse();
    CollectionPolicy both = CollectionPolicy.periodicAndEvents(5);
    assertThat(both.collectOn(LoadEvent.MIGRATION_IN, 6, 5)).isTrue();
  }

  @Test
  void disseminationCostsAreBounded() {
    SplittableRandom rng = new SplittableRandom(1);
    assertThat(DisseminationPolicy.broadcast(1).pushTargets(2, 5, rng)).hasSize(4).doesNotContain(2);
    assertThat(DisseminationPolicy.broadcast(1).messagesPerPeriod(100)).isEqualTo(99);
    int[] gossip = DisseminationPolicy.gossip(1, 3).pushTargets(0, 10_000, rng);
    assertThat(gossip).hasSize(3).doesNotContain(0);
    assertThat(Arrays.stream(gossip).distinct().count()).isEqualTo(3);
    assertThat(DisseminationPolicy.gossip(1, 3).messagesPerPeriod(10_000)).isEqualTo(3);
    assertThat(DisseminationPolicy.probing(2).pushTargets(0, 10, rng)).isEmpty();
    assertThat(DisseminationPolicy.probing(2).probeTargets(0, 10, rng)).hasSize(2);
    assertThat(DisseminationPolicy.probing(2).messagesPerPeriod(10)).isEqualTo(4);
  }

  @Test
  void randomNodesAreDistinctReproducibleAndExcludeSelf() {
    int[] a = RandomNodes.distinct(4, 6, 10, new SplittableRandom(3));
    assertThat(a).hasSize(5).doesNotContain(4).containsExactlyInAnyOrder(0, 1, 2, 3, 5);
    assertThat(RandomNodes.distinct(-1, 1000, 3, new SplittableRandom(9)))
        .containsExactly(RandomNodes.distinct(-1, 1000, 3, new SplittableRandom(9)));
  }

  @Test
  void loadTableKeepsTheNewestAndForgetsTheLeastRecentlyMeasured() {
    LoadTable t = new LoadTable(2);
    t.merge(NodeLoad.ofRunQueue(1, 5, 3));
    t.merge(NodeLoad.ofRunQueue(1, 4, 9));
    assertThat(t.get(1).runQueue()).isEqualTo(3);
    t.merge(NodeLoad.ofRunQueue(2, 6, 1));
    t.merge(NodeLoad.ofRunQueue(3, 7, 2));
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.get(1)).isNull();
    assertThat(t.fresherThan(0.5, 7).stream().map(NodeLoad::node)).containsExactly(3);
  }
}
