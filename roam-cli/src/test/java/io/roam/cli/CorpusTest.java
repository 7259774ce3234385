package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus program under {@code roam local run} gives the bytes of plain {@code java}: once
 * uninterrupted, frozen once early and once late (each resumed in a fresh JVM), and frozen three
 * times in a chain of four JVMs.
 */
class CorpusTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> uninterruptedRunEqualsPlainJava() throws Exception {
    return Corpus.programs().stream().map(p -> DynamicTest.dynamicTest(p.main(), () -> {
      Corpus.Baseline base = Corpus.baseline(p);
      assertThat(base.run().exit()).as("plain java exit code of " + p).isEqualTo(p.exitCode());
      Jvm.Run r = Jvm.roam("local", "run", "--cp", Corpus.classPath(), p.main());
      assertThat(r.errText()).isEqualTo(base.run().errText());
      assertThat(r.outText()).isEqualTo(base.run().outText());
      assertThat(r.out()).isEqualTo(base.run().out());
      assertThat(r.exit()).isEqualTo(p.exitCode());
    }));
  }

  @TestFactory
  Stream<DynamicTest> frozenAndResumedEqualsPlainJava() throws Exception {
    return Corpus.programs().stream().map(p -> DynamicTest.dynamicTest(p.main(), () -> {
      Corpus.Baseline base = Corpus.baseline(p);
      long d = Math.max(base.millis(), 200);
      int frozen = 0;
      for (List<Duration> chain : List.of(
          List.of(Duration.ofMillis(d / 5)),
          List.of(Duration.ofMillis(d * 3 / 5)),
          List.of(Duration.ofMillis(d / 6), Duration.ofMillis(d / 6), Duration.ofMillis(d / 6)))) {
        Path sub = java.nio.file.Files.createTempDirectory(dir, "chain");
        FreezeChain.Result r = FreezeChain.run(sub, Corpus.classPath(), p.main(), chain);
        assertThat(new String(r.err())).as("stderr of %s frozen at %s %s", p, chain, r.roamLines())
            .isEqualTo(base.run().errText());
        assertThat(new String(r.out())).as("stdout of %s frozen at %s %s", p, chain, r.roamLines())
            .isEqualTo(base.run().outText());
        assertThat(r.out()).isEqualTo(base.run().out());
        assertThat(r.exit()).as("exit code of %s frozen at %s %s", p, chain, r.roamLines()).isEqualTo(p.exitCode());
        frozen += r.freezes();
      }
      assertThat(frozen).as("freezes that happened for " + p).isGreaterThanOrEqualTo(2);
    }));
  }
}
