package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.roam.policy.spi.PolicyConfigException;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class SimulatorBehaviourTest {

  @Test
  void aRunIsAFunctionOfTheSeed() {
    SimConfig c = SimFixtures.config("seed", "5", "processes", "50000", "policies", "t",
        "policy.t.placement", "threshold");
    RunResult a = SimFixtures.run(c, 0.8);
    RunResult b = SimFixtures.run(c, 0.8);
    RunResult other = SimFixtures.run(c.with(java.util.Map.of("seed", "6")), 0.8);
    assertThat(List.of(a.meanResponse(), a.meanSlowdown(), (double) a.transfers(), (double) a.events()))
        .containsExactly(b.meanResponse(), b.meanSlowdown(), (double) b.transfers(), (double) b.events());
    assertThat(other.meanResponse()).isNotEqualTo(a.meanResponse());
  }

  @Test
  void heterogeneousSpeedsWithoutSharingMatchMm1PerNode() {
    // node i is M/M/1 with service rate s_i and arrivals ρ s_i: mean response n / (Σ s (1 − ρ))
    SimConfig c = SimFixtures.config("nodes", "400", "node.speeds", "1,2,4", "initial", "steady",
        "processes", "3000000", "policies", "none");
    RunResult r = SimFixtures.run(c, 0.7);
    double sumSpeeds = 400 / 3 * 7 + 1;
    assertThat(r.meanResponse()).isCloseTo(400 / (sumSpeeds * 0.3), Percentage.withPercentage(2));
  }

  @Test
  void constantAgeInformationOfAgeZeroIsFreshAndOldInformationMakesTheLeastLoadedHerd() {
    SimConfig c = SimFixtures.config("nodes", "50", "processes", "100000", "policies", "two,all",
        "policy.two.placement", "power-of-d", "policy.two.placement.d", "2",
        "policy.all.placement", "power-of-d", "policy.all.placement.d", "50");
    SimConfig now = c.with(java.util.Map.of("info", "delayed", "info.delay", "0"));
    SimConfig old = c.with(java.util.Map.of("info", "delayed", "info.delay", "5"));
    for (int p = 0; p < 2; p++) {
      assertThat(new Simulation(now, now.policies().get(p), 0.9).run().meanResponse())
          .isEqualTo(new Simulation(c, c.policies().get(p), 0.9).run().meanResponse());
    }
    double twoOld = new Simulation(old, old.policies().get(0), 0.9).run().meanResponse();
    double allOld = new Simulation(old, old.policies().get(1), 0.9).run().meanResponse();
    double allFresh = new Simulation(c, c.policies().get(1), 0.9).run().meanResponse();
    assertThat(allOld).isGreaterThan(5 * allFresh).isGreaterThan(2 * twoOld);
  }

  @Test
  void loadSharingBeatsNoSharingAndCountsItsTransfers() {
    SimConfig c = SimFixtures.config("processes", "200000", "policies", "none,threshold",
        "policy.threshold.placement", "threshold");
    RunResult none = new Simulation(c, c.policies().get(0), 0.9).run();
    RunResult threshold = new Simulation(c, c.policies().get(1), 0.9).run();
    assertThat(none.transfers()).isZero();
    assertThat(threshold.transfers()).isPositive();
    assertThat(threshold.probes()).isGreaterThanOrEqualTo(threshold.transfers());
    assertThat(threshold.meanResponse()).isLessThan(none.meanResponse() / 2);
  }

  @Test
  void preemptiveMigrationMovesOldProcessesUnderHeavyTails() {
    SimConfig c = SimFixtures.config("nodes", "6", "lifetime", "unix", "processes", "100000",
        "migration.fixed", "0.1", "policies", "none,age",
        "policy.age.activation", "threshold", "policy.age.activation.sender-on", "2",
        "policy.age.location", "least-loaded", "policy.age.location.probes", "5");
    RunResult none = new Simulation(c, c.policies().get(0), 0.7).run();
    RunResult age = new Simulation(c, c.policies().get(1), 0.7).run();
    assertThat(age.migrations()).isPositive();
    assertThat(age.meanSlowdown()).isLessThan(none.meanSlowdown());
  }

  @Test
  void receiverInitiatedMigrationPullsWorkToIdleNodes() {
    SimConfig c = SimFixtures.config("processes", "100000", "migration.fixed", "0.05", "policies", "none,pull",
        "policy.pull.activation", "threshold", "policy.pull.activation.initiation", "receiver",
        "policy.pull.activation.receiver-on", "0", "policy.pull.receiver-location", "most-loaded",
        "policy.pull.receiver-location.probes", "3", "policy.pull.receiver-location.min-load", "2");
    RunResult none = new Simulation(c, c.policies().get(0), 0.9).run();
    RunResult pull = new Simulation(c, c.policies().get(1), 0.9).run();
    assertThat(pull.migrations()).isPositive();
    assertThat(pull.transfers()).isZero();
    assertThat(pull.meanResponse()).isLessThan(none.meanResponse() / 2);
  }

  @Test
  void gossipFeedsLoadTablesAtABoundedCostAndSavesProbes() {
    SimConfig fresh = SimFixtures.config("nodes", "200", "processes", "200000", "policies", "t",
        "policy.t.placement", "threshold");
    SimConfig gossip = fresh.with(java.util.Map.of("info", "gossip", "info.period", "0.5", "info.fanout", "20",
        "info.table-size", "200"));
    RunResult f = SimFixtures.run(fresh, 0.9);
    RunResult g = SimFixtures.run(gossip, 0.9);
    double expectedPushes = 200 * 20 / 0.5 * g.simulatedTime();
    assertThat((double) g.gossip()).isCloseTo(expectedPushes, Percentage.withPercentage(2));
    assertThat(g.probes()).isLessThan(f.probes() / 2);
    // tables refreshed about every 5 s are stale: worse than fresh probes, far better than no sharing (≈ 10)
    assertThat(g.meanResponse()).isGreaterThan(f.meanResponse()).isLessThan(5);
  }

  @Test
  void ownersEvictForeignProcesses() {
    SimConfig c = SimFixtures.config("nodes", "10", "processes", "50000", "owner.active-fraction", "0.3",
        "owner.mean-active", "20", "policies", "p", "policy.p.placement", "threshold",
        "policy.p.owner", "idle-owner", "policy.p.owner.idle-after", "5");
    RunResult r = SimFixtures.run(c, 0.7);
    assertThat(r.migrations()).as("evictions are migrations home").isPositive();
    assertThat(r.measured()).isEqualTo(45000);
  }

  @Test
  void burstyArrivalsKeepTheMeanLoadButHurtResponseTime() {
    SimConfig poisson = SimFixtures.config("nodes", "50", "processes", "300000", "policies", "none");
    SimConfig bursty = poisson.with(java.util.Map.of("arrivals", "bursty"));
    RunResult p = SimFixtures.run(poisson, 0.5);
    RunResult b = SimFixtures.run(bursty, 0.5);
    assertThat(b.meanResponse()).isGreaterThan(p.meanResponse() * 1.2);
    assertThat(p.simulatedTime() / b.simulatedTime()).isCloseTo(1, within(0.1));
  }

  @Test
  void unixLifetimesHaveTheOneOverTTail() {
    Lifetimes u = Lifetimes.unix(0.6, 1e6);
    SplittableRandom rng = new SplittableRandom(3);
    int over1 = 0;
    int over10 = 0;
    int over100 = 0;
    for (int i = 0; i < 1_000_000; i++) {
      double l = u.sample(rng);
      over1 += l > 1 ? 1 : 0;
      over10 += l > 10 ? 1 : 0;
      over100 += l > 100 ? 1 : 0;
    }
    assertThat(over1 / 1e6).isCloseTo(0.4, within(0.002));
    assertThat((double) over10 / over1).isCloseTo(0.1, within(0.003));
    assertThat((double) over100 / over1).isCloseTo(0.01, within(0.001));
  }

  @Test
  void configurationErrorsNameTheKey() {
    assertThatThrownBy(() -> SimFixtures.config("nodez", "3")).isInstanceOf(PolicyConfigException.class)
        .hasMessageContaining("unknown key 'nodez'");
    assertThatThrownBy(() -> SimFixtures.config("policies", "p", "policy.p.placement", "nope"))
        .hasMessageContaining("policy.p.placement = 'nope'");
    assertThatThrownBy(() -> ConfigFile.parse("f.conf", List.of("# fine", "a = 1", "oops")))
        .hasMessageContaining("f.conf:3");
    assertThat(ConfigFile.parse("f", List.of("a = 1 # one", "b=x#y", "", "  # c = 3")))
        .containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "x#y"));
  }

  @Test
  void arrivalWeightsMakeAnImbalanceThatLoadSharingRemoves() {
    SimConfig c = SimFixtures.config("processes", "100000", "policies", "none,threshold",
        "policy.threshold.placement", "threshold");
    SimConfig skewed = c.with(java.util.Map.of("arrivals.weights", "3,1"));
    RunResult even = SimFixtures.run(c, 0.6);
    RunResult hot = SimFixtures.run(skewed, 0.6);
    // half the nodes at 0.9, half at 0.3: mean response (0.75 · 10 + 0.25 · 1/0.7) ≈ 7.86 vs 2.5
    assertThat(hot.meanResponse()).isCloseTo(0.75 * 10 + 0.25 / 0.7, Percentage.withPercentage(10));
    assertThat(even.meanResponse()).isCloseTo(2.5, Percentage.withPercentage(5));
    RunResult shared = new Simulation(skewed, skewed.policies().get(1), 0.6).run();
    assertThat(shared.meanResponse()).isLessThan(2);
  }

  @Test
  void stallOfRemoteTrafficIsAddedToResponseAndDelayAndTrafficDoesNotChangeTheLoad() {
    SimConfig c = SimFixtures.config("processes", "100000", "traffic.group-size", "4",
        "traffic.message-rate", "1000", "policies", "random", "policy.random.placement", "random",
        "policy.random.placement.threshold", "0");
    RunResult split = SimFixtures.run(c, 0.5);
    RunResult quiet = SimFixtures.run(c.with(java.util.Map.of("traffic.message-rate", "0")), 0.5);
    Traffic.Totals t = split.traffic();
    double remoteCost = 1e-4 + 4096 / 125e6;
    // every process is placed on a random other node, so a peer is on the sender's node w.p. ≈ 1/19
    assertThat(t.remoteMessageFraction()).isCloseTo(18.0 / 19, within(0.02));
    // members send only while a peer lives: fewer than 1000 messages per process (mean CPU 1 s)
    double messages = t.localMessages() + t.remoteMessages();
    assertThat(messages / split.arrivals()).isBetween(500.0, 1000.0);
    assertThat(t.stallSeconds()).isCloseTo(t.remoteMessages() * remoteCost + t.localMessages() * 5e-6,
        Percentage.withPercentage(2));
    assertThat(split.meanDelay() - quiet.meanDelay())
        .isCloseTo(t.stallSeconds() / split.arrivals(), Percentage.withPercentage(15));
    assertThat(split.events()).isEqualTo(quiet.events());
    assertThat(SimFixtures.run(c, 0.5).traffic()).isEqualTo(t);
  }
}
