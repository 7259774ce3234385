package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.ProtectedAccess;
import org.junit.jupiter.api.Test;

class ProtectedAccessTest {
  @Test
  void protectedMethodsOfSuperclassesInOtherPackagesStayReachable() {
    LambdaHarness.Run run = LambdaHarness.check(ProtectedAccess.class);
    assertThat(run.result()).isEqualTo("""
        prot(a) protStatic(b) other-base/access/prot(t) clone of t
        [a, c, e]
        """);
  }
}
