package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.Specials;
import org.junit.jupiter.api.Test;

class PrivateAndSuperTest {
  @Test
  void privateMethodsConstructorsAndSuperCallsGoThroughTheHostsAccessor() {
    LambdaHarness.Run run = LambdaHarness.check(Specials.class);
    assertThat(run.result()).isEqualTo("""
        s1:a derived
        io.roam.instrument.lambda.fixtures.Specials@2a base base+derived
        s1:inner s1:inner-lambda
        static:nested Specials(made) u:of
        s1:deeper/s1
        """);
  }
}
