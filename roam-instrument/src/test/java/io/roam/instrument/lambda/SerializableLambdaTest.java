package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.SerializableLambdas;
import java.io.Serializable;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SerializableLambdaTest {
  @Test
  void serializableLambdasImplementSerializableAndSurviveObjectStreams() {
    LambdaHarness.Run run = LambdaHarness.check(SerializableLambdas.class);
    assertThat(run.result()).isEqualTo("""
        ran true 3 captured7 this.field
        4 captured7 this.field
        """);
    assertThat(run.lambdas()).allSatisfy(l -> {
      assertThat(l).isInstanceOf(Serializable.class);
      assertThat(Arrays.stream(l.getClass().getDeclaredMethods()).map(m -> m.getName()))
          .doesNotContain("writeReplace");
    });
  }

  @Test
  void deserializeLambdaIsLeftAsItIs() throws Exception {
    LambdaHarness.Run run = LambdaHarness.check(SerializableLambdas.class);
    Class<?> host = run.loader().loadClass(SerializableLambdas.class.getName());
    assertThat(Arrays.stream(host.getDeclaredMethods()).map(m -> m.getName())).contains("$deserializeLambda$");
    byte[] rewritten = run.loader().defined().get(SerializableLambdas.class.getName().replace('.', '/'));
    assertThat(LambdaHarness.metafactorySitesIn(rewritten, "$deserializeLambda$")).isPositive();
  }
}
