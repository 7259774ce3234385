package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.Capturing;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class CapturingLambdaTest {
  @Test
  void capturedValuesOfEveryKindReachTheLambdaBody() {
    LambdaHarness.Run run = LambdaHarness.check(Capturing.class);
    assertThat(run.result()).startsWith("7/1099511627776/2.5/1.5/x/true/3/-4/s\n")
        .contains("same instance for a non-capturing site: true")
        .contains("fresh instance for a capturing site: true");
  }

  @Test
  void capturedValuesAreSettableFieldsOfTheGeneratedClass() throws Exception {
    LambdaHarness.Run run = LambdaHarness.check(Capturing.class);
    Method adder = run.loader().loadClass(Capturing.class.getName()).getDeclaredMethod("adder", int.class);
    adder.setAccessible(true);
    Object lambda = adder.invoke(null, 5);
    Field arg0 = lambda.getClass().getDeclaredField("arg0");
    assertThat(arg0.getType()).isEqualTo(int.class);
    assertThat(arg0.getModifiers() & (Modifier.FINAL | Modifier.STATIC | Modifier.PRIVATE | Modifier.PUBLIC))
        .isZero();
    arg0.setAccessible(true);
    arg0.setInt(lambda, 1000);
    assertThat(((IntUnaryOperator) lambda).applyAsInt(1)).isEqualTo(1001);
  }
}
