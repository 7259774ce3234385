package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The findings of docs/sim/affinity.md, re-checked at reduced size on the committed configurations
 * (fixed seeds; all policies at one load see the same arrivals, lifetimes and traffic).
 */
class AffinityClaimsTest {
  private static List<RunResult> run(String conf, Map<String, String> overrides) throws Exception {
    Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/sim").resolve(conf);
    SimConfig cfg = SimConfig.from(ConfigFile.read(file)).with(overrides);
    return Experiment.run(cfg, 2);
  }

  @Test
  void affinityAndLocalityTowardPeersAndDataCutRemoteTrafficAgainstAgeAtEqualLoad() throws Exception {
    List<RunResult> r = run("affinity.conf", Map.of("loads", "0.6", "processes", "100000",
        "policies", "none, age, affinity-toward, locality-toward"));
    RunResult none = r.get(0);
    RunResult age = r.get(1);
    RunResult affinity = r.get(2);
    RunResult locality = r.get(3);
    assertThat(age.meanResponse()).isLessThan(none.meanResponse() * 0.85);
    assertThat(affinity.traffic().remoteMessageFraction())
        .isLessThan(age.traffic().remoteMessageFraction() - 0.05);
    assertThat(locality.traffic().remoteFileBytes()).isLessThan(age.traffic().remoteFileBytes() * 0.75);
    assertThat(affinity.migrations()).isPositive();
    assertThat(locality.migrations()).isPositive();
  }

  @Test
  void fromALocalStartAffinityAndLocalityNeverMoveWhileAgeBalancesAndSplitsJobs() throws Exception {
    Map<String, String> local = new HashMap<>(Map.of("loads", "0.5", "processes", "60000",
        "policies", "none, age, affinity, locality"));
    for (String p : List.of("none", "age", "affinity", "locality")) {
      local.put("policy." + p + ".placement", "local");
    }
    List<RunResult> r = run("affinity.conf", local);
    RunResult none = r.get(0);
    RunResult age = r.get(1);
    assertThat(none.traffic().remoteMessages()).isZero();
    assertThat(none.traffic().remoteFileBytes()).isZero();
    assertThat(age.migrations()).isPositive();
    assertThat(age.traffic().remoteMessageFraction()).isGreaterThan(0.01);
    assertThat(age.meanResponse()).isLessThan(none.meanResponse() / 2);
    for (RunResult affinityOrLocality : r.subList(2, 4)) {
      assertThat(affinityOrLocality.migrations()).isZero();
      // the same run up to rounding: describing processes to a policy advances node clocks in more steps
      assertThat(affinityOrLocality.meanResponse()).isCloseTo(none.meanResponse(), Percentage.withPercentage(1e-9));
    }
  }

  @Test
  void preemptiveMigrationPaysMoreAtRoamsMeasuredCostThanAtTheNineteenNinetiesCost() throws Exception {
    Map<String, String> o = Map.of("loads", "0.7", "processes", "300000", "policies", "preemptive");
    RunResult old = run("harchol-balter-downey.conf", with(o, "harchol-balter-downey-1996")).get(0);
    RunResult roam = run("harchol-balter-downey.conf", with(o, "roam-measured-2026-11")).get(0);
    assertThat(roam.meanDelay()).isLessThan(old.meanDelay() * 0.7);
    assertThat(roam.meanSlowdown()).isLessThan(old.meanSlowdown());
  }

  private static Map<String, String> with(Map<String, String> o, String cost) {
    Map<String, String> m = new HashMap<>(o);
    m.put("migration.cost", cost);
    return m;
  }
}
