package io.roam.policy;

import static io.roam.policy.Fixtures.node;
import static io.roam.policy.Fixtures.owned;
import static io.roam.policy.Fixtures.proc;
import static io.roam.policy.Fixtures.rng;
import static io.roam.policy.Fixtures.talking;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.policy.activation.Initiation;
import io.roam.policy.activation.Role;
import io.roam.policy.activation.ThresholdActivation;
import io.roam.policy.guard.MigrationGuard;
import io.roam.policy.guard.MinimumResidenceGuard;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.location.AffinityLocation;
import io.roam.policy.location.LeastLoadedLocation;
import io.roam.policy.location.MostLoadedLocation;
import io.roam.policy.owner.IdleOwnerPolicy;
import io.roam.policy.owner.NoOwnerPolicy;
import io.roam.policy.selection.AffinitySelection;
import io.roam.policy.selection.AgeSelection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static final AgeSelection AGE = new AgeSelection(new MigrationCost(1, 0), LoadIndex.RUN_QUEUE);

  private static Scheduler scheduler(Initiation initiation, MigrationGuard guard) {
    return new Scheduler(ThresholdActivation.simple(initiation, 3, 0), LoadIndex.RUN_QUEUE,
        new LeastLoadedLocation(2, LoadIndex.RUN_QUEUE, 1), new MostLoadedLocation(2, LoadIndex.RUN_QUEUE, 3, 1),
        AGE, guard, new NoOwnerPolicy());
  }

  @Test
  void senderMovesTheOldestEligibleProcessToTheLeastLoadedProbe() {
    Scheduler s = scheduler(Initiation.SENDER, MigrationGuard.none());
    NodeLoad self = node(0, 4);
    assertThat(s.role(self, Role.NEUTRAL)).isEqualTo(Role.SENDER);
    List<ProcessInfo> procs = List.of(proc(1, 0, 0, 0.2, 0), proc(2, 0, 0, 5, 0), proc(3, 0, 0, 2, 0));
    Optional<Migration> m = s.send(self, procs, List.of(node(5, 2), node(6, 0)), 0, 10, rng());
    assertThat(m).contains(new Migration(2, 0, 6));
  }

  @Test
  void senderKeepsEverythingWhenNoProcessIsOldEnough() {
    Scheduler s = scheduler(Initiation.SENDER, MigrationGuard.none());
    List<ProcessInfo> young = List.of(proc(1, 0, 0, 0.2, 0), proc(2, 0, 0, 0.24, 0));
    assertThat(s.send(node(0, 4), young, List.of(node(6, 0)), 0, 10, rng())).isEmpty();
  }

  @Test
  void guardHasTheLastWord() {
    Scheduler s = scheduler(Initiation.SENDER, new MinimumResidenceGuard(20));
    List<ProcessInfo> procs = List.of(proc(2, 0, 0, 5, 0));
    assertThat(s.send(node(0, 4), procs, List.of(node(6, 0)), 0, 10, rng())).isEmpty();
  }

  @Test
  void receiverAsksTheMostLoadedProbeWhichAnswersWithAMigrationToTheReceiver() {
    Scheduler s = scheduler(Initiation.RECEIVER, MigrationGuard.none());
    NodeLoad self = node(1, 0);
    assertThat(s.role(self, Role.NEUTRAL)).isEqualTo(Role.RECEIVER);
    OptionalInt partner = s.partner(self, List.of(node(2, 3), node(3, 5)), 0, rng());
    assertThat(partner).hasValue(3);
    Optional<Migration> m = s.answer(node(3, 5), self, List.of(proc(9, 3, 3, 4, 0)), 0, 10);
    assertThat(m).contains(new Migration(9, 3, 1));
  }

  @Test
  void ownedBusyNodesAreSkippedAsDestinations() {
    Scheduler s = new Scheduler(ThresholdActivation.simple(Initiation.SENDER, 3, 0), LoadIndex.RUN_QUEUE,
        new LeastLoadedLocation(2, LoadIndex.RUN_QUEUE, 1), new MostLoadedLocation(2, LoadIndex.RUN_QUEUE, 3, 1),
        AGE, MigrationGuard.none(), new IdleOwnerPolicy(30, 0.1, true));
    List<NodeLoad> probed = List.of(owned(5, 0, 95), owned(6, 1, Double.NEGATIVE_INFINITY));
    Optional<Migration> m = s.send(owned(0, 4, Double.NEGATIVE_INFINITY), List.of(proc(2, 0, 0, 5, 0)), probed, 0,
        100, rng());
    assertThat(m).contains(new Migration(2, 0, 6));
  }

  @Test
  void affinityLocationSendsTowardAProcesssPeersAndAffinitySelectionPicksTheTalker() {
    Scheduler s = new Scheduler(ThresholdActivation.simple(Initiation.SENDER, 3, 0), LoadIndex.RUN_QUEUE,
        new AffinityLocation(3, LoadIndex.RUN_QUEUE, 3, 1, 0), new MostLoadedLocation(2, LoadIndex.RUN_QUEUE, 3, 1),
        AffinitySelection.communication(0.5), MigrationGuard.none(), new NoOwnerPolicy());
    NodeLoad self = node(0, 4);
    List<ProcessInfo> procs = List.of(
        talking(1, 0, Map.of(0, 100L), Map.of()),
        talking(2, 0, Map.of(0, 10L, 7, 500L), Map.of()),
        talking(3, 0, Map.of(4, 900L, 0, 50L), Map.of()));
    assertThat(s.candidates(Role.SENDER, self, 4, rng())).isEmpty();
    assertThat(s.candidates(Role.SENDER, self, procs, 8, rng())).containsExactly(7, 4);
    Optional<Migration> m = s.send(self, procs, List.of(node(7, 1), node(4, 5)), 0, 10, rng());
    assertThat(m).contains(new Migration(2, 0, 7));
  }
}
