package io.roam.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import io.roam.policy.activation.ActivationPolicy;
import io.roam.policy.location.LocationPolicy;
import io.roam.policy.location.PowerOfChoicesLocation;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.placement.PlacementPolicy;
import io.roam.policy.placement.ThresholdPlacement;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PolicyRegistryTest {
  /** A user's policy, plugged in by class name: always the highest-numbered candidate. */
  public static final class LastCandidate implements PlacementPolicy {
    private final int count;

    public LastCandidate(PolicyConfig c) {
      this.count = c.getInt("count", 2);
    }

    @Override
    public int[] candidates(NodeLoad local, ProcessInfo process, int clusterSize, RandomGenerator rng) {
      return java.util.stream.IntStream.range(clusterSize - count, clusterSize).toArray();
    }

    @Override
    public Placement place(NodeLoad local, ProcessInfo process, List<NodeLoad> described, RandomGenerator rng) {
      return new Placement(described.get(described.size() - 1).node(), 0);
    }

    @Override
    public boolean needsLoad() {
      return false;
    }
  }

  @Test
  void builtInAliasesWithParameters() {
    assertThat(PolicyRegistry.create(PlacementPolicy.class, "threshold", PolicyConfig.of("threshold", "3",
        "probe-limit", "5"))).isEqualTo(new ThresholdPlacement(3, 5));
    assertThat(PolicyRegistry.create(LocationPolicy.class, "power-of-d", PolicyConfig.of("d", "3")))
        .isEqualTo(new PowerOfChoicesLocation(3, LoadIndex.RUN_QUEUE))
        .isNotSameAs(PolicyRegistry.create(LocationPolicy.class, "power-of-d", PolicyConfig.of("d", "3")));
    assertThat(PolicyRegistry.aliases(ActivationPolicy.class)).containsExactly("never", "threshold");
  }

  @Test
  void aUserPolicyByClassName() {
    PlacementPolicy p = PolicyRegistry.create(PlacementPolicy.class, LastCandidate.class.getName(),
        PolicyConfig.of("count", "3"));
    assertThat(p.candidates(NodeLoad.ofRunQueue(0, 0, 0), null, 10, null)).containsExactly(7, 8, 9);
  }

  @Test
  void errorsNameTheKeyAndTheProblem() {
    PolicyConfig where = new PolicyConfig("policy.x.placement", java.util.Map.of());
    assertThatThrownBy(() -> PolicyRegistry.create(PlacementPolicy.class, "bogus", where))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageContaining("policy.x.placement = 'bogus'").hasMessageContaining("threshold");
    assertThatThrownBy(() -> PolicyRegistry.create(PlacementPolicy.class, "com.example.Missing", where))
        .hasMessageContaining("class not found");
    assertThatThrownBy(() -> PolicyRegistry.create(PlacementPolicy.class, String.class.getName(), where))
        .hasMessageContaining("does not implement io.roam.policy.placement.PlacementPolicy");
    assertThatThrownBy(() -> PolicyRegistry.create(PlacementPolicy.class, "threshold",
        PolicyConfig.of("threshold", "two"))).hasMessageContaining("threshold = 'two' is not a number");
  }

  @Test
  void configSubsetsAndTypes() {
    PolicyConfig c = PolicyConfig.of("a.b", "1", "a.c", "inf", "d", "4M", "e", "on");
    assertThat(c.subset("a").values()).containsOnlyKeys("b", "c");
    assertThat(c.subset("a").getDouble("c", 0)).isInfinite();
    assertThat(c.getBytes("d", 0)).isEqualTo(4L << 20);
    assertThat(c.getBoolean("e", false)).isTrue();
  }
}
