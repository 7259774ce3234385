package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadHistoryTest {

  @Test
  void aReadSeesTheLoadOfExactlyAgeSecondsAgo() {
    LoadHistory h = new LoadHistory(2, 10);
    h.record(0, 0, 1);
    h.record(0, 4, 3);
    h.record(0, 12, 0);
    h.record(1, 5, 7);
    assertThat(h.at(0, 9.9)).isZero();    // before the run: empty
    assertThat(h.at(0, 10)).isEqualTo(1); // the load at time 0
    assertThat(h.at(0, 13.9)).isEqualTo(1);
    assertThat(h.at(0, 14)).isEqualTo(3);
    assertThat(h.at(0, 21.9)).isEqualTo(3);
    assertThat(h.at(0, 22)).isZero();
    assertThat(h.at(1, 14)).isZero();      // nodes are independent
    assertThat(h.at(1, 15)).isEqualTo(7);
  }

  @Test
  void severalChangesAtOneInstantCountAsTheLastAndAgeZeroIsThePresent() {
    LoadHistory h = new LoadHistory(1, 0);
    h.record(0, 1, 2);
    h.record(0, 1, 1); // a transfer arrives and is started in the same event
    assertThat(h.at(0, 1)).isEqualTo(1);
    h.record(0, 2, 5);
    assertThat(h.at(0, 2)).isEqualTo(5);
  }

  @Test
  void keepsEveryStepOfTheWindowPastItsInitialCapacity() {
    LoadHistory h = new LoadHistory(1, 100);
    for (int i = 1; i <= 1000; i++) {
      h.record(0, i, i);
    }
    for (int i = 1; i <= 1000; i++) {
      assertThat(h.at(0, i + 100.5)).isEqualTo(i);
    }
  }
}
