package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.NestedLambdas;
import org.junit.jupiter.api.Test;

class NestedLambdaTest {
  @Test
  void lambdasInsideLambdasAnonymousAndLocalClasses() {
    LambdaHarness.Run run = LambdaHarness.check(NestedLambdas.class);
    assertThat(run.result()).isEqualTo("""
        321
        3628800
        deep 200 100
        [ab, ab, ab]
        anon+in!
        42
        """);
  }
}
