package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.V17;
import static org.objectweb.asm.Opcodes.V1_8;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Implementation handles javac does not emit (see {@link CraftedClasses}), at class versions 52 and 61. */
class HandcraftedHandleTest {
  /** {@code Object.toString()} of a {@code Crafted}, whose {@code hashCode()} is 42. */
  private static final String OBJECT_TO_STRING = "io.roam.instrument.lambda.fixtures.Crafted@2a";

  @ParameterizedTest
  @ValueSource(ints = {V1_8, V17})
  void privateProtectedConstructorAndInterfaceHandlesOfOtherCompilers(int version) {
    Map<String, byte[]> classes = CraftedClasses.all(version, false);
    LambdaHarness.Run run = LambdaHarness.check(CraftedClasses.CRAFTED.replace('/', '.'), classes::get);
    String privateViaVirtual = version >= V17 ? "private:default\n" : "";
    assertThat(run.result()).isEqualTo("crafted:default\n"
        + "private:default\n"
        + privateViaVirtual
        + "crafted:default\n"
        + "crafted:made\n"
        + "[listed]\n"
        + "5\n"
        + "iface-secrettt\n");
    assertThat(run.loader().generatedFor(CraftedClasses.CRAFTED)).hasSize(version >= V17 ? 7 : 6);
    assertThat(run.loader().generatedFor(CraftedClasses.IFACE)).hasSize(2);
  }

  /**
   * The rewritten class makes the super call with {@code invokespecial} in an accessor of the host
   * (the original cannot run: the JDK's metafactory does not link this handle).
   */
  @ParameterizedTest
  @ValueSource(ints = {V1_8, V17})
  void superCallHandleWorksAfterRewritingEvenWhereTheMetafactoryCannotLinkIt(int version) {
    Map<String, byte[]> classes = CraftedClasses.all(version, true);
    FixtureLoader loader = new FixtureLoader(classes::get, true, 0);
    LambdaHarness.Run run = LambdaHarness.run(CraftedClasses.CRAFTED.replace('/', '.'), loader);
    assertThat(run.result()).startsWith(OBJECT_TO_STRING + "\ncrafted:default\n");
    loader.defined().forEach((name, bytes) -> LambdaHarness.assertVerifies(name, bytes, loader));
  }
}
