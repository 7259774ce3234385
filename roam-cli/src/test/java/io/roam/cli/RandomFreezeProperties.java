package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property: whatever the moments of one to three freezes, a program's output and exit code are
 * those of its uninterrupted plain-java run.
 */
class RandomFreezeProperties {
  @Provide
  Arbitrary<Corpus.Program> programs() throws Exception {
    return Arbitraries.of(Corpus.programs());
  }

  @Property(tries = 12, seed = "20261126")
  void outputDoesNotDependOnWhenTheProgramIsFrozen(
      @ForAll("programs") Corpus.Program p,
      @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 1000) Integer> freezeMillis) throws Exception {
    Corpus.Baseline base = Corpus.baseline(p);
    Path dir = Files.createTempDirectory("roam-prop");
    List<Duration> chain = freezeMillis.stream().map(Duration::ofMillis).toList();
    FreezeChain.Result r = FreezeChain.run(dir, Corpus.classPath(), p.main(), chain);
    assertThat(new String(r.out())).as("%s frozen at %s: %s", p, chain, r.roamLines()).isEqualTo(base.run().outText());
    assertThat(new String(r.err())).as("%s frozen at %s", p, chain).isEqualTo(base.run().errText());
    assertThat(r.exit()).isEqualTo(p.exitCode());
  }
}
