package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.InterfaceHost;
import io.roam.instrument.lambda.fixtures.Shape;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceHostTest {
  @Test
  void lambdasInDefaultStaticAndPrivateInterfaceMethodsAndInTheInterfaceInitializer() {
    LambdaHarness.Run run = LambdaHarness.check(InterfaceHost.class);
    assertThat(run.result()).isEqualTo("""
        shape-constant
        square s with 4 sides
        square s
        40
        square s
        5
        private static x
        Square[label=s] true
        """);
  }

  @Test
  void accessorsOfAnInterfaceArePublicStaticSynthetic() throws Exception {
    LambdaHarness.Run run = LambdaHarness.check(InterfaceHost.class);
    Class<?> shape = run.loader().loadClass(Shape.class.getName());
    List<Method> accessors = Arrays.stream(shape.getDeclaredMethods())
        .filter(m -> m.getName().startsWith(LambdaRewriter.ACCESSOR_PREFIX)).toList();
    assertThat(accessors).hasSize(7).allSatisfy(m -> {
      assertThat(Modifier.isPublic(m.getModifiers())).isTrue();
      assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
      assertThat(m.isSynthetic()).isTrue();
    });
  }
}
