package io.roam.policy.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.policy.load.LoadEvent;
import io.roam.policy.spi.PolicyConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdActivationTest {
  private static final ThresholdActivation SYMMETRIC = new ThresholdActivation(Initiation.SYMMETRIC, 4, 2, 0, 1,
      5, EnumSet.of(LoadEvent.START));

  @Test
  void hysteresisKeepsARoleUntilTheOffThreshold() {
    List<Role> roles = new ArrayList<>();
    Role r = Role.NEUTRAL;
    for (double load : new double[] {3, 4, 3, 2.5, 2, 0.5, 0, 0.5, 1, 3}) {
      r = SYMMETRIC.evaluate(load, r);
      roles.add(r);
    }
    assertThat(roles).containsExactly(Role.NEUTRAL, Role.SENDER, Role.SENDER, Role.SENDER, Role.NEUTRAL,
        Role.NEUTRAL, Role.RECEIVER, Role.RECEIVER, Role.NEUTRAL, Role.NEUTRAL);
  }

  @Test
  void initiationRestrictsTheRoles() {
    ThresholdActivation sender = ThresholdActivation.simple(Initiation.SENDER, 3, 0);
    ThresholdActivation receiver = ThresholdActivation.simple(Initiation.RECEIVER, 3, 0);
    assertThat(List.of(sender.evaluate(5, Role.NEUTRAL), sender.evaluate(0, Role.NEUTRAL)))
        .containsExactly(Role.SENDER, Role.NEUTRAL);
    assertThat(List.of(receiver.evaluate(5, Role.NEUTRAL), receiver.evaluate(0, Role.NEUTRAL)))
        .containsExactly(Role.NEUTRAL, Role.RECEIVER);
  }

  @Test
  void periodicOrEventDriven() {
    assertThat(SYMMETRIC.period()).isEqualTo(5);
    assertThat(SYMMETRIC.evaluatesOn(LoadEvent.START)).isTrue();
    assertThat(SYMMETRIC.evaluatesOn(LoadEvent.EXIT)).isFalse();
    ThresholdActivation simple = ThresholdActivation.simple(Initiation.SENDER, 2, 0);
    assertThat(simple.period()).isInfinite();
    assertThat(simple.evaluatesOn(LoadEvent.EXIT)).isTrue();
  }

  @Test
  void fromConfig() {
    ThresholdActivation a = ThresholdActivation.fromConfig(PolicyConfig.of("initiation", "receiver",
        "receiver-on", "1", "receiver-off", "2", "sender-on", "5", "period", "0.5", "events", "exit"));
    assertThat(a).isEqualTo(new ThresholdActivation(Initiation.RECEIVER, 5, 5, 1, 2, 0.5,
        EnumSet.of(LoadEvent.EXIT)));
  }

  @Test
  void rejectsOverlappingBands() {
    assertThatThrownBy(() -> new ThresholdActivation(Initiation.SYMMETRIC, 2, 3, 0, 1, 1, EnumSet.noneOf(LoadEvent.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("senderOff <= senderOn");
  }

  @Test
  void neverIsAlwaysNeutral() {
    assertThat(new NeverActivation().evaluate(100, Role.SENDER)).isEqualTo(Role.NEUTRAL);
  }
}
