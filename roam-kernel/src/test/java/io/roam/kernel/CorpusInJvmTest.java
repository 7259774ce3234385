package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus program, frozen every few milliseconds and each time written to a snapshot and
 * read back into a fresh process class loader (new classes, new statics) inside this JVM, prints
 * what it prints uninterrupted. The multi-JVM version of this is roam-cli's CorpusTest; this one is
 * fast and freezes more often: about eight times per program, spread over its run time.
 * {@code -Droam.corpus.only=corpus.A,corpus.B} runs only the named programs.
 */
class CorpusInJvmTest {
  @TempDir Path dir;

  static List<String[]> corpus() throws Exception {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = CorpusInJvmTest.class.getClassLoader().getResourceAsStream("corpus.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.trim();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(l.split("\\s+"));
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> frozenEveryFewMillisecondsThroughSnapshots() throws Exception {
    String cp = RewriteCorpusTest.locationOf("corpus.Sieve");
    String only = System.getProperty("roam.corpus.only", "");
    // The second CI pass (JDK 25) checks the instrumenter on that JDK: a third of the corpus.
    int step = Boolean.getBoolean("roam.jdk25") ? 3 : 1;
    List<String[]> all = corpus();
    return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % step == 0).mapToObj(all::get)
        .filter(p -> only.isEmpty() || List.of(only.split(",")).contains(p[0]))
        .map(p -> DynamicTest.dynamicTest(p[0], () -> {
      Path d = Files.createTempDirectory(dir, "p");
      long t0 = System.nanoTime();
      InJvm.Result plain = new InJvm().run(cp, p[0], new String[0], 0, false, d);
      // About eight freezes per program, never more often than every 7 ms.
      long every = Math.max(7_000, (System.nanoTime() - t0) / 1000 / 8);
      InJvm.Result frozen = new InJvm().run(cp, p[0], new String[0], every, true, d);
      // The plain run's time (rewriting included, on a loaded machine) can overshoot the program's
      // own: with fewer than two freezes, run again with requests four times as often.
      for (int retry = 0; retry < 3 && frozen.freezes() < 2; retry++) {
        every = Math.max(1_000, every / 4);
        frozen = new InJvm().run(cp, p[0], new String[0], every, true, d);
      }
      assertThat(frozen.err()).as(p[0]).isEqualTo(plain.err());
      assertThat(frozen.out()).as(p[0]).isEqualTo(plain.out());
      assertThat(frozen.exit()).as(p[0]).isEqualTo(plain.exit()).isEqualTo(p.length > 1 ? Integer.parseInt(p[1]) : 0);
      // About eight requests over the run: a resumed process that could not be captured again
      // (the bug DeadCode fixed) would stop at one.
      assertThat(frozen.freezes()).as(p[0]).isGreaterThanOrEqualTo(2);
    }));
  }
}
