package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator against closed forms, with fixed seeds: M/M/1 per node without sharing, and the
 * supermarket model (Poisson arrivals at rate λn, each joins the shortest of d random queues,
 * exponential service of mean 1) whose mean response time tends to Σ_{i≥1} λ^((d^i − d)/(d − 1)) as
 * n → ∞. 1 000 nodes, within 2 %. M/M/1 starts in its steady state (geometric queues); the
 * supermarket runs start empty and discard a tenth of the processes as warm-up.
 */
class ClosedFormValidationTest {

  @ParameterizedTest(name = "M/M/1, load {0}, {1} processes")
  @CsvSource({"0.5, 2000000", "0.8, 6000000", "0.9, 24000000"})
  void mm1PerNodeWithoutSharing(double load, long processes) {
    assertWithinTwoPercent(1, load, processes, "steady");
  }

  @Tag("slow")
  @ParameterizedTest(name = "M/M/1, load {0}, {1} processes")
  @CsvSource({"0.95, 150000000"})
  void mm1AtHighLoad(double load, long processes) {
    assertWithinTwoPercent(1, load, processes, "steady");
  }

  @ParameterizedTest(name = "supermarket d = {0}, load {1}")
  @CsvSource({
    "2, 0.5, 2000000", "2, 0.8, 2000000", "2, 0.9, 3000000", "2, 0.95, 6000000",
    "3, 0.5, 2000000", "3, 0.8, 2000000", "3, 0.9, 3000000", "3, 0.95, 6000000"})
  void supermarket(int d, double load, long processes) {
    assertWithinTwoPercent(d, load, processes, "empty");
  }

  private static void assertWithinTwoPercent(int d, double load, long processes, String initial) {
    SimConfig c = SimFixtures.config("seed", "42", "nodes", "1000", "initial", initial,
        "processes", String.valueOf(processes), "policies", "p",
        "policy.p.placement", d == 1 ? "local" : "power-of-d", "policy.p.placement.d", String.valueOf(d));
    RunResult r = SimFixtures.run(c, load);
    double expected = SimFixtures.supermarket(d, load);
    assertThat(r.meanResponse())
        .as("d=%d load=%.2f: simulated %.4f ± %.4f, closed form %.4f", d, load, r.meanResponse(),
            r.responseHalfWidth(), expected)
        .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(2));
  }
}
