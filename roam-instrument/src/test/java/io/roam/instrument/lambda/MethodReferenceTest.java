package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.MethodRefs;
import org.junit.jupiter.api.Test;

class MethodReferenceTest {
  @Test
  void staticVirtualInterfaceAndConstructorReferencesBehaveAsCompiled() {
    LambdaHarness.Run run = LambdaHarness.check(MethodRefs.class);
    assertThat(run.result()).isEqualTo("""
        4 true pre-fix 12 3105 sb 3 twtw
        [x] b! {k=1} 3 2 [p, q] [v, w] <5>
        printed|42| NPE for a null bound receiver
        """);
  }
}
