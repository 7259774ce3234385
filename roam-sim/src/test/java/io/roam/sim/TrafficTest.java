package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traffic model and its accounting on hand-driven processes (CPU progress set by the test). */
class TrafficTest {
  private static final double LOCAL = 5e-6;
  private static final double LATENCY = 1e-4;
  private static final double LINK = 1e6;
  private final double[] cpu = new double[8];

  /** Messages: 100 of 1000 B per CPU second; files: 10 operations of 5000 B per CPU second. */
  private Traffic traffic(int groupSize) {
    return new Traffic(groupSize, 100, 1000, 10, 5000, false, LATENCY, LOCAL, (long) LINK, s -> cpu[s]);
  }

  @Test
  void messagesOnOneNodeAreLocalAndAccountedBothWaysUnderThePeersNode() {
    Traffic t = traffic(2);
    int g = t.newGroup();
    t.join(0, g, 3);
    t.join(1, g, 3);
    t.moveTo(0, 3);
    t.moveTo(1, 3);
    cpu[0] = 1;
    cpu[1] = 1;
    t.settleGroupOf(0);
    assertThat(t.bytesToPeers(0)).isEqualTo(Map.of(3, 200_000L));
    assertThat(t.bytesToPeers(1)).isEqualTo(Map.of(3, 200_000L));
    assertThat(t.totals().localMessages()).isEqualTo(200);
    assertThat(t.totals().remoteMessages()).isZero();
    assertThat(t.fileBytesPerNode(0)).isEqualTo(Map.of(3, 50_000L));
    assertThat(t.totals().remoteFileBytes()).isZero();
    assertThat(t.leave(0)).isCloseTo(100 * LOCAL + 10 * LOCAL, within(1e-12));
  }

  @Test
  void aMovedPeerMakesLaterMessagesRemoteAndCarriesItsWholeHistoryToItsNewNode() {
    Traffic t = traffic(2);
    int g = t.newGroup();
    t.join(0, g, 0);
    t.join(1, g, 0);
    t.moveTo(0, 0);
    t.moveTo(1, 0);
    cpu[0] = 1;
    cpu[1] = 1;
    t.moveTo(1, 5);
    cpu[0] = 3;
    cpu[1] = 2;
    t.settleGroupOf(1);
    Traffic.Totals totals = t.totals();
    assertThat(totals.localMessages()).isEqualTo(200);
    assertThat(totals.remoteMessages()).isEqualTo(300);
    assertThat(totals.remoteMessageFraction()).isEqualTo(0.6);
    assertThat(t.bytesToPeers(0)).isEqualTo(Map.of(5, 500_000L));
    assertThat(t.bytesToPeers(1)).isEqualTo(Map.of(0, 500_000L));
    assertThat(t.messagesToPeers(0)).isEqualTo(Map.of(5, 500L));
    double remoteMessage = LATENCY + 1000 / LINK;
    double remoteFile = LATENCY + 5000 / LINK;
    assertThat(t.remoteCost(1000)).isCloseTo(remoteMessage, within(1e-15));
    assertThat(t.leave(1)).isCloseTo(100 * LOCAL + 10 * LOCAL + 100 * remoteMessage + 10 * remoteFile,
        within(1e-12));
    assertThat(t.fileBytesPerNode(1)).isEqualTo(Map.of(0, 100_000L));
    assertThat(t.totals().remoteFileBytes()).isEqualTo(50_000);
  }

  @Test
  void messagesSpreadOverLivePeersAndAnExitedPeerKeepsItsLastNode() {
    Traffic t = traffic(3);
    int g = t.newGroup();
    for (int s = 0; s < 3; s++) {
      t.join(s, g, 0);
      t.moveTo(s, s);
    }
    cpu[0] = 1;
    t.leave(2);
    assertThat(t.bytesToPeers(0)).isEqualTo(Map.of(1, 50_000L, 2, 50_000L));
    cpu[0] = 2;
    t.settleGroupOf(0);
    assertThat(t.bytesToPeers(0)).isEqualTo(Map.of(1, 150_000L, 2, 50_000L));
    t.leave(1);
    cpu[0] = 3;
    t.settleGroupOf(0);
    assertThat(t.totals().remoteMessages()).isEqualTo(200);
    assertThat(t.bytesToPeers(0)).isEqualTo(Map.of(1, 150_000L, 2, 50_000L));
  }

  @Test
  void aGroupIsReusedOnlyWhenAllItsMembersHaveLeftAndStartsClean() {
    Traffic t = traffic(2);
    int g = t.newGroup();
    t.join(0, g, 0);
    t.join(1, g, 0);
    t.moveTo(0, 0);
    t.moveTo(1, 1);
    cpu[0] = 1;
    t.leave(0);
    assertThat(t.newGroup()).isNotEqualTo(g);
    t.leave(1);
    int again = t.newGroup();
    assertThat(again).isEqualTo(g);
    cpu[0] = 0;
    t.join(0, again, 2);
    assertThat(t.bytesToPeers(0)).isEmpty();
    assertThat(t.fileBytesPerNode(0)).isEmpty();
  }

  @Test
  void aProcessNotYetOnANodeSendsNothing() {
    Traffic t = traffic(2);
    int g = t.newGroup();
    t.join(0, g, 0);
    t.join(1, g, 0);
    cpu[0] = 7;
    t.moveTo(1, 0);
    t.moveTo(0, 0);
    assertThat(t.totals().localMessages() + t.totals().remoteMessages()).isZero();
  }

  @Test
  void aPeerNotYetOnANodeIsNoPeerSoALocalStartHasNoRemoteMessages() {
    Traffic t = traffic(2);
    int g = t.newGroup();
    t.join(0, g, 0);
    t.join(1, g, 0);
    t.moveTo(0, 0);
    cpu[0] = 1e-15;
    t.moveTo(1, 0);
    assertThat(t.totals().remoteMessages()).isZero();
    cpu[0] = 1;
    cpu[1] = 1;
    t.settleGroupOf(0);
    assertThat(t.totals().remoteMessages()).isZero();
    assertThat(t.totals().localMessages()).isCloseTo(200, within(1e-9));
  }
}
