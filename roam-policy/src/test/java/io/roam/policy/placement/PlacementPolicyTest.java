package io.roam.policy.placement;

import static io.roam.policy.Fixtures.node;
import static io.roam.policy.Fixtures.proc;
import static io.roam.policy.Fixtures.rng;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.location.PowerOfChoicesLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {
  private static final ProcessInfo NEW = proc(1, 0, 0, 0, 0);

  @Test
  void localNeverMoves() {
    LocalPlacement p = new LocalPlacement();
    assertThat(p.candidates(node(0, 9), NEW, 20, rng())).isEmpty();
    assertThat(p.place(node(0, 9), NEW, List.of(), rng())).isEqualTo(new Placement(0, 0));
  }

  @Test
  void randomSendsAboveTheThresholdWithoutProbing() {
    RandomPlacement p = new RandomPlacement(2);
    assertThat(p.candidates(node(0, 1), NEW, 20, rng())).isEmpty();
    int[] c = p.candidates(node(0, 2), NEW, 20, rng());
    assertThat(c).hasSize(1).doesNotContain(0);
    assertThat(p.place(node(0, 2), NEW, List.of(node(c[0], 50)), rng())).isEqualTo(new Placement(c[0], 0));
  }

  @Test
  void thresholdTakesTheFirstProbeBelowTheThresholdAndCountsProbesUpToIt() {
    ThresholdPlacement p = new ThresholdPlacement(2, 3);
    assertThat(p.candidates(node(0, 1), NEW, 20, rng())).isEmpty();
    assertThat(p.candidates(node(0, 2), NEW, 20, rng())).hasSize(3);
    List<NodeLoad> probed = List.of(node(4, 3), node(5, 1), node(6, 0));
    assertThat(p.place(node(0, 2), NEW, probed, rng())).isEqualTo(new Placement(5, 2));
    List<NodeLoad> allBusy = List.of(node(4, 3), node(5, 2), node(6, 2));
    assertThat(p.place(node(0, 2), NEW, allBusy, rng())).isEqualTo(new Placement(0, 3));
  }

  @Test
  void shortestTakesTheShortestProbeIfBelowTheThreshold() {
    ShortestPlacement p = new ShortestPlacement(2, 3);
    List<NodeLoad> probed = List.of(node(4, 1), node(5, 3), node(6, 0));
    assertThat(p.place(node(0, 2), NEW, probed, rng())).isEqualTo(new Placement(6, 3));
    assertThat(p.place(node(0, 2), NEW, List.of(node(4, 2), node(5, 3)), rng())).isEqualTo(new Placement(0, 2));
  }

  @Test
  void locationPlacementUsesAnyLocationPolicyAboveItsThreshold() {
    LocationPlacement p = new LocationPlacement(new PowerOfChoicesLocation(2, LoadIndex.RUN_QUEUE), 0);
    assertThat(p.candidates(node(0, 0), NEW, 20, rng())).hasSize(2);
    assertThat(p.place(node(0, 0), NEW, List.of(node(3, 2), node(9, 1)), rng())).isEqualTo(new Placement(9, 2));
    assertThat(p.place(node(0, 0), NEW, List.of(node(0, 0), node(9, 1)), rng())).isEqualTo(new Placement(0, 2));
    LocationPlacement gated = new LocationPlacement(new PowerOfChoicesLocation(2, LoadIndex.RUN_QUEUE), 3);
    assertThat(gated.candidates(node(0, 2), NEW, 20, rng())).isEmpty();
  }
}
