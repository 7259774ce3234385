package io.roam.policy.owner;

import static io.roam.policy.Fixtures.owned;
import static io.roam.policy.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import io.roam.policy.Migration;
import io.roam.policy.NodeLoad;
import io.roam.policy.ProcessInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerPolicyTest {
  private static final IdleOwnerPolicy SPRITE = new IdleOwnerPolicy(30, 0.1, true);
  private static final List<ProcessInfo> PROCS = List.of(proc(7, 2, 0, 5, 0), proc(3, 0, 0, 5, 0),
      proc(5, 4, 0, 5, 0));

  @Test
  void acceptsForeignProcessesOnlyAfterTheOwnerHasBeenIdleLongEnough() {
    assertThat(SPRITE.acceptsForeign(owned(0, 0, 100), 129)).isFalse();
    assertThat(SPRITE.acceptsForeign(owned(0, 0, 100), 130)).isTrue();
    assertThat(SPRITE.acceptsForeign(owned(0, 0, Double.NEGATIVE_INFINITY), 0)).isTrue();
  }

  @Test
  void foreignProcessesGetALowerWeightWhileTheOwnerIsActive() {
    NodeLoad active = owned(0, 3, 100);
    assertThat(PROCS.stream().map(p -> SPRITE.weight(p, active, 100))).containsExactly(0.1, 1.0, 0.1);
    assertThat(SPRITE.weight(PROCS.get(0), active, 200)).isEqualTo(1.0);
  }

  @Test
  void evictsEveryForeignProcessHomeInPidOrderWhenTheOwnerReturns() {
    assertThat(SPRITE.evictions(owned(0, 3, 100), PROCS, 100))
        .containsExactly(new Migration(5, 0, 4), new Migration(7, 0, 2));
    assertThat(SPRITE.evictions(owned(0, 3, 0), PROCS, 100)).isEmpty();
    assertThat(new IdleOwnerPolicy(30, 0.1, false).evictions(owned(0, 3, 100), PROCS, 100)).isEmpty();
  }

  @Test
  void noOwnerPolicyIsPermissive() {
    NoOwnerPolicy none = new NoOwnerPolicy();
    assertThat(none.acceptsForeign(owned(0, 0, 100), 100)).isTrue();
    assertThat(none.weight(PROCS.get(0), owned(0, 0, 100), 100)).isEqualTo(1);
    assertThat(none.evictions(owned(0, 0, 100), PROCS, 100)).isEmpty();
  }
}
