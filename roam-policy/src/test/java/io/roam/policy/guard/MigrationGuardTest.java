package io.roam.policy.guard;

import static io.roam.policy.Fixtures.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.roam.policy.MigrationCost;
import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationGuardTest {
  private static final ProcessInfo P = ProcessInfo.simple(1, 0, 0, 10, 4, 1_000_000, 95);

  @Test
  void minimumResidence() {
    MinimumResidenceGuard g = new MinimumResidenceGuard(5);
    assertThat(g.permits(P, node(0, 4), node(1, 0), 0, 99)).isFalse();
    assertThat(g.permits(P, node(0, 4), node(1, 0), 0, 100)).isTrue();
  }

  @Test
  void budgetCountsRecentMigrations() {
    MigrationBudgetGuard g = new MigrationBudgetGuard(2, 10);
    assertThat(g.window()).isEqualTo(10);
    assertThat(g.permits(P, node(0, 4), node(1, 0), 1, 0)).isTrue();
    assertThat(g.permits(P, node(0, 4), node(1, 0), 2, 0)).isFalse();
  }

  @Test
  void costBenefitComparesExpectedSavingsWithTheEstimatedCost() {
    // remaining ≈ 4 s of CPU; here 4 processes share the CPU, there 0 + 1: saves 4 × (4 − 1) = 12 s
    assertThat(CostBenefitGuard.benefit(P, node(0, 4), node(1, 0))).isEqualTo(12);
    assertThat(new CostBenefitGuard(new MigrationCost(1, 1e-5), 1).permits(P, node(0, 4), node(1, 0), 0, 100))
        .isTrue();
    assertThat(new CostBenefitGuard(new MigrationCost(1, 1e-5), 2).permits(P, node(0, 4), node(1, 0), 0, 100))
        .isFalse();
    NodeLoad fastDestination = new NodeLoad(1, 0, 1, 1, 1, 0, 0, 4, Double.NEGATIVE_INFINITY);
    assertThat(CostBenefitGuard.benefit(P, node(0, 2), fastDestination)).isEqualTo(4 * (2 - 0.5));
  }

  @Test
  void allGuardsMustPermit() {
    MigrationGuard both = new AllGuards(List.of(new MinimumResidenceGuard(1), new MigrationBudgetGuard(1, 30)));
    assertThat(both.window()).isEqualTo(30);
    assertThat(both.permits(P, node(0, 4), node(1, 0), 0, 100)).isTrue();
    assertThat(both.permits(P, node(0, 4), node(1, 0), 1, 100)).isFalse();
    assertThat(both.permits(P, node(0, 4), node(1, 0), 0, 95.5)).isFalse();
    assertThat(MigrationGuard.none().permits(P, node(0, 0), node(1, 9), 99, 0)).isTrue();
  }

  @Test
  void measuredCostFitsTheObservedLine() {
    MeasuredMigrationCost m = MeasuredMigrationCost.startingFrom(new MigrationCost(0.3, 1e-7), 1);
    assertThat(m.current()).isEqualTo(new MigrationCost(0.3, 1e-7));
    m = m.observe(1_000_000, 0.2).observe(1_000_000, 0.2);
    assertThat(m.current().fixedSeconds()).isCloseTo(0.1, within(1e-9));
    assertThat(m.current().secondsPerByte()).isEqualTo(1e-7);
    m = m.observe(3_000_000, 0.6);
    assertThat(m.current().fixedSeconds()).isCloseTo(0.0, within(1e-9));
    assertThat(m.current().secondsPerByte()).isCloseTo(2e-7, within(1e-15));
  }

  @Test
  void measuredCostForgetsOldObservations() {
    MeasuredMigrationCost m = MeasuredMigrationCost.startingFrom(new MigrationCost(0, 0), 0.5)
        .observe(0, 10).observe(1_000_000, 10);
    for (int i = 0; i < 40; i++) {
      m = m.observe(0, 1).observe(1_000_000, 2);
    }
    assertThat(m.current().fixedSeconds()).isCloseTo(1, within(1e-6));
    assertThat(m.current().estimate(1_000_000)).isCloseTo(2, within(1e-6));
  }
}
