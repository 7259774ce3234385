package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.lambda.fixtures.ComparatorChains;
import org.junit.jupiter.api.Test;

class ComparatorChainTest {
  @Test
  void comparatorAndCollectorChainsOfMethodReferences() {
    LambdaHarness.Run run = LambdaHarness.check(ComparatorChains.class);
    assertThat(run.result()).isEqualTo("""
        Abe22,Abe30,Bea25,Cleo30,Dan25
        Abe22,Dan25,Bea25,Cleo30,Abe30
        Dan25,Abe30,Abe22,Cleo30,Bea25
        {22=[Abe], 25=[Bea, Dan], 30=[Cleo, Abe]}
        Abe<Bea<Cleo<Dan
        Person[name=Cleo, age=30, height=1.7]
        """);
  }
}
