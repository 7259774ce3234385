package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.Adaptations;
import org.junit.jupiter.api.Test;

class AdaptationTest {
  @Test
  void boxingUnboxingWideningCastsAndDiscardsMatchLambdaMetafactory() {
    LambdaHarness.Run run = LambdaHarness.check(Adaptations.class);
    assertThat(run.result()).isEqualTo("""
        42 9 3 130 21 4.0 13.0 42 5 true 4 2.5 9 5.0 7 -1
        discarded
        NullPointerException ok:NaN ClassCastException NullPointerException
        """);
  }
}
