package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.PrimitiveSpecializations;
import org.junit.jupiter.api.Test;

class PrimitiveSpecializationTest {
  @Test
  void genericAndPrimitiveFunctionalInterfacesWork() {
    LambdaHarness.Run run = LambdaHarness.check(PrimitiveSpecializations.class);
    assertThat(run.result()).startsWith("*** 3224 42 [1, 2, 3] ")
        .endsWith("**,****,******,********,********** 160\n");
  }
}
