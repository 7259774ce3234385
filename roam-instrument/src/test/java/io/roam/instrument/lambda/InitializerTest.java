package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.Initializers;
import org.junit.jupiter.api.Test;

class InitializerTest {
  @Test
  void lambdasFromInitializersConstructorsAndSuperConstructorArguments() {
    LambdaHarness.Run run = LambdaHarness.check(Initializers.class);
    assertThat(run.result()).isEqualTo("""
        static field
        clinit-lambda
        hello from a method reference
        instance field of abc | block 5 | constructor abc 8589934592 | super argument 3
        instance field of 42 | block 5 | constructor 42 8589934592 | super argument 2
        """);
  }
}
