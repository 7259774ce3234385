package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.policy.spi.PolicyConfigException;
import org.junit.jupiter.api.Test;

class SimConfigTest {

  @Test
  void aMisspelledModeIsAnErrorInsteadOfSilentlyTheDefault() {
    // "periodc" used to run with fresh information: a stale-information table without staleness
    assertThatThrownBy(() -> SimFixtures.config("info", "periodc"))
        .isInstanceOf(PolicyConfigException.class).hasMessageContaining("info = 'periodc'");
    assertThatThrownBy(() -> SimFixtures.config("arrivals", "burst"))
        .isInstanceOf(PolicyConfigException.class).hasMessageContaining("arrivals");
    assertThatThrownBy(() -> SimFixtures.config("initial", "steady-state"))
        .isInstanceOf(PolicyConfigException.class).hasMessageContaining("initial");
  }

  @Test
  void theModesTheSimulatorKnowsAreAccepted() {
    for (String info : new String[] {"fresh", "periodic", "gossip", "broadcast", " Periodic "}) {
      assertThat(SimFixtures.config("info", info).text("info")).isEqualTo(info.trim().toLowerCase());
    }
    assertThat(SimFixtures.config("arrivals", "bursty", "initial", "steady").text("initial")).isEqualTo("steady");
  }
}
