package io.roam.policy.location;

import static io.roam.policy.Fixtures.node;
import static io.roam.policy.Fixtures.rng;
import static io.roam.policy.Fixtures.talking;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import io.roam.policy.load.LoadIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocationPolicyTest {
  private static final List<NodeLoad> PROBED = List.of(node(3, 2), node(4, 1), node(5, 6));

  @Test
  void leastLoadedChoosesTheShortestProbeIfLowerByTheMargin() {
    LeastLoadedLocation l = new LeastLoadedLocation(3, LoadIndex.RUN_QUEUE, 1);
    assertThat(l.choose(node(0, 4), null, PROBED, rng())).hasValue(4);
    assertThat(l.choose(node(0, 2), null, PROBED, rng())).isEmpty();
    assertThat(l.choose(node(0, 2), null, List.of(), rng())).isEmpty();
    assertThat(l.candidates(0, null, 10, rng())).hasSize(3).doesNotContain(0);
    assertThat(l.candidates(0, null, 3, rng())).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void leastLoadedBreaksTiesAtRandomButReproducibly() {
    LeastLoadedLocation l = new LeastLoadedLocation(3, LoadIndex.RUN_QUEUE, 0);
    List<NodeLoad> tied = List.of(node(3, 1), node(4, 1), node(5, 1));
    Map<Integer, Integer> counts = new HashMap<>();
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 3000; i++) {
      counts.merge(l.choose(node(0, 5), null, tied, rng).getAsInt(), 1, Integer::sum);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(3, 4, 5);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(900, 1100));
  }

  @Test
  void powerOfChoicesMayStayLocal() {
    PowerOfChoicesLocation p = new PowerOfChoicesLocation(2, LoadIndex.RUN_QUEUE);
    assertThat(p.choose(node(0, 0), null, List.of(node(0, 0), node(7, 3)), rng())).hasValue(0);
    assertThat(p.choose(node(0, 5), null, List.of(node(0, 5), node(7, 3)), rng())).hasValue(7);
    assertThat(p.candidates(0, null, 2, rng())).containsExactlyInAnyOrder(0, 1);
    assertThat(new PowerOfChoicesLocation(1, LoadIndex.RUN_QUEUE).needsLoad()).isFalse();
  }

  @Test
  void randomLocationIgnoresLoad() {
    RandomLocation r = new RandomLocation();
    int[] c = r.candidates(2, null, 5, rng());
    assertThat(c).hasSize(1).doesNotContain(2);
    assertThat(r.choose(node(2, 0), null, List.of(node(c[0], 99)), rng())).hasValue(c[0]);
    assertThat(r.needsLoad()).isFalse();
  }

  @Test
  void mostLoadedFindsAPartnerForAReceiver() {
    MostLoadedLocation m = new MostLoadedLocation(3, LoadIndex.RUN_QUEUE, 3, 1);
    assertThat(m.choose(node(0, 0), null, PROBED, rng())).hasValue(5);
    assertThat(m.choose(node(0, 0), null, List.of(node(3, 2), node(4, 1)), rng())).isEmpty();
    assertThat(m.choose(node(0, 5.5), null, PROBED, rng())).isEmpty();
  }

  @Test
  void affinityGoesToTheBusiestPeerThatIsNotOverloaded() {
    AffinityLocation a = new AffinityLocation(2, LoadIndex.RUN_QUEUE, 3, 1, 1);
    ProcessInfo p = talking(1, 0, Map.of(3, 500L, 4, 300L, 5, 100L), Map.of(4, 100L));
    assertThat(a.candidates(0, p, 10, rng())).containsExactly(3, 4);
    assertThat(a.choose(node(0, 2), p, List.of(node(3, 1), node(4, 0)), rng())).hasValue(3);
    assertThat(a.choose(node(0, 2), p, List.of(node(3, 4), node(4, 0)), rng())).hasValue(4);
    assertThat(a.candidates(0, null, 10, rng())).isEmpty();
    assertThat(a.choose(node(0, 2), null, List.of(node(3, 1)), rng())).isEqualTo(OptionalInt.empty());
  }
}
