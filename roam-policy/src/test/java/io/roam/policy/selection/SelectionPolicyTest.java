package io.roam.policy.selection;

import static io.roam.policy.Fixtures.node;
import static io.roam.policy.Fixtures.proc;
import static io.roam.policy.Fixtures.talking;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.policy.MigrationCost;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.LoadIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionPolicyTest {
  /** Cost 0.5 s + 1 s per MB. */
  private static final AgeSelection AGE = new AgeSelection(new MigrationCost(0.5, 1e-6), LoadIndex.RUN_QUEUE);

  @Test
  void ageCriterionComparesAgeWithCostOverLoadDifference() {
    ProcessInfo small = proc(1, 0, 0, 0.3, 0);
    ProcessInfo big = proc(2, 0, 0, 0.3, 1_000_000);
    assertThat(AGE.eligible(small, 2)).isTrue();
    assertThat(AGE.eligible(small, 1)).isFalse();
    assertThat(AGE.eligible(big, 2)).isFalse();
    assertThat(AGE.eligible(big, 6)).isTrue();
  }

  @Test
  void ageSelectsTheOldestEligibleProcess() {
    List<ProcessInfo> procs = List.of(proc(1, 0, 0, 0.3, 0), proc(2, 0, 0, 3, 100_000_000), proc(3, 0, 0, 1, 0));
    assertThat(AGE.select(procs, node(0, 5), node(1, 1), 0).map(ProcessInfo::pid)).contains(3L);
    assertThat(AGE.select(procs, node(0, 5), node(1, 5), 0)).isEmpty();
    assertThat(AGE.select(procs, node(0, 3), node(1, 5), 0)).isEmpty();
  }

  @Test
  void ageBreaksTiesByLowestPid() {
    List<ProcessInfo> procs = List.of(proc(8, 0, 0, 2, 0), proc(4, 0, 0, 2, 0));
    assertThat(AGE.select(procs, node(0, 5), node(1, 0), 0).map(ProcessInfo::pid)).contains(4L);
  }

  @Test
  void stateSizePicksTheSmallestOldEnoughProcess() {
    StateSizeSelection s = new StateSizeSelection(1, 5000);
    List<ProcessInfo> procs = List.of(proc(1, 0, 0, 0.5, 10), proc(2, 0, 0, 2, 4000), proc(3, 0, 0, 3, 3000),
        proc(4, 0, 0, 9, 9000));
    assertThat(s.select(procs, node(0, 4), node(1, 0), 0).map(ProcessInfo::pid)).contains(3L);
    assertThat(new StateSizeSelection(10, 5000).select(procs, node(0, 4), node(1, 0), 0)).isEmpty();
  }

  @Test
  void affinityMovesTheProcessThatTalksMostWithTheDestination() {
    AffinitySelection s = AffinitySelection.communication(0.5);
    List<ProcessInfo> procs = List.of(
        talking(1, 0, Map.of(3, 600L, 4, 400L), Map.of()),
        talking(2, 0, Map.of(3, 900L, 0, 100L), Map.of()),
        talking(3, 0, Map.of(3, 100L, 4, 900L), Map.of()));
    assertThat(s.select(procs, node(0, 2), node(3, 0), 0).map(ProcessInfo::pid)).contains(2L);
    assertThat(s.select(procs, node(0, 2), node(5, 0), 0)).isEmpty();
  }

  @Test
  void affinityStaysWhenTheCurrentNodeIsTheBiggerPeer() {
    AffinitySelection s = AffinitySelection.communication(0.2);
    List<ProcessInfo> procs = List.of(talking(1, 0, Map.of(0, 700L, 3, 300L), Map.of()));
    assertThat(s.select(procs, node(0, 2), node(3, 0), 0)).isEmpty();
  }

  @Test
  void dataLocalityFollowsFileBytes() {
    AffinitySelection s = AffinitySelection.dataLocality(0.5);
    List<ProcessInfo> procs = List.of(
        talking(1, 0, Map.of(2, 10_000L), Map.of(2, 10L, 7, 90L)),
        talking(2, 0, Map.of(), Map.of(2, 80L, 7, 20L)));
    assertThat(s.select(procs, node(0, 2), node(2, 0), 0).map(ProcessInfo::pid)).contains(2L);
    assertThat(s.select(procs, node(0, 2), node(7, 0), 0).map(ProcessInfo::pid)).contains(1L);
  }
}
