package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.BridgesAndMarkers;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BridgesAndMarkersTest {
  @Test
  void bridgesAndMarkerInterfacesOfAltMetafactory() {
    LambdaHarness.Run run = LambdaHarness.check(BridgesAndMarkers.class);
    assertThat(run.result()).isEqualTo("""
        A B c 42 42
        marked true false all! true true
        ClassCastException through the bridge
        generic;string; ClassCastException through the bridge 14
        """);
  }

  @Test
  void bridgeMethodsAreMarkedAsBridges() {
    LambdaHarness.Run run = LambdaHarness.check(BridgesAndMarkers.class);
    assertThat(methodsOf(run.lambdas().get(5))).contains("put(String) -> void", "put(Object) bridge -> void");
    assertThat(methodsOf(run.lambdas().get(6))).contains("get() -> Integer", "get() bridge -> Number");
  }

  private static List<String> methodsOf(Object lambda) {
    return Arrays.stream(lambda.getClass().getDeclaredMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
            .collect(Collectors.joining(",", "(", ")")) + (m.isBridge() ? " bridge" : "") + " -> "
            + m.getReturnType().getSimpleName())
        .toList();
  }
}
